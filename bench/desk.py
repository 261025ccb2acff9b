"""Space to verdict at the desk: the window as the examiner meets it.

    QT_QPA_PLATFORM=offscreen python -m bench.desk [--runs 12] [--document UTO-P-2020]

The window is built as ``python main.py`` builds it (the configured reader, here the
simulator; the case database in a fresh data folder; the warm-up of models and
specimens in the background). Once the warm-up has finished, each run places a document
on the simulator's platen (genuine and forged pages in turn), presses Space and waits
until the window has shown the verdict (the checks panel filled, events processed).

Printed per run kind (milliseconds, median and p95):

* ``Space to verdict`` — key press to verdict on screen, wall time;
* ``reader capture`` — the reader's own ``capture_all`` (on the simulator: rendering
  every light; on a device: exposures and transfer), wall time;
* ``Space to verdict less capture`` — what the workstation adds (issue 14: <= 1 s);
* ``CPU`` — user + system time of the process over the run (a loaded machine shows in
  wall time, much less in CPU), and less the capture thread's own CPU time.

The first Space after the warm-up is reported on its own row.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _p95(values: list[float]) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(0.95 * (len(s) - 1)))]


def run(runs: int, document: str) -> list[dict[str, float]]:
    """Time ``runs`` Space presses after the first; returns one dict per press
    (``verdict_ms``, ``capture_ms``, ``cpu_ms``, ``first``)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from workstation.ui.app import quiet_offscreen_warnings, start_collaborators
    from workstation.ui.bridge import listen
    from workstation.ui.main_window import MainWindow

    quiet_offscreen_warnings()
    app = QApplication.instance() or QApplication(["workstation"])
    window = MainWindow(None, user="bench", ask_user=False)
    window.resize(1600, 1000)
    window.show()
    start_collaborators(window, (document, "", 7))

    def wait(cond: Any, timeout_s: float, what: str) -> None:
        end = time.monotonic() + timeout_s
        while not cond():
            if time.monotonic() > end:
                raise SystemExit(f"bench.desk: timed out waiting for {what}")
            app.processEvents()
            time.sleep(0.002)

    wait(lambda: window.reader is not None, 120, "the reader")
    wait(lambda: not window.runner.running, 300, "the warm-up")
    reader = window.reader
    assert reader is not None
    captured: list[float] = []
    captured_cpu: list[float] = []
    original = reader.capture_all

    def timed_capture_all(*args: Any, **kwargs: Any) -> Any:
        t, c = time.perf_counter(), time.thread_time()
        try:
            return original(*args, **kwargs)
        finally:
            captured.append((time.perf_counter() - t) * 1000)
            captured_cpu.append((time.thread_time() - c) * 1000)

    reader.capture_all = timed_capture_all  # type: ignore[method-assign]
    shown: list[float] = []
    listen(window.work.examined, lambda _s: shown.append(time.perf_counter()), window)

    forgeries = [f for f in reader.forgeries if f not in ("", "genuine")][:3]  # type: ignore[attr-defined]
    kinds = ["", *forgeries]
    out: list[dict[str, float]] = []
    for i in range(runs + 1):
        reader.load_document(document, kinds[i % len(kinds)] or None, 100 + i)  # type: ignore[attr-defined]
        wait(lambda: not window.runner.running, 120, "the window to be idle")
        n_shown, n_cap = len(shown), len(captured)
        cpu0 = time.process_time()
        t0 = time.perf_counter()
        QTest.keyClick(window, Qt.Key.Key_Space)
        wait(lambda n=n_shown: len(shown) > n, 120, "the verdict")
        app.processEvents()
        t1 = time.perf_counter()
        cpu1 = time.process_time()
        if len(captured) <= n_cap or window.examination is None:
            raise SystemExit("bench.desk: Space did not capture and examine")
        out.append({"verdict_ms": (t1 - t0) * 1000, "capture_ms": captured[n_cap],
                    "cpu_ms": (cpu1 - cpu0) * 1000,
                    "capture_cpu_ms": captured_cpu[n_cap], "first": float(i == 0)})
    window.close()
    return out


def table(rows: list[dict[str, float]]) -> list[tuple[str, str, str, str]]:
    """``(what, median, p95, n)`` rows for the first press and the later ones."""
    lines: list[tuple[str, str, str, str]] = []
    for label, sel in (("first Space after warm-up", [r for r in rows if r["first"]]),
                       ("later Spaces", [r for r in rows if not r["first"]])):
        if not sel:
            continue
        for what, values in (
                ("Space to verdict", [r["verdict_ms"] for r in sel]),
                ("reader capture", [r["capture_ms"] for r in sel]),
                ("Space to verdict less capture",
                 [r["verdict_ms"] - r["capture_ms"] for r in sel]),
                ("CPU (process)", [r["cpu_ms"] for r in sel]),
                ("CPU less the reader's capture",
                 [r["cpu_ms"] - r["capture_cpu_ms"] for r in sel])):
            lines.append((f"{label}: {what}", f"{statistics.median(values):.0f}",
                          f"{_p95(values):.0f}", str(len(values))))
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.desk", description=__doc__.split("\n")[0])
    p.add_argument("--runs", type=int, default=12, help="Space presses after the first")
    p.add_argument("--document", default="UTO-P-2020")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-desk-") as home:
        os.environ["WORKSTATION_HOME"] = home
        rows = run(args.runs, args.document)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"bench.desk: {args.document}, {args.runs} runs after the first, "
          f"load average {load:.1f}")
    print(f"| {'what':<52} | median ms | p95 ms | n |")
    print(f"|{'-' * 54}|-----------|--------|---|")
    for what, med, p95, n in table(rows):
        print(f"| {what:<52} | {med:>9} | {p95:>6} | {n} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
