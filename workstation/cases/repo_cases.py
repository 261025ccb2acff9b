"""The case repository's cases and the storing of examinations: captures (images
by SHA-256 in the blob store), automated results, later additions (back face, chip
files), reports; each with its audit events."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workstation.cases import digests
from workstation.cases.keys import prefix_upper_bound, search_key
from workstation.cases.models import (
    AuditHeadRow,
    CaseRow,
    ExaminationImageRow,
    ExaminationResultRow,
    ExaminationRow,
    ReportRow,
)
from workstation.cases.prepared import (
    PreparedExamination,
    capture_meta,
    encode_faces,
)
from workstation.cases.records import (
    Case,
    ExaminationRecord,
    Report,
    Status,
    StoredIds,
)
from workstation.cases.repo_core import (
    CHIP_MEDIA_TYPE,
    UserLike,
    _case,
    _digest,
    _dumps,
    _now,
    _plain,
    _report,
    _traveller,
    _user_name,
)
from workstation.cases.repo_workflow import Workflow
from workstation.cases.storage import BlobStore
from workstation.errors import InputError
from workstation.examination.results import Examination
from workstation.types import CaptureSet, Light


def _encode_face(face: CaptureSet, blobs: BlobStore, prefix: str
                 ) -> tuple[dict[str, bytes], dict[str, str], dict[str, tuple[int, int]]]:
    """One face's images as PNG (already in the blob store), their hashes and sizes, named
    ``<prefix><light>``."""
    from workstation.imageio import encode_images

    encoded = encode_images({f"{prefix}{light.value}": face.images[light]
                             for light in face.lights}, ".png", background=True)
    hashes = {k: blobs.prepare(v) for k, v in encoded.items()}
    sizes = {f"{prefix}{light.value}": (int(face.images[light].shape[0]),
                                        int(face.images[light].shape[1]))
             for light in face.lights}
    return encoded, hashes, sizes


@dataclass(frozen=True)
class _CaptureRows:
    """A capture ready to store: PNG bytes (already in the blob store) and metadata."""

    encoded: dict[str, bytes]
    hashes: dict[str, str]
    sizes: dict[str, tuple[int, int]]
    meta: dict[str, Any]
    device: str
    capture_path: str | None
    chip: dict[str, bytes]

    @classmethod
    def of(cls, capture: CaptureSet, blobs: BlobStore, *, capture_path: str | None,
           started_at: dt.datetime | None) -> _CaptureRows:
        images, sizes = encode_faces(capture)
        meta = capture_meta(capture, started_at)
        chip = dict(capture.chip_files)  # the document's chip files, stored by SHA-256 too
        if chip:
            meta["chip_files"] = {name: blobs.prepare(data) for name, data in chip.items()}
        return cls._stored(images, sizes, meta, capture.device, capture_path, blobs, chip)

    @classmethod
    def of_prepared(cls, prepared: PreparedExamination, blobs: BlobStore) -> _CaptureRows:
        meta = dict(prepared.capture_meta)
        chip = dict(prepared.chip_files)
        if chip:
            meta["chip_files"] = {name: blobs.prepare(data) for name, data in chip.items()}
        return cls._stored(prepared.images, prepared.sizes, meta,
                           prepared.device, prepared.capture_path, blobs, chip)

    @classmethod
    def _stored(cls, images: dict[str, bytes], sizes: Mapping[str, list[int]],
                meta: dict[str, Any], device: str, capture_path: str | None,
                blobs: BlobStore, chip: dict[str, bytes]) -> _CaptureRows:
        hashes = {k: blobs.prepare(v) for k, v in images.items()}
        return cls(images, hashes, {k: (int(v[0]), int(v[1])) for k, v in sizes.items()},
                   meta, device, capture_path, chip)


@dataclass(frozen=True)
class _ResultValues:
    """What an examination stores: its JSON, its MRZ, the columns it fills and the
    result digest."""

    exam_json: dict[str, Any]
    mrz_json: dict[str, Any] | None
    fields: dict[str, Any]
    sha256: str
    specimen_id: str | None
    verdict: str
    duration_ms: float | None
    capture_path: str | None
    checks: int

    @classmethod
    def of(cls, examination: Examination, hashes: Mapping[str, str]) -> _ResultValues:
        exam_json = _plain(examination.to_json())
        mrz = examination.mrz
        return cls(exam_json, examination.mrz_json(),
                   dict(mrz.fields) if mrz is not None else {},
                   _digest({"examination": exam_json, "images": dict(hashes)}),
                   examination.specimen_id, examination.verdict.value,
                   examination.duration_ms, examination.capture_path,
                   len(examination.checks))

    @classmethod
    def of_prepared(cls, prepared: PreparedExamination, hashes: Mapping[str, str]
                    ) -> _ResultValues:
        return cls(prepared.exam_json, prepared.mrz, prepared.fields,
                   _digest({"examination": prepared.exam_json, "images": dict(hashes)}),
                   prepared.specimen_id, prepared.verdict, prepared.duration_ms,
                   prepared.capture_path, prepared.checks)


def _result_columns(results: _ResultValues) -> dict[str, Any]:
    """The examination row's columns that come from its automated results."""
    f = results.fields

    def field_(key: str, length: int) -> str:
        return str(f.get(key) or "")[:length]

    values: dict[str, Any] = dict(
        document_code=field_("document_code", 4), issuing_state=field_("issuing_state", 3),
        document_number=field_("document_number", 40), surname=field_("surname", 100),
        given_names=field_("given_names", 100), nationality=field_("nationality", 3),
        birth_date=field_("birth_date", 10), expiry_date=field_("expiry_date", 10),
        document_number_key=search_key(field_("document_number", 40)),
        surname_key=search_key(field_("surname", 100)),
        given_names_key=search_key(field_("given_names", 100)),
        specimen_id=results.specimen_id, verdict=results.verdict,
        result_sha256=results.sha256, duration_ms=results.duration_ms)
    if results.capture_path is not None:
        values["capture_path"] = results.capture_path
    return values


class Storage(Workflow):
    """Cases, and what is stored with an examination (a stored examination is read back
    through :class:`~workstation.cases.repo_workflow.Workflow`)."""

    # -- cases ---------------------------------------------------------------------

    def create_case(self, reference: str | None = None, *, user: UserLike, traveller: str = "",
                    notes: str = "") -> Case:
        """A new case; ``reference`` defaults to ``YYYYMMDD-NNNN`` (UTC day, running number)."""
        with self._write() as (s, head):
            row = self._new_case(s, head, reference, _user_name(user), traveller, notes)
            return _case(row, ())

    def _new_case(self, s: Session, head: AuditHeadRow, reference: str | None, user: str,
                  traveller: str, notes: str) -> CaseRow:
        now = _now()
        if reference is None or not reference.strip():
            day = now.strftime("%Y%m%d")
            bound = prefix_upper_bound(day + " ")
            n = s.execute(select(func.count()).select_from(CaseRow).where(
                CaseRow.reference_key >= day + " ", CaseRow.reference_key < bound)).scalar_one()
            reference = f"{day}-{n + 1:04d}"
            while s.execute(select(CaseRow.id).where(CaseRow.reference == reference)).first():
                n += 1
                reference = f"{day}-{n + 1:04d}"
        reference = reference.strip()
        if len(reference) > 64:
            raise InputError("a case reference has at most 64 characters")
        if s.execute(select(CaseRow.id).where(CaseRow.reference == reference)).first():
            raise InputError(f"a case with reference {reference!r} exists already")
        row = CaseRow(reference=reference, reference_key=search_key(reference),
                      traveller=traveller, notes=notes, created_at=now, created_by=user,
                      version=1)
        s.add(row)
        s.flush()
        self._event(s, head, actor=user, action="case.created", subject=f"case:{row.id}",
                    details={"reference": reference, "traveller": traveller,
                             "row_sha256": digests.case_row(row)})
        return row

    def get_case(self, case_id: int) -> Case:
        """The case with ``case_id`` (``InputError`` when there is none)."""
        with self._read() as s:
            row = s.get(CaseRow, case_id)
            if row is None:
                raise InputError(f"no case with id {case_id}")
            return _case(row, self._exam_ids(s, row.id))

    def find_case(self, reference: str) -> Case | None:
        """The case with ``reference``, if any."""
        with self._read() as s:
            row = s.execute(select(CaseRow).where(CaseRow.reference == reference.strip())
                            ).scalar_one_or_none()
            return None if row is None else _case(row, self._exam_ids(s, row.id))

    def list_cases(self, *, limit: int = 200, offset: int = 0) -> list[Case]:
        """Cases, newest first."""
        with self._read() as s:
            rows = s.execute(select(CaseRow).order_by(CaseRow.created_at.desc(),
                                                      CaseRow.id.desc())
                             .limit(limit).offset(offset)).scalars().all()
            ids: dict[int, list[int]] = {r.id: [] for r in rows}
            if ids:
                for cid, eid in s.execute(select(ExaminationRow.case_id, ExaminationRow.id)
                                          .where(ExaminationRow.case_id.in_(ids))
                                          .order_by(ExaminationRow.id)):
                    ids[cid].append(eid)
            return [_case(r, tuple(ids[r.id])) for r in rows]

    @staticmethod
    def _exam_ids(s: Session, case_id: int) -> tuple[int, ...]:
        return tuple(s.execute(select(ExaminationRow.id).where(ExaminationRow.case_id == case_id)
                               .order_by(ExaminationRow.id)).scalars())

    # -- examinations --------------------------------------------------------------

    def store_examination(self, examination: Examination | PreparedExamination, *,
                          user: UserLike, case_ref: str | None = None,
                          case_id: int | None = None, create_case: bool = True,
                          purpose: str = "casework",
                          details: Mapping[str, Any] | None = None) -> StoredIds:
        """Store an automated examination with its capture images.

        The examination records the repository's border point (:attr:`location`)
        and its ``purpose``: ``casework`` is counted in the trends; anything else
        (the trainer's ``training``) never is.

        The case is ``case_id``, or the one with reference ``case_ref`` (created
        when missing and ``create_case``), or a new case. Images are encoded as
        PNG and stored by SHA-256 before the transaction; the rows and the audit
        events ``case.created``, ``capture.stored`` and ``examination.run``
        commit together. ``details`` are added to the ``examination.run`` event
        (e.g. when a spooled examination was made).
        """
        prepared = examination if isinstance(examination, PreparedExamination) \
            else PreparedExamination.from_examination(examination)
        name = _user_name(user)
        capture = _CaptureRows.of_prepared(prepared, self.blobs)
        results = _ResultValues.of_prepared(prepared, capture.hashes)
        with self._write() as (s, head):
            case = self._case_for(s, head, name, case_id, case_ref, create_case,
                                  _traveller(results.fields))
            row = self._insert_capture(s, head, name, case, capture, Status.OPEN, purpose,
                                       results=results)
            self._audit_results(s, head, name, row, case, results, details)
            return StoredIds(case_id=case.id, case_reference=case.reference,
                             examination_id=row.id, version=row.version)

    def store_capture(self, capture: CaptureSet, *, user: UserLike,
                      case_ref: str | None = None, case_id: int | None = None,
                      capture_path: str | None = None, purpose: str = "casework") -> StoredIds:
        """Store a capture the moment it exists, before its examination ends: a ``draft``
        examination (no verdict yet; :meth:`record_examination` adds the results).

        Audited as ``capture.stored`` (and ``case.created`` for a new case).
        """
        name = _user_name(user)
        rows = _CaptureRows.of(capture, self.blobs, capture_path=capture_path,
                               started_at=None)
        with self._write() as (s, head):
            case = self._case_for(s, head, name, case_id, case_ref, True, "")
            row = self._insert_capture(s, head, name, case, rows, Status.DRAFT, purpose)
            return StoredIds(case_id=case.id, case_reference=case.reference,
                             examination_id=row.id, version=row.version)

    def record_examination(self, examination_id: int, examination: Examination, *,
                           user: UserLike) -> ExaminationRecord:
        """Store the automated examination of a stored capture (its verdict, MRZ, checks
        and search keys), audited as ``examination.run``.

        Allowed while the examination is a draft, open or returned. The machine's
        results are not the examiner's edit: the version does not change, so a findings
        save naming the version it read still succeeds.
        """
        name = _user_name(user)
        with self._read() as s:
            images = s.execute(select(ExaminationImageRow)
                               .where(ExaminationImageRow.examination_id == examination_id)
                               ).scalars().all()
            hashes = {i.name: i.sha256 for i in images}
        results = _ResultValues.of(examination, hashes)
        with self._write() as (s, head):
            row = self._still_open(s, examination_id, "automated results")
            case = s.get(CaseRow, row.case_id)
            assert case is not None
            for key, value in _result_columns(results).items():
                setattr(row, key, value)
            result_row = s.get(ExaminationResultRow, row.id)
            assert result_row is not None
            meta = json.loads(result_row.capture_json)
            if examination.started_at is not None:
                meta["started_at"] = examination.started_at.isoformat()
            result_row.capture_json = _dumps(meta)
            result_row.mrz_json = _dumps(results.mrz_json)
            result_row.checks_json = _dumps(results.exam_json["checks"])
            s.flush()
            self._audit_results(s, head, name, row, case, results)
        return self.open_examination(examination_id)

    def extend_capture(self, examination_id: int, *, user: UserLike,
                       back: CaptureSet | None = None,
                       chip_files: Mapping[str, bytes] | None = None) -> ExaminationRecord:
        """Add what came after the first capture of the same document: its ``back`` face
        (images ``back_<light>``) and the files read from its chip (by SHA-256, named in
        the stored capture's ``chip_files``). Audited as ``capture.extended``.

        Allowed while the examination is a draft, open or returned; a back face or chip
        files stored before are replaced. Like :meth:`record_examination` the version does
        not change (the reader's data is not the examiner's edit).
        """
        if back is None and not chip_files:
            raise InputError("nothing to add to the capture")
        if back is not None and back.back is not None:
            raise InputError("a back face has no back of its own")
        name = _user_name(user)
        images, hashes, sizes = (_encode_face(back, self.blobs, "back_") if back is not None
                                 else ({}, {}, {}))
        chip = dict(chip_files or {})
        chip_hashes = {n: self.blobs.prepare(d) for n, d in chip.items()}
        with self._write() as (s, head):
            row = self._still_open(s, examination_id, "capture")
            result_row = s.get(ExaminationResultRow, row.id)
            assert result_row is not None
            meta = json.loads(result_row.capture_json)
            if back is not None:
                for old in s.execute(select(ExaminationImageRow).where(
                        ExaminationImageRow.examination_id == row.id,
                        ExaminationImageRow.name.like("back\\_%", escape="\\"))
                        ).scalars().all():
                    s.delete(old)
                s.flush()
                for image_name, data in images.items():
                    self.blobs.add(s, data, "image/png")
                    h, w = sizes[image_name]
                    s.add(ExaminationImageRow(examination_id=row.id, name=image_name,
                                              sha256=hashes[image_name], width=w, height=h))
                meta["back"] = {"dpi": back.dpi, "lights": [lt.value for lt in back.lights]}
            if chip:
                for data in chip.values():
                    self.blobs.add(s, data, CHIP_MEDIA_TYPE)
                meta["chip_files"] = chip_hashes
            result_row.capture_json = _dumps(meta)
            s.flush()
            self._event(s, head, actor=name, action="capture.extended",
                        subject=f"examination:{row.id}",
                        sha256=_digest({"images": hashes, "chip_files": chip_hashes}),
                        details={"images": hashes, "chip_files": chip_hashes,
                                 "row_sha256": self._exam_digest(s, row),
                                 "state_sha256": digests.examination_state(row)})
        return self.open_examination(examination_id)

    @staticmethod
    def _still_open(s: Session, examination_id: int, what: str) -> ExaminationRow:
        """The examination whose reader data or machine results (``what``, named in the
        error) may still change: a draft, open or returned one (``InputError`` else)."""
        row = s.get(ExaminationRow, examination_id)
        if row is None:
            raise InputError(f"no examination with id {examination_id}")
        status = Status(row.status)
        if status not in (Status.DRAFT, Status.OPEN, Status.RETURNED):
            raise InputError(f"examination {examination_id} is {status.value}: its "
                             f"{what} can no longer change")
        return row

    def _case_for(self, s: Session, head: AuditHeadRow, name: str, case_id: int | None,
                  case_ref: str | None, create_case: bool, traveller: str) -> CaseRow:
        if case_id is not None:
            found = s.get(CaseRow, case_id)
            if found is None:
                raise InputError(f"no case with id {case_id}")
            return found
        case = None
        if case_ref:
            case = s.execute(select(CaseRow).where(CaseRow.reference == case_ref.strip())
                             ).scalar_one_or_none()
            if case is None and not create_case:
                raise InputError(f"no case with reference {case_ref!r}")
        if case is None:
            case = self._new_case(s, head, case_ref, name, traveller, "")
        return case

    def _insert_capture(self, s: Session, head: AuditHeadRow, name: str, case: CaseRow,
                        capture: _CaptureRows, status: Status, purpose: str,
                        results: _ResultValues | None = None
                        ) -> ExaminationRow:
        now = _now()
        columns = _result_columns(results) if results is not None else {}
        row = ExaminationRow(
            case_id=case.id, created_at=now, updated_at=now, created_by=name,
            status=status.value, version=1, document_code="", issuing_state="",
            document_number="", surname="", given_names="", nationality="", birth_date="",
            expiry_date="", case_reference_key=case.reference_key, document_number_key="",
            surname_key="", given_names_key="", specimen_id=None, verdict="",
            capture_path=capture.capture_path, result_sha256="", duration_ms=None,
            conclusion=None, findings_json="null", reviewed_by=None, review_note="",
            border_point=self.border_point(), purpose=purpose[:16] or "casework",
        )
        for key, value in columns.items():
            setattr(row, key, value)
        s.add(row)
        s.flush()
        s.add(ExaminationResultRow(
            examination_id=row.id, capture_json=_dumps(capture.meta),
            mrz_json=_dumps(results.mrz_json if results is not None else None),
            checks_json=_dumps(results.exam_json["checks"] if results is not None else [])))
        for light_name, data in capture.encoded.items():
            self.blobs.add(s, data, "image/png")
            h, w = capture.sizes[light_name]
            s.add(ExaminationImageRow(examination_id=row.id, name=light_name,
                                      sha256=capture.hashes[light_name], width=w, height=h))
        for data in capture.chip.values():
            self.blobs.add(s, data, CHIP_MEDIA_TYPE)
        s.flush()
        self._event(s, head, actor=name, action="capture.stored",
                    subject=f"examination:{row.id}", sha256=_digest(capture.hashes),
                    details={"case": case.id, "images": capture.hashes,
                             "device": capture.device,
                             "row_sha256": self._exam_digest(s, row),
                             "state_sha256": digests.examination_state(row)})
        return row

    def _audit_results(self, s: Session, head: AuditHeadRow, name: str, row: ExaminationRow,
                       case: CaseRow, results: _ResultValues,
                       details: Mapping[str, Any] | None = None) -> None:
        """``examination.run``, with the digests of the row, results and images as they
        are now (what verification checks them against from here on)."""
        self._event(s, head, actor=name, action="examination.run",
                    subject=f"examination:{row.id}", sha256=results.sha256,
                    details={"case": case.id, "specimen": results.specimen_id,
                             "verdict": results.verdict, "checks": results.checks,
                             **dict(details or {}),
                             "row_sha256": self._exam_digest(s, row),
                             "state_sha256": digests.examination_state(row)})

    def border_point(self) -> str:
        """The border point this repository records examinations at (its
        :attr:`location`, or the configured one)."""
        if self.location is not None:
            return self.location[:100]
        from workstation.site import border_point

        return border_point()

    # -- images and reports ----------------------------------------------------------

    def blob(self, sha256: str) -> bytes:
        """Stored bytes by hash (checked against it)."""
        with self._read() as s:
            return self.blobs.read(s, sha256)

    def capture_of(self, record: ExaminationRecord) -> CaptureSet:
        """The capture images of an examination, decoded, with its stored metadata."""
        from workstation.capture import parse_timestamp
        from workstation.imageio import decode_image

        images = {Light.parse(ref.name): decode_image(self.blob(ref.sha256), ref.name)
                  for ref in record.images if not ref.name.startswith("back_")}
        back_images = {Light.parse(ref.name.removeprefix("back_")):
                       decode_image(self.blob(ref.sha256), ref.name)
                       for ref in record.images if ref.name.startswith("back_")}
        meta = record.capture
        at = parse_timestamp(meta.get("captured_at"), "capture")
        back = None
        if back_images:
            back = CaptureSet(images=back_images, dpi=(meta.get("back") or {}).get("dpi"),
                              device=meta.get("device") or "", captured_at=at)
        chip = {str(name): self.blob(str(sha))
                for name, sha in (meta.get("chip_files") or {}).items()}
        return CaptureSet(images=images, dpi=meta.get("dpi"), device=meta.get("device") or "",
                          captured_at=at, metadata=dict(meta.get("metadata") or {}), back=back,
                          chip_files=chip)

    def store_report(self, examination_id: int, pdf: bytes, *, user: UserLike,
                     signed: bool = False, signer: str = "",
                     checkpoint: Mapping[str, Any] | None = None) -> Report:
        """Store a report's bytes for an examination; audited as ``report.signed`` or
        ``report.stored`` with the PDF's SHA-256. ``checkpoint`` is the audit checkpoint
        the report carries (:meth:`audit_checkpoint` when it was built): recorded, and
        checked against the chain by :meth:`verify_audit`."""
        if not pdf:
            raise InputError("empty report")
        name = _user_name(user)
        self.blobs.prepare(pdf)
        with self._write() as (s, head):
            if s.get(ExaminationRow, examination_id) is None:
                raise InputError(f"no examination with id {examination_id}")
            digest = self.blobs.add(s, pdf, "application/pdf")
            row = ReportRow(examination_id=examination_id, sha256=digest, signed=signed,
                            signer=signer, created_at=_now(), created_by=name)
            s.add(row)
            s.flush()
            details: dict[str, Any] = {"report": row.id, "signer": signer,
                                       "size_bytes": len(pdf),
                                       "rows": {f"report:{row.id}": digests.report_row(row)}}
            if checkpoint is not None:
                details["checkpoint"] = {"seq": int(checkpoint["seq"]),
                                         "hash": str(checkpoint["hash"])}
            self._event(s, head, actor=name,
                        action="report.signed" if signed else "report.stored",
                        subject=f"examination:{examination_id}", sha256=digest,
                        details=details)
            return _report(row)
