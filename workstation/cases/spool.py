"""The spool: examinations the case database could not take yet, kept until it can.

When a write waits longer than the database allows (another program holding its
lock: :attr:`CaseRepository.busy_timeout_s`), :func:`store_or_spool` writes the
prepared examination — images, results, who stored it, into which case, and its
signed report — to ``<data>/spool/<id>/`` (private, written completely before it
counts) and says so. :func:`replay` stores spooled examinations, oldest first,
with ``spooled_at`` in their ``examination.run`` event; it runs before every
later store (``workstation examine``) and with ``workstation cases flush``.
Nothing in the spool is deleted before its examination has committed.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workstation.cases.prepared import PreparedExamination
from workstation.cases.records import StoredIds
from workstation.errors import FormatError, StorageError
from workstation.fsutil import atomic_dir, atomic_write_bytes
from workstation.paths import data_dir

if TYPE_CHECKING:
    from workstation.cases.repository import CaseRepository


def spool_dir() -> Path:
    """``<data folder>/spool``."""
    return data_dir() / "spool"


def pending() -> list[Path]:
    """Spooled examinations waiting, oldest first."""
    root = spool_dir()
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir()
                  if p.is_dir() and not p.name.startswith(".") and (p / "entry.json").is_file())


def spool(prepared: PreparedExamination, *, user: str, case_ref: str | None,
          report_pdf: bytes | None = None, report_signer: str = "",
          report_checkpoint: dict[str, Any] | None = None) -> Path:
    """Keep one examination (and its signed report) in the spool; returns its folder."""
    now = dt.datetime.now(dt.UTC)
    folder = spool_dir() / f"{now:%Y%m%dT%H%M%S.%f}-{uuid.uuid4().hex[:8]}"
    with atomic_dir(folder) as tmp:
        prepared.save(tmp)
        if report_pdf is not None:
            atomic_write_bytes(tmp / "report.pdf", report_pdf)
        atomic_write_bytes(tmp / "entry.json", json.dumps({
            "user": user, "case_ref": case_ref, "spooled_at": now.isoformat(),
            "report_signer": report_signer, "report_checkpoint": report_checkpoint,
        }).encode("utf-8"))
    return folder


def replay(repo: CaseRepository) -> list[StoredIds]:
    """Store every spooled examination (oldest first); each folder is removed once its
    examination (and report) committed. Stops at the first that cannot be stored."""
    stored: list[StoredIds] = []
    for folder in pending():
        try:
            entry = json.loads((folder / "entry.json").read_text(encoding="utf-8"))
            prepared = PreparedExamination.load(folder)
        except (OSError, ValueError, FormatError) as exc:
            raise StorageError(f"spooled examination {folder} is damaged: {exc}") from None
        ids = repo.store_examination(prepared, user=entry["user"], case_ref=entry["case_ref"],
                                     details={"spooled_at": entry["spooled_at"]})
        report = folder / "report.pdf"
        if report.is_file():
            repo.store_report(ids.examination_id, report.read_bytes(), user=entry["user"],
                              signed=True, signer=entry.get("report_signer", ""),
                              checkpoint=entry.get("report_checkpoint"))
        stored.append(ids)
        trash = folder.with_name(f".{folder.name}.stored")
        folder.rename(trash)
        shutil.rmtree(trash, ignore_errors=True)
    return stored


def store_or_spool(repo: CaseRepository, examination: Any, *, user: Any,
                   case_ref: str | None) -> StoredIds:
    """Store ``examination`` (examinations spooled earlier first); when the database stays
    locked longer than a write waits, keep it in the spool and raise
    :class:`StorageError` saying where."""
    prepared = PreparedExamination.from_examination(examination)
    try:
        replay(repo)
        return repo.store_examination(prepared, user=user, case_ref=case_ref)
    except StorageError as exc:
        if not is_busy_failure(exc):
            raise
        name = user if isinstance(user, str) else str(getattr(user, "name", user))
        kept = spool(prepared, user=name, case_ref=case_ref)
        raise StorageError(f"{exc}; the examination is kept in {kept} and will be stored "
                           "with the next one (or: workstation cases flush)") from None


def is_busy_failure(exc: StorageError) -> bool:
    """Whether a storage error means the database stayed locked (worth spooling)."""
    return "locked by another program" in str(exc)
