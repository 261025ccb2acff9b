"""The real PC/SC stack: a private pcscd with a vpcd virtual reader, the simulated chip
answering on its socket, pyscard and the PC/SC driver reading it; and one contract that
both card-reader drivers keep."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from workstation.chip.applet import SimulatedChip
from workstation.chip.personalise import ChipImage, chip_for_document
from workstation.chip.read import read_chip
from workstation.errors import DeviceError
from workstation.hardware.cardreader import (
    BaseCardReader,
    CardConnection,
    CardReader,
    SimulatedCardReader,
)


@pytest.fixture
def virtual_card(private_pcscd: Any, genuine_image: ChipImage) -> Iterator[SimulatedChip]:
    from workstation.hardware.vpcd import VirtualCard

    chip = SimulatedChip(genuine_image)
    card = VirtualCard(chip, port=private_pcscd.port)
    card.insert()
    try:
        yield chip
    finally:
        card.remove()


def _wait_present(reader: BaseCardReader, present: bool = True) -> None:
    deadline = time.monotonic() + 30  # pcscd polls the reader; the machine may be loaded
    while reader.card_present() != present:
        assert time.monotonic() < deadline, "pcscd never saw the virtual card"
        time.sleep(0.25)  # pcscd polls a serial reader every 400 ms


def _insert(card: Any, reader: BaseCardReader) -> Any:
    """Connect the virtual card and wait until pcscd reports it. Under heavy load vpcd
    was seen (rarely) never to take up a fresh connection: reconnect, up to 3 times."""
    for _ in range(3):
        card.insert()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if reader.card_present():
                return card
            time.sleep(0.25)
        card.remove()
    raise AssertionError("pcscd never saw the virtual card (3 connections)")


@pytest.fixture(params=["simulated", "pcsc"])
def reader(request: pytest.FixtureRequest, genuine_image: ChipImage) -> Iterator[BaseCardReader]:
    if request.param == "simulated":
        r: BaseCardReader = SimulatedCardReader(document=None)
        r.insert(SimulatedChip(genuine_image))
        yield r
        r.close()
        return
    pcscd = request.getfixturevalue("private_pcscd")
    request.getfixturevalue("virtual_card")
    from workstation.hardware.pcsc import PcscCardReader

    r = PcscCardReader(pcscd.reader_name)
    _wait_present(r)
    yield r
    r.close()


def test_contract_connect_read_close(reader: BaseCardReader, genuine_image: ChipImage) -> None:
    assert isinstance(reader, CardReader) and reader.name
    conn = reader.connect()
    assert isinstance(conn, CardConnection) and conn.atr
    r = read_chip(conn, genuine_image.mrz_key, reset=conn.reset)
    assert r.access == "PACE" and r.files["DG2"] == genuine_image.files["DG2"]
    conn.reset()
    r = read_chip(conn, genuine_image.mrz_key, prefer_pace=False)
    assert r.access == "BAC" and r.chip_auth.passed and r.active_auth.passed
    conn.close()
    with pytest.raises(DeviceError, match="closed"):
        conn.transmit(bytes.fromhex("00A4040C07A0000002471001"))
    reader.close()
    with pytest.raises(DeviceError, match="closed"):
        reader.connect()


@pytest.mark.slow
def test_pcsc_reader_sees_the_card_come_and_go(private_pcscd: Any,
                                               genuine_image: ChipImage) -> None:
    from workstation.hardware.pcsc import PcscCardReader, pcsc_readers
    from workstation.hardware.vpcd import VirtualCard

    names = [n for n, _ in pcsc_readers()]
    assert private_pcscd.reader_name in names
    r = PcscCardReader("virtual reader 00 00")  # a part of the name is enough
    assert not r.card_present()
    with pytest.raises(DeviceError, match="no chip"):
        r.connect()
    card = _insert(VirtualCard(SimulatedChip(genuine_image), port=private_pcscd.port), r)
    try:
        conn = r.connect()
        assert conn.transmit(bytes.fromhex("00A4040C07A0000002471001")) == b"\x90\x00"
        conn.close()
    finally:
        card.remove()
    _wait_present(r, False)
    r.close()
    with pytest.raises(DeviceError, match="no such card reader"):
        PcscCardReader("no reader by this name")


def test_long_run_over_pcsc(reader: BaseCardReader, genuine_image: ChipImage) -> None:
    """Twenty reads in a row on one connection: no leak, no drift in the counters."""
    conn = reader.connect()
    for i in range(20):
        r = read_chip(conn, genuine_image.mrz_key, reset=conn.reset, prefer_pace=i % 2 == 0)
        assert r.files["EF.SOD"] == genuine_image.files["EF.SOD"]
        conn.reset()
    conn.close()


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run([sys.executable, "-m", "workstation", *args], capture_output=True,
                          text=True, timeout=300, env={**os.environ, **(env or {})}, check=False)


def test_chip_read_command_over_the_virtual_reader(private_pcscd: Any, tmp_path: Path) -> None:
    """`workstation chip read` against pcscd: PACE and BAC, files written, PA passes against
    the test CSCA."""
    from workstation.hardware.vpcd import VirtualCard
    from workstation.specimens.people import make_person, mrz_lines_for

    image = chip_for_document("UTO-ID-2021", seed=21)
    person = make_person(21, doc_code="I")
    lines = mrz_lines_for(person, "TD1")
    with VirtualCard(SimulatedChip(image), port=private_pcscd.port):
        for flag, access in (([], "PACE"), (["--bac"], "BAC")):
            out = tmp_path / access
            proc = _cli("chip", "read", "--reader", private_pcscd.reader_name, "--mrz",
                        *lines, "--out", str(out), "--json", *flag)
            assert proc.returncode == 0, proc.stderr
            result = json.loads(proc.stdout)
            assert result["access"] == access
            pa = result["passive_authentication"]
            assert pa["hashes_valid"] and pa["signature_valid"] and pa["chain_valid"] is True
            assert {c["id"]: c["status"] for c in result["checks"]} == {
                "chip.passive_authentication": "pass", "chip.chip_authentication": "pass",
                "chip.active_authentication": "pass", "chip.mrz": "pass"}
            assert (out / "DG2.bin").read_bytes() == image.files["DG2"]
            assert json.loads((out / "chip.json").read_text())["access"] == access
    wrong = _cli("chip", "read", "--reader", private_pcscd.reader_name, "--mrz", *lines,
                 "--out", str(tmp_path / "none"))
    assert wrong.returncode == 1 and "no chip" in wrong.stderr
