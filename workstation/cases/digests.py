"""Digests of stored rows, recorded in the audit chain and checked against the rows.

Every write of the repository records, in the audit event it appends, the SHA-256
of what it wrote (canonical JSON of the listed columns): ``row_sha256`` for what
is written once (an examination with its results and images, a report, a case),
``state_sha256`` for what changes (an examination's status, version, conclusion
and findings; an account's role), ``credential_sha256`` for an account's
credential. :meth:`~workstation.cases.CaseRepository.verify_audit` recomputes
them from the rows: a row edited in the database (a verdict, ``created_by``,
``checks_json``, a role) no longer matches the chain.

The column lists are fixed per version (``v1``): a column added by a later
migration is covered only by a later version, so old events keep verifying.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from typing import Any

VERSION = "v1"

EXAMINATION_ROW = ("id", "case_id", "created_at", "created_by", "document_code",
                   "issuing_state", "document_number", "surname", "given_names",
                   "nationality", "birth_date", "expiry_date", "case_reference_key",
                   "document_number_key", "surname_key", "given_names_key", "specimen_id",
                   "verdict", "capture_path", "result_sha256", "duration_ms", "border_point",
                   "purpose")
EXAMINATION_STATE = ("status", "version", "conclusion", "findings_json", "reviewed_by",
                     "review_note")
RESULTS_ROW = ("capture_json", "mrz_json", "checks_json")
IMAGE_ROW = ("name", "sha256", "width", "height")
CASE_ROW = ("id", "reference", "reference_key", "traveller", "notes", "created_at",
            "created_by")
REPORT_ROW = ("id", "examination_id", "sha256", "signed", "signer", "created_at", "created_by")
USER_STATE = ("name", "display_name", "role", "administrator", "active")
CREDENTIAL_ROW = ("method", "os_account", "kdf", "verifier", "signing_key", "box_public",
                  "box_key", "certificate")


def _value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, float):
        return repr(value)
    return value


def _columns(row: Any, names: Iterable[str]) -> dict[str, Any]:
    return {name: _value(getattr(row, name)) for name in names}


def _digest(obj: Any) -> str:
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"{VERSION}:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def examination_row(row: Any, results: Any, images: Iterable[Any]) -> str:
    """What an examination was stored as: its row, results and image rows."""
    return _digest({"examination": _columns(row, EXAMINATION_ROW),
                    "results": _columns(results, RESULTS_ROW),
                    "images": sorted((_columns(i, IMAGE_ROW) for i in images),
                                     key=lambda d: str(d["name"]))})


def examination_state(row: Any) -> str:
    """An examination's changeable part: status, version, conclusion, findings, review."""
    return _digest(_columns(row, EXAMINATION_STATE))


def case_row(row: Any) -> str:
    return _digest(_columns(row, CASE_ROW))


def report_row(row: Any) -> str:
    return _digest(_columns(row, REPORT_ROW))


def user_state(row: Any) -> str:
    return _digest(_columns(row, USER_STATE))


def credential_row(row: Any) -> str:
    return _digest(_columns(row, CREDENTIAL_ROW))


def is_current(digest: str) -> bool:
    """Whether ``digest`` is of a version this program computes."""
    return digest.startswith(f"{VERSION}:")
