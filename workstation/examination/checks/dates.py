"""Date checks: plausible birth and expiry; an expired document is a warning
(validity, not authenticity)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workstation.examination import thresholds as T
from workstation.examination.checks.mrz import _mrz_or_skip, _mrz_zone_id, viz_readings
from workstation.examination.messages import message
from workstation.examination.registry import ExamContext, check, result
from workstation.i18n import QT_TRANSLATE_NOOP, Join, Msg
from workstation.types import CheckResult, CheckStatus, Light


def _iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _printed_issue_date(ctx: ExamContext) -> dt.date | None:
    """The date of issue printed in the visual zone (read by OCR), if any."""
    return viz_readings(ctx).issue_date_on(ctx.today)


@check("dates.validity",
       title=QT_TRANSLATE_NOOP("check titles", "dates plausible, document not expired"),
       lights=(Light.WHITE,), needs_specimen=False)
def dates(ctx: ExamContext) -> list[CheckResult]:
    """Birth in the past and before expiry, an age below :data:`MAX_AGE_YEARS`, a
    validity period that fits the specimen; then not expired (DOCUMENT_EXPIRED: warn)."""
    mrz, skip = _mrz_or_skip(ctx, "dates.validity")
    if skip is not None or mrz is None:
        return [skip] if skip is not None else []
    zone = _mrz_zone_id(ctx)
    birth = _iso(mrz.fields.get("birth_date"))
    expiry = _iso(mrz.fields.get("expiry_date"))
    problems: list[Msg] = []

    def problem(part: str, **params: Any) -> None:
        problems.append(message(f"DATES_INCONSISTENT:{part}", **params))

    if mrz.fields.get("birth_date") and birth is None and "<" not in mrz.fields["birth_date"]:
        problem("birth_not_date", value=mrz.fields["birth_date"])
    if expiry is None:
        problem("expiry_not_date", value=mrz.fields.get("expiry_date", ""))
    if birth is not None:
        if birth > ctx.today:
            problem("born_future", date=birth.isoformat())
        if (ctx.today - birth).days > 365.25 * T.MAX_AGE_YEARS:
            problem("too_old", years=T.MAX_AGE_YEARS)
        if expiry is not None and expiry <= birth:
            problem("expires_before_birth")
    issue = _printed_issue_date(ctx)
    if issue is not None:
        if expiry is not None and issue >= expiry:
            problem("issued_after_expiry", date=issue.isoformat())
        if issue > ctx.today:
            problem("issued_future", date=issue.isoformat())
        if birth is not None and issue < birth:
            problem("issued_before_birth")
    spec = ctx.specimen
    if spec is not None and issue is not None and (
            (spec.valid_from is not None and issue < spec.valid_from)
            or (spec.valid_until is not None and issue > spec.valid_until)):
        problem("issued_outside_series", date=issue.isoformat(), series=spec.series or spec.id)
    if spec is not None and expiry is not None and spec.valid_from is not None \
            and expiry < spec.valid_from:
        problem("expires_before_series", date=expiry.isoformat(), series=spec.series or spec.id,
                first=spec.valid_from.isoformat())
    details: dict[str, Any] = {"birth_date": birth.isoformat() if birth else None,
                               "issue_date": issue.isoformat() if issue else None,
               "expiry_date": expiry.isoformat() if expiry else None,
               "today": ctx.today.isoformat()}
    if problems:
        return [result("dates.validity", CheckStatus.FAIL, "DATES_INCONSISTENT",
                       Join(tuple(problems)), zone=zone, light=Light.WHITE, **details)]
    assert expiry is not None
    days_left = (expiry - ctx.today).days
    if days_left < 0:
        return [result("dates.validity", CheckStatus.WARN, "DOCUMENT_EXPIRED",
                       message("DOCUMENT_EXPIRED", date=expiry.isoformat()), zone=zone,
                       light=Light.WHITE, score=days_left,
                       threshold=0, **details)]
    return [result("dates.validity", CheckStatus.PASS, "DATES_CONSISTENT",
                   message("DATES_CONSISTENT", date=expiry.isoformat()), zone=zone,
                   light=Light.WHITE, score=days_left, threshold=0, **details)]
