"""Alerts in the window: the banner over a matching document, the alert's crops beside
the evidence, and the supervisor's publish dialog.

* :class:`AlertBanner` — set it the alerts :meth:`AlertStore.matching_examination`
  returned for the document on the platen; it shows one line per alert (document
  type, feature, where and when published, expiry) in the warning colour and
  hides itself when there are none. ``cropsRequested(int)`` asks for an alert's
  crops; ``shown(int)`` fires once per alert and document, for
  :meth:`AlertStore.record_shown`.
* :class:`AlertCropsPanel` — the alert's description and its crops (already
  blurred), to place beside the examination's evidence.
* :class:`PublishAlertDialog` — feature, description, lifetime, series scope and
  which evidence crops to include; ``request()`` is what to pass to
  :meth:`AlertStore.publish`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workstation.labels import light_label
from workstation.trends.alerts import DEFAULT_DAYS, Alert, AlertCrop, CropImage
from workstation.types import Image, Light
from workstation.ui.texts import QT, data, date_text, live, tx
from workstation.ui.widgets import clear_layout, pixmap_of

WARNING = "#f5a524"


_CROP = re.compile(r"^(?P<zone>.+) \((?P<light>[a-z0-9_]+)\)$")


def crop_caption(label: str) -> str:
    """An alert crop's caption (an evidence label, or a zone's) in the window's language."""
    from workstation.ui.checks_panel import evidence_caption

    shown = evidence_caption(label)
    if shown != label:
        return shown
    m = _CROP.match(label)  # "<zone> (<light>)", as the alert's crops are named
    if m is not None:
        try:
            light = light_label(Light.parse(m["light"]), QT)
        except ValueError:
            light = m["light"]
        return tx("alerts", "{zone} ({light})").format(zone=tx("zones", m["zone"]), light=light)
    return tx("zones", label)


def alert_line(alert: Alert) -> str:
    """One line about an alert, for the banner."""
    values = {"id": alert.id, "document": alert.document, "feature": alert.feature,
              "published": date_text(alert.created_at), "place": alert.border_point,
              "by": alert.created_by, "expires": date_text(alert.expires_at)}
    if alert.border_point:
        return tx("alerts", "Alert #{id} for {document}: {feature} — published {published} at "
                  "{place} by {by}; expires {expires}").format(**values)
    return tx("alerts", "Alert #{id} for {document}: {feature} — published {published} by {by} "
              "(border point not configured); expires {expires}").format(**values)


class AlertBanner(QFrame):
    """A warning banner listing the alerts that match the document on the platen."""

    cropsRequested = Signal(int)
    """The examiner asked to see an alert's crops: the alert's id."""
    shown = Signal(int)
    """An alert was shown for the current document (once per document): its id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertBanner")
        # the rows inside are plain widgets: transparent, so the warning colour shows
        # behind the dark text in both themes
        self.setStyleSheet(f"#alertBanner {{ background: {WARNING}; border-radius: 4px; }}"
                           " #alertBanner QWidget#alertRow { background: transparent; }"
                           " #alertBanner QLabel { color: #1c2024; background: transparent;"
                           " font-weight: 600; }")
        self.alerts: list[Alert] = []
        self._announced: set[tuple[int, object]] = set()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 10, 6)
        self.setVisible(False)
        self._document: object = None
        live(self, lambda: self._relabel(), "alerts")

    def _relabel(self) -> None:
        for label, alert in zip(self.findChildren(QLabel, "alertLine"), self.alerts,
                                strict=False):
            label.setText("⚠ " + alert_line(alert))
        for button, alert in zip(self.findChildren(QPushButton, "alertCrops"),
                                 [a for a in self.alerts if a.crops], strict=False):
            crops = len(alert.crops)
            button.setText(tx("alerts", "Show %n crop(s)", None, crops))

    def set_alerts(self, alerts: Sequence[Alert], *, document: object = None) -> None:
        """Show ``alerts`` (hidden when empty); ``document`` identifies the document on
        the platen (e.g. the examination id) so ``shown`` fires once per document."""
        self.alerts = list(alerts)
        clear_layout(self._layout)
        for alert in self.alerts:
            row = QWidget()
            row.setObjectName("alertRow")
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = QLabel("⚠ " + alert_line(alert))
            label.setObjectName("alertLine")
            label.setWordWrap(True)
            label.setToolTip(alert.description)
            line.addWidget(label, 1)
            if alert.crops:
                crops = len(alert.crops)
                button = QPushButton(tx("alerts", "Show %n crop(s)", None, crops))
                button.setObjectName("alertCrops")
                button.clicked.connect(lambda _c=False, a=alert.id: self.cropsRequested.emit(a))
                line.addWidget(button)
            self._layout.addWidget(row)
        self.setVisible(bool(self.alerts))
        for alert in self.alerts:
            key = (alert.id, document)
            if key not in self._announced:
                self._announced.add(key)
                self.shown.emit(alert.id)

    def lines(self) -> list[str]:
        """The banner's text, one line per alert."""
        return [alert_line(a) for a in self.alerts]


class AlertCropsPanel(QWidget):
    """An alert's description and evidence crops (personal data already blurred)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alert: Alert | None = None
        self.title = QLabel("")
        live(self.title, lambda: self.title.setText(
            alert_line(self.alert) if self.alert is not None else ""), "alert")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: 600;")
        self.description = data(QLabel(""))  # as the supervisor wrote it
        self.description.setWordWrap(True)
        # one crop under the other, each with its caption: the panel is narrow (a side
        # panel), so it scrolls down, never sideways
        self._grid_host = QWidget()
        self._grid = QVBoxLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._grid_host)
        self.crops_scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addWidget(scroll, 1)

    def set_alert(self, alert: Alert | None,
                  crops: Sequence[tuple[AlertCrop, Image]] = ()) -> None:
        """Show ``alert`` with its decoded crops (``AlertStore.crop_images``)."""
        self.alert = alert
        clear_layout(self._grid)
        if alert is None:
            self.title.setText("")
            self.description.setText("")
            return
        self.title.setText(alert_line(alert))
        self.description.setText(alert.description)
        width = max(160, self.crops_scroll.viewport().width() - 8)
        for crop, image in crops:
            picture = QLabel()
            picture.setPixmap(pixmap_of(image, min(260, width)))
            picture.setAlignment(Qt.AlignmentFlag.AlignLeft)
            picture.setToolTip(f"{crop_caption(crop.label)} — {crop.width} x {crop.height} "
                               f"px, SHA-256 {crop.sha256[:16]}…")
            caption = QLabel(crop_caption(crop.label))
            caption.setWordWrap(True)
            self._grid.addWidget(picture)
            self._grid.addWidget(caption)


@dataclass(frozen=True)
class PublishRequest:
    """What the publish dialog asks for (arguments of :meth:`AlertStore.publish`)."""

    feature: str
    description: str
    days: int
    any_series: bool
    crops: tuple[CropImage, ...]

    @property
    def series(self) -> str | None:
        """``""`` for every series, ``None`` for the examination's specimen."""
        return "" if self.any_series else None

    def expires_at(self, now: dt.datetime | None = None) -> dt.datetime:
        """When the alert will expire."""
        return (now or dt.datetime.now(dt.UTC)) + dt.timedelta(days=self.days)


class PublishAlertDialog(QDialog):
    """A supervisor publishes an alert from the concluded examination on screen."""

    def __init__(self, *, document: str, feature: str = "", crops: Sequence[CropImage] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tx("alerts", "Publish an alert — {document}").format(
            document=document))
        self.crops = list(crops)
        self.feature_edit = QLineEdit(feature)
        self.feature_edit.setMaxLength(200)
        self.feature_edit.setPlaceholderText(tx("alerts", "The feature that betrayed the "
                                                "forgery"))
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(tx("alerts", "What examiners should look for"))
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, 3650)
        self.days_spin.setValue(DEFAULT_DAYS)
        self.days_spin.setSuffix(tx("alerts", " days"))
        self.any_series = QCheckBox(tx("alerts", "Every series of this document type"))
        self.crop_checks: list[QCheckBox] = []
        crops_box = QWidget()
        grid = QGridLayout(crops_box)
        for i, crop in enumerate(self.crops):
            picture = QLabel()
            picture.setPixmap(pixmap_of(crop.image, 180))
            check = QCheckBox(crop_caption(crop.label))
            check.setChecked(True)
            self.crop_checks.append(check)
            grid.addWidget(picture, 0, i)
            grid.addWidget(check, 1, i)
        note = QLabel(tx("alerts", "Crops are shown as they will be published: the holder's "
                         "portrait, signature, MRZ and data fields are blurred."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tx("alerts", "Feature"), self.feature_edit)
        form.addRow(tx("alerts", "Description"), self.description_edit)
        form.addRow(tx("alerts", "Expires after"), self.days_spin)
        form.addRow("", self.any_series)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button = self.buttons.addButton(tx("alerts", "Publish to every workstation"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.crops:
            layout.addWidget(note)
            layout.addWidget(crops_box)
        layout.addWidget(self.buttons)
        self.feature_edit.textChanged.connect(lambda _t: self._update())
        self.description_edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = bool(self.feature_edit.text().strip()) and bool(
            self.description_edit.toPlainText().strip())
        self.publish_button.setEnabled(ok)

    def request(self) -> PublishRequest:
        """The alert to publish, as filled in."""
        chosen = tuple(c for c, box in zip(self.crops, self.crop_checks, strict=True)
                       if box.isChecked())
        return PublishRequest(feature=self.feature_edit.text().strip(),
                              description=self.description_edit.toPlainText().strip(),
                              days=self.days_spin.value(),
                              any_series=self.any_series.isChecked(), crops=chosen)
