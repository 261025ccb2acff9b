"""The Checks tab: the examination's checks grouped by status, the selected check's
evidence, and the crops of an alert about the document beside it."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.i18n import render
from workstation.labels import light_label
from workstation.session.viewer import GROUP_TITLES, group_checks
from workstation.types import CheckResult, CheckStatus, Image, Light
from workstation.ui.canvas import qimage_of
from workstation.ui.texts import QT, T, live, tx
from workstation.ui.theme import DARK, Theme, status_colour
from workstation.ui.widgets import mk_label

if TYPE_CHECKING:  # the alerts' modules load the database layer: imported when used
    from workstation.trends.alerts import Alert, AlertCrop
    from workstation.ui.alerts import AlertCropsPanel


def check_title_text(check: CheckResult) -> str:
    """A check's title in the window's language (its id when it has none)."""
    return tx("check titles", check.title) if check.title else check.id


#: Zones the checks make up where no specimen zone is (their ids in words), for the
#: catalogues: the list translates a zone's name in the ``zones`` context.
_MADE_UP_ZONES = (T("zones", "false luminescence"), T("zones", "page"))

_EVIDENCE = re.compile(r"^(?P<zone>.+) — (?P<who>questioned|specimen), (?P<light>.+)$")


def evidence_caption(label: str) -> str:
    """An evidence crop's caption (``<zone> — questioned, <light>``, as the examination
    names its crops) in the window's language; other captions as they are."""
    m = _EVIDENCE.match(label)
    if m is None:
        return tx("evidence", label)
    light = next((li for li in Light if light_label(li) == m["light"]), None)
    return tx("evidence", "{zone} — {who}, {light}").format(
        zone=tx("zones", m["zone"]),
        who=tx("evidence", "questioned") if m["who"] == "questioned"
        else tx("evidence", "specimen"),
        light=light_label(light, QT) if light is not None else m["light"])


def wrap_px(text: str, fm: QFontMetrics, width: int) -> list[str]:
    """``text`` broken into lines no wider than ``width`` px in ``fm``'s font (at spaces;
    a word longer than the line is broken where it must be)."""
    out: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if fm.horizontalAdvance(candidate) <= width:
                line = candidate
                continue
            if line:
                out.append(line)
            while fm.horizontalAdvance(word) > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and fm.horizontalAdvance(word[:cut]) > width:
                    cut -= 1
                out.append(word[:cut])
                word = word[cut:]
            line = word
        out.append(line)
    return out


class EvidenceStrip(QWidget):
    """The evidence crops of one check, side by side, with captions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lay = QGridLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.lay.setSpacing(6)
        self._keep: list[Image] = []
        self.set_evidence([])

    def set_evidence(self, items: Sequence[tuple[str, Image]]) -> None:
        from PySide6.QtGui import QPixmap

        while self.lay.count():
            item = self.lay.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.setParent(None)
                w.deleteLater()
        self._keep = []
        self.setMinimumHeight(0)
        if not items:
            empty = mk_label(T("checks panel", "Select a check to see its evidence"), "muted")
            empty.setWordWrap(True)
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.lay.addWidget(empty, 0, 0)
            return
        # as wide as the list allows: two crops a row, a strip (MRZ, a text line) a row
        parent = self.parentWidget()  # the scroll area's viewport; its bar may appear
        avail = (parent.width() if parent is not None and parent.width() > 100 else 286) - 16
        full, half = min(320, avail), min(160, (avail - 6) // 2)
        row = col = 0
        for caption, img in items[:6]:
            q, arr = qimage_of(img)
            self._keep.append(arr)
            wide = img.shape[1] > 2.2 * img.shape[0]  # a strip (MRZ, a text line): full width
            if wide and col == 1:
                row, col = row + 1, 0
            pix = QPixmap.fromImage(q).scaled(
                full if wide else half, 90 if wide else 120, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation)
            box = QWidget()
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            v.setSpacing(2)
            pic = QLabel()
            pic.setPixmap(pix)
            pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
            pic.setStyleSheet("background:#000; border-radius:3px;")
            cap = mk_label(evidence_caption(caption), "muted")
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cap.setWordWrap(True)
            # as tall as its wrapped lines need at the picture's width (the scroll area
            # then scrolls instead of squeezing the caption)
            cap_w = full if wide else half
            cap.setFixedWidth(cap_w)
            cap.setMinimumHeight(cap.heightForWidth(cap_w))
            v.addWidget(pic)
            v.addWidget(cap)
            self.lay.addWidget(box, row, col, 1, 2 if wide else 1)
            if wide or col == 1:
                row, col = row + 1, 0
            else:
                col = 1
        # the scroll area sizes the strip to its viewport: never below what it holds
        self.setMinimumHeight(self.lay.totalMinimumSize().height())

    def count(self) -> int:
        return len(self._keep)


class ChecksPanel(QWidget):
    """Checks grouped by status; selecting one emits it and shows its evidence."""

    check_selected = Signal(object)  # CheckResult

    def __init__(self, theme: Callable[[], Theme] = lambda: DARK,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        self.summary = mk_label(tx("checks panel", "No examination yet"), "heading")
        self.summary.setWordWrap(True)  # the counts run longer in Mongolian and Russian
        lay.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setIndentation(14)
        self.tree.setColumnCount(1)
        self.tree.setWordWrap(False)  # wrapped here, to the list's width (see _rewrap)
        self.tree.setUniformRowHeights(False)
        self.tree.itemSelectionChanged.connect(self._selected)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 4, 0, 0)
        lower.setMinimumHeight(170)  # two lines of detail and a row of evidence
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        lay.addWidget(split, 1)
        self.detail = mk_label("", "muted")
        self.detail.setWordWrap(True)
        ll.addWidget(self.detail)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(100)
        self.evidence = EvidenceStrip()
        scroll.setWidget(self.evidence)
        ll.addWidget(scroll, 1)
        self.split = split
        self.alert_crops: AlertCropsPanel | None = None
        self.checks: list[CheckResult] = []
        self.items: list[QTreeWidgetItem] = []
        self.zones: Mapping[str, str] = {}
        self.tree.viewport().installEventFilter(self)
        self._wrapped_at = 0
        self._zones_given: Mapping[str, str] | None = None
        self._selected_check: CheckResult | None = None
        live(self, self._retranslate, "checks")

    def _retranslate(self) -> None:
        """The list, summary and detail again in the language now in use."""
        if not self.checks:
            self.summary.setText(tx("checks panel", "No examination yet"))
            return
        selected = self._selected_check
        self.set_checks(self.checks, self._zones_given)
        if selected is not None:
            self.select(selected)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Re-wrap the checks' text when the list's width changes (never cut a line)."""
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._rewrap()
        return super().eventFilter(watched, event)

    def show_alert_crops(self, alert: Alert | None,
                         crops: Sequence[tuple[AlertCrop, Image]] = ()) -> None:
        """An alert's crops beside the evidence (``None``: hide them)."""
        if self.alert_crops is None:
            if alert is None:
                return
            from workstation.ui.alerts import AlertCropsPanel

            self.alert_crops = AlertCropsPanel()
            self.alert_crops.setMinimumHeight(150)
            self.split.addWidget(self.alert_crops)
            self.split.setCollapsible(self.split.indexOf(self.alert_crops), False)
        self.alert_crops.set_alert(alert, crops)
        self.alert_crops.setVisible(alert is not None)

    def item_text(self, check: CheckResult, width_px: int) -> str:
        """A check as listed: its title, its message, where it looked and its reason code,
        each wrapped to ``width_px``."""
        zone = self.zones.get(check.zone, check.zone.replace("-", " ")) if check.zone else ""
        where = [tx("zones", zone) if zone else "",
                 light_label(check.light, QT) if check.light else "", check.code]
        fm = QFontMetrics(self.tree.font())
        title = check_title_text(check)
        message = render(check.text if check.text is not None else check.message, QT)
        if message.startswith(f"{title}: "):  # many messages start with what they check
            message = message[len(title) + 2:]
        lines = [*wrap_px(title, fm, width_px), *wrap_px(message, fm, width_px),
                 *wrap_px(" · ".join(x for x in where if x), fm, width_px)]
        return "\n".join(lines)

    def _rewrap(self) -> None:
        # children sit two indentations in (the group's and their own decoration)
        width = max(120, self.tree.viewport().width() - 2 * self.tree.indentation() - 12)
        if width == self._wrapped_at:
            return
        self._wrapped_at = width
        for item in self.items:
            c = self.checks[int(item.data(0, Qt.ItemDataRole.UserRole))]
            item.setText(0, self.item_text(c, width))

    def set_checks(self, checks: Sequence[CheckResult],
                   zones: Mapping[str, str] | None = None) -> None:
        """List ``checks``; ``zones`` names the specimen's zones (id -> label)."""
        t = self.theme()
        self._zones_given = zones
        self.zones = {**(zones or {}), "chip": tx("checks panel", "Chip")}
        self._wrapped_at = 0
        self.tree.clear()
        self.items = []
        self.checks = list(checks)
        counts = {s: 0 for s in CheckStatus}
        for c in checks:
            counts[c.status] += 1
        total = len(checks)
        self.summary.setText(
            tx("checks panel", "%n check(s) — {failed} failed, {warnings} warnings, "
               "{passed} passed", None, total).format(
                failed=counts[CheckStatus.FAIL], warnings=counts[CheckStatus.WARN],
                passed=counts[CheckStatus.PASS])
            if checks else tx("checks panel", "No examination yet"))
        bold = QFont(self.font())
        bold.setBold(True)
        for status, group in group_checks(checks):
            head = QTreeWidgetItem(
                [f"{tx('checks panel', GROUP_TITLES[status])}  ({len(group)})"])
            head.setFont(0, bold)
            head.setForeground(0, QColor(status_colour(t, status.value)))
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(head)
            for c in group:
                item = QTreeWidgetItem([check_title_text(c)])
                item.setData(0, Qt.ItemDataRole.UserRole, self.checks.index(c))
                item.setToolTip(0, render(c.text if c.text is not None else c.message, QT))
                item.setForeground(0, QColor(t.text))
                head.addChild(item)
                self.items.append(item)
            head.setExpanded(status is not CheckStatus.PASS or len(checks) < 12
                             or not any(c.status in (CheckStatus.FAIL, CheckStatus.WARN)
                                        for c in checks))
        self._rewrap()
        self.evidence.set_evidence([])
        self.detail.setText("")
        self._selected_check = None

    def select(self, check: CheckResult | str) -> None:
        """Select ``check`` (or the first check with that id)."""
        for item in self.items:
            c = self.checks[int(item.data(0, Qt.ItemDataRole.UserRole))]
            if c is check or c.id == check:
                if self.tree.currentItem() is not item:
                    self.tree.setCurrentItem(item)
                return

    def _selected(self) -> None:
        items = self.tree.selectedItems()
        if not items:
            return
        index = items[0].data(0, Qt.ItemDataRole.UserRole)
        check = self.checks[int(index)] if index is not None else None
        if check is None:
            return
        self._selected_check = check
        loc = QLocale()
        score = "" if check.score is None else tx("checks panel", "score {score}").format(
            score=loc.toString(check.score, "f", 3))
        if check.threshold is not None:
            score += " " + tx("checks panel", "(threshold {threshold})").format(
                threshold=loc.toString(check.threshold, "f", 3))
        self.detail.setText(f"{check_title_text(check)}  {score}")
        self.detail.setToolTip(f"{check.code} ({check.id})")
        self.evidence.set_evidence([(e.label, e.image) for e in check.evidence])
        self.check_selected.emit(check)
