"""A case database of simulated examinations at three border points, and the direct
count the trends must agree with (read from the examinations themselves, in Python,
without the summary tables)."""

from __future__ import annotations

import atexit
import datetime as dt
import json
import random
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import text

from tests.accounts import supervisor_account
from tests.cases.conftest import db_url  # noqa: F401  (the same databases: SQLite, PostgreSQL)
from tests.databases import throwaway_database
from workstation.cases import CaseRepository, Role, User
from workstation.cases.anchor import Anchor
from workstation.examination.results import Examination
from workstation.findings import Conclusion, Findings
from workstation.mrz.result import MrzResult
from workstation.types import CaptureSet, CheckResult, CheckStatus, Light, Verdict

POINTS = ("Zamyn-Uud road", "Altanbulag rail", "Chinggis Khaan airport")
STATES = ("MNG", "CHN", "RUS", "KAZ", "UTO")
CODES = ("UV_DULL_PAPER", "FALSE_LUMINESCENCE", "IR_B900_LOW_CONTRAST", "INVALID_CHECKSUM",
         "VISIBLE_ELEMENT_ABSENT")
KINDS = ("photo_substitution", "data_alteration", "mrz_alteration")
SURNAMES = ("BATBAYAR", "DORJSUREN", "WANGXIAOMING", "IVANOVA", "NURLANOV", "ERIKSSON",
            "TSERENDORJ", "LIUYANG")
GIVEN = ("ANNA MARIA", "BOLD", "XIAOMING", "OLGA", "ASKAR", "GANBAATAR", "MEI")


@dataclass
class Population:
    """What the fixture stored: the repositories per border point, and the people."""

    repos: dict[str, CaseRepository]
    supervisor: User
    examiner: User
    people: list[dict[str, str]]
    examination_ids: list[int]
    training_ids: list[int]


def examination(rng: random.Random, state: str, person: dict[str, str],
                failed: tuple[str, ...]) -> Examination:
    img = np.random.default_rng(rng.randrange(1 << 30)).integers(0, 255, (12, 16, 3),
                                                                   dtype=np.uint8)
    capture = CaptureSet(images={Light.WHITE: img}, dpi=300.0, device="simulated",
                         captured_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
    code = rng.choice(("P", "P", "ID"))
    mrz = MrzResult(found=True, format="TD3", valid=True,
                    fields={"document_code": code, "issuing_state": state,
                            "surname": person["surname"], "given_names": person["given"],
                            "document_number": person["number"], "nationality": state,
                            "birth_date": person["birth"], "sex": "F",
                            "expiry_date": person["expiry"]})
    checks = [CheckResult(id=f"c.{k}", status=CheckStatus.FAIL, code=k, message="x",
                          zone="z") for k in failed]
    # the same code failed in a second zone counts once
    checks += [CheckResult(id=f"d.{k}", status=CheckStatus.FAIL, code=k, message="x",
                           zone="y") for k in failed[:1]]
    checks.append(CheckResult(id="p", status=CheckStatus.PASS, code="UV_DULL", message="ok"))
    checks.append(CheckResult(id="w", status=CheckStatus.WARN, code="DOCUMENT_EXPIRED",
                              message="w"))
    verdict = Verdict.FAIL if failed else rng.choice((Verdict.PASS, Verdict.INCONCLUSIVE))
    series = rng.choice((f"{state}-{code}-2020", f"{state}-{code}-2015", None))
    return Examination(capture=capture, capture_path=f"/captures/{person['number']}",
                       specimen_id=series, mrz=mrz, checks=checks, verdict=verdict)


_ANCHOR_DIRS: dict[str, Path] = {}


def _anchor_dir(url: str) -> Path:
    """The audit anchor's folder for the database at ``url``: made once per process and
    removed when the process ends (tests and benches populate many databases)."""
    if url not in _ANCHOR_DIRS:
        folder = Path(tempfile.mkdtemp(prefix="trends-audit-"))
        atexit.register(shutil.rmtree, folder, True)
        _ANCHOR_DIRS[url] = folder
    return _ANCHOR_DIRS[url]


def populate(url: str, n: int = 120, seed: int = 3) -> Population:
    """``n`` casework examinations spread over three border points and 60 days, with
    findings (conclusions, forgery kinds), and a few training examinations."""
    rng = random.Random(seed)
    # one audit anchor per database (the module shares it between tests, each with its
    # own data folder): the keys that keyed the chain verify it
    anchor = Anchor(_anchor_dir(url))
    repos = {p: CaseRepository.open(url, location=p, anchor=anchor) for p in POINTS}
    first = repos[POINTS[0]]
    supervisor = supervisor_account(first, "sara")
    examiner = first.ensure_user("anna", Role.EXAMINER)
    people: list[dict[str, str]] = []
    ids: list[int] = []
    for i in range(n):
        person = {"surname": rng.choice(SURNAMES), "given": rng.choice(GIVEN),
                  "number": f"E{rng.randrange(10**7, 10**8)}",
                  "birth": f"19{rng.randrange(50, 99)}-0{rng.randrange(1, 9)}-"
                           f"1{rng.randrange(0, 9)}",
                  "expiry": f"20{rng.randrange(27, 35)}-1{rng.randrange(0, 2)}-"
                            f"2{rng.randrange(0, 8)}"}
        people.append(person)
        failed = tuple(rng.sample(CODES, rng.choice((0, 0, 0, 1, 1, 2))))
        ex = examination(rng, rng.choice(STATES), person, failed)
        repo = repos[POINTS[i % 3]]
        stored = repo.store_examination(ex, user=examiner, case_ref=f"2026-{i:04d}")
        ids.append(stored.examination_id)
        choice = rng.random()
        if choice < 0.15:
            continue  # no findings yet
        if failed and choice < 0.6:
            conclusion = rng.choice((Conclusion.FORGED, Conclusion.COUNTERFEIT))
        else:
            conclusion = rng.choice((Conclusion.NO_ANOMALY, Conclusion.INCONCLUSIVE))
        kind = rng.choice(KINDS) if conclusion is Conclusion.FORGED else None
        repo.save_findings(stored.examination_id,
                           Findings(conclusion=conclusion, forgery_kind=kind, text="seen"),
                           expected_version=stored.version, user=examiner)
    training: list[int] = []
    for _ in range(5):
        person = {"surname": "TRAINEE", "given": "CASE", "number": "T0000001",
                  "birth": "1990-01-01", "expiry": "2030-01-01"}
        stored = first.store_examination(examination(rng, "UTO", person, (CODES[0],)),
                                         user=examiner, purpose="training")
        training.append(stored.examination_id)
    # Spread the examinations over 60 days (rows written today by the repository).
    with first.engine.begin() as conn:
        for eid in ids:
            day = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC) + dt.timedelta(
                days=rng.randrange(60), hours=rng.randrange(14))
            conn.execute(text("UPDATE examinations SET created_at = :t WHERE id = :i"),
                         {"t": day, "i": eid})
    return Population(repos, supervisor, examiner, people, ids, training)


@pytest.fixture(scope="module",
                params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def population_url(request: pytest.FixtureRequest,
                   tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One database per module and dialect (filling it takes seconds)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('trends') / 'cases.db'}"
        return
    with throwaway_database(request.getfixturevalue("postgres_admin_url")) as url:
        yield url


@pytest.fixture(scope="module")
def population(population_url: str) -> Iterator[Population]:
    """The populated database (shared by a module's tests: they compare with a direct
    count made at the time, so a test that changes findings does not disturb others)."""
    pop = populate(population_url)
    try:
        yield pop
    finally:
        for repo in pop.repos.values():
            repo.close()


def direct_count(repo: CaseRepository, by: tuple[str, ...],
                 where: dict[str, tuple[str, ...]] | None = None,
                 since: dt.date | None = None, until: dt.date | None = None,
                 ) -> dict[tuple[str, ...], tuple[int, int, int]]:
    """Count straight from ``examinations`` and ``examination_results`` (no summary)."""
    where = where or {}
    with repo.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT e.id, e.created_at, e.border_point, e.issuing_state, e.document_code, "
            "e.specimen_id, e.conclusion, e.findings_json, e.verdict, e.purpose, "
            "r.checks_json FROM examinations e JOIN examination_results r "
            "ON r.examination_id = e.id")).all()
    counts: Counter[tuple[str, ...]] = Counter()
    forged: Counter[tuple[str, ...]] = Counter()
    flagged: Counter[tuple[str, ...]] = Counter()
    for row in rows:
        if row.purpose != "casework":
            continue
        created = row.created_at
        if isinstance(created, str):
            created = dt.datetime.fromisoformat(created)
        day = created.astimezone(dt.UTC).date() if created.tzinfo else created.date()
        if (since and day < since) or (until and day > until):
            continue
        findings = json.loads(row.findings_json) or {}
        codes = sorted({c["code"] for c in json.loads(row.checks_json)
                        if c.get("status") == "fail" and c.get("code")})
        base = {"point": row.border_point, "state": row.issuing_state,
                "type": row.document_code, "series": row.specimen_id or "",
                "conclusion": row.conclusion or "",
                "kind": findings.get("forgery_kind") or "", "verdict": row.verdict,
                "day": day.isoformat(), "month": day.strftime("%Y-%m"),
                "week": (day - dt.timedelta(days=day.weekday())).isoformat(),
                "year": str(day.year)}
        variants = [dict(base, check=c) for c in codes] if (
            "check" in by or "check" in where) else [base]
        for v in variants:
            if any(v[k] not in vals for k, vals in where.items()):
                continue
            key = tuple(v[k] for k in by)
            counts[key] += 1
            forged[key] += v["conclusion"] in ("counterfeit", "forged")
            flagged[key] += v["verdict"] == "fail"
    return {k: (counts[k], forged[k], flagged[k]) for k in counts}
