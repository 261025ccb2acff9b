"""Identification: which specimen a questioned document must be compared with.

From the MRZ (issuing state, document code, format) and the dates (issued
within the specimen's validity: the expiry date must fall after ``valid_from``
and no later than ``valid_until`` plus the longest validity period), and the
page's aspect ratio. Several fitting specimens are ranked by registration
quality by the caller (:mod:`workstation.examination.pipeline`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from workstation.examination import thresholds as T
from workstation.types import Specimen


@dataclass
class Candidate:
    """A specimen that fits the document, and why (or why not)."""

    specimen: Specimen
    reasons: list[str] = field(default_factory=list)
    quality: float | None = None

    def to_json(self) -> dict[str, Any]:
        """``{"id", "reasons", "quality"}``."""
        return {"id": self.specimen.id, "reasons": list(self.reasons),
                "quality": None if self.quality is None else round(self.quality, 4)}


def _add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def _code_fits(spec_code: str, doc_code: str) -> bool:
    spec_code = spec_code.upper().rstrip("<")
    doc_code = doc_code.upper().rstrip("<")
    return spec_code == doc_code or (len(spec_code) == 1 and doc_code[:1] == spec_code)


def dates_fit(spec: Specimen, expiry: dt.date | None) -> bool:
    """Whether a document expiring on ``expiry`` can have been issued in the
    specimen's validity (unknown dates fit)."""
    if expiry is None:
        return True
    if spec.valid_from is not None and expiry < spec.valid_from:
        return False
    return not (spec.valid_until is not None
                and expiry > _add_years(spec.valid_until, T.MAX_VALIDITY_YEARS))


def aspect_fits(spec: Specimen, page_size_px: tuple[float, float] | None) -> bool:
    """Whether a page of ``(width, height)`` px has the specimen's aspect ratio."""
    if page_size_px is None:
        return True
    w, h = page_size_px
    if w <= 0 or h <= 0:
        return False
    sw, sh = spec.size_mm
    return abs((w / h) / (sw / sh) - 1.0) <= T.ASPECT_TOLERANCE


def candidates(specimens: list[Specimen], *, mrz_fields: dict[str, str] | None,
               mrz_format: str | None, page_size_px: tuple[float, float] | None
               ) -> list[Candidate]:
    """The specimens that fit the MRZ facts and the page's shape, best-founded first.

    With an MRZ, a candidate must have its issuing state, document code and
    format, and fit its expiry date. Without an MRZ, every specimen of the page's
    aspect ratio is a candidate (the caller then demands a good registration).
    """
    out: list[Candidate] = []
    fields = mrz_fields or {}
    state = fields.get("issuing_state", "").replace("<", "").upper()
    code = fields.get("document_code", "")
    expiry: dt.date | None = None
    try:
        if fields.get("expiry_date"):
            expiry = dt.date.fromisoformat(fields["expiry_date"])
    except ValueError:
        expiry = None
    for spec in specimens:
        reasons: list[str] = []
        if not aspect_fits(spec, page_size_px):
            continue
        if state:
            if spec.issuing_state != state:
                continue
            reasons.append(f"issuing state {state}")
        if code:
            if not _code_fits(spec.document_code, code):
                continue
            reasons.append(f"document code {code.rstrip('<')}")
        if mrz_format:
            if spec.mrz_format is not None and spec.mrz_format != mrz_format:
                continue
            reasons.append(f"MRZ format {mrz_format}")
        if not dates_fit(spec, expiry):
            continue
        if expiry is not None:
            reasons.append("expiry within the series' validity")
        reasons.append("page shape")
        out.append(Candidate(spec, reasons))
    return out


def ties(cands: list[Candidate], best: Candidate, *,
         margin: float = T.IDENTIFY_TIE_MARGIN) -> list[Candidate]:
    """The other candidates that registered within ``margin`` of ``best``: they fit as
    well, so identification must not pick one of them silently (look-alike packages,
    or two series the capture cannot tell apart)."""
    if best.quality is None:
        return []
    return [c for c in cands if c is not best and c.quality is not None
            and best.quality - c.quality < margin]


def ambiguity_message(best: Candidate, tied: list[Candidate]) -> str:
    """One line naming every specimen that fits equally well, with what tells them apart
    (quality, title, provenance), and how the examiner chooses."""
    parts = []
    for cand in [best, *tied]:
        spec = cand.specimen
        prov = spec.extra.get("provenance")
        origin = ""
        if isinstance(prov, dict):
            origin = ", ".join(f"{k}: {v}" for k, v in list(prov.items())[:2])
        quality = "" if cand.quality is None else f"quality {cand.quality:.2f}"
        details = "; ".join(x for x in (quality, repr(spec.title), origin or "no provenance")
                            if x)
        parts.append(f"{spec.id!r} ({details})")
    return ("several specimens fit this document equally well — " + ", ".join(parts)
            + ": the examiner chooses one (--specimen ID)")
