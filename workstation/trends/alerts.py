"""Alerts: a forgery found at one border point, shown at every other one.

A supervisor publishes an alert from a concluded examination that found a
forgery (:meth:`AlertStore.publish`): the document type (issuing state,
document code and, optionally, the series), the feature that betrayed the
forgery, a description, and evidence crops with personal data blurred
(:func:`workstation.trends.crops.evidence_crops`). Alerts and their crops live
in the case database, so every workstation sharing it sees them: when a
document is examined there, :meth:`AlertStore.matching` returns the active
alerts for its type, and the window shows a banner and the alert's crops beside
the evidence. Alerts expire (``expires_at``), can be withdrawn, and every step
is in the audit trail: ``alert.published``, ``alert.expiry_changed``,
``alert.withdrawn``, ``alert.expired`` (recorded by the first workstation that
notices), ``alert.shown`` (which examination an alert was shown for).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, or_, select, update

from workstation.cases import CaseRepository, Role, Status, User
from workstation.errors import ConflictError, InputError
from workstation.trends.models import AlertCropRow, AlertRow
from workstation.types import Image

if TYPE_CHECKING:
    from workstation.examination.results import Examination

#: Default lifetime of an alert (days).
DEFAULT_DAYS = 90
#: Most crops one alert carries, and their largest side (pixels).
MAX_CROPS = 12
MAX_CROP_SIDE = 2000
#: Conclusions an alert may be published from.
ALERT_CONCLUSIONS = ("counterfeit", "forged")


@dataclass(frozen=True)
class CropImage:
    """An evidence crop to publish: ``image`` is ``uint8`` ``(H, W)`` or ``(H, W, 3)``,
    personal data already blurred."""

    label: str
    light: str
    image: Image


@dataclass(frozen=True)
class AlertCrop:
    """A stored crop of an alert (the PNG is fetched with :meth:`AlertStore.crop_png`)."""

    position: int
    label: str
    light: str
    width: int
    height: int
    sha256: str


@dataclass(frozen=True)
class Alert:
    """A published alert."""

    id: int
    created_at: dt.datetime
    created_by: str
    border_point: str
    examination_id: int
    issuing_state: str
    document_code: str
    series: str
    feature: str
    check_code: str
    forgery_kind: str
    description: str
    expires_at: dt.datetime
    withdrawn_at: dt.datetime | None
    withdrawn_by: str | None
    withdraw_reason: str
    version: int
    crops: tuple[AlertCrop, ...] = ()

    def status(self, now: dt.datetime | None = None) -> str:
        """``active``, ``expired`` or ``withdrawn``."""
        if self.withdrawn_at is not None:
            return "withdrawn"
        return "active" if self.expires_at > (now or _now()) else "expired"

    @property
    def document(self) -> str:
        """``UTO P`` or ``UTO P (UTO-P-2020)``: what the alert is about."""
        text = f"{self.issuing_state} {self.document_code}"
        return f"{text} ({self.series})" if self.series else text

    def matches(self, issuing_state: str, document_code: str, series: str | None) -> bool:
        """Whether a document of that state, code and specimen is one the alert is about
        (a one-letter code covers its sub-types: ``P`` covers ``PD``)."""
        code_ok = document_code == self.document_code or (
            len(self.document_code) == 1 and document_code.startswith(self.document_code))
        return (issuing_state == self.issuing_state and code_ok
                and (not self.series or series == self.series))

    def to_json(self, now: dt.datetime | None = None) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "id": self.id, "status": self.status(now), "document": self.document,
            "issuing_state": self.issuing_state, "document_code": self.document_code,
            "series": self.series or None, "feature": self.feature,
            "check_code": self.check_code or None, "forgery_kind": self.forgery_kind or None,
            "description": self.description, "examination_id": self.examination_id,
            "border_point": self.border_point, "created_by": self.created_by,
            "created_at": self.created_at.isoformat(), "expires_at": self.expires_at.isoformat(),
            "withdrawn_at": self.withdrawn_at.isoformat() if self.withdrawn_at else None,
            "withdrawn_by": self.withdrawn_by, "withdraw_reason": self.withdraw_reason or None,
            "crops": [{"position": c.position, "label": c.label, "light": c.light,
                       "width": c.width, "height": c.height, "sha256": c.sha256}
                      for c in self.crops],
        }


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(stamp: dt.datetime) -> dt.datetime:
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=dt.UTC)


def _supervisor(user: User, what: str) -> None:
    if user.role is not Role.SUPERVISOR:
        raise InputError(f"{user.name} is a {user.role.label}: only a supervisor {what}")


class AlertStore:
    """Publish, expire, withdraw and match alerts in a case database."""

    def __init__(self, repository: CaseRepository) -> None:
        self.repository = repository

    # -- writing -------------------------------------------------------------------------

    def publish(self, examination_id: int, *, user: User, feature: str, description: str,
                crops: Sequence[CropImage] = (), check_code: str = "",
                series: str | None = None, expires_at: dt.datetime | None = None,
                days: int = DEFAULT_DAYS) -> Alert:
        """Publish an alert from a concluded examination that found a forgery.

        The document type is the examination's (MRZ issuing state and document code);
        ``series`` narrows it to one specimen (``None``: the examination's specimen;
        ``""``: every series). The alert expires at ``expires_at`` or after ``days``.
        """
        from workstation.imageio import encode_image

        _supervisor(user, "publishes alerts")
        feature, description = " ".join(feature.split()), description.strip()
        if not feature or len(feature) > 200:
            raise InputError("name the feature that betrayed the forgery (1 to 200 "
                             "characters)")
        if not description:
            raise InputError("an alert needs a description")
        if len(crops) > MAX_CROPS:
            raise InputError(f"at most {MAX_CROPS} crops per alert")
        now = _now()
        expires = _aware(expires_at) if expires_at else now + dt.timedelta(days=days)
        if expires <= now:
            raise InputError("the alert would expire before it is published")
        encoded = []
        for crop in crops:
            h, w = crop.image.shape[:2]
            if not 0 < max(h, w) <= MAX_CROP_SIDE:
                raise InputError(f"crop {crop.label!r} is {w} x {h} px: at most "
                                 f"{MAX_CROP_SIDE} px a side")
            png = encode_image(crop.image, ".png")
            encoded.append((crop, w, h, png, hashlib.sha256(png).hexdigest()))
        record = self.repository.open_examination(examination_id)
        summary = record.summary
        if summary.status not in (Status.CONCLUDED, Status.UNDER_REVIEW, Status.APPROVED):
            raise InputError(f"examination {examination_id} is {summary.status.value}: "
                             "publish alerts from concluded examinations")
        conclusion = summary.conclusion.value if summary.conclusion else ""
        if conclusion not in ALERT_CONCLUSIONS:
            raise InputError(f"examination {examination_id} concluded "
                             f"{conclusion or 'nothing'}: alerts are for forgeries")
        if not summary.issuing_state or not summary.document_code:
            raise InputError(f"examination {examination_id} has no issuing state and "
                             "document code (no MRZ read): the alert could match nothing")
        kind = record.findings.forgery_kind if record.findings else None
        with self.repository.writing(user) as w:
            row = AlertRow(
                created_at=now, created_by=user.name,
                border_point=self.repository.border_point(),
                examination_id=examination_id, issuing_state=summary.issuing_state,
                document_code=summary.document_code,
                series=(summary.specimen_id or "") if series is None else series[:100],
                feature=feature, check_code=check_code[:64], forgery_kind=(kind or "")[:40],
                description=description, expires_at=expires, withdrawn_at=None,
                withdrawn_by=None, withdraw_reason="", expiry_recorded=False, version=1)
            w.session.add(row)
            w.session.flush()
            for i, (crop, width, height, png, sha) in enumerate(encoded):
                w.session.add(AlertCropRow(alert_id=row.id, position=i, label=crop.label[:200],
                                           light=crop.light[:20], width=width, height=height,
                                           sha256=sha, png=png))
            w.record("alert.published", f"alert:{row.id}",
                     sha256=hashlib.sha256("".join(e[4] for e in encoded).encode()).hexdigest(),
                     details={"examination": examination_id, "document": row.issuing_state
                              + " " + row.document_code, "series": row.series,
                              "feature": feature, "check_code": row.check_code,
                              "expires_at": expires.isoformat(),
                              "crops": [e[4] for e in encoded]})
            alert_id = row.id
        return self.get(alert_id)

    def withdraw(self, alert_id: int, *, user: User, reason: str) -> Alert:
        """Withdraw an alert (it no longer shows anywhere); the reason is required."""
        _supervisor(user, "withdraws alerts")
        reason = reason.strip()
        if not reason:
            raise InputError("say why the alert is withdrawn")
        alert = self.get(alert_id)
        if alert.withdrawn_at is not None:
            raise InputError(f"alert {alert_id} was withdrawn already")
        self._change(alert, user, "alert.withdrawn", {"reason": reason},
                     withdrawn_at=_now(), withdrawn_by=user.name, withdraw_reason=reason)
        return self.get(alert_id)

    def set_expiry(self, alert_id: int, *, user: User, expires_at: dt.datetime) -> Alert:
        """Move an alert's expiry (to now: expire it at once)."""
        _supervisor(user, "changes alerts")
        alert = self.get(alert_id)
        if alert.withdrawn_at is not None:
            raise InputError(f"alert {alert_id} was withdrawn")
        expires = _aware(expires_at)
        self._change(alert, user, "alert.expiry_changed",
                     {"from": alert.expires_at.isoformat(), "to": expires.isoformat()},
                     expires_at=expires, expiry_recorded=False)
        return self.get(alert_id)

    def _change(self, alert: Alert, user: User, action: str, details: dict[str, Any],
                **values: Any) -> None:
        with self.repository.writing(user) as w:
            result = w.session.execute(
                update(AlertRow).where(AlertRow.id == alert.id,
                                       AlertRow.version == alert.version)
                .values(version=AlertRow.version + 1, **values)
                .execution_options(synchronize_session=False))
            if getattr(result, "rowcount", 1) != 1:
                raise ConflictError(f"alert {alert.id} was changed elsewhere: reload it")
            w.record(action, f"alert:{alert.id}", details=details)

    def record_expiries(self, *, user: User | str, now: dt.datetime | None = None) -> int:
        """Put ``alert.expired`` into the audit trail for alerts that expired since (once,
        whichever workstation notices first); the number recorded."""
        now = now or _now()
        with self.repository.reading() as s:
            due = s.execute(select(AlertRow.id).where(
                AlertRow.expires_at <= now, AlertRow.withdrawn_at.is_(None),
                AlertRow.expiry_recorded.is_(False))).scalars().all()
        if not due:
            return 0
        recorded = 0
        with self.repository.writing(user) as w:
            for alert_id in due:
                result = w.session.execute(
                    update(AlertRow).where(AlertRow.id == alert_id,
                                           AlertRow.expiry_recorded.is_(False),
                                           AlertRow.expires_at <= now)
                    .values(expiry_recorded=True).execution_options(synchronize_session=False))
                if getattr(result, "rowcount", 0) == 1:
                    w.record("alert.expired", f"alert:{alert_id}",
                             details={"noticed_at": now.isoformat()})
                    recorded += 1
        return recorded

    def record_shown(self, alert_id: int, examination_id: int | None, *,
                     user: User | str) -> None:
        """Note in the audit trail that the alert was shown for an examination."""
        with self.repository.writing(user) as w:
            w.record("alert.shown", f"alert:{alert_id}",
                     details={"examination": examination_id})

    # -- reading -------------------------------------------------------------------------

    def get(self, alert_id: int) -> Alert:
        """One alert (``InputError`` when there is none)."""
        with self.repository.reading() as s:
            row = s.get(AlertRow, alert_id)
            if row is None:
                raise InputError(f"no alert with id {alert_id}")
            return self._records(s, [row])[0]

    def alerts(self, *, include_inactive: bool = False,
             now: dt.datetime | None = None) -> list[Alert]:
        """Alerts, newest first: the active ones, or all."""
        now = now or _now()
        with self.repository.reading() as s:
            stmt = select(AlertRow).order_by(AlertRow.created_at.desc(), AlertRow.id.desc())
            if not include_inactive:
                stmt = stmt.where(AlertRow.withdrawn_at.is_(None), AlertRow.expires_at > now)
            return self._records(s, s.execute(stmt).scalars().all())

    def matching(self, issuing_state: str, document_code: str, series: str | None = None,
                 *, now: dt.datetime | None = None) -> list[Alert]:
        """The active alerts about a document of this issuing state, document code and
        (matched specimen) series, newest first."""
        if not issuing_state or not document_code:
            return []
        now = now or _now()
        codes = {document_code, document_code[:1]}
        with self.repository.reading() as s:
            rows = s.execute(select(AlertRow).where(
                AlertRow.issuing_state == issuing_state,
                AlertRow.document_code.in_(codes), AlertRow.expires_at > now,
                AlertRow.withdrawn_at.is_(None),
                or_(AlertRow.series == "", and_(AlertRow.series == (series or ""))))
                .order_by(AlertRow.created_at.desc(), AlertRow.id.desc())).scalars().all()
            alerts = self._records(s, rows)
        return [a for a in alerts if a.matches(issuing_state, document_code, series)]

    def matching_examination(self, examination: Examination, *,
                             now: dt.datetime | None = None) -> list[Alert]:
        """:meth:`matching` for an examination: the issuing state and document code its
        MRZ reading gives, and the specimen it was matched to."""
        fields = examination.mrz.fields if examination.mrz is not None else {}
        return self.matching(str(fields.get("issuing_state") or ""),
                             str(fields.get("document_code") or ""), examination.specimen_id,
                             now=now)

    def crop_png(self, alert_id: int, position: int) -> bytes:
        """The PNG bytes of one crop (checked against its SHA-256)."""
        with self.repository.reading() as s:
            row = s.get(AlertCropRow, (alert_id, position))
            if row is None:
                raise InputError(f"alert {alert_id} has no crop {position}")
            data = bytes(row.png)
            if hashlib.sha256(data).hexdigest() != row.sha256:
                raise InputError(f"crop {position} of alert {alert_id} does not match its "
                                 "hash: the database was changed")
            return data

    def crop_images(self, alert: Alert) -> list[tuple[AlertCrop, Image]]:
        """Every crop of ``alert``, decoded."""
        from workstation.imageio import decode_image

        return [(c, decode_image(self.crop_png(alert.id, c.position), f"crop {c.position}"))
                for c in alert.crops]

    @staticmethod
    def _records(s: Any, rows: Sequence[AlertRow]) -> list[Alert]:
        if not rows:
            return []
        crops: dict[int, list[AlertCrop]] = {r.id: [] for r in rows}
        c = AlertCropRow.__table__.c
        for alert_id, position, label, light, width, height, sha in s.execute(
                select(c.alert_id, c.position, c.label, c.light, c.width, c.height, c.sha256)
                .where(c.alert_id.in_(list(crops))).order_by(c.alert_id, c.position)):
            crops[alert_id].append(AlertCrop(position, label, light, width, height, sha))
        return [Alert(
            id=r.id, created_at=_aware(r.created_at), created_by=r.created_by,
            border_point=r.border_point, examination_id=r.examination_id,
            issuing_state=r.issuing_state, document_code=r.document_code, series=r.series,
            feature=r.feature, check_code=r.check_code, forgery_kind=r.forgery_kind,
            description=r.description, expires_at=_aware(r.expires_at),
            withdrawn_at=_aware(r.withdrawn_at) if r.withdrawn_at else None,
            withdrawn_by=r.withdrawn_by, withdraw_reason=r.withdraw_reason,
            version=r.version, crops=tuple(crops[r.id])) for r in rows]
