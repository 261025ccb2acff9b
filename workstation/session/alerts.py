"""Alerts at the desk: which published alerts match the document being examined, their
crops, and a supervisor publishing one from a concluded forgery.

:class:`AlertsSession` asks the case database (shared by every workstation that uses
it) for the active alerts about the document's type each time an examination ends,
records in the audit trail that an alert was shown, records the expiries it notices
when the database opens, and publishes a supervisor's alert from the examination on
the desk with its evidence crops (personal data blurred:
:func:`workstation.trends.crops.evidence_crops`).

Events (on the home thread): ``matched(tuple[Alert], document)``,
``cropsLoaded(Alert, list[tuple[AlertCrop, Image]])``, ``publishReady(PublishDraft)``,
``published(Alert)``, ``expiriesRecorded(int)``, ``refused(str)``,
``failed(message, details)``, ``message(str)``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from psygnal import Signal

from workstation.cases.records import Status
from workstation.i18n import QT_TRANSLATE_NOOP, Term, said
from workstation.session.desk import Desk
from workstation.session.display import Shown
from workstation.session.examination import ExaminationSession
from workstation.session.jobs import ProgressFn, Runner
from workstation.types import CheckStatus

if TYPE_CHECKING:
    from workstation.cases import CaseRepository
    from workstation.trends.alerts import Alert, AlertStore, CropImage

#: Statuses of an examination an alert may be published from (its conclusion is final).
PUBLISHABLE = (Status.CONCLUDED, Status.UNDER_REVIEW, Status.APPROVED)
#: Conclusions an alert is about.
FORGERIES = ("counterfeit", "forged")


@dataclass(frozen=True)
class PublishDraft:
    """What the publish dialog starts from: the examination, its document type, a
    suggested feature (the first failed check's title) and the evidence crops."""

    examination_id: int
    document: str
    feature: str
    check_code: str
    crops: tuple[CropImage, ...] = field(default=(), repr=False)


def _store(repo: CaseRepository) -> AlertStore:
    from workstation.trends.alerts import AlertStore

    return AlertStore(repo)


class AlertsSession:
    """Alerts for the document on the desk (see the module docstring)."""

    matched = Signal(object, object)
    """The active alerts about the document examined (possibly none) and the document
    they were matched for (its examination id, or the capture while unstored)."""
    cropsLoaded = Signal(object, object)
    """An alert's crops were fetched: the ``Alert`` and ``[(AlertCrop, image)]``."""
    publishReady = Signal(object)
    """The evidence for an alert is ready to review: a :class:`PublishDraft`."""
    published = Signal(object)
    """An alert was published: the ``Alert``."""
    expiriesRecorded = Signal(int)
    """Alerts whose expiry this workstation recorded in the audit trail: how many."""
    refused = Signal(str)
    """An alert cannot be published now: why."""
    failed = Signal(str, str)
    """A step failed: the one-line message and the details."""
    message = Signal(str)
    """A line for the status bar."""

    def __init__(self, desk: Desk, work: ExaminationSession, runner: Runner) -> None:
        self.desk = desk
        self.work = work
        self.runner = runner
        self.alerts: tuple[Alert, ...] = ()
        self._generation = 0
        desk.databaseOpened.connect(self._opened)
        work.examined.connect(self._examined)
        work.captured.connect(lambda _c: self._clear())

    # -- matching ------------------------------------------------------------------------
    def _clear(self) -> None:
        self._generation += 1
        if self.alerts:
            self.alerts = ()
            self.matched.emit((), None)

    def _examined(self, shown: Shown) -> None:
        self.match()

    def document_key(self) -> object:
        """What identifies the document on the desk for ``shown`` (its examination id
        once stored, else the capture)."""
        record = self.work.record
        return record.id if record is not None else id(self.work.capture_set)

    def match(self) -> None:
        """Ask the database for the active alerts about the examined document (in a
        worker; nothing without a case database or an examination)."""
        exam = self.work.examination
        if exam is None or self.desk.repository is None:
            return
        self._generation += 1
        generation, desk, key = self._generation, self.desk, self.document_key()

        def work(progress: ProgressFn, cancel: threading.Event) -> list[Alert]:
            return _store(desk.repository_now()).matching_examination(exam)

        def done(alerts: list[Alert]) -> None:
            if generation != self._generation:
                return
            self.alerts = tuple(alerts)
            self.matched.emit(self.alerts, key)
            if alerts:
                self.message.emit(said(QT_TRANSLATE_NOOP(
                    "session", "%n alert(s) about this document type: see the banner"),
                    n=len(alerts)))

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Looking for alerts")),
            work, done=done, failed=self.failed.emit)

    def record_shown(self, alert_id: int) -> None:
        """Note in the audit trail that the alert was shown for the examination on the
        desk."""
        record, desk = self.work.record, self.desk

        def work(progress: ProgressFn, cancel: threading.Event) -> None:
            _store(desk.repository_now()).record_shown(
                alert_id, record.id if record is not None else None, user=desk.who())

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Recording the alert shown")),
            work, failed=self.failed.emit)

    def load_crops(self, alert_id: int) -> None:
        """Fetch an alert's crops (decoded, checked against their hashes)."""
        desk = self.desk

        def work(progress: ProgressFn, cancel: threading.Event) -> tuple[Alert, list[Any]]:
            store = _store(desk.repository_now())
            alert = store.get(alert_id)
            return alert, store.crop_images(alert)

        self.runner.submit(said(QT_TRANSLATE_NOOP("session", "Fetching the alert's crops")), work,
                           done=lambda got: self.cropsLoaded.emit(*got),
                           failed=self.failed.emit)

    def _opened(self, repo: CaseRepository) -> None:
        """The database opened: record the expiries noticed since (once, whichever
        workstation notices first)."""
        desk = self.desk

        def work(progress: ProgressFn, cancel: threading.Event) -> int:
            return _store(repo).record_expiries(user=desk.who())

        def done(n: int) -> None:
            self.expiriesRecorded.emit(n)
            if n:
                self.message.emit(said(QT_TRANSLATE_NOOP(
                    "session", "%n alert(s) expired since the last start (recorded in the audit "
                    "trail)"),
                    n=n))
            self.match()

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Recording expired alerts")),
            work, done=done, failed=self.failed.emit)

    # -- publishing ----------------------------------------------------------------------
    def why_not_publish(self) -> str | None:
        """Why the examination on the desk cannot be published as an alert now."""
        if not self.desk.is_supervisor:
            return said(QT_TRANSLATE_NOOP("session", "Only a supervisor publishes alerts"))
        record, exam = self.work.record, self.work.examination
        if record is None or exam is None:
            return said(QT_TRANSLATE_NOOP("session",
                "Open a concluded examination of a forgery first"))
        if record.status not in PUBLISHABLE:
            return said(QT_TRANSLATE_NOOP(
                "session", "The examination is {status}: publish alerts from concluded "
                "examinations"), status=Term(record.status.value.replace("_", " "), "statuses"))
        conclusion = record.summary.conclusion
        if conclusion is None or conclusion.value not in FORGERIES:
            return said(QT_TRANSLATE_NOOP(
                "session", "Alerts are about forgeries: the examination did not conclude "
                "counterfeit or forged"))
        if exam.mrz is None or not exam.mrz.fields.get("issuing_state"):
            return said(QT_TRANSLATE_NOOP("session",
                "No MRZ was read: the alert could match no document type"))
        return None

    def prepare_publish(self) -> None:
        """Cut the evidence crops of the examination on the desk (in a worker), then
        ``publishReady``; ``refused`` when it cannot be published."""
        reason = self.why_not_publish()
        if reason is not None:
            self.refused.emit(reason)
            return
        exam, record = self.work.examination, self.work.record
        assert exam is not None and record is not None
        failed = [c for c in exam.checks if c.status is CheckStatus.FAIL]
        first = next((c for c in failed if c.zone), failed[0] if failed else None)
        fields = exam.mrz.fields if exam.mrz is not None else {}
        document = " ".join(str(fields.get(k) or "") for k in ("issuing_state",
                                                               "document_code")).strip()
        if exam.specimen_id:
            document += f" ({exam.specimen_id})"

        def work(progress: ProgressFn, cancel: threading.Event) -> PublishDraft:
            from workstation.trends.crops import evidence_crops

            progress(0, 0, said(QT_TRANSLATE_NOOP(
                "session", "Cutting the evidence crops (personal data blurred)")))
            return PublishDraft(record.id, document,
                                first.title if first is not None and first.title else "",
                                first.code if first is not None else "",
                                tuple(evidence_crops(exam)))

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Preparing the alert")),
            work, done=self.publishReady.emit,
            failed=self.failed.emit)

    def publish(self, draft: PublishDraft, *, feature: str, description: str, days: int,
                any_series: bool, crops: tuple[CropImage, ...]) -> None:
        """Publish the alert (in a worker); ``published`` then the desk's alerts again."""
        desk = self.desk
        user = desk.user
        if user is None:
            self.refused.emit(said(QT_TRANSLATE_NOOP(
                "session", "Only a supervisor publishes alerts")))
            return

        def work(progress: ProgressFn, cancel: threading.Event) -> Alert:
            return _store(desk.repository_now()).publish(
                draft.examination_id, user=user, feature=feature, description=description,
                crops=crops, check_code=draft.check_code, series="" if any_series else None,
                days=days)

        def done(alert: Alert) -> None:
            self.published.emit(alert)
            self.message.emit(said(QT_TRANSLATE_NOOP(
                "session", "Alert #{id} published for {document}: every workstation of this "
                "database shows "
                "it"), id=alert.id, document=alert.document))
            self.match()

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Publishing the alert")),
            work, done=done, failed=self.failed.emit)
