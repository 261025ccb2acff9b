"""``workstation alerts list|show|publish|withdraw|expire|match``.

    workstation alerts list [--all] [--json]
    workstation alerts show ID [--crops DIR] [--json]
    workstation alerts publish EXAMINATION_ID --feature TEXT --description TEXT
                               [--check CODE]... [--days 90 | --expires DATE]
                               [--any-series] [--no-crops] [--json]
    workstation alerts withdraw ID --reason TEXT
    workstation alerts expire ID [--at DATE]
    workstation alerts match --state UTO --type P [--series ID] [--json]

``publish`` examines the stored capture again against its specimen to cut the
evidence crops (the zones of the failed checks, personal data blurred).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from workstation.console import emit_json, say


def register(sub: Any) -> None:
    """Add the ``alerts`` sub-command."""
    alerts = sub.add_parser("alerts", help="alerts about forged document types, shown on "
                            "every workstation of the database")
    asub = alerts.add_subparsers(dest="alerts_command", metavar="ACTION")
    alerts.set_defaults(handler=lambda _a: _usage(alerts))

    ls = asub.add_parser("list", help="active alerts (--all: also expired and withdrawn)")
    ls.add_argument("--all", action="store_true")
    ls.add_argument("--json", action="store_true", help="print JSON on standard output")
    ls.set_defaults(handler=_list)

    show = asub.add_parser("show", help="one alert; --crops DIR writes its crops as PNG")
    show.add_argument("id", type=int)
    show.add_argument("--crops", default=None, help="folder to write the crops to")
    show.add_argument("--json", action="store_true", help="print JSON on standard output")
    show.set_defaults(handler=_show)

    pub = asub.add_parser("publish", help="publish an alert from a concluded forgery "
                          "(supervisors)")
    pub.add_argument("examination", type=int, help="examination id")
    pub.add_argument("--feature", required=True, help="the feature that betrayed it")
    pub.add_argument("--description", required=True, help="what to look for")
    pub.add_argument("--check", action="append", default=[], metavar="CODE",
                     help="crop only the zones of these failed check codes")
    pub.add_argument("--days", type=int, default=90, help="lifetime (default 90 days)")
    pub.add_argument("--expires", default=None, help="expiry day (YYYY-MM-DD, UTC)")
    pub.add_argument("--any-series", action="store_true",
                     help="about every series of the document type, not only its specimen")
    pub.add_argument("--no-crops", action="store_true", help="publish without crops")
    pub.add_argument("--json", action="store_true", help="print JSON on standard output")
    pub.set_defaults(handler=_publish)

    wd = asub.add_parser("withdraw", help="withdraw an alert (supervisors)")
    wd.add_argument("id", type=int)
    wd.add_argument("--reason", required=True)
    wd.set_defaults(handler=_withdraw)

    exp = asub.add_parser("expire", help="expire an alert now or on a day (supervisors)")
    exp.add_argument("id", type=int)
    exp.add_argument("--at", default=None, help="expiry day (YYYY-MM-DD, UTC); default now")
    exp.set_defaults(handler=_expire)

    m = asub.add_parser("match", help="the active alerts about a document type")
    m.add_argument("--state", required=True, help="issuing state (MRZ)")
    m.add_argument("--type", required=True, help="document code (MRZ)")
    m.add_argument("--series", default=None, help="the matched specimen")
    m.add_argument("--json", action="store_true", help="print JSON on standard output")
    m.set_defaults(handler=_match)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _day_end(value: str | None, what: str) -> dt.datetime | None:
    from workstation.trends.cli import parse_date

    day = parse_date(value, what)
    if day is None:
        return None
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), dt.UTC)


def _print(alerts: list[Any]) -> None:
    if not alerts:
        say("no alerts")
    for a in alerts:
        print(f"#{a.id} [{a.status()}] {a.document}: {a.feature} — published "
              f"{a.created_at:%Y-%m-%d} by {a.created_by} at {a.border_point or 'location not set'}"
              f", expires {a.expires_at:%Y-%m-%d}, {len(a.crops)} crop(s)")


def _list(args: argparse.Namespace) -> int:
    from workstation.trends.alerts import AlertStore
    from workstation.trends.cli import open_repository

    with open_repository() as repo:
        found = AlertStore(repo).alerts(include_inactive=args.all)
    if args.json:
        emit_json([a.to_json() for a in found])
    else:
        _print(found)
    return 0


def _show(args: argparse.Namespace) -> int:
    from workstation.fsutil import atomic_write_bytes
    from workstation.trends.alerts import AlertStore
    from workstation.trends.cli import open_repository

    with open_repository() as repo:
        store = AlertStore(repo)
        alert = store.get(args.id)
        if args.crops:
            folder = Path(args.crops)
            for crop in alert.crops:
                path = folder / f"alert-{alert.id}-{crop.position}-{crop.light}.png"
                atomic_write_bytes(path, store.crop_png(alert.id, crop.position))
                say(f"crop written: {path}")
    if args.json:
        emit_json(alert.to_json())
    else:
        _print([alert])
        print(alert.description)
    return 0


def _publish(args: argparse.Namespace) -> int:
    from workstation.trends.alerts import AlertStore
    from workstation.trends.cli import current_user, open_repository

    with open_repository() as repo:
        user = current_user(repo)
        crops = [] if args.no_crops else _crops(repo, args.examination, args.check)
        alert = AlertStore(repo).publish(
            args.examination, user=user, feature=args.feature, description=args.description,
            crops=crops, check_code=",".join(args.check)[:64],
            series="" if args.any_series else None,
            expires_at=_day_end(args.expires, "--expires"), days=args.days)
    say(f"alert {alert.id} published: {alert.document}, {len(alert.crops)} crop(s), "
        f"expires {alert.expires_at:%Y-%m-%d}")
    if args.json:
        emit_json(alert.to_json())
    return 0


def _crops(repo: Any, examination_id: int, codes: list[str]) -> list[Any]:
    """Re-examine the stored capture against its specimen and cut the evidence crops."""
    from workstation.errors import SpecimenError
    from workstation.examination.pipeline import examine
    from workstation.specimens.library import open_library
    from workstation.trends.crops import evidence_crops

    record = repo.open_examination(examination_id)
    specimen = record.summary.specimen_id
    if not specimen:
        say("no specimen was matched: the alert has no crops")
        return []
    say(f"examining the stored capture again against {specimen} for the evidence crops...")
    try:
        examination = examine(repo.capture_of(record), library=open_library(),
                              specimen_id=specimen)
    except SpecimenError as exc:
        say(f"cannot cut crops ({exc}): the alert has no crops")
        return []
    return evidence_crops(examination, codes=codes)


def _withdraw(args: argparse.Namespace) -> int:
    from workstation.trends.alerts import AlertStore
    from workstation.trends.cli import current_user, open_repository

    with open_repository() as repo:
        AlertStore(repo).withdraw(args.id, user=current_user(repo), reason=args.reason)
    say(f"alert {args.id} withdrawn")
    return 0


def _expire(args: argparse.Namespace) -> int:
    from workstation.trends.alerts import AlertStore
    from workstation.trends.cli import current_user, open_repository

    when = _day_end(args.at, "--at") or dt.datetime.now(dt.UTC)
    with open_repository() as repo:
        alert = AlertStore(repo).set_expiry(args.id, user=current_user(repo), expires_at=when)
    say(f"alert {args.id} expires {alert.expires_at:%Y-%m-%d %H:%M} UTC")
    return 0


def _match(args: argparse.Namespace) -> int:
    from workstation.trends.alerts import AlertStore
    from workstation.trends.cli import open_repository

    with open_repository() as repo:
        found = AlertStore(repo).matching(args.state.upper(), args.type.upper(), args.series)
    if args.json:
        emit_json([a.to_json() for a in found])
    else:
        _print(found)
    return 0
