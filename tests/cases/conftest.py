"""Fixtures: a fresh case database per test, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from tests.databases import throwaway_database
from workstation.cases import CaseRepository
from workstation.examination.results import Examination
from workstation.mrz.result import MrzResult
from workstation.types import CaptureSet, CheckResult, CheckStatus, Light, Verdict


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of an empty database: SQLite in ``tmp_path``, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cases.db'}"
        return
    with throwaway_database(request.getfixturevalue("postgres_admin_url")) as url:
        yield url


@pytest.fixture
def repo(db_url: str) -> Iterator[CaseRepository]:
    """A migrated repository on the test database."""
    repository = CaseRepository.open(db_url)
    try:
        yield repository
    finally:
        repository.close()


def make_examination(surname: str = "ERIKSSON", given: str = "ANNA MARIA",
                     number: str = "L898902C3", seed: int = 0,
                     verdict: Verdict = Verdict.PASS) -> Examination:
    """A small examination with white and IR images that differ by ``seed``."""
    rng = np.random.default_rng(seed)
    white = rng.integers(0, 255, (24, 32, 3), dtype=np.uint8)
    ir = rng.integers(0, 255, (24, 32), dtype=np.uint8)
    capture = CaptureSet(images={Light.WHITE: white, Light.IR: ir}, dpi=300.0,
                         device="simulated", captured_at=dt.datetime(2026, 11, 28, 10, 0,
                                                                      tzinfo=dt.UTC))
    mrz = MrzResult(found=True, format="TD3", valid=True,
                    fields={"document_code": "P", "issuing_state": "UTO", "surname": surname,
                            "given_names": given, "document_number": number,
                            "nationality": "UTO", "birth_date": "1974-08-12", "sex": "F",
                            "expiry_date": "2012-04-15"})
    checks = [CheckResult(id="uv.dull_paper", status=CheckStatus.PASS, code="UV_DULL",
                          message="substrate shows no luminescence", zone="blank",
                          light=Light.UV, score=0.93)]
    return Examination(capture=capture, capture_path="/captures/a", specimen_id="UTO-P-2020",
                       mrz=mrz, checks=checks, verdict=verdict)
