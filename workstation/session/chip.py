"""Reading the chip of the document on the desk, and what it proves.

:class:`ChipSession` keeps the card reader in use (the simulated one by default, any
PC/SC reader by name), reads the chip off the home thread with the document's MRZ as
the key (or a card access number), and hands the files to the examination session:
they are stored with the capture's draft and the examination runs again, so the
chip checks join the Checks panel as any other. Before that examination ends the
chip is verified on its own (Passive, Chip and Active Authentication, DG1 against
the printed MRZ) so the panel shows the steps at once; the examination's results
(with the face comparison) replace them when they arrive.

Events (on the home thread): ``readersListed(tuple[CardReaderInfo])``,
``readerChosen(str)``, ``progressed(done, total, text)``, ``chipRead(ChipRead)``,
``verified(ChipReport)``, ``cancelled()``, ``failed(message, details)``,
``message(str)``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from psygnal import Signal

from workstation.errors import InputError
from workstation.i18n import QT_TRANSLATE_NOOP, said
from workstation.session.display import Shown
from workstation.session.examination import ExaminationSession
from workstation.session.jobs import Job, ProgressFn, Runner
from workstation.types import CaptureSet, CheckResult, CheckStatus, Image

if TYPE_CHECKING:
    from workstation.chip.read import ChipRead
    from workstation.chip.verify import ChipVerification
    from workstation.hardware.cardreader import CardReader

#: The simulated card reader's name in the picker.
SIMULATED = "simulated"
#: The steps of a chip's examination, in order, with the check each one reports.
#: (The titles are English; the window translates them in the ``chip panel`` context.)
STEP_CHECKS = (
    (QT_TRANSLATE_NOOP("chip panel", "Passive Authentication (the data as signed)"),
     "chip.passive_authentication"),
    (QT_TRANSLATE_NOOP("chip panel", "Chip Authentication (the chip is not a copy)"),
     "chip.chip_authentication"),
    (QT_TRANSLATE_NOOP("chip panel", "Active Authentication (the chip is not a copy)"),
     "chip.active_authentication"),
    (QT_TRANSLATE_NOOP("chip panel", "The chip's MRZ (DG1) against the printed MRZ"),
     "chip.mrz"),
    (QT_TRANSLATE_NOOP("chip panel", "The chip's photograph (DG2) against the printed portrait"),
     "chip.face"))
#: The first step's title and its words (translated by the window, ``chip panel``).
ACCESS_CONTROL = QT_TRANSLATE_NOOP("chip panel", "Access control")
NOT_RECORDED = QT_TRANSLATE_NOOP("chip panel",
                                 "files read elsewhere: no record of how the chip was opened")
OPENED_WITH = QT_TRANSLATE_NOOP("chip panel", "opened with {protocol}")


@dataclass(frozen=True)
class CardReaderInfo:
    """A card reader the picker offers."""

    name: str
    kind: str
    card_present: bool

    @property
    def label(self) -> str:
        """How the picker names it."""
        if self.kind == "simulated":
            return QT_TRANSLATE_NOOP("chip panel", "Simulated chip reader")
        return f"{self.name} ({'chip present' if self.card_present else 'no chip'})"


@dataclass(frozen=True)
class ChipStep:
    """One step of the chip's examination as the panel lists it."""

    title: str
    status: CheckStatus
    detail: str
    code: str = ""


@dataclass(frozen=True)
class ChipReport:
    """What the chip panel shows: how it was read, its files, each step's result and the
    chip's photograph.

    Attributes:
        record: ``chip.json`` as read (``None`` for files from elsewhere without one).
        files: ``(file name, bytes)`` of every chip file, in the order read.
        steps: access control, then each authentication and comparison.
        checks: the chip checks the steps come from.
        face: the chip's photograph, decoded (``None`` when DG2 is missing or unreadable).
        from_examination: the steps are the examination's (with the face comparison).
    """

    record: Mapping[str, Any] | None
    files: tuple[tuple[str, int], ...]
    steps: tuple[ChipStep, ...]
    checks: tuple[CheckResult, ...] = ()
    face: Image | None = field(default=None, repr=False, compare=False)
    from_examination: bool = False

    @property
    def access(self) -> str:
        """The access protocol in words (``""`` when not known)."""
        return str((self.record or {}).get("access_protocol") or "")


def access_step(record: Mapping[str, Any] | None) -> ChipStep:
    """The access control step of a reading (``chip.json``)."""
    if not record:
        return ChipStep(ACCESS_CONTROL, CheckStatus.SKIPPED, NOT_RECORDED)
    protocol = str(record.get("access_protocol") or record.get("access") or "?")
    fallback = str(record.get("pace_fallback") or "")
    if fallback and "BAC asked for" not in fallback:
        # PACE failed or is not supported here: the weaker protocol opened the chip
        return ChipStep(ACCESS_CONTROL, CheckStatus.WARN, f"{protocol} — {fallback}",
                        "PACE_FALLBACK")
    note = f" ({fallback})" if fallback else ""
    return ChipStep(ACCESS_CONTROL, CheckStatus.PASS, OPENED_WITH.format(protocol=protocol + note),
                    str(record.get("access") or ""))


def chip_steps(record: Mapping[str, Any] | None, checks: Sequence[CheckResult]
               ) -> tuple[ChipStep, ...]:
    """The panel's steps from a reading's record and the chip checks."""
    by_id = {c.id: c for c in checks if c.id.startswith("chip.")}
    steps = [access_step(record)]
    for title, check_id in STEP_CHECKS:
        c = by_id.get(check_id)
        if c is not None:
            steps.append(ChipStep(title, c.status, c.message, c.code))
    return tuple(steps)


def report_of(files: Mapping[str, bytes], verification: ChipVerification,
              checks: Sequence[CheckResult], *, from_examination: bool = False) -> ChipReport:
    """A :class:`ChipReport` of chip files (``name -> bytes`` as on disk), their
    verification and the chip checks."""
    record = verification.read_record
    shown = tuple((name, len(data)) for name, data in files.items() if name != "chip.json")
    return ChipReport(record, shown, chip_steps(record, checks), tuple(checks),
                      verification.face_image(), from_examination)


class ChipSession:
    """The chip of the document on the desk (see the module docstring)."""

    readersListed = Signal(object)
    """The card readers found: a ``tuple[CardReaderInfo, ...]``."""
    readerChosen = Signal(str)
    """The reader in use changed: its name."""
    progressed = Signal(int, int, str)
    """Progress of the reading: done, total, what it does."""
    chipRead = Signal(object)
    """The chip was read: the ``ChipRead``."""
    verified = Signal(object)
    """What the chip proves (after a reading, or from the examination): a ``ChipReport``."""
    cancelled = Signal()
    """The reading was cancelled."""
    failed = Signal(str, str)
    """The reading failed: the one-line message and the details."""
    message = Signal(str)
    """A line for the status bar."""

    def __init__(self, work: ExaminationSession, runner: Runner, *,
                 open_reader: Callable[[str], CardReader] | None = None,
                 list_readers: Callable[[], list[dict[str, Any]]] | None = None) -> None:
        self.work = work
        self.runner = runner
        self._open_reader = open_reader or _open_named
        self._list_readers = list_readers or _list_readers
        self.reader_name = SIMULATED
        self.reader: CardReader | None = None
        self.readers: tuple[CardReaderInfo, ...] = (CardReaderInfo(SIMULATED, "simulated",
                                                                   True),)
        self.platen: tuple[str, str | None, int] | None = None
        self.job: Job | None = None
        self.report: ChipReport | None = None
        self.last_read: ChipRead | None = None
        work.captured.connect(self._captured)
        work.examined.connect(self._examined)

    # -- the reader ----------------------------------------------------------------------
    def refresh_readers(self) -> Job:
        """List the card readers (PC/SC asks a daemon: off the home thread)."""

        def work(progress: ProgressFn, cancel: threading.Event) -> tuple[CardReaderInfo, ...]:
            return tuple(CardReaderInfo(str(r["name"]), str(r["kind"]),
                                        bool(r.get("card_present")))
                         for r in self._list_readers())

        def done(found: tuple[CardReaderInfo, ...]) -> None:
            self.readers = found or self.readers
            self.readersListed.emit(self.readers)

        return self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Listing card readers")),
            work, done=done,
            failed=self.failed.emit)

    def choose(self, name: str) -> None:
        """Read chips with the reader called ``name`` (``simulated``: the simulator's)."""
        if name == self.reader_name:
            return
        self._close_reader()
        self.reader_name = name
        self.readerChosen.emit(name)
        self.message.emit(said(QT_TRANSLATE_NOOP(
            "session", "Card reader: {reader}"), reader=self._label(name)))

    def _label(self, name: str) -> str:
        return next((r.label for r in self.readers if r.name == name), name)

    def follow_platen(self, document: str, forgery: str | None, seed: int) -> None:
        """The simulated document reader shows ``document``: the simulated card reader
        holds its chip (a chip forgery changes the chip; page forgeries leave it
        genuine)."""
        self.platen = (document, forgery or None, seed)
        if self.reader_name == SIMULATED:
            self._close_reader()

    def _close_reader(self) -> None:
        reader, self.reader = self.reader, None
        if reader is not None:
            try:
                reader.close()
            except Exception as exc:
                self.message.emit(said(QT_TRANSLATE_NOOP(
                    "session", "The card reader did not close cleanly: {error}"), error=str(exc)))

    def _reader_now(self) -> CardReader:
        """The reader in use, opened now (call off the home thread)."""
        if self.reader is None:
            reader = self._open_reader(self.reader_name)
            if self.reader_name == SIMULATED and self.platen is not None:
                doc, forgery, seed = self.platen
                load = getattr(reader, "load_document", None)
                if callable(load):
                    load(doc, forgery=forgery, seed=seed)
            self.reader = reader
        return self.reader

    # -- reading -------------------------------------------------------------------------
    def mrz_lines(self) -> list[str] | None:
        """The printed MRZ of the examination on the desk (the chip's key), if read."""
        exam = self.work.examination
        mrz = exam.mrz if exam is not None else None
        if mrz is None or not mrz.found or not mrz.lines:
            return None
        return list(mrz.lines)

    def why_not_read(self, *, can: str = "") -> str | None:
        """Why the chip cannot be read now (``None``: it can)."""
        if self.job is not None and not self.job.done:
            return said(QT_TRANSLATE_NOOP("session", "The chip is being read"))
        if self.work.capture_set is None:
            return said(QT_TRANSLATE_NOOP("session",
                "Capture the document first: the chip is opened with its MRZ"))
        if self.work.locked:
            return said(QT_TRANSLATE_NOOP("session",
                "The examination is submitted for review: its capture cannot change"))
        if not can.strip() and self.mrz_lines() is None:
            if self.work.examination is None:
                return said(QT_TRANSLATE_NOOP("session",
                    "Wait for the examination: the chip is opened with the MRZ it reads"))
            return said(QT_TRANSLATE_NOOP(
                "session", "No MRZ was read on the page: enter the card access number "
                "(CAN) printed on the document"))
        return None

    def read(self, *, can: str = "", prefer_pace: bool = True) -> Job | None:
        """Read the chip with the MRZ's key (or the card access number ``can``: PACE
        only) off the home thread; the files go to the examination session."""
        reason = self.why_not_read(can=can)
        if reason is not None:
            self.message.emit(reason)
            return None
        from workstation.chip.keys import CanKey, MrzKey

        lines = self.mrz_lines()
        try:
            key: Any = CanKey(can.strip()) if can.strip() else MrzKey.from_mrz_lines(lines or [])
        except InputError as exc:
            self.failed.emit(said(QT_TRANSLATE_NOOP(
                "session", "The chip cannot be opened: {error}"), error=str(exc)), "")
            return None
        capture = self.work.capture_set
        printed = self.work.examination.mrz_json() if self.work.examination else None

        def work(progress: ProgressFn, cancel: threading.Event
                 ) -> tuple[ChipRead, dict[str, bytes], ChipReport]:
            import json

            from workstation.chip.apdu import ChipCancelled
            from workstation.chip.files import CHIP_JSON, file_name_on_disk
            from workstation.chip.read import read_chip
            from workstation.chip.verify import chip_checks, verify_chip
            from workstation.session.jobs import Cancelled

            progress(0, 100, said(QT_TRANSLATE_NOOP("session", "Connecting to the chip")))
            reader = self._reader_now()
            conn = reader.connect()
            try:
                def step(fraction: float, text: str) -> None:
                    progress(round(fraction * 90), 100, said(QT_TRANSLATE_NOOP(
                        "session", "Reading the chip: {step}"), step=text))

                try:
                    got = read_chip(conn, key, progress=step, cancel=cancel.is_set,
                                    prefer_pace=prefer_pace, reset=conn.reset,
                                    reader=reader.name, atr=conn.atr)
                except ChipCancelled:
                    raise Cancelled("reading the chip was cancelled") from None
            finally:
                conn.close()
            progress(92, 100, said(QT_TRANSLATE_NOOP(
                "session", "Verifying the chip (Passive Authentication)")))
            record = got.to_json()
            files = {file_name_on_disk(n): d for n, d in got.files.items()}
            files[CHIP_JSON] = (json.dumps(record, indent=2) + "\n").encode()
            state = (printed or {}).get("fields", {}).get("issuing_state")
            v = verify_chip(got.files, record=record, issuing_state=state)
            checks = chip_checks(v, printed_mrz=printed)
            return got, files, report_of(files, v, checks)

        def done(result: tuple[ChipRead, dict[str, bytes], ChipReport]) -> None:
            self.job = None
            got, files, report = result
            self.last_read = got
            self.chipRead.emit(got)
            if self.work.capture_set is not capture:
                self.message.emit(said(QT_TRANSLATE_NOOP(
                    "session", "Another document was captured meanwhile: this chip's files were "
                    "not added "
                    "to it")))
                return
            self.report = report
            self.verified.emit(report)
            self.work.display.set_chip_face(report.face)
            self.work.extend(chip_files=files)
            fallback = f" ({got.pace_fallback})" if got.pace_fallback else ""
            self.message.emit(said(QT_TRANSLATE_NOOP(
                "session", "Chip read with {protocol}: %n file(s); examining again"),
                n=len(got.files), protocol=f"{got.access_protocol}{fallback}"))

        def failed(message: str, details: str) -> None:
            self.job = None
            if "cancelled" in message:
                self.cancelled.emit()
                self.message.emit(said(QT_TRANSLATE_NOOP(
                    "session", "Reading the chip was cancelled")))
                return
            self._close_reader()  # reopened at the next reading (a reader may have gone)
            self.failed.emit(message, details)

        self.job = self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Reading the chip")),
            work, done=done, failed=failed,
            progress=self.progressed.emit)
        return self.job

    def cancel(self) -> None:
        """Stop the reading (at its next command)."""
        if self.job is not None and not self.job.done:
            self.job.cancel()

    # -- what the examination says -------------------------------------------------------
    def _captured(self, capture: CaptureSet) -> None:
        """A new document: nothing read from its chip yet (unless it came with files)."""
        self.report = None
        self.work.display.set_chip_face(None)
        self.verified.emit(None)

    def _examined(self, shown: Shown) -> None:
        """The examination's chip checks (with the face comparison) replace the panel's."""
        exam = shown.examination
        checks = [c for c in exam.checks if c.id.startswith("chip.")]
        files = exam.capture.chip_files
        if not files or not checks or all(c.code == "CHIP_ABSENT" for c in checks):
            return
        from workstation.chip.files import collect
        from workstation.chip.verify import verify_chip

        try:
            canon, record = collect(files)
            v = verify_chip(canon, record=record)
        except Exception as exc:
            self.failed.emit(said(QT_TRANSLATE_NOOP(
                "session", "The chip files could not be shown: {error}"), error=str(exc)), "")
            return
        report = report_of(files, v, checks, from_examination=True)
        self.report = report
        self.work.display.set_chip_face(report.face)
        self.verified.emit(report)

    def close(self) -> None:
        """Release the card reader."""
        self.cancel()
        self._close_reader()


def _open_named(name: str) -> CardReader:
    """Open the card reader called ``name``: ``simulated``, or a PC/SC reader."""
    from workstation.hardware.cardreader import CardReaderConfig, open_card_reader

    if name == SIMULATED:  # the simulated document reader's default document, seed 0
        return open_card_reader(CardReaderConfig("simulated"))
    return open_card_reader(CardReaderConfig("pcsc", {"reader": name}))


def _list_readers() -> list[dict[str, Any]]:
    from workstation.hardware.cardreader import list_card_readers

    return list_card_readers()
