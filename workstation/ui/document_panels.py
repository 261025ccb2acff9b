"""The window's panels about the document on the desk beyond its images and checks: the
chip, the barcodes, both faces and the alerts about its type.

:class:`DocumentPanels` makes the session objects (:class:`~workstation.session.chip.
ChipSession`, :class:`~workstation.session.faces.FaceSession`,
:class:`~workstation.session.alerts.AlertsSession`) on the window's desk and runner,
adds the *Chip* and *Barcodes* tabs, and connects the face switch, the alert banner,
the alert's crops (beside the evidence, in the Checks tab) and the publish dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QTabWidget, QWidget

from workstation.hardware.base import Reader
from workstation.session.alerts import AlertsSession, PublishDraft
from workstation.session.chip import ChipSession
from workstation.session.desk import Desk
from workstation.session.examination import ExaminationSession
from workstation.session.faces import FaceSession, turns_itself
from workstation.session.jobs import Runner
from workstation.ui.barcode_panel import BarcodePanel
from workstation.ui.bridge import listen
from workstation.ui.checks_panel import ChecksPanel
from workstation.ui.chip_panel import ChipPanel
from workstation.ui.image_area import ImageArea
from workstation.ui.texts import T, bind, tx
from workstation.ui.theme import Theme

if TYPE_CHECKING:  # the alerts' widgets load the database layer: imported when first used
    from workstation.trends.alerts import Alert
    from workstation.ui.alerts import AlertBanner, PublishAlertDialog

TEXTS = {
    "turn_title": T("document panels", "Capture the back"),
    "turn": T("document panels", "Turn the document over on the reader, then press Capture."),
    "capture": T("document panels", "Capture"),
}


class DocumentPanels(QObject):
    """Chip, barcodes, faces and alerts in the window (see the module docstring)."""

    def __init__(self, desk: Desk, work: ExaminationSession, runner: Runner, *,
                 tabs: QTabWidget, checks: ChecksPanel, area: ImageArea,
                 theme: Callable[[], Theme], owner: QWidget,
                 show_error: Callable[[str, str], None],
                 status: Callable[[str], None], show_banner: Callable[[QWidget], None]
                 ) -> None:
        super().__init__(owner)
        self.desk, self.work, self.owner = desk, work, owner
        self.tabs, self.checks, self.area = tabs, checks, area
        self.show_error, self.status = show_error, status
        self.show_banner = show_banner
        self.chip = ChipSession(work, runner)
        self.faces = FaceSession(work, runner)
        self.alerts = AlertsSession(desk, work, runner)
        self.chip_panel = ChipPanel(self.chip, theme)
        self.barcode_panel = BarcodePanel(work, theme)
        bind(tabs.setTabText, T("window", "Chip"), tabs.addTab(self.chip_panel, ""))
        bind(tabs.setTabText, T("window", "Barcodes"), tabs.addTab(self.barcode_panel, ""))
        self.banner: AlertBanner | None = None
        self.publish_dialog: PublishAlertDialog | None = None
        self.turn_box: QMessageBox | None = None

        self.chip_panel.compareRequested.connect(self.compare_faces)
        self.barcode_panel.showRequested.connect(self.show_code)
        area.faceChosen.connect(self.faces.show)
        for session in (self.chip, self.faces, self.alerts):
            listen(session.message, status, self)
            listen(session.failed, show_error, self)
        listen(self.faces.faceShown, lambda _f: self._faces_changed(), self)
        listen(work.captured, lambda _c: self._faces_changed(), self)
        listen(work.extended, lambda _c: self._faces_changed(), self)
        listen(self.alerts.matched, self._alerts_matched, self)
        listen(self.alerts.cropsLoaded, self._crops_loaded, self)
        listen(self.alerts.publishReady, self._ask_publish, self)
        listen(self.alerts.refused, lambda m: show_error(m, ""), self)
        listen(self.alerts.published, lambda _a: self._published(), self)

    # -- faces ---------------------------------------------------------------------------
    def _faces_changed(self) -> None:
        self.area.set_faces(self.faces.faces(), self.faces.face)

    def capture_back(self, reader: Reader | None) -> None:
        """Capture the back: a reader that turns the document does it; on another the
        examiner is asked to turn it first."""
        reason = self.faces.why_not_capture_back(reader)
        if reason is not None:
            self.show_error(reason, "")
            return
        if turns_itself(reader):
            self.faces.capture_back(reader)
            return
        box = QMessageBox(QMessageBox.Icon.Question, TEXTS["turn_title"].tr(),
                          TEXTS["turn"].tr(), QMessageBox.StandardButton.Cancel, self.owner)
        go = box.addButton(TEXTS["capture"].tr(), QMessageBox.ButtonRole.AcceptRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(_result: int) -> None:
            self.turn_box = None
            if box.clickedButton() is go:
                self.faces.capture_back(reader)

        box.finished.connect(finished)
        self.turn_box = box
        box.open()

    def show_code(self, face: str, index: int) -> None:
        """A barcode on its face, zoomed to (from the barcode panel)."""
        if not self.work.display.focus_code(face, index):
            self.status(tx("document panels", "That barcode cannot be placed on the image"))

    def compare_faces(self) -> None:
        """The printed portrait beside the chip's photograph."""
        if not self.work.display.focus_chip_face():
            self.status(tx("document panels", "Read the chip and examine the document first: "
                           "the chip's photograph is placed over the printed portrait"))

    # -- alerts --------------------------------------------------------------------------
    def _banner(self) -> AlertBanner:
        if self.banner is None:
            from workstation.ui.alerts import AlertBanner

            self.banner = AlertBanner()
            self.banner.shown.connect(self.alerts.record_shown)
            self.banner.cropsRequested.connect(self.alerts.load_crops)
            self.show_banner(self.banner)
        return self.banner

    def _alerts_matched(self, alerts: tuple[Alert, ...], document: object) -> None:
        if not alerts and self.banner is None:
            return
        self._banner().set_alerts(alerts, document=document)
        if not alerts:
            self.checks.show_alert_crops(None)

    def _crops_loaded(self, alert: Alert, crops: list[tuple[object, object]]) -> None:
        self.checks.show_alert_crops(alert, crops)  # type: ignore[arg-type]
        self.tabs.setCurrentWidget(self.checks)

    def publish(self) -> None:
        """Tools → Publish alert…: the evidence is prepared, then the dialog asks."""
        self.alerts.prepare_publish()

    def _ask_publish(self, draft: PublishDraft) -> None:
        from workstation.ui.alerts import PublishAlertDialog

        dialog = PublishAlertDialog(document=draft.document, feature=draft.feature,
                                    crops=draft.crops, parent=self.owner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            self.publish_dialog = None
            if result == int(dialog.DialogCode.Accepted):
                r = dialog.request()
                self.alerts.publish(draft, feature=r.feature, description=r.description,
                                    days=r.days, any_series=r.any_series, crops=r.crops)

        dialog.finished.connect(finished)
        self.publish_dialog = dialog
        dialog.open()

    def _published(self) -> None:
        self.status(tx("document panels", "Alert published"))

    def close(self) -> None:
        """Release the card reader."""
        self.chip.close()
