"""Data checks on the MRZ: check digits, issuing state, and the MRZ against the
printed fields of the visual inspection zone (read by OCR)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from workstation.examination import thresholds as T
from workstation.examination.registry import ExamContext, check, result, skipped
from workstation.examination.results import VizField, VizReading
from workstation.types import CheckResult, CheckStatus, Evidence, Image, Light, Zone

if TYPE_CHECKING:
    from workstation.mrz.result import MrzResult

_CHECK_NAMES = {
    "document_number": "document number", "birth_date": "date of birth",
    "expiry_date": "date of expiry", "optional_data": "optional data",
    "composite": "composite",
}


def mrz_evidence(ctx: ExamContext) -> list[Evidence]:
    """The MRZ region of the straightened page, under white light and IR."""
    if ctx.mrz_region_page is None or not ctx.page:
        return []
    pts = np.asarray(ctx.mrz_region_page, dtype=np.float64)
    h, w = next(iter(ctx.page.values())).shape[:2]
    pad = 8
    c0, c1 = int(max(0, pts[:, 0].min() - pad)), int(min(w, pts[:, 0].max() + pad))
    r0, r1 = int(max(0, pts[:, 1].min() - pad)), int(min(h, pts[:, 1].max() + pad))
    if r1 <= r0 or c1 <= c0:
        return []
    out: list[Evidence] = []
    for light in (Light.WHITE, Light.IR):
        out.extend(ctx.page_evidence(light, (r0, r1, c0, c1), f"MRZ ({light.value})"))
    return out


def _mrz_or_skip(ctx: ExamContext, check_id: str
                 ) -> tuple[MrzResult | None, CheckResult | None]:
    """The MRZ read on the page, or the skipped result saying why there is none."""
    mrz = ctx.mrz
    if not ctx.page:
        return None, skipped(check_id, "NO_DOCUMENT", "no document found on the platen")
    if mrz is None or not mrz.found:
        return None, skipped(check_id, "MRZ_NOT_FOUND", "no MRZ could be read on the page")
    if mrz.format is None:
        return None, skipped(check_id, "MRZ_NOT_FOUND",
                             f"the text read ({len(mrz.lines)} line(s)) fits no MRZ layout")
    return mrz, None


@check("mrz.checksum", title="MRZ check digits", lights=(Light.WHITE,), needs_specimen=False)
def check_digits(ctx: ExamContext) -> list[CheckResult]:
    """Every check digit of the MRZ verifies (INVALID_CHECKSUM otherwise)."""
    mrz, skip = _mrz_or_skip(ctx, "mrz.checksum")
    if skip is not None:
        spec = ctx.specimen
        if skip.code == "MRZ_NOT_FOUND" and spec is not None and spec.mrz_format is not None:
            # The specimen has an MRZ: not reading one is a finding to look at.
            return [result("mrz.checksum", CheckStatus.WARN, "MRZ_UNREADABLE",
                           f"{skip.message}, but the {spec.id} specimen has a "
                           f"{spec.mrz_format} MRZ", zone=_mrz_zone_id(ctx), light=Light.WHITE,
                           evidence=[e for z in spec.zones_with_role("mrz")
                                     for e in ctx.evidence(z, (Light.WHITE, Light.IR))])]
        return [skip]
    assert mrz is not None
    digits, undone = printed_check_digits(mrz, viz_readings(ctx).fields)
    zone = _mrz_zone_id(ctx)
    total = max(1, len(digits))
    ok = sum(1 for v in digits.values() if v)
    score = ok / total
    ev = mrz_evidence(ctx)
    if mrz.valid and not undone:
        return [result("mrz.checksum", CheckStatus.PASS, "CHECKSUM_VALID",
                       f"all {total} check digits of the {mrz.format} MRZ verify",
                       zone=zone, light=Light.WHITE, score=score, threshold=1.0, evidence=ev,
                       check_digits=digits)]
    bad = [_CHECK_NAMES.get(k, k) for k, v in digits.items() if not v]
    if mrz.valid and not bad:
        # The clearly read characters verify after all: the repairs were misreads.
        return [result("mrz.checksum", CheckStatus.PASS, "CHECKSUM_VALID",
                       f"all {total} check digits of the {mrz.format} MRZ verify", zone=zone,
                       light=Light.WHITE, score=1.0, threshold=1.0, evidence=ev,
                       check_digits=digits)]
    what = ", ".join(bad) if bad else "characters outside the MRZ set"
    hidden = ""
    if undone:
        hidden = "; as printed (" + ", ".join(
            f"line {c['line'] + 1} position {c['position'] + 1} reads {c['from']!r} "
            f"clearly, the reader would change it to {c['to']!r}" for c in undone) + ")"
    return [result("mrz.checksum", CheckStatus.FAIL, "INVALID_CHECKSUM",
                   f"MRZ check digit wrong: {what}{hidden}", zone=zone, light=Light.WHITE,
                   score=score, threshold=1.0, evidence=ev, check_digits=digits,
                   lines=list(mrz.lines), undone_repairs=undone or None)]


def printed_check_digits(mrz: MrzResult, viz: Mapping[str, VizField] | None = None
                         ) -> tuple[dict[str, bool], list[dict[str, Any]]]:
    """The check digits of the MRZ as printed. The reader may change a character
    so that a check digit verifies; such a repair is undone (the character taken
    as printed) when the reader read it with confidence >=
    ``MRZ_REPAIR_MAX_CONFIDENCE`` (a repair there would hide an altered
    character), or when the repaired field then disagrees with the same field
    printed in the visual zone (``viz``: field name -> what OCR read there).
    Returns ``(check_digits, undone repairs)``."""
    lines = [list(line) for line in mrz.lines]
    undone: list[dict[str, Any]] = []
    viz = viz or {}
    for c in getattr(mrz, "corrections", []) or []:
        if "confirmed" not in str(c.get("reason", "")):
            continue
        ln, pos = int(c["line"]), int(c["position"])
        if not (0 <= ln < len(lines) and 0 <= pos < len(lines[ln])):
            continue
        try:
            conf = float(mrz.confidences[ln][pos])
        except (IndexError, TypeError, ValueError):
            conf = 1.0
        field = str(c.get("field", ""))
        reading = viz.get(field)
        contradicted = False
        if reading is not None and reading.confidence >= T.VIZ_MIN_CONFIDENCE \
                and field in mrz.fields:
            contradicted = not compare_field(field, reading.text, mrz.fields[field])[0]
        if conf >= T.MRZ_REPAIR_MAX_CONFIDENCE or contradicted:
            lines[ln][pos] = str(c["from"])
            undone.append({**c, "confidence": round(conf, 3),
                           "contradicted_by_visual_zone": contradicted})
    if not undone:
        return dict(mrz.check_digits), []
    from workstation.mrz import parse_mrz

    again = parse_mrz(["".join(line) for line in lines], repair=False)
    return dict(again.check_digits), undone


def _mrz_zone_id(ctx: ExamContext) -> str | None:
    if ctx.specimen is not None:
        zones = ctx.specimen.zones_with_role("mrz")
        if zones:
            return zones[0].id
    return "mrz"


@check("mrz.issuing_state", title="issuing state known", lights=(Light.WHITE,),
       needs_specimen=False)
def issuing_state(ctx: ExamContext) -> list[CheckResult]:
    """The issuing state is an ICAO code or one of the library's states."""
    mrz, skip = _mrz_or_skip(ctx, "mrz.issuing_state")
    if skip is not None or mrz is None:
        return [skip] if skip is not None else []
    from workstation.mrz.countries import is_known_code

    state = mrz.fields.get("issuing_state", "")
    if is_known_code(state, ctx.known_states):
        return [result("mrz.issuing_state", CheckStatus.PASS, "STATE_KNOWN",
                       f"issuing state {state} is known", zone=_mrz_zone_id(ctx),
                       light=Light.WHITE)]
    return [result("mrz.issuing_state", CheckStatus.WARN, "UNKNOWN_ISSUING_STATE",
                   f"issuing state {state!r} is neither an ICAO code nor a state of the "
                   f"specimen library", zone=_mrz_zone_id(ctx), light=Light.WHITE)]


# -- MRZ against the visual zone -----------------------------------------------------------
_MONTHS = {m: i + 1 for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"))}
_MONTHS.update({"MAI": 5, "JUIN": 6, "JUIL": 7, "AOU": 8, "DEZ": 12, "OKT": 10, "ENE": 1,
                "ABR": 4, "AGO": 8, "DIC": 12, "FEV": 2, "AVR": 4, "MRZ": 3})


#: ICAO 9303 transliterations of letters that do not decompose to ASCII.
_TRANSLIT = str.maketrans({"Æ": "AE", "æ": "AE", "Ø": "OE", "ø": "OE", "ß": "SS", "Þ": "TH",
                           "þ": "TH", "Ð": "D", "ð": "D", "Œ": "OE", "œ": "OE", "Ł": "L",
                           "ł": "L", "Đ": "D", "đ": "D", "Ħ": "H", "ħ": "H", "ı": "I"})


def normalise_text(value: str) -> str:
    """Upper-case ASCII letters and digits, words separated by one space (accents
    dropped, ICAO transliteration for letters such as Æ, Ø, ß)."""
    value = value.translate(_TRANSLIT)
    ascii_value = (unicodedata.normalize("NFKD", value).encode("ascii", "ignore")
                   .decode("ascii").upper())
    ascii_value = ascii_value.replace("'", "")
    return " ".join(re.sub(r"[^A-Z0-9]+", " ", ascii_value).split())


def _distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    if a == b:
        return 0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


_CONFUSABLE = str.maketrans({"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "Z": "2",
                             "S": "5", "B": "8", "G": "6"})


_DATE_WORD = re.compile(r"([0-9OILSBZ]{1,2})([A-Z0]{3})[A-Z/]*?([0-9OILSBZ]{4}|[0-9OILSBZ]{2})")


def parse_printed_date(text: str) -> tuple[int, int, int] | None:
    """``(day, month, year)`` from a printed date: ``12 AUG 1974``, ``12AUG1974``,
    ``12 AUG/AOÛT 74``, ``12.08.1974``, ``1974-08-12``...; ``None`` when it is not one.
    OCR confusions of ``O`` and ``0`` in month names are undone."""
    t = normalise_text(text)
    for m in _DATE_WORD.finditer(t.replace(" ", "")):
        word = m.group(2).replace("0", "O")
        day, year = m.group(1).translate(_CONFUSABLE), m.group(3).translate(_CONFUSABLE)
        for name, num in _MONTHS.items():
            if word.startswith(name) and day.isdigit() and year.isdigit():
                return int(day), num, int(year)
    words = t.split()
    month = None
    for word in words:
        for name, num in _MONTHS.items():
            if word.startswith(name) or (len(word) >= 3 and name.startswith(word)):
                month = num
                break
        if month is not None:
            break
    digits = [w.translate(_CONFUSABLE) for w in words]
    nums = [int(d) for d in digits if d.isdigit()]
    if month is not None and len(nums) >= 2:
        return nums[0], month, nums[-1]
    joined = re.findall(r"\d+", " ".join(digits))
    if len(joined) >= 3:
        a, b, c = (int(x) for x in joined[:3])
        if a > 31:
            return c, b, a
        return a, b, c
    if len(joined) == 1 and len(joined[0]) in (6, 8):
        s = joined[0]
        return int(s[:2]), int(s[2:4]), int(s[4:])
    return None


def _thin_glyph_dropped(printed: str, mrz: str) -> bool:
    """Whether ``printed`` is ``mrz`` without its first or last character, a thin one."""
    if len(mrz) != len(printed) + 1:
        return False
    return (mrz[0] in "I1" and mrz[1:] == printed) or (mrz[-1] in "I1" and mrz[:-1] == printed)


def compare_field(name: str, printed: str, mrz_value: str) -> tuple[bool, float, str]:
    """Whether the printed value agrees with the MRZ's: ``(agrees, distance 0..1, why)``.

    Names allow the MRZ's truncation and transliteration; dates compare day, month
    and the year's last two digits; other fields compare letters and digits with a
    small OCR slack (:data:`thresholds.VIZ_MAX_DISTANCE`).
    """
    p = normalise_text(printed)
    m = normalise_text(mrz_value.replace("<", " "))
    if name in ("birth_date", "expiry_date", "issue_date"):
        parsed = parse_printed_date(printed)
        try:
            mdate = dt.date.fromisoformat(mrz_value)
        except ValueError:
            return False, 1.0, f"the MRZ date {mrz_value!r} is not a date"
        if parsed is None:
            return False, 1.0, f"printed {printed!r} is not a date"
        d, mo, y = parsed
        agree = d == mdate.day and mo == mdate.month and y % 100 == mdate.year % 100
        return agree, 0.0 if agree else 1.0, (
            "" if agree else f"printed {printed!r}, MRZ {mdate.isoformat()}")
    if name in ("surname", "given_names"):
        p_cmp = p.replace(" ", "")
        m_cmp = m.replace(" ", "")
        if not m_cmp:
            return (not p_cmp), (0.0 if not p_cmp else 1.0), ""
        # The MRZ may truncate a long name: compare on its length.
        p_cmp = p_cmp[: len(m_cmp)] if len(p_cmp) > len(m_cmp) else p_cmp
    elif name == "nationality":
        # Printed as a code, a name, or both ("UTOPIAN / UTO"): the MRZ code must
        # appear as a word of its own.
        words = p.split()
        agree = m.replace(" ", "") in words or p.replace(" ", "") == m.replace(" ", "")
        if not agree:
            best = min((_distance(w, m) for w in words), default=len(m))
            agree = len(m) >= 3 and best <= 0 and bool(words)
        return agree, 0.0 if agree else 1.0, "" if agree else (
            f"printed {printed!r}, MRZ {mrz_value!r}")
    elif name == "sex":
        p_cmp = p.replace(" ", "")[:1]
        m_cmp = m.replace(" ", "")[:1] or "X"
        if p_cmp in ("", "<"):
            p_cmp = "X"
    else:
        p_cmp = p.replace(" ", "")
        m_cmp = m.replace(" ", "")
        if name == "document_number":
            p_cmp = p_cmp.translate(_CONFUSABLE)
            m_cmp = m_cmp.translate(_CONFUSABLE)
    dist = _distance(p_cmp, m_cmp) / max(1, len(m_cmp), len(p_cmp))
    # Numbers and the sex must agree exactly (after undoing O/0-style confusions):
    # one changed digit is the forgery to find. Names allow a little OCR slack.
    limit = 0.0 if name in ("sex", "document_number") else T.VIZ_MAX_DISTANCE
    agree = dist <= limit
    if not agree and name == "document_number" and _thin_glyph_dropped(p_cmp, m_cmp):
        # The recogniser may drop a thin first or last glyph (I, 1) at a crop's edge;
        # a changed digit is still a mismatch.
        agree, dist = True, 0.0
    return agree, dist, "" if agree else f"printed {printed!r}, MRZ {mrz_value!r}"


def field_crop(ctx: ExamContext, zone: Zone, light: Light) -> Image | None:
    """``zone`` cut from the page at up to 300 dpi (sharper than the work density)."""
    return ctx.hires_crop(zone.rect_mm, light, dpi=300.0)


def viz_readings(ctx: ExamContext) -> VizReading:
    """The specimen's ``field:<name>`` zones read by OCR, once per examination (kept
    in ``ctx.viz``; an empty reading without a specimen or a white-light page). The
    date of issue (not in the MRZ) is parsed for the date checks."""
    if ctx.viz is not None:
        return ctx.viz
    if ctx.specimen is None or Light.WHITE not in ctx.page:
        ctx.viz = VizReading()
        return ctx.viz
    from workstation.examination.ocr import read_text, trim_to_text

    zones = [z for z in ctx.specimen.zones if z.role and z.role.startswith("field:")]
    crops = []
    for z in zones:
        crop = field_crop(ctx, z, Light.WHITE)
        crops.append(trim_to_text(crop) if crop is not None else np.zeros((8, 8), np.uint8))
    fields: dict[str, VizField] = {}
    for z, crop, (text, conf) in zip(zones, crops, read_text(crops), strict=True):
        name = (z.role or "")[6:]
        if name not in fields:
            fields[name] = VizField(name=name, zone_id=z.id, text=text, confidence=conf,
                                    crop=crop)
    issue_date = None
    issue = fields.get("issue_date")
    if issue is not None and issue.confidence >= T.VIZ_MIN_CONFIDENCE:
        parsed = parse_printed_date(issue.text)
        if parsed is not None:
            issue_date = (parsed, issue.text, issue.zone_id)
    ctx.viz = VizReading(fields=fields, issue_date=issue_date)
    return ctx.viz


@check("mrz.viz", title="MRZ against the printed fields", lights=(Light.WHITE,),
       roles=("field:*",))
def mrz_vs_viz(ctx: ExamContext) -> list[CheckResult]:
    """Each ``field:<name>`` zone, read by OCR, agrees with the MRZ (MRZ_VIZ_MISMATCH)."""
    mrz, skip = _mrz_or_skip(ctx, "mrz.viz")
    if skip is not None or mrz is None:
        return [skip] if skip is not None else []
    assert ctx.specimen is not None
    readings = {k: v for k, v in viz_readings(ctx).fields.items() if k in mrz.fields}
    if not readings:
        return [skipped("mrz.viz", "NO_FIELDS",
                        "the specimen marks no printed fields the MRZ also holds")]
    out: list[CheckResult] = []
    for name, reading in readings.items():
        z, text, conf = ctx.specimen.zone(reading.zone_id), reading.text, reading.confidence
        mrz_value = mrz.fields.get(name, "")
        ev = ctx.evidence(z, (Light.WHITE,))
        if conf < T.VIZ_MIN_CONFIDENCE or not text:
            out.append(result("mrz.viz", CheckStatus.SKIPPED, "OCR_UNREADABLE",
                              f"{name.replace('_', ' ')}: the printed field could not be read "
                              f"(OCR confidence {conf:.2f})", zone=z.id, light=Light.WHITE,
                              score=conf, threshold=T.VIZ_MIN_CONFIDENCE, evidence=ev,
                              printed=text))
            continue
        label = name.replace("_", " ")
        if name.endswith("_date") and parse_printed_date(text) is None:
            out.append(result("mrz.viz", CheckStatus.SKIPPED, "OCR_UNREADABLE",
                              f"{label}: the printed field was read as {text!r}, not a date",
                              zone=z.id, light=Light.WHITE, score=conf,
                              threshold=T.VIZ_MIN_CONFIDENCE, evidence=ev, printed=text))
            continue
        agree, dist, why = compare_field(name, text, mrz_value)
        if not agree:
            # A second opinion at the recogniser's native line height: a misread
            # rarely repeats, a printed difference does.
            from workstation.examination.ocr import read_text

            crop = reading.crop
            if crop is not None:
                (text2, conf2), = read_text([crop], height_px=48)
                if conf2 >= T.VIZ_MIN_CONFIDENCE and compare_field(name, text2, mrz_value)[0]:
                    text, conf = text2, conf2
                    agree, dist, why = compare_field(name, text, mrz_value)
        if agree:
            out.append(result("mrz.viz", CheckStatus.PASS, "MRZ_VIZ_MATCH",
                              f"{label}: printed field agrees with the MRZ", zone=z.id,
                              light=Light.WHITE, score=dist, threshold=T.VIZ_MAX_DISTANCE,
                              evidence=ev, printed=text, mrz=mrz_value,
                              ocr_confidence=round(conf, 3)))
        else:
            out.append(result("mrz.viz", CheckStatus.FAIL, "MRZ_VIZ_MISMATCH",
                              f"{label}: printed field disagrees with the MRZ ({why})",
                              zone=z.id, light=Light.WHITE, score=dist,
                              threshold=T.VIZ_MAX_DISTANCE, evidence=ev, printed=text,
                              mrz=mrz_value, ocr_confidence=round(conf, 3)))
    return out
