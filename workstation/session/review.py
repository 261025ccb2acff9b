"""The supervisor's review: the examinations waiting in the case database, their signed
reports, and the decision — countersigned approval or return with a comment.

There is one review state, the examination's status in the case database: the queue
is every examination ``under_review`` (:meth:`CaseRepository.review_queue`), and a
decision moves it to ``approved`` (the countersigned report stored with its
``report.countersigned`` event in the same transaction as ``review.approved``) or
``returned`` (with the comment). A report file from another office is verified and
shown by :meth:`ReviewSession.open_file`, and may be countersigned into a new file
(an export, audited as ``report.countersigned``); it joins no queue.

Rules kept here: only a supervisor reviews, and never their own examination; only an
intact report whose examiner is trusted here can be approved; a return needs a
comment; the countersignature is previewed with the signer's certificate before it
is made; a decision is made once (a second click is refused with a message, never
silently ignored); a decision that meets a newer version is refused, not forced.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psygnal import Signal

from workstation.cases.records import ExaminationRecord, ExaminationSummary, Report, Status
from workstation.fsutil import atomic_write_bytes
from workstation.i18n import QT_TRANSLATE_NOOP, said
from workstation.reports.fields import SUPERVISOR_FIELD
from workstation.session.desk import Desk
from workstation.session.jobs import ProgressFn, Runner
from workstation.session.reporting import SignerInfo, SigningPreview

if TYPE_CHECKING:  # pyHanko and cryptography: imported when a report is opened
    from workstation.reports.verify import ReportVerification, Trust


@dataclass(frozen=True)
class ReviewDocument:
    """A report opened for review, checked and rendered.

    Attributes:
        title: what the list and the status line call it.
        pdf: the report as signed by the examiner.
        verification: its signatures (:func:`~workstation.reports.verify.verify_bytes`).
        pages: every page as PNG (empty when they could not be rendered: ``problem``).
        data: the ``examination.json`` it carries, or ``None``.
        summary, record, report: the examination in the case database and the stored
            report (``None`` for a file from elsewhere).
        path: the file it was opened from (``None`` for a queued examination).
    """

    title: str
    pdf: bytes
    verification: ReportVerification
    pages: tuple[bytes, ...]
    data: dict[str, Any] | None
    problem: str = ""
    summary: ExaminationSummary | None = None
    record: ExaminationRecord | None = None
    report: Report | None = None
    path: Path | None = None

    @property
    def pending(self) -> bool:
        """Whether a decision can still be made (a queued examination under review, or a
        file)."""
        return self.record is None or self.record.status is Status.UNDER_REVIEW

    @property
    def approvable(self) -> bool:
        """Only an intact report whose examiner's signature is trusted here."""
        v = self.verification
        return self.pending and v.signed and v.intact and v.trusted and not any(
            s.field == SUPERVISOR_FIELD for s in v.signatures)


@dataclass(frozen=True)
class Decision:
    """A supervisor's decision: ``approved`` or ``returned``, by whom, why."""

    state: str
    by: str
    comment: str
    record: ExaminationRecord | None
    path: Path | None = None


class ReviewSession:
    """The supervisor's queue and decisions (see the module docstring)."""

    queueChanged = Signal(object)
    """The examinations waiting for review were read: a tuple of ``ExaminationSummary``."""
    loaded = Signal(object)
    """A report was opened, verified and rendered: a :class:`ReviewDocument`."""
    previewReady = Signal(object)
    """The countersignature is ready to confirm: a ``SigningPreview`` (pages, signer)."""
    decided = Signal(object)
    """A decision was recorded: a :class:`Decision`."""
    refused = Signal(str)
    """A request cannot go ahead (no report, not approvable, no comment, decided already,
    busy): the reason."""
    stateChanged = Signal()
    """What can be done changed (busy, decided, loaded)."""
    progressed = Signal(int, int, str)
    """Progress of the running step: done, total, what it does."""
    failed = Signal(str, str)
    """Reading or deciding failed: message, details."""

    def __init__(self, desk: Desk, runner: Runner, *, trust: Trust | None = None,
                 page_dpi: int = 80) -> None:
        self.desk = desk
        self.runner = runner
        self.trust = trust
        self.page_dpi = page_dpi
        self.queue: tuple[ExaminationSummary, ...] = ()
        self.current: ReviewDocument | None = None
        self.decision: Decision | None = None
        self.busy = False
        self._refreshing = False
        self._again = False
        self._generation = 0
        self._pending_preview: tuple[SigningPreview, str] | None = None

    # -- the queue ---------------------------------------------------------------------------
    @property
    def refreshing(self) -> bool:
        """Whether the queue is being read (off the home thread)."""
        return self._refreshing

    def refresh(self) -> None:
        """Read the examinations under review; a refresh while one runs runs once more
        after it, not alongside."""
        if self._refreshing:
            self._again = True
            return
        self._refreshing = True
        desk = self.desk

        def work(progress: ProgressFn, cancel: threading.Event
                 ) -> tuple[ExaminationSummary, ...]:
            return tuple(desk.repository_now().review_queue())

        def ended() -> None:
            self._refreshing = False
            if self._again:
                self._again = False
                self.refresh()

        def done(queue: tuple[ExaminationSummary, ...]) -> None:
            self.queue = queue
            self.queueChanged.emit(queue)
            ended()

        def failed(message: str, details: str) -> None:
            self.failed.emit(said(QT_TRANSLATE_NOOP(
                "session", "Review queue: {error}"), error=message), details)
            ended()

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Reading the review queue")),
            work, done=done, failed=failed)

    # -- opening -----------------------------------------------------------------------------
    def select(self, examination_id: int) -> None:
        """Open the latest signed report of a queued examination (verified and rendered
        off the home thread); :attr:`loaded` follows."""
        desk, trust, dpi = self.desk, self.trust, self.page_dpi

        def work(progress: ProgressFn, cancel: threading.Event) -> ReviewDocument:
            repo = desk.repository_now()
            record = repo.open_examination(examination_id)
            signed = [r for r in record.reports if r.signed]
            if not signed:
                from workstation.errors import InputError

                raise InputError(f"examination {examination_id} has no signed report")
            report = max(signed, key=lambda r: (r.created_at, r.id))
            pdf = repo.blob(report.sha256)
            title = (f"case {record.summary.case_reference}, examination {record.id} — "
                     f"{record.created_by}")
            return _document(title, pdf, trust, dpi, summary=record.summary, record=record,
                             report=report)

        self._open(work)

    def open_file(self, path: str | Path) -> None:
        """Open a report file from elsewhere: verified and rendered, joining no queue."""
        trust, dpi, file = self.trust, self.page_dpi, Path(path)

        def work(progress: ProgressFn, cancel: threading.Event) -> ReviewDocument:
            from workstation.errors import InputError

            try:
                pdf = file.read_bytes()
            except OSError as exc:
                raise InputError(f"{file}: cannot read ({exc.strerror})") from None
            if not pdf.startswith(b"%PDF-"):
                raise InputError(f"{file.name}: not a PDF file")
            return _document(file.name, pdf, trust, dpi, path=file)

        self._open(work)

    def _open(self, work: Any) -> None:
        self._generation += 1
        generation = self._generation
        self.current = None
        self.decision = None
        self._pending_preview = None
        self.stateChanged.emit()

        def done(doc: ReviewDocument) -> None:
            if generation != self._generation:
                return  # the supervisor moved on
            self.current = doc
            self.stateChanged.emit()
            self.loaded.emit(doc)

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Opening the report")),
            work, done=done, failed=self.failed.emit,
            progress=self.progressed.emit)

    # -- deciding ----------------------------------------------------------------------------
    def why_not_approve(self) -> str | None:
        """Why the report shown cannot be approved now (``None``: it can)."""
        doc = self.current
        if self.busy:
            return said(QT_TRANSLATE_NOOP("session", "A decision is being recorded"))
        if doc is None:
            return said(QT_TRANSLATE_NOOP("session", "Select a report first"))
        if self.decision is not None or not doc.pending:
            return said(QT_TRANSLATE_NOOP("session", "This report has been decided already"))
        if not self.desk.is_supervisor and doc.record is not None:
            return said(QT_TRANSLATE_NOOP("session", "Only a supervisor reviews examinations"))
        if doc.record is not None and doc.record.created_by == self.desk.user_name:
            return said(QT_TRANSLATE_NOOP("session", "You cannot review your own examination"))
        if not doc.approvable:
            return said(QT_TRANSLATE_NOOP("session", "Not approvable: {why}"),
                        why=doc.verification.summary)
        return None

    def why_not_return(self, comment: str) -> str | None:
        """Why the report shown cannot be returned now (``None``: it can)."""
        doc = self.current
        if self.busy:
            return said(QT_TRANSLATE_NOOP("session", "A decision is being recorded"))
        if doc is None or doc.record is None:
            return said(QT_TRANSLATE_NOOP("session", "Select an examination of the queue first"))
        if self.decision is not None or not doc.pending:
            return said(QT_TRANSLATE_NOOP("session", "This report has been decided already"))
        if not self.desk.is_supervisor:
            return said(QT_TRANSLATE_NOOP("session", "Only a supervisor reviews examinations"))
        if not comment.strip():
            return said(QT_TRANSLATE_NOOP("session",
                "Write a comment for the examiner before returning the report"))
        return None

    def prepare_approval(self, comment: str = "", *, pkcs12: str | Path | None = None,
                         password: str | None = None) -> bool:
        """The supervisor's signing identity and the pages to countersign, for the
        confirmation; :attr:`previewReady` follows."""
        reason = self.why_not_approve()
        if reason is not None:
            self.refused.emit(reason)
            return False
        doc = self.current
        assert doc is not None
        desk = self.desk
        self._set_busy(True)

        def work(progress: ProgressFn, cancel: threading.Event) -> SigningPreview:
            identity, source = desk.identity(pkcs12=pkcs12, password=password)
            return SigningPreview(purpose="approve", pdf=doc.pdf, pages=doc.pages,
                                  signer=SignerInfo.of(identity, source), identity=identity,
                                  field=SUPERVISOR_FIELD, problem=doc.problem)

        def done(shown: SigningPreview) -> None:
            self._pending_preview = (shown, comment.strip())
            self.previewReady.emit(shown)

        def failed(message: str, details: str) -> None:
            self._set_busy(False)
            self.failed.emit(message, details)

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Preparing the countersignature")),
            work, done=done, failed=failed)
        return True

    def cancel(self) -> None:
        """The confirmation was closed: nothing is signed."""
        if self._pending_preview is not None:
            self._pending_preview = None
            self._set_busy(False)

    def confirm(self) -> None:
        """Countersign what the preview showed and record the approval (one transaction
        with the countersigned report); :attr:`decided` follows."""
        pending, doc = self._pending_preview, self.current
        if pending is None or doc is None:
            self.refused.emit(said(QT_TRANSLATE_NOOP(
                "session", "Nothing to countersign: approve a report first")))
            return
        self._pending_preview = None
        shown, comment = pending
        desk, trust = self.desk, self.trust

        def work(progress: ProgressFn, cancel: threading.Event) -> Decision:
            from workstation.reports.review import countersign

            progress(0, 0, said(QT_TRANSLATE_NOOP("session", "Countersigning the report")))
            signed = countersign(doc.pdf, shown.identity, comment=comment,
                                 config=desk.signing_config(), trust=trust)
            if doc.record is None:  # a file from elsewhere: exported beside it
                assert doc.path is not None
                out = doc.path.with_name(f"{doc.path.stem}-countersigned.pdf")
                atomic_write_bytes(out, signed)
                repo = desk.repository_now()
                repo.record_event("report.countersigned",
                                  f"report:{hashlib.sha256(doc.pdf).hexdigest()[:16]}",
                                  user=desk.who(), sha256=hashlib.sha256(signed).hexdigest(),
                                  details={"file": str(out), "signer": shown.identity.name,
                                           "comment": comment})
                return Decision("approved", shown.identity.name, comment, None, out)
            user = desk.user
            assert user is not None
            record = desk.repository_now().review(
                doc.record.id, approve=True, expected_version=doc.record.version, user=user,
                note=comment, countersigned=signed, signer=shown.identity.name)
            return Decision("approved", shown.identity.name, comment, record)

        self._decide(said(QT_TRANSLATE_NOOP("session", "Countersigning")), work)

    def return_report(self, comment: str) -> bool:
        """Return the examination to its examiner with ``comment``."""
        reason = self.why_not_return(comment)
        if reason is not None:
            self.refused.emit(reason)
            return False
        doc, desk = self.current, self.desk
        assert doc is not None and doc.record is not None
        record_in = doc.record
        self._set_busy(True)

        def work(progress: ProgressFn, cancel: threading.Event) -> Decision:
            user = desk.user
            assert user is not None
            record = desk.repository_now().review(
                record_in.id, approve=False, expected_version=record_in.version, user=user,
                note=comment.strip())
            return Decision("returned", user.display_name or user.name, comment.strip(),
                            record)

        self._decide(said(QT_TRANSLATE_NOOP("session", "Returning the report")), work)
        return True

    def _decide(self, name: str, work: Any) -> None:
        self._set_busy(True)

        def done(decision: Decision) -> None:
            self.decision = decision
            self._set_busy(False)
            self.decided.emit(decision)
            self.refresh()

        def failed(message: str, details: str) -> None:
            self._set_busy(False)
            self.failed.emit(message, details)

        self.runner.submit(name, work, done=done, failed=failed,
                           progress=self.progressed.emit)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.stateChanged.emit()


def _document(title: str, pdf: bytes, trust: Trust | None, dpi: int, **where: Any
              ) -> ReviewDocument:
    """Verify, render and read a report (off the home thread)."""
    import tempfile

    from workstation.reports.review import embedded_examination, render_pages
    from workstation.reports.verify import verify_bytes

    check = verify_bytes(pdf, trust=trust)
    data = embedded_examination(pdf)
    problem = ""
    pages: list[bytes] = []
    with tempfile.TemporaryDirectory(prefix="workstation-review-") as tmp:
        path = Path(tmp) / "report.pdf"
        path.write_bytes(pdf)
        try:
            pages = render_pages(path, dpi=dpi)
        except Exception as exc:  # pages are a convenience; the status still shows
            problem = str(exc)
    return ReviewDocument(title=title, pdf=pdf, verification=check, pages=tuple(pages),
                          data=data, problem=problem, **where)
