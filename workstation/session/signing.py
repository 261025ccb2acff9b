"""Signing is deliberate: a preview of the report's pages and the signer's certificate
first, the signature only once confirmed; and a signature is never half-done.

:class:`SigningSession` serves the examiner's two signing actions on the document of
an :class:`~workstation.session.examination.ExaminationSession`:

* **a signed report to a file** (File → Sign report…): :meth:`prepare_report` stores
  what is not stored yet and the findings, builds the report (carrying the audit
  chain's head then: :mod:`workstation.reports.anchor`) and renders its pages;
  :meth:`confirm` signs exactly the bytes shown, records them with the examination
  (one transaction with the ``report.signed`` event) and only then writes the file;
* **conclude and submit for review** (Ctrl+Shift+R): :meth:`prepare_submission` checks
  there is a conclusion and no conflict, saves the findings naming the version last
  saved (a conflict is shown, never overwritten), builds the report and its preview;
  :meth:`confirm` signs in memory, concludes, records the signed report and submits —
  a signing failure concludes nothing, and a failure after concluding reopens the
  examination: nothing goes to review half-done.

Signing needs the session's user signed in (:meth:`Desk.sign_in_async
<workstation.session.desk.Desk.sign_in_async>`) or a PKCS#12 file: otherwise the
preparation fails at once with "sign in first", before anything is stored.

Between preview and confirmation the autosaver waits (the submission saves the
findings itself); :meth:`cancel` lets it go on. While a step runs, :attr:`busy` says
so and a second request is refused with a message (never silently dropped).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from psygnal import Signal

from workstation.cases.records import ExaminationRecord, Status
from workstation.errors import ConflictError
from workstation.i18n import QT_TRANSLATE_NOOP, said
from workstation.session.examination import ExaminationSession
from workstation.session.jobs import Cancelled, ProgressFn
from workstation.session.reporting import SignedReport, SigningPreview
from workstation.session.viewer import snapshot
from workstation.types import Image


@dataclass(frozen=True)
class Submitted:
    """An examination concluded and submitted for review with its signed report."""

    record: ExaminationRecord
    report: SignedReport


@dataclass(frozen=True)
class _Pending:
    purpose: str  # "submit" or "report"
    preview: SigningPreview
    record: ExaminationRecord
    path: Path | None


class SigningSession:
    """The examiner's signatures on the document on the desk (see the module docstring)."""

    previewReady = Signal(object)
    """The report to sign is built: a ``SigningPreview`` to show and confirm (or cancel)."""
    reportSigned = Signal(object)
    """A signed report was recorded with its examination and written: a ``SignedReport``."""
    submitted = Signal(object)
    """The examination was concluded and submitted for review: a :class:`Submitted`."""
    refused = Signal(str)
    """A signing request cannot go ahead (no examination, no conclusion, a conflict,
    one already running): the reason."""
    stateChanged = Signal()
    """:attr:`busy` or what can be signed changed."""
    progressed = Signal(int, int, str)
    """Progress of the running step: done, total, what it does."""
    failed = Signal(str, str)
    """Signing or submitting failed (nothing half-done remains): message, details."""

    def __init__(self, work: ExaminationSession) -> None:
        self.work = work
        self.runner = work.runner
        self.desk = work.desk
        self.busy = False
        self.pending: _Pending | None = None

    # -- what may be signed ------------------------------------------------------------------
    def why_not_report(self) -> str | None:
        """Why no report can be signed now (``None``: it can)."""
        if self.busy:
            return said(QT_TRANSLATE_NOOP(
                "session", "A signature is being prepared or made already"))
        if self.work.examination is None:
            return said(QT_TRANSLATE_NOOP("session",
                "Nothing to report: capture and examine a document first"))
        return None

    def why_not_submit(self) -> str | None:
        """Why the examination cannot be concluded and submitted now (``None``: it can)."""
        work = self.work
        if self.busy:
            return said(QT_TRANSLATE_NOOP("session",
                "Already concluding and submitting this examination"))
        if work.examination is None:
            return said(QT_TRANSLATE_NOOP("session",
                "Nothing to conclude: capture and examine a document first"))
        if work.locked:
            return said(QT_TRANSLATE_NOOP("session",
                "Already submitted for review: the findings are final"))
        if work.findings.conclusion is None:
            return said(QT_TRANSLATE_NOOP("session",
                "Not submitted: choose a conclusion in the Findings tab first"))
        saver = work.autosaver
        if saver.record is not None and saver.blocked:
            return said(QT_TRANSLATE_NOOP(
                "session", "Not submitted: the findings could not be saved (changed "
                "elsewhere) — open the examination again to see the other changes"))
        return None

    # -- previews ------------------------------------------------------------------------------
    def prepare_report(self, path: str | Path, *, pkcs12: str | Path | None = None,
                       password: str | None = None) -> bool:
        """Build the report to sign into ``path`` and its preview (off the home thread);
        :attr:`previewReady` follows. ``False`` (and :attr:`refused`) when it cannot."""
        reason = self.why_not_report()
        if reason is not None:
            self.refused.emit(reason)
            return False
        return self._prepare("report", Path(path), pkcs12, password)

    def prepare_submission(self, *, pkcs12: str | Path | None = None,
                           password: str | None = None) -> bool:
        """Save the findings and build the report to submit, with its preview;
        :attr:`previewReady` follows. ``False`` (and :attr:`refused`) when it cannot."""
        reason = self.why_not_submit()
        if reason is not None:
            self.refused.emit(reason)
            return False
        return self._prepare("submit", None, pkcs12, password)

    def _prepare(self, purpose: str, path: Path | None, pkcs12: str | Path | None,
                 password: str | None) -> bool:
        work, desk = self.work, self.desk
        exam = work.examination
        assert exam is not None and work.capture_set is not None
        self._set_busy(True)
        saver = work.autosaver
        if saver.pending:  # the last edits first, then build from what is stored
            def again() -> None:
                saver.idle.disconnect(again)
                self._set_busy(False)
                if not saver.blocked:
                    self._prepare(purpose, path, pkcs12, password)
                else:
                    self.refused.emit(self.why_not_submit() or said(QT_TRANSLATE_NOOP(
                        "session", "The findings were not saved")))

            saver.idle.connect(again)
            saver.flush()
            return True
        findings = work.findings
        record = saver.record or work.record
        saver.blocked = True  # the worker saves from here; no autosave with a stale version
        views: Mapping[str, Image] = {}
        if "view:current" in findings.report_images:
            shot = snapshot(work.viewer)
            if shot is not None:
                views = {"current": shot}
        capture = work.capture_set
        specimen = work.shown.view.specimen if work.shown is not None else None
        examiner = desk.examiner_name()

        latest: dict[str, ExaminationRecord] = {}

        def job(progress: ProgressFn, cancel: threading.Event
                ) -> tuple[ExaminationRecord, SigningPreview] | _Conflicted:
            from workstation.session.reporting import build_unsigned, preview

            progress(0, 5, said(QT_TRANSLATE_NOOP("session", "Opening the signing key")))
            identity, source = desk.identity(pkcs12=pkcs12, password=password)  # fails first
            repo = desk.repository_now()
            user = desk.who()
            rec = record
            if rec is None:  # store first, then sign
                progress(1, 5, said(QT_TRANSLATE_NOOP(
                    "session", "Storing the examination in a case")))
                ids = repo.store_examination(replace(exam, capture=capture), user=user)
                rec = latest["record"] = repo.open_examination(ids.examination_id)
            progress(2, 5, said(QT_TRANSLATE_NOOP("session", "Saving the findings")))
            try:
                rec = latest["record"] = repo.save_findings(
                    rec.id, findings, expected_version=rec.version, user=user)
            except ConflictError as exc:
                return _Conflicted(str(exc), repo.open_examination(rec.id))
            progress(3, 5, said(QT_TRANSLATE_NOOP("session", "Building the report")))
            checkpoint = repo.audit_checkpoint()  # the report carries the chain's head
            pdf = build_unsigned(exam, case_ref=rec.summary.case_reference, findings=findings,
                                 specimen=specimen, views=views, examiner=examiner,
                                 config=desk.signing_config(), audit_checkpoint=checkpoint)
            progress(4, 5, said(QT_TRANSLATE_NOOP("session", "Rendering the pages to check")))
            return rec, preview(purpose, pdf, identity, source, checkpoint=checkpoint)

        def done(result: tuple[ExaminationRecord, SigningPreview] | _Conflicted) -> None:
            if isinstance(result, _Conflicted):
                self._conflict(result)
                return
            rec, shown = result
            self._stored(rec)
            self.pending = _Pending(purpose, shown, rec, path)
            self.stateChanged.emit()
            self.previewReady.emit(shown)

        def failed(message: str, details: str) -> None:
            if "record" in latest:  # saved before it failed: work on from that version
                self.work._now_stored(latest["record"])
                saver.load(latest["record"])
            saver.blocked = self.work.locked
            self._set_busy(False)
            self.failed.emit(message, details)

        name = said(QT_TRANSLATE_NOOP("session", "Preparing the report")) \
            if purpose == "report" else said(QT_TRANSLATE_NOOP("session", "Conclude and submit"))
        self.runner.submit(name, job, done=done, failed=failed, progress=self.progressed.emit)
        return True

    def _conflict(self, conflict: _Conflicted) -> None:
        """Another workstation saved first: shown, never overwritten; autosaving stops
        until the examination is opened again."""
        work = self.work
        work._now_stored(conflict.record)
        work.autosaver.load(conflict.record)
        work.autosaver.blocked = True
        self._set_busy(False)
        work.conflicted.emit(conflict.message)
        self.failed.emit(said(QT_TRANSLATE_NOOP(
            "session", "Not submitted: {error}"), error=conflict.message), "")

    def _stored(self, record: ExaminationRecord) -> None:
        work = self.work
        if work.record is None or work.record.id != record.id or \
                work.record.version <= record.version:
            work._now_stored(record)
        work.autosaver.load(record)
        work.autosaver.blocked = True  # until confirmed or cancelled

    def cancel(self) -> None:
        """The preview was closed without signing: nothing is signed; autosaving goes on."""
        if self.pending is None:
            return
        self.pending = None
        self.work.autosaver.blocked = self.work.locked
        self._set_busy(False)
        self.work.message.emit(said(QT_TRANSLATE_NOOP("session", "Not signed")))

    # -- confirmation ------------------------------------------------------------------------
    def confirm(self) -> None:
        """Sign what the preview showed (off the home thread); :attr:`reportSigned` or
        :attr:`submitted` follows, or :attr:`failed` with nothing half-done."""
        pending = self.pending
        if pending is None:
            self.refused.emit(said(QT_TRANSLATE_NOOP(
                "session", "Nothing to sign: prepare the report first")))
            return
        self.pending = None
        if pending.purpose == "report":
            self._sign_to_file(pending)
        else:
            self._submit(pending)

    def _sign_to_file(self, pending: _Pending) -> None:
        desk = self.desk

        def job(progress: ProgressFn, cancel: threading.Event) -> SignedReport:
            from workstation.session.reporting import sign_and_record

            progress(0, 0, said(QT_TRANSLATE_NOOP("session", "Signing the report")))
            return sign_and_record(pending.preview.pdf, pending.preview.identity,
                                   repository=desk.repository_now(),
                                   examination_id=pending.record.id, user=desk.who(),
                                   config=desk.signing_config(), out=pending.path,
                                   checkpoint=pending.preview.checkpoint)

        def done(report: SignedReport) -> None:
            self.work.autosaver.blocked = self.work.locked
            self._set_busy(False)
            self.reportSigned.emit(report)
            self.work.message.emit(said(QT_TRANSLATE_NOOP(
                "session", "Signed report written to {path} (signed by {signer}, recorded with "
                "examination "
                "{id})"), path=str(report.path), signer=report.signer, id=str(pending.record.id)))

        def failed(message: str, details: str) -> None:
            self.work.autosaver.blocked = self.work.locked
            self._set_busy(False)
            self.failed.emit(message, details)

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Report")),
            job, done=done, failed=failed,
            progress=self.progressed.emit)

    def _submit(self, pending: _Pending) -> None:
        desk = self.desk
        latest: dict[str, ExaminationRecord] = {"record": pending.record}

        def job(progress: ProgressFn, cancel: threading.Event) -> Submitted | _Conflicted:
            from workstation.reports import sign_report

            repo = desk.repository_now()
            user = desk.who()
            rec = pending.record
            shown = pending.preview
            progress(0, 4, said(QT_TRANSLATE_NOOP("session", "Signing the report")))
            signed = sign_report(shown.pdf, identity=shown.identity,
                                 config=desk.signing_config())  # in memory: nothing on disk
            progress(1, 4, said(QT_TRANSLATE_NOOP("session", "Concluding the examination")))
            concluded_here = rec.summary.status is not Status.CONCLUDED
            if concluded_here:
                try:
                    rec = latest["record"] = repo.conclude(
                        rec.id, expected_version=rec.version, user=user)
                except ConflictError as exc:
                    return _Conflicted(str(exc), repo.open_examination(rec.id))
            try:  # from here on, finish or undo: a cancel is no longer honoured
                with contextlib.suppress(Cancelled):
                    progress(2, 4, said(QT_TRANSLATE_NOOP("session", "Storing the signed report")))
                stored = repo.store_report(rec.id, signed, user=user, signed=True,
                                           signer=shown.identity.name,
                                           checkpoint=shown.checkpoint)
                with contextlib.suppress(Cancelled):
                    progress(3, 4, said(QT_TRANSLATE_NOOP("session", "Submitting for review")))
                rec = latest["record"] = repo.submit_for_review(
                    rec.id, expected_version=rec.version, user=user)
            except BaseException:
                if concluded_here:
                    with contextlib.suppress(Exception):
                        latest["record"] = repo.reopen(rec.id, expected_version=rec.version,
                                                       user=user)
                raise
            import hashlib

            return Submitted(rec, SignedReport(signed, hashlib.sha256(signed).hexdigest(),
                                               shown.identity.name, stored))

        def done(result: Submitted | _Conflicted) -> None:
            if isinstance(result, _Conflicted):
                self._conflict(result)
                return
            self.work._now_stored(result.record)
            self.work.autosaver.load(result.record)
            self.work._set_locked(True)  # under review: the findings are final
            self._set_busy(False)
            self.submitted.emit(result)
            self.work.message.emit(said(QT_TRANSLATE_NOOP(
                "session", "Concluded and submitted for review: case {case}, examination "
                "{id} (report signed by {signer})"),
                case=result.record.summary.case_reference, id=str(result.record.id),
                signer=result.report.signer))

        def failed(message: str, details: str) -> None:
            rec = latest["record"]
            self.work._now_stored(rec)
            self.work.autosaver.load(rec)  # work on from the version stored: no self-conflict
            self.work.autosaver.blocked = self.work.locked
            self._set_busy(False)
            self.failed.emit(message, details)

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Conclude and submit")),
            job, done=done, failed=failed,
            progress=self.progressed.emit)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.stateChanged.emit()


@dataclass(frozen=True)
class _Conflicted:
    """A save or a transition met a newer version (another workstation saved first)."""

    message: str
    record: ExaminationRecord
