"""The supervisor's review: a queue of signed reports, countersign or return.

The queue is a folder (``<data folder>/reports/review`` by default) holding each
report PDF with a small JSON record beside it (``<name>.review.json``: state,
who decided, when, comment). Reports enter it when an examiner concludes an
examination (:meth:`ReviewQueue.submit`) or when a supervisor imports report
files from elsewhere (:meth:`ReviewQueue.import_files`).

Approving countersigns the report: a second PAdES signature in the
supervisor's box, added as an incremental update so the examiner's signature
stays valid. Returning records the comment and leaves the PDF untouched. Every
step is passed to the audit hook (the cases package's audit trail).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workstation.errors import InputError, ReportError
from workstation.fsutil import atomic_write_bytes, atomic_write_text

if TYPE_CHECKING:
    from workstation.reports import AuditHook
    from workstation.reports.ca import Identity
    from workstation.reports.config import ReportConfig
    from workstation.reports.verify import ReportVerification, Trust


class ReviewState(StrEnum):
    """Where a report stands in review."""

    PENDING = "pending"
    APPROVED = "approved"
    RETURNED = "returned"


@dataclass
class ReviewItem:
    """One report in the queue."""

    path: Path
    state: ReviewState = ReviewState.PENDING
    case_ref: str = ""
    examiner: str = ""
    source: str = "examination"  # or "imported"
    added_at: dt.datetime | None = None
    decided_by: str = ""
    decided_at: dt.datetime | None = None
    comment: str = ""
    history: list[dict[str, Any]] = field(default_factory=list)
    examination_id: int | None = None  # when the report came from the case database
    version: int | None = None  # the examination's version when it entered the queue

    @property
    def name(self) -> str:
        """File name of the report."""
        return self.path.name

    @property
    def record_path(self) -> Path:
        """The JSON record beside the PDF."""
        return self.path.with_name(self.path.name + ".review.json")

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (the record file)."""
        return {
            "file": self.path.name, "state": self.state.value, "case_ref": self.case_ref,
            "examiner": self.examiner, "source": self.source,
            "added_at": self.added_at.isoformat() if self.added_at else None,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat() if self.decided_at else None,
            "comment": self.comment, "history": self.history,
            "examination_id": self.examination_id, "version": self.version,
        }

    @classmethod
    def load(cls, pdf: Path) -> ReviewItem:
        """The item of ``pdf`` with its record (a fresh pending item when there is none)."""
        item = cls(pdf)
        if item.record_path.is_file():
            try:
                obj = json.loads(item.record_path.read_text(encoding="utf-8"))
                item.state = ReviewState(obj.get("state", "pending"))
                item.case_ref = str(obj.get("case_ref", ""))
                item.examiner = str(obj.get("examiner", ""))
                item.source = str(obj.get("source", "examination"))
                item.added_at = _parse_time(obj.get("added_at"))
                item.decided_by = str(obj.get("decided_by", ""))
                item.decided_at = _parse_time(obj.get("decided_at"))
                item.comment = str(obj.get("comment", ""))
                item.history = list(obj.get("history", []))
                exam_id, version = obj.get("examination_id"), obj.get("version")
                item.examination_id = None if exam_id is None else int(exam_id)
                item.version = None if version is None else int(version)
            except (OSError, ValueError, TypeError, AttributeError):
                item.comment = "review record unreadable"
        return item

    def save(self) -> None:
        """Write the record atomically."""
        atomic_write_text(self.record_path, json.dumps(self.to_json(), indent=2,
                                                       ensure_ascii=False) + "\n")


def _parse_time(value: Any) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def attachments(pdf: bytes) -> dict[str, bytes]:
    """The embedded files of a PDF (name -> bytes); empty when it has none or is unreadable."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    out: dict[str, bytes] = {}
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        names = reader.root.get("/Names")
        if names is None:
            return out
        tree = names.get_object().get("/EmbeddedFiles")
        if tree is None:
            return out
        arr = tree.get_object().get("/Names")
        if arr is None:
            return out
        arr = arr.get_object()
        for i in range(0, len(arr) - 1, 2):
            spec = arr[i + 1].get_object()
            stream = spec["/EF"]["/F"].get_object()
            out[str(arr[i])] = bytes(stream.data)
    except Exception:  # a damaged or foreign PDF simply has no usable attachment
        return out
    return out


def embedded_examination(pdf: bytes) -> dict[str, Any] | None:
    """The ``examination.json`` a report carries, parsed; ``None`` when absent or invalid."""
    from workstation.reports.data import ATTACHMENT_NAME

    raw = attachments(pdf).get(ATTACHMENT_NAME)
    if raw is None:
        return None
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return obj if isinstance(obj, dict) else None


def countersign(pdf: bytes, identity: Identity, *, comment: str = "",
                config: ReportConfig | None = None, trust: Trust | None = None,
                accept_untrusted: bool = False) -> bytes:
    """Approve a report: add the supervisor's signature as an incremental update.

    Refuses (``ReportError``) a report that is unsigned or changed since signing,
    and, unless ``accept_untrusted``, one whose examiner is not trusted here.
    """
    from workstation.reports import sign_report
    from workstation.reports.sign import SUPERVISOR_FIELD
    from workstation.reports.verify import verify_bytes

    check = verify_bytes(pdf, trust=trust)
    if not check.signed:
        raise ReportError("the report is not signed by an examiner")
    if not check.intact:
        raise ReportError(f"the report was changed since signing: {check.problem}")
    if not check.trusted and not accept_untrusted:
        raise ReportError(f"the examiner's signature is not trusted here ({check.problem})")
    if any(s.field == SUPERVISOR_FIELD for s in check.signatures):
        raise ReportError("the report is already countersigned")
    reason = "Reviewed and approved" + (f": {comment}" if comment else "")
    return sign_report(pdf, identity=identity, config=config, role="Supervisor review",
                       field=SUPERVISOR_FIELD, reason=reason[:200])


class ReviewQueue:
    """The folder of reports awaiting or past review."""

    def __init__(self, root: str | Path | None = None, *, audit: AuditHook | None = None,
                 config: ReportConfig | None = None) -> None:
        if root is None:
            from workstation.reports.config import reports_dir

            root = reports_dir() / "review"
        self.root = Path(root)
        self.audit = audit
        self.config = config

    def _audit(self, event: str, item: ReviewItem, **details: Any) -> None:
        if self.audit is not None:
            import hashlib

            try:
                digest = hashlib.sha256(item.path.read_bytes()).hexdigest()
            except OSError:
                digest = None
            self.audit(event, {"report": item.name, "case_ref": item.case_ref,
                               "sha256": digest, **details})

    def items(self, state: ReviewState | None = None) -> list[ReviewItem]:
        """Every report in the queue (newest first), optionally only those in ``state``."""
        if not self.root.is_dir():
            return []
        items = [ReviewItem.load(p) for p in self.root.glob("*.pdf") if p.is_file()]
        if state is not None:
            items = [i for i in items if i.state is state]
        items.sort(key=lambda i: (i.added_at or dt.datetime.min.replace(tzinfo=dt.UTC)),
                   reverse=True)
        return items

    def _free_name(self, name: str) -> Path:
        stem = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).stem).strip("._") or "report"
        path = self.root / f"{stem}.pdf"
        n = 2
        while path.exists():
            path = self.root / f"{stem}-{n}.pdf"
            n += 1
        return path

    def submit(self, pdf: bytes, *, name: str, case_ref: str = "", examiner: str = "",
               source: str = "examination", examination_id: int | None = None,
               version: int | None = None) -> ReviewItem:
        """Put a signed report into the queue (pending); ``examination_id`` and ``version``
        link it to the case database's examination it reports on."""
        if not pdf.startswith(b"%PDF-"):
            raise InputError(f"{name}: not a PDF file")
        self.root.mkdir(parents=True, exist_ok=True)
        path = self._free_name(name)
        if not case_ref or not examiner:
            meta = embedded_examination(pdf) or {}
            case_ref = case_ref or str(meta.get("case_ref") or "")
            examiner = examiner or str(meta.get("examiner") or "")
        atomic_write_bytes(path, pdf)
        item = ReviewItem(path, ReviewState.PENDING, case_ref, examiner, source, _now(),
                          examination_id=examination_id, version=version)
        item.history.append({"event": "submitted", "at": item.added_at.isoformat()
                             if item.added_at else None, "source": source})
        item.save()
        self._audit("report.submitted_for_review", item, source=source)
        return item

    def import_files(self, paths: list[str | Path]) -> list[ReviewItem]:
        """Import report files from elsewhere (``InputError`` for an unreadable one)."""
        out = []
        for p in paths:
            path = Path(p)
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise InputError(f"{path}: cannot read ({exc.strerror})") from None
            out.append(self.submit(data, name=path.name, source="imported"))
        return out

    def verify(self, item: ReviewItem, *, trust: Trust | None = None) -> ReportVerification:
        """The signature status of an item's report."""
        from workstation.reports.verify import verify_report

        return verify_report(item.path, trust=trust)

    def approve(self, item: ReviewItem, identity: Identity, *, comment: str = "",
                trust: Trust | None = None, accept_untrusted: bool = False) -> ReviewItem:
        """Countersign the report in place (atomically) and mark it approved."""
        if item.state is not ReviewState.PENDING:
            raise ReportError(f"{item.name} is already {item.state.value}")
        signed = countersign(item.path.read_bytes(), identity, comment=comment,
                             config=self.config, trust=trust,
                             accept_untrusted=accept_untrusted)
        atomic_write_bytes(item.path, signed)
        return self._decide(item, ReviewState.APPROVED, identity.name, comment,
                            "report.countersigned")

    def return_report(self, item: ReviewItem, *, reviewer: str, comment: str) -> ReviewItem:
        """Send the report back to the examiner with a comment (the PDF is not changed)."""
        if not comment.strip():
            raise InputError("returning a report needs a comment for the examiner")
        if item.state is not ReviewState.PENDING:
            raise ReportError(f"{item.name} is already {item.state.value}")
        return self._decide(item, ReviewState.RETURNED, reviewer, comment.strip(),
                            "report.returned")

    def _decide(self, item: ReviewItem, state: ReviewState, who: str, comment: str,
                event: str) -> ReviewItem:
        item.state = state
        item.decided_by = who
        item.decided_at = _now()
        item.comment = comment
        item.history.append({"event": state.value, "by": who, "at": item.decided_at.isoformat(),
                             "comment": comment})
        item.save()
        self._audit(event, item, by=who, comment=comment)
        return item


def render_pages(pdf: str | Path, *, dpi: int = 72, timeout_s: float = 120.0) -> list[bytes]:
    """Every page of ``pdf`` as PNG bytes, rendered by poppler's ``pdftoppm``.

    ``ReportError`` when pdftoppm is missing (Debian: poppler-utils) or fails.
    """
    import shutil
    import subprocess
    import tempfile

    exe = shutil.which("pdftoppm")
    if exe is None:
        raise ReportError("pdftoppm is not installed (poppler-utils): pages cannot be shown")
    if not 10 <= dpi <= 600:
        raise ValueError(f"dpi must be between 10 and 600, got {dpi}")
    with tempfile.TemporaryDirectory(prefix="report-pages-") as tmp:
        try:
            res = subprocess.run([exe, "-r", str(dpi), "-png", str(pdf), f"{tmp}/page"],
                                 capture_output=True, text=True, timeout=timeout_s,
                                 check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ReportError(f"pdftoppm failed: {exc}") from None
        if res.returncode != 0:
            first = (res.stderr.strip().splitlines() or ["unknown error"])[0]
            raise ReportError(f"pdftoppm could not render {Path(pdf).name}: {first}")
        pages = sorted(Path(tmp).glob("page-*.png"),
                       key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [p.read_bytes() for p in pages]
