"""The roll-ups of migration 0010 (``trend_check_facts``, ``trend_check_pairs``,
``trend_month_check_states``, ``trend_outcome_counts``) agree row for row with the
examinations themselves after every kind of write — insert, conclude, re-conclude,
changed checks, training, delete — on SQLite and PostgreSQL, and after the migration's
back-fill; and the queries that read them agree with a direct count."""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections import Counter
from typing import Any

from sqlalchemy import text

from tests.cases.conftest import db_url  # noqa: F401  (SQLite and PostgreSQL)
from tests.trends.conftest import CODES, Population, direct_count, examination
from workstation.cases import CaseRepository
from workstation.findings import Conclusion, Findings
from workstation.trends import TrendQuery, TrendStore
from workstation.trends.store import _summary, plan

_DIMS = ("day", "border_point", "issuing_state", "document_code", "series", "conclusion",
         "forgery_kind", "verdict")


def _facts(repo: CaseRepository) -> dict[int, tuple[Any, ...]]:
    """Each casework examination's dimensions and failed codes, from the examinations."""
    with repo.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT e.id, e.created_at, e.border_point, e.issuing_state, e.document_code, "
            "e.specimen_id, e.conclusion, e.findings_json, e.verdict, e.purpose, "
            "r.checks_json FROM examinations e LEFT JOIN examination_results r "
            "ON r.examination_id = e.id")).all()
    out: dict[int, tuple[Any, ...]] = {}
    for row in rows:
        if row.purpose != "casework":
            continue
        created = row.created_at
        if isinstance(created, str):
            created = dt.datetime.fromisoformat(created)
        day = created.astimezone(dt.UTC).date() if created.tzinfo else created.date()
        findings = json.loads(row.findings_json) or {}
        codes = frozenset(c["code"] for c in json.loads(row.checks_json or "[]")
                          if c.get("status") == "fail" and c.get("code"))
        dims = (day.isoformat(), row.border_point, row.issuing_state, row.document_code,
                row.specimen_id or "", row.conclusion or "", findings.get("forgery_kind") or "",
                row.verdict)
        out[int(row.id)] = (dims, codes)
    return out


def _table(repo: CaseRepository, sql: str) -> list[tuple[Any, ...]]:
    with repo.engine.connect() as conn:
        return [tuple(str(v)[:10] if isinstance(v, dt.date) else v for v in r)
                for r in conn.execute(text(sql))]


def assert_rollups_agree(repo: CaseRepository) -> None:
    """Both roll-ups hold exactly the rows a direct computation gives."""
    facts = _facts(repo)
    want_checks = sorted((eid, code, *dims) for eid, (dims, codes) in facts.items()
                         for code in codes)
    got_checks = sorted(_table(repo, "SELECT examination_id, code, " + ", ".join(_DIMS)
                               + " FROM trend_check_facts"))
    assert got_checks == want_checks
    pairs = Counter((a, b, *dims) for dims, codes in facts.values()
                    for a in codes for b in codes if a != b)
    got_pairs = {r[:-1]: r[-1] for r in _table(
        repo, "SELECT code, other_code, " + ", ".join(_DIMS) + ", n FROM trend_check_pairs")}
    assert got_pairs == dict(pairs)
    assert pairs  # the population has examinations failing two codes
    states: dict[tuple[str, ...], list[int]] = {}
    for dims, codes in facts.values():
        for code in codes:
            got = states.setdefault((dims[0][:8] + "01", dims[1], dims[2], code), [0, 0, 0])
            got[0] += 1
            got[1] += dims[5] in ("forged", "counterfeit")
            got[2] += dims[7] == "fail"
    assert {r[:4]: list(r[4:]) for r in _table(
        repo, "SELECT day, border_point, issuing_state, code, n, forgeries, flagged "
              "FROM trend_month_check_states")} == states
    outcome = Counter((d[0], d[1], d[5], d[6], d[7]) for d, _ in facts.values())
    got_outcome = {r[:5]: r[5] for r in _table(
        repo, "SELECT day, border_point, conclusion, forgery_kind, verdict, n "
              "FROM trend_outcome_counts")}
    assert got_outcome == dict(outcome)


def _pairs_agree_with_check_facts(repo: CaseRepository) -> None:
    rows = _table(repo, "SELECT examination_id, code, " + ", ".join(_DIMS)
                  + " FROM trend_check_facts")
    want = Counter((a[1], b[1], *a[2:]) for a in rows for b in rows
                   if a[0] == b[0] and a[1] != b[1])
    got = {r[:-1]: r[-1] for r in _table(
        repo, "SELECT code, other_code, " + ", ".join(_DIMS) + ", n FROM trend_check_pairs")}
    assert got == dict(want)


def test_a_code_added_to_and_removed_from_others_keeps_the_pairs(
        population: Population) -> None:
    """One statement writing one code of an examination that failed others (PostgreSQL
    keeps the pairs by statement: the codes there before pair with the new one)."""
    repo = population.repos["Chinggis Khaan airport"]
    facts = _facts(repo)
    eid = next(e for e, (_, codes) in facts.items() if len(codes) >= 2)
    first = sorted(facts[eid][1])[0]
    writes = [
        ("INSERT INTO trend_fact_checks (examination_id, code) VALUES (:i, 'EXTRA_CODE')",
         first),
        ("DELETE FROM trend_fact_checks WHERE examination_id = :i AND code = :c", first),
        ("DELETE FROM trend_fact_checks WHERE examination_id = :i AND code = 'EXTRA_CODE'",
         first),
        ("INSERT INTO trend_fact_checks (examination_id, code) VALUES (:i, :c)", first),
    ]
    for sql, code in writes:
        with repo.engine.begin() as conn:
            conn.execute(text(sql), {"i": eid, "c": code})
        _pairs_agree_with_check_facts(repo)
    assert_rollups_agree(repo)


def test_the_rollups_follow_every_write(population: Population) -> None:
    repo = population.repos["Altanbulag rail"]
    # inserted by the repository, back-dated with SQL (the fact moved day), and the
    # training examinations left out
    assert_rollups_agree(repo)
    with repo.engine.connect() as conn:
        trained = conn.execute(text(
            "SELECT count(*) FROM trend_check_facts WHERE examination_id IN "
            f"({', '.join(map(str, population.training_ids))})")).scalar_one()
    assert trained == 0
    # conclude an examination that had no findings, then conclude it again otherwise
    open_ids = [eid for eid in population.examination_ids
                if repo.open_examination(eid).findings is None]
    eid = open_ids[0]
    rec = repo.save_findings(eid, Findings(conclusion=Conclusion.FORGED,
                                           forgery_kind="photo_substitution", text="seen"),
                             expected_version=repo.open_examination(eid).version,
                             user=population.examiner)
    assert_rollups_agree(repo)
    rec = repo.conclude(eid, expected_version=rec.version, user=population.examiner)
    rec = repo.reopen(eid, expected_version=rec.version, user=population.examiner)
    repo.save_findings(eid, Findings(conclusion=Conclusion.COUNTERFEIT, text="re-seen"),
                       expected_version=rec.version, user=population.examiner)
    assert_rollups_agree(repo)
    # a stored examination (with failed checks) and its checks rewritten
    person = dict(population.people[0], number="E99999999")
    import random

    stored = repo.store_examination(examination(random.Random(5), "KAZ", person, CODES[:2]),
                                    user=population.examiner, case_ref="2026-roll")
    assert_rollups_agree(repo)
    with repo.engine.begin() as conn:
        conn.execute(text("UPDATE examination_results SET checks_json = :c "
                          "WHERE examination_id = :i"),
                     {"c": json.dumps([{"code": CODES[3], "status": "fail"},
                                       {"code": CODES[0], "status": "pass"}]),
                      "i": stored.examination_id})
    assert_rollups_agree(repo)
    # a casework examination turned training, and one deleted
    victim = population.examination_ids[1]
    with repo.engine.begin() as conn:
        conn.execute(text("UPDATE examinations SET purpose = 'training' WHERE id = :i"),
                     {"i": stored.examination_id})
        for table, key in (("examination_results", "examination_id"),
                           ("examination_images", "examination_id"),
                           ("reports", "examination_id"), ("examinations", "id")):
            conn.execute(text(f"DELETE FROM {table} WHERE {key} = :i"), {"i": victim})
    population.examination_ids.remove(victim)
    assert_rollups_agree(repo)
    # rebuild recounts them too
    TrendStore(repo).rebuild(user=population.supervisor)
    assert_rollups_agree(repo)


def test_queries_on_the_rollups_match_a_direct_count(population: Population) -> None:
    repo = population.repos["Zamyn-Uud road"]
    store = TrendStore(repo)
    since, until = dt.date(2026, 1, 9), dt.date(2026, 2, 20)
    codes = (CODES[0], CODES[1], CODES[4])
    cases: list[tuple[tuple[str, ...], dict[str, tuple[str, ...]], Any, Any]] = [
        (("week", "kind"), {"conclusion": ("forged", "counterfeit")}, None, None),
        (("day", "point", "verdict"), {}, since, until),
        (("point", "check"), {"check": codes[:2]}, None, None),
        (("check",), {"check": codes[1:]}, since, until),
        (("state", "check"), {"check": codes, "point": ("Altanbulag rail",)}, since, until),
        (("month", "state", "check"), {}, dt.date(2026, 1, 1), dt.date(2026, 2, 28)),
        (("point", "check"), {"check": codes[1:], "state": ("MNG", "CHN")}, None, None),
    ]
    for by, where, first, last in cases:
        q = TrendQuery(since=first, until=last, by=by, where=where)
        got = store.query(q)
        assert {r.key: (r.examinations, r.forgeries, r.flagged)
                for r in got.rows} == direct_count(repo, by, where, first, last), (by, where)
        # the total counts each examination once, whatever codes it failed
        distinct = _distinct(repo, where, first, last)
        assert (got.total.examinations, got.total.forgeries, got.total.flagged) == distinct
        ids = store.examination_ids(q)
        assert len(ids) == distinct[0] == len(set(ids))
        assert ids == sorted(ids, reverse=True)
        assert gc.isenabled()  # the collector paused while the rows were built, only
    # a week query reads the outcome roll-up (days), a month of states and checks the
    # states' one: not the document series
    assert plan(TrendQuery(by=("week", "kind"))) == [("day", None, None)]
    assert _summary(TrendQuery(by=("week", "kind")), "day").name == "trend_outcome_counts"
    assert _summary(TrendQuery(by=("state", "check")), "month").name == \
        "trend_month_check_states"
    assert _summary(TrendQuery(by=("series", "check")), "month").name == \
        "trend_month_check_counts"


def _distinct(repo: CaseRepository, where: dict[str, tuple[str, ...]], since: Any,
              until: Any) -> tuple[int, int, int]:
    names = {"point": 1, "state": 2, "type": 3, "series": 4, "conclusion": 5, "kind": 6,
             "verdict": 7}
    n = forged = flagged = 0
    for dims, codes in _facts(repo).values():
        day = dt.date.fromisoformat(dims[0])
        if (since and day < since) or (until and day > until):
            continue
        if "check" in where and not codes & set(where["check"]):
            continue
        if any(dims[names[k]] not in v for k, v in where.items() if k != "check"):
            continue
        n += 1
        forged += dims[5] in ("forged", "counterfeit")
        flagged += dims[7] == "fail"
    return n, forged, flagged


def test_the_migration_rolls_up_what_is_there_and_goes_down_and_up(
        db_url: str) -> None:  # noqa: F811
    """Migration 0010 back-fills the roll-ups set-based (the statements the bench's bulk
    load uses too) from examinations stored before it, and goes down and up again."""
    from alembic import command

    from tests.trends.conftest import populate
    from workstation.cases.db import WRITE_OPTION, _alembic_config, create_db_engine, migrate

    pop = populate(db_url, n=40, seed=8)
    for repo in pop.repos.values():
        repo.close()
    engine = create_db_engine(db_url)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                command.downgrade(_alembic_config(conn), "0009")
        with engine.connect() as conn:
            tables = set(engine.dialect.get_table_names(conn))
        assert not tables & {"trend_check_facts", "trend_check_pairs", "trend_outcome_counts"}
        migrate(engine)
    finally:
        engine.dispose()
    with CaseRepository.open(db_url) as repo:
        assert_rollups_agree(repo)
        store = TrendStore(repo)
        q = TrendQuery(by=("point",), where={"check": CODES[:2]})
        assert store.query(q).total.examinations == _distinct(repo, q.where, None, None)[0]
