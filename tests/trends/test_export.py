"""Anonymised, signed exports: no personal data, small cells suppressed, a flipped byte
refused, merged per office on import."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from tests.accounts import supervisor_account
from tests.trends.conftest import Population
from workstation.cases import CaseRepository
from workstation.errors import FormatError, InputError
from workstation.reports.ca import Identity, LocalCA
from workstation.reports.verify import Trust
from workstation.sealing import box_keypair
from workstation.trends import TrendQuery, TrendStore
from workstation.trends.export import GROUP, TABLES, build_export, write_export
from workstation.trends.imports import import_export, imported_figures, offices
from workstation.trends.signing import read_signed


class _OfficeCA:
    """An office's CA (sealed for its administrator), unlocked to issue identities."""

    def __init__(self, root: Path, name: str) -> None:
        self.authority = LocalCA(root, name=name).create("admin", box_keypair()[1])
        self.cert_der = self.authority.cert_der

    def identity(self, user: str) -> Identity:
        return self.authority.issue(user, user=user, role="supervisor")


def _office_ca(tmp_path: Path, name: str) -> _OfficeCA:
    return _OfficeCA(tmp_path / f"{name}-ca", f"{name} CA")


def _mrz_date(iso: str) -> str:
    return iso[2:4] + iso[5:7] + iso[8:10]


def test_an_export_holds_nothing_that_identifies_a_person(population: Population,
                                                         tmp_path: Path) -> None:
    repo = next(iter(population.repos.values()))
    store = TrendStore(repo)
    ca = _office_ca(tmp_path, "dornogovi")
    out = tmp_path / "export.json"
    write_export(store, out, user=population.supervisor, identity=ca.identity("sara"),
                 office="Dornogovi border office", k=5)
    text = out.read_text(encoding="utf-8")
    payload = json.loads(text)["payload"]
    readable = json.dumps(payload, ensure_ascii=False)
    needles: set[str] = {"TRAINEE", "T0000001", "anna", "sara", "/captures"}
    for p in population.people:
        needles |= {p["surname"], p["number"], p["birth"], p["expiry"],
                    _mrz_date(p["birth"]), _mrz_date(p["expiry"]), *p["given"].split()}
    with repo.engine.connect() as conn:
        from sqlalchemy import text as sql

        for ref, created in conn.execute(sql(
                "SELECT c.reference, e.created_at FROM cases c JOIN examinations e "
                "ON e.case_id = c.id")):
            needles.add(ref)
            stamp = created if isinstance(created, dt.datetime) else \
                dt.datetime.fromisoformat(str(created))
            needles |= {stamp.date().isoformat(), stamp.strftime("%Y%m%d")}
    # outside the payload the file holds only the protected header and the signature,
    # both base64url (random letters there, such as "MEI", are not names)
    document = json.loads(text)
    assert sorted(document) == ["payload", "protected", "signature"]
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", document[k]) for k in ("protected", "signature"))
    found = sorted(n for n in needles if n and n in readable)
    assert found == []
    # ...but it does count them: the documents table adds up to every casework examination
    # (published cells exactly, suppressed ones below k)
    cols, rows = payload["tables"]["documents"]["columns"], payload["tables"]["documents"]["rows"]
    i = cols.index("examinations")
    published = sum(r[i] for r in rows if isinstance(r[i], int))
    hidden = sum(1 for r in rows if not isinstance(r[i], int))
    total = len(population.examination_ids)
    assert published <= total <= published + 4 * hidden
    assert repo.audit_events(subjects=(f"export:{payload['export_id']}",))[0].action == \
        "trends.exported"


@pytest.mark.parametrize("k", [3, 5, 10])
def test_small_cells_are_suppressed_so_that_no_subtraction_reveals_them(
        population: Population, k: int) -> None:
    repo = next(iter(population.repos.values()))
    store = TrendStore(repo)
    export = build_export(store, office="A", k=k, today=dt.date(2026, 3, 31))
    payload = export.payload
    assert export.suppressed_primary > 0
    # every count is >= k or the string "< k"
    exact: dict[tuple[str, tuple[str, ...], str], int] = {}
    for name, (dims, measures) in TABLES.items():
        rows = payload["tables"][name]["rows"]
        truth = {r.key: r for r in store.query(TrendQuery(by=(*GROUP, *dims))).rows}
        assert len(rows) == len(truth)
        for row in rows:
            key = tuple(row[:len(GROUP) + len(dims)])
            for m, v in zip(measures, row[len(key):], strict=True):
                real = getattr(truth[key], m)
                assert v == f"< {k}" or (isinstance(v, int) and v >= k and v == real)
                if v == f"< {k}":
                    exact[(name, key, m)] = real
    assert all(v >= 0 for v in exact.values())
    assert any(v < k for v in exact.values())
    # where a group's total is published, its hidden outcomes add up to at least k
    docs = {tuple(r[:5]): r[5:] for r in payload["tables"]["documents"]["rows"]}
    outcomes = payload["tables"]["outcomes"]["rows"]
    for group, (exams, forgeries, _flagged) in docs.items():
        parts = [r for r in outcomes if tuple(r[:5]) == group]
        for total, members in ((exams, parts),
                               (forgeries, [r for r in parts
                                            if r[5] in ("counterfeit", "forged")])):
            if not isinstance(total, int):
                continue
            hidden = [exact[("outcomes", tuple(r[:7]), "examinations")] for r in members
                      if not isinstance(r[7], int)]
            assert not hidden or sum(hidden) >= k, (group, hidden)
            assert total == sum(r[7] for r in members if isinstance(r[7], int)) + sum(hidden)


@pytest.mark.slow
def test_the_signature_verifies_on_import_and_every_flipped_byte_is_refused(
        population: Population, tmp_path: Path) -> None:
    repo = next(iter(population.repos.values()))
    store = TrendStore(repo)
    ca = _office_ca(tmp_path, "dornogovi")
    out = tmp_path / "export.json"
    write_export(store, out, user=population.supervisor, identity=ca.identity("sara"),
                 office="Dornogovi", since=dt.date(2026, 2, 1), until=dt.date(2026, 2, 28))
    data = out.read_bytes()
    trust = Trust(anchors=[ca.cert_der])
    signed = read_signed(data, source="x", typ="workstation.trends-export+json", trust=trust)
    assert signed.trusted and signed.signer == "sara"
    # Every byte flipped (the low bit; the high bit of every 7th byte too). The file's
    # bytes do not depend on the database, so PostgreSQL's run flips a sample.
    step = 1 if repo.engine.dialect.name == "sqlite" else 13
    flips = [(i, 0x01) for i in range(0, len(data), step)]
    flips += [(i, 0x80) for i in range(0, len(data), 7 * step)]
    for i, bit in flips:
        bad = bytearray(data)
        bad[i] ^= bit
        with pytest.raises(FormatError):
            read_signed(bytes(bad), source="x", typ="workstation.trends-export+json",
                        trust=trust)
    # a signer this workstation does not trust is refused on import
    central = CaseRepository.open(f"sqlite:///{tmp_path / 'central.db'}")
    try:
        boss = supervisor_account(central, "chief")
        with pytest.raises(InputError, match="not trusted"):
            import_export(central, out, user=boss, trust=Trust())
        assert offices(central) == []
        got = import_export(central, out, user=boss, trust=trust)
        assert got.office == "Dornogovi" and not got.already_imported
        again = import_export(central, out, user=boss, trust=trust)
        assert again.already_imported
        assert central.verify_audit().ok
        assert [e.action for e in central.audit_events(
            subjects=(f"export:{got.export_id}",))] == ["trends.imported"]
    finally:
        central.close()


def test_offices_stay_apart_and_a_later_export_replaces_its_months(
        population: Population, tmp_path: Path) -> None:
    repo = next(iter(population.repos.values()))
    store = TrendStore(repo)
    ca_a, ca_b = _office_ca(tmp_path, "a"), _office_ca(tmp_path, "b")
    trust = Trust(anchors=[ca_a.cert_der, ca_b.cert_der])
    files = {}
    for office, ca, since, until in (("A", ca_a, dt.date(2026, 1, 1), dt.date(2026, 2, 28)),
                                     ("B", ca_b, dt.date(2026, 1, 1), dt.date(2026, 1, 31)),
                                     ("A", ca_a, dt.date(2026, 2, 1), dt.date(2026, 2, 28))):
        path = tmp_path / f"{office}-{since:%m}.json"
        write_export(store, path, user=population.supervisor, identity=ca.identity("s"),
                     office=office, since=since, until=until, k=2)
        files[(office, since.month)] = path
    central = CaseRepository.open(f"sqlite:///{tmp_path / 'central.db'}")
    try:
        boss = supervisor_account(central, "chief")
        for path in files.values():
            import_export(central, path, user=boss, trust=trust)
        assert [o["office"] for o in offices(central)] == ["A", "B"]
        by_office = {f.key: f for f in imported_figures(central, by=("office", "month"))}
        truth = {r.key[0]: r.examinations for r in store.query(
            TrendQuery(by=("month",), until=dt.date(2026, 2, 28))).rows}
        for office, month in (("A", "2026-01"), ("A", "2026-02"), ("B", "2026-01")):
            fig = by_office[(office, month)]
            assert fig.low["examinations"] <= truth[month] <= fig.high["examinations"]
        assert ("B", "2026-02") not in by_office
        only_b = imported_figures(central, by=("month",), office="B")
        assert [f.key for f in only_b] == [("2026-01",)]
        # the same office name signed under another CA is refused
        ca_c = _office_ca(tmp_path, "c")
        rogue = tmp_path / "rogue.json"
        write_export(store, rogue, user=population.supervisor, identity=ca_c.identity("x"),
                     office="A", k=2)
        with pytest.raises(InputError, match="another certificate authority"):
            import_export(central, rogue, user=boss,
                          trust=Trust(anchors=[ca_a.cert_der, ca_b.cert_der, ca_c.cert_der]))
    finally:
        central.close()


def test_only_a_supervisor_exports(population: Population, tmp_path: Path) -> None:
    repo = next(iter(population.repos.values()))
    ca = _office_ca(tmp_path, "a")
    with pytest.raises(InputError, match="only a supervisor"):
        write_export(TrendStore(repo), tmp_path / "x.json", user=population.examiner,
                     identity=ca.identity("anna"), office="A")
    assert not (tmp_path / "x.json").exists()
