"""The centre of the window: a toolbar for the view mode and the panes that show it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workstation.findings import Annotation
from workstation.labels import FACE_TITLES
from workstation.session.display import FACES
from workstation.session.viewer import (
    Annotator,
    Mode,
    Pane,
    SourceKey,
    Tool,
    ViewerState,
    grid_shape,
)
from workstation.ui.canvas import ImageCanvas
from workstation.ui.flow_layout import FlowLayout
from workstation.ui.pane_titles import source_title
from workstation.ui.texts import T, Text, bind, tx
from workstation.ui.theme import DARK, Theme
from workstation.ui.widgets import mk_combo, mk_label, mk_slider, mk_tool, named
from workstation.ui.window_tools import FACE_TIPS, TOOL_NAMES


class ImageArea(QWidget):
    """Mode bar, source choosers, mode options and the synchronised panes."""

    hovered = Signal(float, float)
    annotation_added = Signal(object)
    faceChosen = Signal(str)
    """The examiner chose a face to show: ``front`` or ``back``."""

    def __init__(self, state: ViewerState, annotator: Annotator,
                 theme: Callable[[], Theme] = lambda: DARK, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.state = state
        self.annotator = annotator
        self.theme = theme
        self.canvases: list[ImageCanvas] = []
        self._syncing = False
        self._grid: tuple[int, int] = (0, 0)

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        bar = named(QWidget(), "toolbar")
        bl = FlowLayout(bar, spacing=4)  # wraps onto a second row on a narrow window
        bl.setContentsMargins(6, 4, 6, 4)
        self.face_group = QButtonGroup(self)
        self.face_buttons: dict[str, QToolButton] = {}
        for face in FACES:
            b = mk_tool(Text("labels", FACE_TITLES[face]), checkable=True)
            b.setObjectName("faceButton")
            bind(b.setToolTip, FACE_TIPS[face])
            b.setVisible(False)
            self.face_group.addButton(b)
            self.face_buttons[face] = b
            b.clicked.connect(lambda _=False, f=face: self.faceChosen.emit(f))
            bl.addWidget(b)
        self.face_buttons["front"].setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[Mode, QToolButton] = {}
        for mode in Mode:
            b = mk_tool(Text("modes", mode.label), checkable=True)
            bind(b.setToolTip, T("image area", "{mode} view").format(
                mode=Text("modes", mode.label)))
            self.mode_group.addButton(b)
            self.mode_buttons[mode] = b
            b.clicked.connect(lambda _=False, m=mode: self.state.set_mode(m))
            bl.addWidget(b)
        self.bar2 = named(QWidget(), "toolbar2")
        bl2 = FlowLayout(self.bar2, spacing=6)
        bl2.setContentsMargins(6, 0, 6, 4)
        self.a_combo = mk_combo(140)
        self.b_combo = mk_combo(140)
        for combo in (self.a_combo, self.b_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.a_label = mk_label(T("image area", "Questioned"), "muted")
        self.b_label = mk_label(T("image area", "against"), "muted")
        for w in (self.a_label, self.a_combo, self.b_label, self.b_combo):
            bl2.addWidget(w)
        self.a_combo.activated.connect(self._sources_chosen)
        self.b_combo.activated.connect(self._sources_chosen)
        # mode options
        self.opacity = mk_slider(0, 100, 50)
        self.opacity.setFixedWidth(110)
        self.opacity.valueChanged.connect(lambda v: self.state.set_opacity(v / 100.0))
        self.opacity_label = mk_label(T("image area", "Opacity"), "muted")
        self.swipe = mk_slider(0, 100, 50)
        self.swipe.setFixedWidth(110)
        self.swipe.valueChanged.connect(lambda v: self.state.set_swipe(v / 100.0))
        self.swipe_label = mk_label(T("image area", "Divider"), "muted")
        self.flicker = QDoubleSpinBox(minimum=0.5, maximum=20.0, value=2.0, singleStep=0.5,
                                      suffix=" Hz")
        self.flicker.valueChanged.connect(self.state.set_flicker_hz)
        self.flicker_label = mk_label(T("image area", "Rate"), "muted")
        self.gain = QDoubleSpinBox(minimum=1.0, maximum=32.0, value=2.0, singleStep=1.0,
                                   prefix="×")
        self.gain.valueChanged.connect(self._gain_changed)
        self.gain_label = mk_label(T("image area", "Gain"), "muted")
        options: tuple[QWidget, ...] = (self.opacity_label, self.opacity, self.swipe_label,
                                        self.swipe, self.flicker_label, self.flicker,
                                        self.gain_label, self.gain)
        for opt in options:
            bl2.addWidget(opt)
        # tools
        self.zones_button = mk_tool(T("image area", "Zones"), checkable=True,
                                    tip=T("image area", "Draw the specimen's zones (Z)"))
        self.zones_button.toggled.connect(self._zones_toggled)
        self.loupe_button = mk_tool(T("image area", "Loupe"), checkable=True,
                                    tip=T("image area", "Magnifier under the cursor (L)"))
        self.loupe_button.toggled.connect(self._loupe_toggled)
        self.codes_button = mk_tool(
            T("image area", "Barcodes"), checkable=True,
            tip=T("image area", "Outline the barcodes read on the face shown"))
        self.codes_button.setChecked(True)
        self.codes_button.setVisible(False)
        self.codes_button.toggled.connect(self._codes_toggled)
        bl.addWidget(self.zones_button)
        bl.addWidget(self.codes_button)
        bl.addWidget(self.loupe_button)
        self.tools_box = QGroupBox()
        bind(self.tools_box.setTitle, T("image area", "Measure and mark"))
        tl = QGridLayout(self.tools_box)
        tl.setSpacing(4)
        self.tool_group = QButtonGroup(self)
        self.tool_buttons: dict[Tool, QToolButton] = {}
        for tool, key in ((Tool.PAN, "P"), (Tool.RULER, "R"), (Tool.ANGLE, "A"),
                          (Tool.RECTANGLE, "M"), (Tool.ARROW, "W")):
            label = TOOL_NAMES[tool]
            b = mk_tool(label, checkable=True)
            bind(b.setToolTip, T("image area", "{tool} tool ({key})").format(tool=label,
                                                                              key=key))
            self.tool_group.addButton(b)
            self.tool_buttons[tool] = b
            b.clicked.connect(lambda _=False, t=tool: self.set_tool(t))
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            n = len(self.tool_buttons) - 1
            tl.addWidget(b, n // 3, n % 3)
        self.tool_buttons[Tool.PAN].setChecked(True)
        self.tools_hint = mk_label(T("image area", "Click points on the image. Right-click "
                                     "or Esc cancels, Ctrl+Z removes the last mark."),
                                   "muted")
        self.tools_hint.setWordWrap(True)
        tl.addWidget(self.tools_hint, 2, 0, 1, 3)
        self.note = QLineEdit()
        bind(self.note.setToolTip, T("image area", "Text written beside the next mark (and "
                                       "kept with it)"))
        tl.addWidget(mk_label(T("image area", "Note"), "muted"), 3, 0)
        tl.addWidget(self.note, 3, 1, 1, 2)
        # Fit (F, double-click) and 1:1 (1) are in the View menu: the bar stays narrow
        root.addWidget(bar)
        root.addWidget(self.bar2)
        self.bar = bar

        self.panes_widget = QWidget()
        self.panes_layout = QGridLayout(self.panes_widget)
        self.panes_layout.setContentsMargins(2, 2, 2, 2)
        self.panes_layout.setSpacing(2)
        root.addWidget(self.panes_widget, 1)

        self.flicker_timer = QTimer(self)
        self.flicker_timer.setInterval(25)
        self.flicker_timer.timeout.connect(self._repaint)
        self.clock = QElapsedTimer()
        self.clock.start()

        # while the view moves, frames favour speed; 150 ms after it stops, a sharp frame
        self.settle_timer = QTimer(self)
        self.settle_timer.setSingleShot(True)
        self.settle_timer.setInterval(150)
        self.settle_timer.timeout.connect(self._settled)
        state.listeners.append(self.sync_from_state)
        state.viewport.listeners.append(self._viewport_moved)
        state.live_viewport.listeners.append(self._viewport_moved)
        self.sync_from_state()

    # -- state -> widgets -------------------------------------------------------------
    def sync_from_state(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            st = self.state
            live = st.live is not None
            self.mode_buttons[st.mode].setChecked(True)
            for b in self.mode_buttons.values():
                b.setEnabled(bool(st.sources) and not live)
            self.mode_buttons[Mode.FALSE_COLOUR].setEnabled(st.false_colour_ready() and not live)
            keys = list(st.sources)
            for combo, cur in ((self.a_combo, st.a), (self.b_combo, st.b)):
                items = [str(k) for k in keys]
                if [combo.itemData(i) for i in range(combo.count())] != items:
                    combo.clear()
                    for k in keys:
                        combo.addItem(source_title(k), str(k))
                if cur is not None:
                    combo.setCurrentIndex(max(0, combo.findData(str(cur))))
            two = st.mode not in (Mode.CAPTURE, Mode.FALSE_COLOUR) and not live
            self.bar2.setVisible(two)
            for mode, widgets in ((Mode.BLEND, (self.opacity_label, self.opacity)),
                                  (Mode.SWIPE, (self.swipe_label, self.swipe)),
                                  (Mode.FLICKER, (self.flicker_label, self.flicker)),
                                  (Mode.DIFFERENCE, (self.gain_label, self.gain))):
                for w in widgets:
                    w.setVisible(st.mode is mode and not live)
            self.opacity.setValue(round(st.opacity * 100))
            self.swipe.setValue(round(st.swipe_position * 100))
            self.zones_button.setEnabled(bool(st.zones))
            self.zones_button.setChecked(st.show_zones)
            self.codes_button.setVisible(bool(st.outlines))
            self.codes_button.setChecked(st.show_codes)
            self._rebuild_panes(st.panes())
            if st.mode is Mode.FLICKER and not live:
                if not self.flicker_timer.isActive():
                    self.flicker_timer.start()
            else:
                self.flicker_timer.stop()
        finally:
            self._syncing = False
        self._repaint()

    def _rebuild_panes(self, panes: list[Pane]) -> None:
        panes = panes or [Pane(tx("image area", "No capture"), ())]
        if len(panes) == len(self.canvases):
            for c, p in zip(self.canvases, panes, strict=True):
                c.set_pane(p)
            self._place_panes()
            return
        for c in self.canvases:
            self.panes_layout.removeWidget(c)
            c.hide()
            c.setParent(None)
            c.deleteLater()
        self.canvases = []
        for p in panes:
            c = ImageCanvas(self.state, self.annotator, p, self.theme)
            c.loupe = self.loupe_button.isChecked()
            c.hovered.connect(self.hovered)
            c.annotation_added.connect(self._annotation_added)
            self.canvases.append(c)
        self._grid = (0, 0)
        self._place_panes()

    def _place_panes(self) -> None:
        """Lay the panes out in the grid that shows the page largest (two panes: side by
        side, or one above the other when the page is wide and the area is not)."""
        n = len(self.canvases)
        area_w = max(1, self.panes_widget.width() - 4)
        area_h = max(1, self.panes_widget.height() - 4)
        if n <= 1:
            rows, cols = 1, 1
        else:
            cw, ch = self.state.content_size
            rows, cols = grid_shape(n, area_w=area_w, area_h=area_h, content_w=cw,
                                    content_h=ch)
        if (rows, cols) != getattr(self, "_grid", None):
            for c in self.canvases:
                self.panes_layout.removeWidget(c)
            for i, c in enumerate(self.canvases):
                self.panes_layout.addWidget(c, i // cols, i % cols)
            for r in range(4):
                self.panes_layout.setRowStretch(r, 1 if r < rows else 0)
            for k in range(4):
                self.panes_layout.setColumnStretch(k, 1 if k < cols else 0)
            self._grid = (rows, cols)
        # panes share one viewport: give it the pane size the layout will produce
        w = max(1, (area_w - 2 * (cols - 1)) // cols)
        h = max(1, (area_h - 2 * (rows - 1)) // rows)
        self.state.viewport.view_w, self.state.viewport.view_h = w, h
        self.state.live_viewport.view_w, self.state.live_viewport.view_h = w, h

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_panes()

    def _repaint(self) -> None:
        for c in self.canvases:
            c.update()

    def _annotation_added(self, ann: Annotation) -> None:
        """A mark is complete: it takes the note typed for it, then the note clears."""
        text = self.note.text().strip()
        if text:
            ann = self.annotator.note_last(text)
            self.note.clear()
        self.annotation_added.emit(ann)
        self._repaint()

    def _viewport_moved(self) -> None:
        self.state.interactive = True
        self.settle_timer.start()
        self._repaint()

    def _settled(self) -> None:
        self.state.interactive = False
        self._repaint()

    # -- widgets -> state --------------------------------------------------------------
    def _sources_chosen(self) -> None:
        a, b = self.a_combo.currentData(), self.b_combo.currentData()
        self.state.set_sources(SourceKey.parse(a) if a else None,
                               SourceKey.parse(b) if b else None)

    def _gain_changed(self, v: float) -> None:
        self.state.diff_gain = v
        self.state.changed()

    def set_faces(self, faces: list[str], shown: str) -> None:
        """The faces the document has (the switch shows only with two) and the one shown."""
        for face, b in self.face_buttons.items():
            b.setVisible(len(faces) > 1 and face in faces)
            b.setChecked(face == shown)

    def _codes_toggled(self, on: bool) -> None:
        if self.state.show_codes != on:
            self.state.show_codes = on
            self.state.changed()

    def _zones_toggled(self, on: bool) -> None:
        if self.state.show_zones != on:
            self.state.show_zones = on
            self.state.changed()

    def _loupe_toggled(self, on: bool) -> None:
        for c in self.canvases:
            c.loupe = on
            c.update()

    def set_tool(self, tool: Tool) -> None:
        self.annotator.set_tool(tool)
        self.tool_buttons[tool].setChecked(True)
        self._repaint()

    def toggle_loupe(self) -> None:
        self.loupe_button.toggle()

    def toggle_zones(self) -> None:
        if self.zones_button.isEnabled():
            self.zones_button.toggle()
