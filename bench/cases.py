"""Case database benchmark: 100,000 examinations, then search, open and save timings.

    python -m bench.cases [--n 100000] [--db sqlite|postgresql|both] [--repeat 60]

SQLite runs in a temporary folder; PostgreSQL on ``$WORKSTATION_BENCH_PG_URL``
(a server where the benchmark may create a database) or on a private server
started with ``scripts/pg-test-server.sh``. The rows are bulk-inserted with
SQL (the same columns and keys the repository writes, with image rows and a
realistic checks JSON); timings go through :class:`CaseRepository`, as the
window uses it. Targets (issue 6): search p95 <= 100 ms, open <= 50 ms.
Prints one table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from workstation.cases import CaseRepository, SearchQuery, Status
from workstation.cases.keys import search_key
from workstation.cases.models import (
    BlobRow,
    CaseRow,
    ExaminationImageRow,
    ExaminationResultRow,
    ExaminationRow,
)
from workstation.cases.storage import BlobStore
from workstation.findings import Conclusion, Findings

ROOT = Path(__file__).resolve().parent.parent
SYLLABLES = ("an", "ber", "cas", "dor", "el", "fen", "gar", "hol", "is", "jan", "kov", "lin",
             "mar", "nov", "or", "pet", "quin", "ros", "sen", "tor", "ul", "van", "wes", "yor",
             "zan", "mül", "ström", "ić")
GIVEN = ("ANNA", "MARIA", "JOHN", "PER", "ERIK", "FATIMA", "LI", "WEI", "OLGA", "IVAN", "ZOE",
         "AHMED", "SARA", "JUAN", "LUCIA", "TOMAS", "NINA", "OMAR", "EMMA", "LEO")
STATES = ("UTO", "D", "FRA", "NLD", "GBR", "ESP", "ITA", "POL", "SWE", "USA")
STATUS_WEIGHTS = {"open": 10, "concluded": 25, "under_review": 10, "approved": 50, "returned": 5}
CONCLUSIONS = (None, "no_anomaly", "no_anomaly", "no_anomaly", "counterfeit", "forged",
               "inconclusive")
BATCH = 5000


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).upper()


def _checks_json(rng: random.Random) -> str:
    return json.dumps([{"id": f"check.{k}", "zone": f"zone{k}", "light": "uv",
                        "status": rng.choice(("pass", "pass", "fail", "skipped")),
                        "code": "UV_DULL", "score": round(rng.random(), 4), "threshold": 0.5,
                        "message": "substrate shows no luminescence"} for k in range(12)])


def populate(url: str, n: int, seed: int = 1) -> list[dict[str, str]]:
    """Insert ``n`` examinations (about n/2 cases); the identities used, for queries."""
    rng = random.Random(seed)
    repo = CaseRepository.open(url, blobs=BlobStore("database"))
    repo.close()
    engine = create_engine(url)
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    now = dt.datetime.now(dt.UTC)
    blob_hashes = [f"{k:064x}" for k in range(1, 31)]
    samples: list[dict[str, str]] = []
    statuses = list(STATUS_WEIGHTS)
    weights = list(STATUS_WEIGHTS.values())
    with engine.begin() as conn:
        conn.execute(insert(BlobRow), [{"sha256": h, "size_bytes": 1, "media_type": "image/png",
                                        "data": b"x", "created_at": now} for h in blob_hashes])
        exam_id = 0
        case_id = 0
        cases: list[dict[str, object]] = []
        exams: list[dict[str, object]] = []
        images: list[dict[str, object]] = []
        results: list[dict[str, object]] = []
        while exam_id < n:
            case_id += 1
            created = start + dt.timedelta(seconds=rng.randint(0, 330 * 86400))
            reference = f"BCP{rng.randint(1, 40):02d}-{created:%Y%m%d}-{case_id:06d}"
            cases.append({"id": case_id, "reference": reference,
                          "reference_key": search_key(reference), "traveller": "", "notes": "",
                          "created_at": created, "created_by": "bench", "version": 1})
            for _ in range(min(rng.choice((1, 1, 2, 3)), n - exam_id)):
                exam_id += 1
                surname, given = _surname(rng), rng.choice(GIVEN)
                number = f"{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{rng.randint(0, 99999999):08d}"
                status = rng.choices(statuses, weights)[0]
                conclusion = None if status == "open" else rng.choice(CONCLUSIONS[1:])
                findings = ("null" if conclusion is None else
                            json.dumps({"conclusion": conclusion, "text": "bench"}))
                exams.append({
                    "id": exam_id, "case_id": case_id, "created_at": created,
                    "updated_at": created, "created_by": "bench", "status": status,
                    "version": 1, "document_code": "P", "issuing_state": rng.choice(STATES),
                    "document_number": number, "surname": surname, "given_names": given,
                    "nationality": "UTO", "birth_date": "1980-01-01",
                    "expiry_date": "2030-01-01", "document_number_key": search_key(number),
                    "case_reference_key": search_key(reference),
                    "surname_key": search_key(surname), "given_names_key": search_key(given),
                    "specimen_id": "UTO-P-2020", "verdict": rng.choice(("pass", "fail")),
                    "capture_path": None, "result_sha256": "0" * 64,
                    "duration_ms": 800.0, "conclusion": conclusion, "findings_json": findings,
                    "reviewed_by": None, "review_note": ""})
                results.append({
                    "examination_id": exam_id, "capture_json": '{"dpi": 300}',
                    "mrz_json": json.dumps({"found": True, "fields": {"surname": surname}}),
                    "checks_json": _checks_json(rng)})
                for light in ("white", "uv", "ir"):
                    images.append({"examination_id": exam_id, "name": light,
                                   "sha256": rng.choice(blob_hashes), "width": 1800,
                                   "height": 1300})
                if rng.random() < 0.002 or not samples:
                    samples.append({"reference": reference, "surname": surname,
                                    "document_number": number, "given": given})
            if len(exams) >= BATCH:
                _flush(conn, cases, exams, results, images)
        _flush(conn, cases, exams, results, images)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("ANALYZE")
        else:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('examinations', 'id'), "
                                 "(SELECT max(id) FROM examinations))")
            conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('cases', 'id'), "
                                 "(SELECT max(id) FROM cases))")
            conn.commit()
    engine.dispose()
    return samples


def _flush(conn: object, cases: list[dict[str, object]], exams: list[dict[str, object]],
           results: list[dict[str, object]], images: list[dict[str, object]]) -> None:
    for model, rows in ((CaseRow, cases), (ExaminationRow, exams),
                        (ExaminationResultRow, results), (ExaminationImageRow, images)):
        if rows:
            conn.execute(insert(model), rows)  # type: ignore[attr-defined]
            rows.clear()


def _time(fn: Callable[[int], object], repeat: int) -> list[float]:
    out = []
    for i in range(repeat):
        t0 = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def measure(url: str, n: int, repeat: int) -> list[tuple[str, list[float], int]]:
    """Insert ``n`` examinations and time the operations; rows of (name, ms list, hits)."""
    t0 = time.perf_counter()
    samples = populate(url, n)
    load_s = time.perf_counter() - t0
    rng = random.Random(7)
    rows: list[tuple[str, list[float], int]] = []
    with CaseRepository.open(url, blobs=BlobStore("database")) as repo:
        def search(make: Callable[[dict[str, str]], SearchQuery]) -> tuple[list[float], int]:
            hits = 0

            def one(i: int) -> None:
                nonlocal hits
                hits += len(repo.search(make(samples[i % len(samples)])))
            return _time(one, repeat), hits // repeat

        cases: list[tuple[str, Callable[[dict[str, str]], SearchQuery]]] = [
            ("search: reference prefix", lambda s: SearchQuery(reference=s["reference"][:9])),
            ("search: name prefix", lambda s: SearchQuery(name=s["surname"][:4])),
            ("search: document number", lambda s: SearchQuery(document_number=s[
                "document_number"][:6])),
            ("search: free text (any field)", lambda s: SearchQuery(text=s["surname"][:5])),
            ("search: date range (1 week)", lambda s: SearchQuery(
                date_from=dt.date(2026, 3, 1) + dt.timedelta(days=len(s["surname"])),
                date_to=dt.date(2026, 3, 8) + dt.timedelta(days=len(s["surname"])))),
            ("search: status under review", lambda s: SearchQuery(
                statuses=(Status.UNDER_REVIEW,))),
            ("search: conclusion forged", lambda s: SearchQuery(
                conclusions=(Conclusion.FORGED,))),
            ("search: name + status, by name", lambda s: SearchQuery(
                name=s["surname"][:3], statuses=(Status.APPROVED,), sort="name")),
        ]
        for label, make in cases:
            times, hits = search(make)
            rows.append((label, times, hits))
        ids = [rng.randint(1, n) for _ in range(repeat)]
        rows.append(("open examination", _time(lambda i: repo.open_examination(ids[i]), repeat),
                     1))

        def save(i: int) -> None:
            rec = repo.open_examination(ids[i])
            if rec.status not in (Status.OPEN, Status.CONCLUDED, Status.RETURNED):
                rec = repo.open_examination(_editable(repo, ids[i]))
            repo.save_findings(rec.id, Findings(conclusion=Conclusion.INCONCLUSIVE,
                                                text=f"bench {i}"),
                               expected_version=rec.version, user="bench")
        rows.append(("save finding (open + save)", _time(save, repeat), 1))
        assert repo.verify_audit().ok
    rows.insert(0, ("bulk insert (s total)", [load_s * 1000], n))
    return rows


def _editable(repo: CaseRepository, start: int) -> int:
    found = repo.search(SearchQuery(statuses=(Status.OPEN,), limit=1))
    return found[0].id if found else start


def _pg_url(stack: list[Callable[[], None]]) -> str:
    given = os.environ.get("WORKSTATION_BENCH_PG_URL")
    if given:
        admin = given
    else:
        folder = tempfile.mkdtemp(prefix="workstation-pg-bench-")
        script = ROOT / "scripts" / "pg-test-server.sh"
        proc = subprocess.run(["bash", str(script), "start", folder], capture_output=True,
                              text=True, check=False)
        if proc.returncode != 0:
            raise SystemExit(f"cannot start PostgreSQL: {proc.stderr.strip()}")
        stack.append(lambda: subprocess.run(["bash", str(script), "stop", folder],
                                            capture_output=True, check=False) and None)
        admin = proc.stdout.strip().splitlines()[-1]
    name = f"bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()
    stack.append(drop)
    return make_url(admin).set(database=name).render_as_string(hide_password=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="examinations to insert")
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--repeat", type=int, default=60, help="timed runs per operation")
    args = parser.parse_args()
    results: dict[str, list[tuple[str, list[float], int]]] = {}
    cleanup: list[Callable[[], None]] = []
    try:
        if args.db in ("sqlite", "both"):
            with tempfile.TemporaryDirectory() as tmp:
                results["sqlite"] = measure(f"sqlite:///{Path(tmp) / 'bench.db'}", args.n,
                                            args.repeat)
        if args.db in ("postgresql", "both"):
            results["postgresql"] = measure(_pg_url(cleanup), args.n, args.repeat)
    finally:
        for fn in reversed(cleanup):
            fn()
    print(f"case database, {args.n:,} examinations, {args.repeat} runs per operation "
          "(ms; targets: search p95 <= 100, open <= 50)")
    print(f"{'database':<11} {'operation':<34} {'median':>9} {'p95':>9} {'hits':>7}  target")
    for db, rows in results.items():
        for label, times, hits in rows:
            med = statistics.median(times)
            p95 = sorted(times)[max(0, round(0.95 * len(times)) - 1)]
            target = ""
            if label.startswith("search"):
                target = "ok" if p95 <= 100 else "MISSED"
            elif label.startswith("open"):
                target = "ok" if p95 <= 50 else "MISSED"
            print(f"{db:<11} {label:<34} {med:>9.1f} {p95:>9.1f} {hits:>7}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
