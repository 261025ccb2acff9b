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

from workstation.trends.alerts import DEFAULT_DAYS, Alert, AlertCrop, CropImage
from workstation.types import Image
from workstation.ui.widgets import clear_layout, pixmap_of

WARNING = "#f5a524"


def alert_line(alert: Alert) -> str:
    """One line about an alert, for the banner."""
    if alert.border_point:
        return (f"Alert #{alert.id} for {alert.document}: {alert.feature} — published "
                f"{alert.created_at:%Y-%m-%d} at {alert.border_point} by {alert.created_by};"
                f" expires {alert.expires_at:%Y-%m-%d}")
    return (f"Alert #{alert.id} for {alert.document}: {alert.feature} — published "
            f"{alert.created_at:%Y-%m-%d} by {alert.created_by} (border point not "
            f"configured); expires {alert.expires_at:%Y-%m-%d}")


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
            label.setWordWrap(True)
            label.setToolTip(alert.description)
            line.addWidget(label, 1)
            if alert.crops:
                button = QPushButton(f"Show {len(alert.crops)} crop(s)")
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
        self.title = QLabel("")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: 600;")
        self.description = QLabel("")
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
        self.alert: Alert | None = None

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
            picture.setToolTip(f"{crop.label} — {crop.width} x {crop.height} px, "
                               f"SHA-256 {crop.sha256[:16]}…")
            caption = QLabel(crop.label)
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
        self.setWindowTitle(f"Publish an alert — {document}")
        self.crops = list(crops)
        self.feature_edit = QLineEdit(feature)
        self.feature_edit.setMaxLength(200)
        self.feature_edit.setPlaceholderText("The feature that betrayed the forgery")
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText("What examiners should look for")
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, 3650)
        self.days_spin.setValue(DEFAULT_DAYS)
        self.days_spin.setSuffix(" days")
        self.any_series = QCheckBox("Every series of this document type")
        self.crop_checks: list[QCheckBox] = []
        crops_box = QWidget()
        grid = QGridLayout(crops_box)
        for i, crop in enumerate(self.crops):
            picture = QLabel()
            picture.setPixmap(pixmap_of(crop.image, 180))
            check = QCheckBox(crop.label)
            check.setChecked(True)
            self.crop_checks.append(check)
            grid.addWidget(picture, 0, i)
            grid.addWidget(check, 1, i)
        note = QLabel("Crops are shown as they will be published: the holder's portrait, "
                      "signature, MRZ and data fields are blurred.")
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Feature", self.feature_edit)
        form.addRow("Description", self.description_edit)
        form.addRow("Expires after", self.days_spin)
        form.addRow("", self.any_series)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button = self.buttons.addButton("Publish to every workstation",
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
