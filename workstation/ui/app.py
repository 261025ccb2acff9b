"""Start the window: ``python main.py [--screenshot out.png] [--view NAME]``.

``--screenshot`` starts with the simulated reader, places a Utopia document on
its platen, captures every light, examines the capture when the examination
package is installed, shows the view ``NAME``, writes the window to a PNG and
exits. It works without a display (``QT_QPA_PLATFORM=offscreen``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from workstation.i18n import LANGUAGES, normalise
from workstation.ui.offline import (
    DEFAULT_VIEW_FORGERY,
    DOCUMENT_VIEWS,
    VIEW_FORGERIES,
    VIEWS,
    run_screenshot,
    run_soak,
)

if TYPE_CHECKING:
    from workstation.hardware.base import Reader
    from workstation.session.examination import ExamineFn

def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="workstation-gui",
                                description="The document-examination window.")
    p.add_argument("--screenshot", metavar="PNG",
                   help="capture with the simulated reader, render the window to PNG, exit")
    p.add_argument("--view", choices=VIEWS, help="the view to show (with --screenshot)")
    p.add_argument("--light", default=None, metavar="NAME",
                   help="the light of a two-image view (default white; UV for blend, "
                        "flicker, difference and loupe), e.g. oblique, transmitted, coaxial")
    p.add_argument("--document", default=None, help="document on the simulated platen "
                   "(default UTO-P-2020)")
    p.add_argument("--forgery", default=None,
                   help="forgery on the simulated platen ('genuine' for none)")
    p.add_argument("--seed", type=int, default=None, help="simulator seed")
    p.add_argument("--theme", choices=("dark", "light"), default=None)
    p.add_argument("--lang", metavar="LANG", default=None,
                   help="the window's language: en, mn (Mongolian), ru (Russian); default: "
                        "the language chosen last (View > Language), else the system's")
    p.add_argument("--size", default="1680x1050", help="window size WxH for --screenshot")
    p.add_argument("--user", metavar="NAME", default=None,
                   help="the session's user (default $WORKSTATION_USER; else chosen at start)")
    p.add_argument("--quit-after-show", action="store_true",
                   help="exit as soon as the window is shown and usable (for benchmarks)")
    p.add_argument("--check-layout", action="store_true",
                   help="with --screenshot: list every clipped widget on standard error "
                        "(exit 1 when there is one)")
    p.add_argument("--soak", type=int, metavar="N", default=None,
                   help="capture and examine a simulated document, drive the window through "
                        "N paints, marks, zooms and switches, exit (a long-run test)")
    return p


def missing_display(environ: dict[str, str] | None = None) -> bool:
    """Whether Qt has nowhere to show a window: on Linux, no X or Wayland display and no
    ``QT_QPA_PLATFORM`` chosen (Qt would abort with a long message)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return False
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the window; returns the exit status (2 on bad arguments or an unwritable file)."""
    t_start = time.perf_counter()
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        w_px, h_px = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        print(f"workstation-gui: error: --size must be WxH, got {args.size!r}", file=sys.stderr)
        return 2
    if args.lang is not None and normalise(args.lang) is None:
        print(f"workstation-gui: error: unknown language {args.lang!r} (known: "
              f"{', '.join(LANGUAGES)})", file=sys.stderr)
        return 2
    if args.light is not None:
        from workstation.types import Light

        try:
            Light.parse(args.light)
        except ValueError as exc:
            print(f"workstation-gui: error: --light: {exc}", file=sys.stderr)
            return 2
    if args.soak is not None and args.soak < 0:
        print("workstation-gui: error: --soak needs a number of operations >= 0",
              file=sys.stderr)
        return 2
    if args.screenshot:
        target = os.path.abspath(args.screenshot)
        if not os.path.isdir(os.path.dirname(target)):
            print(f"workstation-gui: error: folder of {args.screenshot} does not exist",
                  file=sys.stderr)
            return 2

    if missing_display():
        if not (args.screenshot or args.soak is not None):
            print("workstation-gui: error: no display to open the window on (DISPLAY and "
                  "WAYLAND_DISPLAY are unset); run it on a desktop, or render it with "
                  "--screenshot out.png", file=sys.stderr)
            return 2
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    offline = bool(args.screenshot) or args.soak is not None
    if args.screenshot and args.view and args.view.startswith("trainer"):
        from workstation.ui.trainer_shots import trainer_screenshot

        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            quiet_offscreen_warnings()
        return trainer_screenshot(os.path.abspath(args.screenshot), args.view, (w_px, h_px),
                                  args.theme, args.lang)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from workstation.errors import WorkstationError
    from workstation.ui.language import LanguageSwitch, start_language
    from workstation.ui.main_window import MainWindow, settings_store

    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        quiet_offscreen_warnings()
    app = QApplication.instance() or QApplication(["workstation"])
    app.setApplicationName("Workstation")
    assert isinstance(app, QApplication)
    user = session_user(args)
    settings = settings_store()
    language = LanguageSwitch(settings, app)
    try:
        language.apply(start_language(args.lang, settings))
    except WorkstationError as exc:  # a missing catalogue: the window still opens
        print(f"workstation-gui: {exc}", file=sys.stderr)
    window = MainWindow(None, theme=args.theme, user=user, store=not offline,
                        ask_user=user is None and not (args.quit_after_show or offline),
                        settings=settings, language=language)

    forgery = args.forgery
    if forgery is None and args.view is not None and args.screenshot:
        forgery = VIEW_FORGERIES.get(args.view, DEFAULT_VIEW_FORGERY)
    document = args.document or ("UTO-ID-2021" if args.view in DOCUMENT_VIEWS else "UTO-P-2020")
    platen = None
    if offline or args.document or args.forgery or args.seed is not None:
        platen = (document, "" if forgery in (None, "genuine") else forgery,
                  args.seed if args.seed is not None else 7)

    if offline:
        try:
            reader, examine, notice = open_collaborators()
        except Exception as exc:
            print(f"workstation-gui: error: no reader: {exc}", file=sys.stderr)
            return 1
        window.examine_fn = examine
        window.set_reader(reader)
        if notice:
            window.show_error(notice)
        if platen is not None:
            window.place_document(*platen)
        if args.soak is not None:
            return run_soak(window, args.soak, (w_px, h_px))
        return run_screenshot(window, args.screenshot, args.view or "capture", (w_px, h_px),
                           check_layout=args.check_layout, light=args.light)

    # Signal handlers (lamps off on SIGTERM, SIGHUP...) run even while the loop is idle.
    from workstation.ui.signal_wakeup import install_signal_wakeup

    install_signal_wakeup(app)
    # Show the window first; open the reader and load the examination in a worker.
    window.set_reader(None, opening=True)
    close_on_termination(window)
    window.show()
    start_collaborators(window, platen)
    if args.quit_after_show:
        def _done() -> None:
            print(f"usable after {(time.perf_counter() - t_start) * 1000:.0f} ms",
                  file=sys.stderr)
            window.close()
            app.quit()
        QTimer.singleShot(0, _done)
    return int(app.exec())


def close_on_termination(window: object) -> None:
    """SIGTERM (a logout, ``kill``, a service manager) and SIGINT close the window as its
    close button does: the draft's findings are saved, workers finish or are cancelled,
    the layout is kept; the program then exits with status 0.

    Qt's event loop does not return to Python on its own, so the signal is written to a
    socket (``signal.set_wakeup_fd``) that a ``QSocketNotifier`` watches: Python runs the
    handler as soon as the signal arrives, even when the window is idle.
    """
    import contextlib
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier, QTimer
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, window)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)

    notifier.activated.connect(drain)

    def on_signal(signum: int, _frame: object) -> None:
        print(f"workstation-gui: {signal.Signals(signum).name}: closing the window",
              file=sys.stderr)
        QTimer.singleShot(0, window.close)

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, on_signal)
    _TERMINATION.append((reader, writer, notifier))  # kept for the program's life


#: The wake-up sockets and their notifier (see :func:`close_on_termination`).
_TERMINATION: list[object] = []


#: What Qt's offscreen platform prints for every window it cannot size from hints; it
#: says nothing about the program, and it buries real messages on standard error.
_OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()",)


def quiet_offscreen_warnings() -> None:
    """Drop the offscreen platform's size-hint notices; pass every other Qt message on."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        if message in _OFFSCREEN_NOISE:
            return
        print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def session_user(args: argparse.Namespace) -> str | None:
    """The session's user from the command line: ``--user``, else ``$WORKSTATION_USER``,
    else the login name with ``--screenshot``; ``None``: chosen in the window at start."""
    user = (args.user or os.environ.get("WORKSTATION_USER", "")).strip() or None
    if user is None and (args.screenshot or args.soak is not None):
        from workstation.paths import login_name

        return login_name()
    return user


def open_collaborators() -> tuple[Reader, ExamineFn | None, str]:
    """Open the reader (the configured one, else the simulator) and load the examination
    pipeline; returns ``(reader, examine, notice)``. Slow: call it off the GUI thread."""
    from workstation.hardware.config import open_startup_reader
    from workstation.session.examination import default_examine

    startup = open_startup_reader()
    return startup.reader, default_examine(), startup.notice or ""


def start_collaborators(window: object, platen: tuple[str, str, int] | None) -> None:
    """Open the reader and the examination pipeline in a worker, then hand them to the
    window; then the case database opens and an examination a crash left unfinished is
    reopened."""
    import threading

    from workstation.session.jobs import ProgressFn
    from workstation.ui.main_window import MainWindow
    from workstation.ui.texts import tx

    assert isinstance(window, MainWindow)

    def work(progress: ProgressFn, cancel: threading.Event
             ) -> tuple[Reader, ExamineFn | None, str]:
        progress(0, 0, "Opening the reader…")
        result = open_collaborators()
        # the device settings' modules, imported here, off the event loop
        import workstation.session.devices
        import workstation.ui.devices

        del workstation.session.devices, workstation.ui.devices
        return result

    def done(result: tuple[Reader, ExamineFn | None, str]) -> None:
        reader, examine, notice = result
        window.examine_fn = examine
        window.set_reader(reader)
        if notice:
            window.show_error(notice)
        chosen = platen or window.remembered_platen()
        if chosen is not None and callable(getattr(reader, "load_document", None)):
            window.place_document(*chosen)
        window.reader_control.add_device_settings(window.left_tabs)
        window.open_cases_async()
        window.work.recover()
        # what the first examination would wait for (models, specimens at work density),
        # loaded now while the examiner places the document (issue 14: no waiting)
        from workstation.session.warmup import warm_up

        window.runner.submit(tx("window", "Warming up"),
                             lambda p, c: warm_up(p, c, database=False),
                             done=lambda _w: None, failed=lambda _m, _d: None)

    def failed(message: str, details: str) -> None:
        window.set_reader(None)
        window.show_error(message, details)

    window.runner.submit(tx("window", "Opening the reader"), work, done=done, failed=failed)
