"""The window rendered without anyone at it: ``--screenshot`` (a view written to PNG),
``--view`` (which view: :data:`VIEWS`) and ``--soak`` (a long run of operations).

Each captures a simulated document and examines it synchronously first, so the view
shows a real examination; :func:`apply_view` is also how the tests show a view.
"""

from __future__ import annotations

import sys
import time

#: Views ``--view`` accepts: the image area's modes and tools, then the panels.
VIEWS = ("capture", "side-by-side", "blend", "swipe", "difference", "false-colour", "checks",
         "flicker", "zones", "measure", "loupe", "chip", "back", "barcodes", "alert", "cases",
         "review", "trends", "trainer", "trainer-debrief", "trainer-progress")
#: Views that read the chip, or capture the back, of a document that has both.
DOCUMENT_VIEWS = ("chip", "back", "barcodes", "alert")
#: Views comparing two images, under the light ``--light`` names.
TWO_IMAGE_VIEWS = ("side-by-side", "blend", "swipe", "difference", "flicker", "zones", "measure",
                   "loupe")
#: Views of the case database (they open the data folder's database).
DATABASE_VIEWS = ("alert", "cases", "review", "trends")
#: Views for a supervisor (``--user`` must name one).
SUPERVISOR_VIEWS = ("alert", "review", "trends")
#: The forgery shown by ``--view`` when none is named (a principal view shows a forged page).
DEFAULT_VIEW_FORGERY = "portrait_substituted"
#: ... and per panel: what each panel is there to show.
VIEW_FORGERIES = {"back": "viz_data_altered", "barcodes": "viz_data_altered",
                  "alert": "viz_data_altered"}



def _capture_and_examine(window: object, size: tuple[int, int]) -> int:
    """Show the window at ``size`` in its default layout, capture every light and examine
    synchronously; returns 0, or 1 with the reason on standard error."""
    from PySide6.QtWidgets import QApplication

    from workstation.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.resize(*size)
    window.default_layout()  # the same picture whatever the user's saved layout
    window.show()
    QApplication.processEvents()
    reader = window.reader
    if reader is None:
        print(f"workstation-gui: error: {window.last_error or 'no reader'}", file=sys.stderr)
        return 1
    try:
        window.work.take(reader.capture_all(), examine=False)
        try:
            window.work.examine_now()
        except Exception as exc:
            window.show_error(f"Examination failed: {exc}")
    except Exception as exc:
        print(f"workstation-gui: error: {exc}", file=sys.stderr)
        return 1
    return 0


def run_soak(window: object, operations: int, size: tuple[int, int]) -> int:
    """Capture, examine, then run :func:`workstation.ui.soak.soak`."""
    from workstation.ui.soak import soak

    status = _capture_and_examine(window, size)
    if status:
        return status
    t0 = time.perf_counter()
    done = soak(window, operations)  # type: ignore[arg-type]
    kinds = ", ".join(f"{v} {k}" for k, v in done.items())
    print(f"soak: {operations} operations in {time.perf_counter() - t0:.1f} s ({kinds}), "
          "no abort", file=sys.stderr)
    window.close()  # type: ignore[attr-defined]
    return 0


def run_screenshot(window: object, path: str, view: str, size: tuple[int, int], *,
                   check_layout: bool = False, light: str | None = None) -> int:
    """Capture and examine synchronously, show ``view`` (a two-image view under
    ``light``), write the PNG (and, with ``check_layout``, list the clipped widgets)."""
    from PySide6.QtWidgets import QApplication

    from workstation.ui.main_window import MainWindow
    from workstation.ui.panel_views import ViewError

    assert isinstance(window, MainWindow)
    if view in DATABASE_VIEWS:
        status = _open_database(window, supervisor=view in SUPERVISOR_VIEWS, view=view)
        if status:
            return status
    status = _capture_and_examine(window, size)
    if status:
        return status
    if light is not None and view in TWO_IMAGE_VIEWS:
        missing = _missing_light(window, light)
        if missing:
            print(f"workstation-gui: error: --light: {missing}", file=sys.stderr)
            window.close()
            return 2
    try:
        apply_view(window, view, light=light)
    except ViewError as exc:
        print(f"workstation-gui: error: {exc}", file=sys.stderr)
        return 1
    QApplication.processEvents()
    try:
        window.save_screenshot(path)
    except OSError as exc:
        print(f"workstation-gui: error: {exc}", file=sys.stderr)
        return 2
    problems: list[str] = []
    if check_layout:
        from workstation.ui.layout_audit import layout_problems

        problems = layout_problems(window, size)
        for line in problems:
            print(f"layout: {line}", file=sys.stderr)
    window.close()
    print(path, file=sys.stderr)
    return 1 if problems else 0


def _missing_light(window: object, light: str) -> str | None:
    """Why ``light`` cannot be shown (the capture has no image under it), or ``None``."""
    from workstation.session.viewer import Origin, SourceKey
    from workstation.types import Light
    from workstation.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    wanted = Light.parse(light)
    st = window.state
    if st.has(SourceKey(Origin.CAPTURE, wanted)):
        return None
    have = ", ".join(k.light.value for k in st.sources if k.origin is Origin.CAPTURE)
    return (f"the capture has no {wanted.value} image (the reader captured: {have}); "
            f"a reader with that light is set in devices.json (docs/architecture.md)")


def _open_database(window: object, *, supervisor: bool, view: str) -> int:
    """Open the data folder's case database for a view of it (a supervisor's view needs
    ``--user`` to name a supervisor)."""
    from workstation.ui.main_window import MainWindow
    from workstation.ui.panel_views import ViewError, wait_until

    assert isinstance(window, MainWindow)
    failed: list[str] = []
    window.desk.failed.connect(lambda m, _d="": failed.append(m))
    window.open_cases_async()
    try:
        wait_until(lambda: bool(failed) or (window.cases is not None
                                            and window.user is not None), "opening the "
                   "case database")
    except ViewError as exc:
        failed.append(str(exc))
    if failed:
        print(f"workstation-gui: error: {failed[0]}", file=sys.stderr)
        return 1
    if supervisor and not window.desk.is_supervisor:
        print(f"workstation-gui: error: --view {view} is a supervisor's view: --user must name "
              f"a supervisor of the case database (not {window.user_name})", file=sys.stderr)
        return 2
    return 0


def apply_view(window: object, view: str, *, light: str | None = None) -> None:
    """Set the window to one of :data:`VIEWS` (used by ``--view`` and the tests); a
    two-image view shows ``light`` (a light name) when the capture has it."""
    from PySide6.QtWidgets import QApplication

    from workstation.session.viewer import Mode, Origin, SourceKey, Tool
    from workstation.types import CheckStatus, Light
    from workstation.ui.main_window import MainWindow
    from workstation.ui.panel_views import PANEL_VIEWS, apply_panel_view

    assert isinstance(window, MainWindow)
    if view in PANEL_VIEWS:
        apply_panel_view(window, view)
        return
    st = window.state
    has_spec = any(k.origin is Origin.SPECIMEN for k in st.sources)
    cap = [k for k in st.sources if k.origin is Origin.CAPTURE]
    if view == "capture":
        st.set_mode(Mode.CAPTURE)
        st.viewport.fit()
        return
    if view == "checks":
        window.tabs.setCurrentIndex(0)
        exam = window.examination
        if exam is not None:
            order = [c for c in exam.checks if c.status is CheckStatus.FAIL and c.zone] + \
                    [c for c in exam.checks if c.status is CheckStatus.WARN and c.zone]
            if order:
                window.checks_panel.select(order[0])
                return
        st.set_mode(Mode.SIDE_BY_SIDE)
        return
    if view == "false-colour":
        st.set_mode(Mode.FALSE_COLOUR)
        st.viewport.fit()
        return
    # two-image views: questioned against specimen under white (or UV for flicker)
    shown = Light.UV if view in ("blend", "flicker", "difference", "loupe") else Light.WHITE
    if light is not None and st.has(SourceKey(Origin.CAPTURE, Light.parse(light))):
        shown = Light.parse(light)
    a = SourceKey(Origin.CAPTURE, shown)
    b = SourceKey(Origin.SPECIMEN, shown) if has_spec else (
        cap[1] if len(cap) > 1 else a)
    if st.has(a) and st.has(b):
        st.set_sources(a, b)
    mode = {"side-by-side": Mode.SIDE_BY_SIDE, "blend": Mode.BLEND, "swipe": Mode.SWIPE,
            "difference": Mode.DIFFERENCE, "flicker": Mode.FLICKER, "zones": Mode.SIDE_BY_SIDE,
            "measure": Mode.SIDE_BY_SIDE, "loupe": Mode.SIDE_BY_SIDE}[view]
    st.set_mode(mode)
    st.viewport.fit()
    if view == "zones" and st.zones:
        window.area.zones_button.setChecked(True)
    if view == "measure":
        _demo_marks(window)
        window.area.set_tool(Tool.RULER)
    if view == "loupe":
        # the magnifier over the edge of the portrait, where a substitution shows
        w, h = st.content_size
        target = (0.30 * w, 0.52 * h)
        for z in st.zones:
            if "portrait" in z.id and "pattern" in z.id:
                target = (z.rect[0] + z.rect[2] / 2, z.rect[1] + z.rect[3] / 2)
        QApplication.processEvents()
        window.area.loupe_button.setChecked(True)
        canvas = window.area.canvases[0]
        canvas.show_loupe_at(*st.viewport.image_to_view(*target))


def _demo_marks(window: object) -> None:
    """A ruler along the page's width and a mark, to show measurement."""
    from workstation.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    st = window.state
    w, h = st.content_size
    ann = window.annotator
    from workstation.session.viewer import Tool

    assert st.a is not None

    def click(x: float, y: float, text: str = "") -> None:
        assert st.a is not None
        image, point, dpi = st.annotation_target(st.a, x * w, y * h)
        ann.click(*point, image=image, dpi=dpi, text=text)

    ann.set_tool(Tool.RULER)
    click(0.02, 0.98)
    click(0.98, 0.98)
    ann.set_tool(Tool.RECTANGLE)
    click(0.03, 0.24)
    click(0.30, 0.79, "portrait edge")
    ann.set_tool(Tool.ARROW)
    click(0.45, 0.62)
    click(0.36, 0.55, "pattern stops here")
    ann.set_tool(Tool.PAN)
    window.work.marks_changed()
    st.changed()
