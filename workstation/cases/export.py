"""Export a case as one zip file: images, examination JSON, audit excerpt, reports.

The export certifies only what verifies: before anything is written, the audit
trail is verified (the keyed chain, the case's rows against the digests the chain
recorded, the checkpoints outside the database: :meth:`CaseRepository.verify_audit`).
When it does not hold, nothing is exported (:class:`UnverifiedError`), unless
``allow_unverified`` — then the zip is written and says, in its manifest and its
``audit-verification.json``, that it is **not** certified and why.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from workstation.cases.repository import CaseRepository
from workstation.errors import InputError, StorageError
from workstation.fsutil import atomic_open

EXPORT_FORMAT = "workstation.case-export/1"


class UnverifiedError(StorageError):
    """The audit trail does not verify: the case is not exported as certified."""


def export_case(repo: CaseRepository, case_id: int, out: str | Path, *,
                allow_unverified: bool = False) -> Path:
    """Write case ``case_id`` to the zip file ``out`` atomically; returns ``out``.

    Layout::

        manifest.json                       format, case, files with their SHA-256
        case.json
        examinations/<id>/examination.json  the stored examination, findings, status
        examinations/<id>/images/<light>.png
        examinations/<id>/reports/<report id>.pdf
        audit.json                          the events about the case and its examinations
        audit-verification.json             the verification of the audit trail
                                            (manifest.json: "certified" true only when it held)
    """
    out = Path(out)
    if out.suffix.lower() != ".zip":
        raise InputError(f"{out}: the export must be a .zip file")
    case = repo.get_case(case_id)
    chain = repo.verify_audit(case_ids=(case.id,))
    if not chain.ok and not allow_unverified:
        raise UnverifiedError(f"case {case.reference} not exported: the audit trail does not "
                              f"verify ({chain.problem}); --allow-unverified exports it "
                              "labelled as not certified")
    records = [repo.open_examination(eid) for eid in case.examination_ids]
    subjects = (f"case:{case.id}", *(f"examination:{r.id}" for r in records))
    events = repo.audit_events(subjects=subjects, limit=100_000)
    files: dict[str, str] = {}

    def put(zf: zipfile.ZipFile, name: str, data: bytes, sha256: str | None = None) -> None:
        from workstation.cases.storage import sha256_hex

        packed = name.endswith((".png", ".pdf"))  # compressed already
        zf.writestr(name, data, compress_type=zipfile.ZIP_STORED if packed
                    else zipfile.ZIP_DEFLATED)
        files[name] = sha256 or sha256_hex(data)

    def dump(obj: Any) -> bytes:
        return (json.dumps(obj, indent=2, ensure_ascii=False, default=str) + "\n").encode()

    with atomic_open(out, "wb") as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
        put(zf, "case.json", dump({
            "id": case.id, "reference": case.reference, "traveller": case.traveller,
            "notes": case.notes, "created_at": case.created_at.isoformat(),
            "created_by": case.created_by, "examinations": list(case.examination_ids)}))
        for rec in records:
            base = f"examinations/{rec.id}"
            put(zf, f"{base}/examination.json", dump({
                "id": rec.id, "status": rec.status.value, "version": rec.version,
                "created_by": rec.created_by, "created_at": rec.summary.created_at.isoformat(),
                "updated_at": rec.updated_at.isoformat(),
                "examination": rec.examination, "capture": rec.capture,
                "images": {i.name: i.sha256 for i in rec.images},
                "findings": rec.findings.to_json() if rec.findings else None,
                "reviewed_by": rec.reviewed_by, "review_note": rec.review_note,
                "result_sha256": rec.result_sha256,
                "reports": [{"id": r.id, "sha256": r.sha256, "signed": r.signed,
                             "signer": r.signer, "created_at": r.created_at.isoformat()}
                            for r in rec.reports]}))
            for img in rec.images:
                put(zf, f"{base}/images/{img.name}.png", repo.blob(img.sha256), img.sha256)
            for rep in rec.reports:
                put(zf, f"{base}/reports/{rep.id}.pdf", repo.blob(rep.sha256), rep.sha256)
        put(zf, "audit.json", dump([e.to_json() for e in events]))
        put(zf, "audit-verification.json", dump(chain.to_json()))
        zf.writestr("manifest.json", dump({
            "format": EXPORT_FORMAT, "case": case.reference, "files": files,
            "certified": chain.ok,
            "verification": {"ok": chain.ok, "problems": list(chain.problems),
                             "chain": chain.chain_id, "head_seq": chain.head_seq,
                             "checkpoint_seq": chain.checkpoint_seq}}))
    return out
