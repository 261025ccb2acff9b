"""Reading the simulated chip through the reader code: PACE and BAC, the fall-backs,
refused reads, wrong keys, cancel, and Chip/Active Authentication against clones."""

from __future__ import annotations

import dataclasses

import pytest

from workstation.chip.apdu import ChipCancelled, ChipError
from workstation.chip.applet import SimulatedChip
from workstation.chip.keys import CanKey, MrzKey
from workstation.chip.personalise import ChipImage
from workstation.chip.read import read_chip
from workstation.errors import InputError
from workstation.pki.ec import curve


def test_pace_reads_every_file_and_proves_the_chip(genuine_image: ChipImage) -> None:
    chip = SimulatedChip(genuine_image)
    steps: list[float] = []
    r = read_chip(chip, genuine_image.mrz_key, reset=chip.reset,
                  progress=lambda f, m: steps.append(f))
    assert r.access == "PACE" and "ECDH-GM-AES128" in r.access_protocol
    for name in ("EF.COM", "EF.SOD", "DG1", "DG2", "DG14", "DG15"):
        assert r.files[name] == genuine_image.files[name]
    assert r.chip_auth.passed is True and r.active_auth.passed is True
    assert steps[0] == 0.0 and steps[-1] == 1.0 and steps == sorted(steps)


def test_bac_when_asked_and_when_the_chip_has_no_pace(genuine_image: ChipImage) -> None:
    r = read_chip(SimulatedChip(genuine_image), genuine_image.mrz_key, prefer_pace=False)
    assert r.access == "BAC" and "not tried" in r.pace_fallback
    no_pace = dataclasses.replace(genuine_image, files={
        k: v for k, v in genuine_image.files.items() if k != "EF.CardAccess"})
    r = read_chip(SimulatedChip(no_pace), no_pace.mrz_key)
    assert r.access == "BAC" and r.pace_fallback == ""


class _PaceBroken(SimulatedChip):
    """A chip whose PACE answers garbage: the reader must fall back to BAC and say so."""

    def transmit(self, apdu: bytes) -> bytes:
        if apdu[1] == 0x86 and apdu[0] & 0x0C == 0:
            return bytes.fromhex("6F00")
        return super().transmit(apdu)


def test_a_failing_pace_falls_back_to_bac_and_is_reported(genuine_image: ChipImage) -> None:
    chip = _PaceBroken(genuine_image)
    r = read_chip(chip, genuine_image.mrz_key, reset=chip.reset)
    assert r.access == "BAC"
    assert r.pace_fallback.startswith("PACE failed") and "fell back to BAC" in r.pace_fallback


def test_refused_read_lengths_fall_back_to_shorter_reads(genuine_image: ChipImage) -> None:
    r = read_chip(SimulatedChip(genuine_image, max_read=0x40), genuine_image.mrz_key)
    assert r.files["DG2"] == genuine_image.files["DG2"]
    assert any("reading 64 at a time" in n for n in r.notes)


def test_the_card_access_number_opens_pace(genuine_image: ChipImage) -> None:
    r = read_chip(SimulatedChip(genuine_image), genuine_image.can_key)
    assert r.access == "PACE"
    with pytest.raises(ChipError, match="refused the password"):
        read_chip(SimulatedChip(genuine_image), CanKey("000001"))


def test_a_wrong_mrz_is_refused_by_pace_and_bac(genuine_image: ChipImage) -> None:
    wrong = dataclasses.replace(genuine_image.mrz_key, birth_date="010101")
    chip = SimulatedChip(genuine_image)
    with pytest.raises(ChipError, match="BAC failed.*PACE failed"):
        read_chip(chip, wrong, reset=chip.reset)


def test_cancel_stops_the_read(genuine_image: ChipImage) -> None:
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 12

    with pytest.raises(ChipCancelled):
        read_chip(SimulatedChip(genuine_image), genuine_image.mrz_key, cancel=cancel)


def test_a_clone_without_the_chip_keys_fails_ca_and_aa(genuine_image: ChipImage) -> None:
    c = curve("brainpoolP256r1")
    clone = dataclasses.replace(genuine_image, ca_private=(genuine_image.ca_private or 1) % (
        c.n - 1) + 1, aa_private=(genuine_image.aa_private or 1) + 1)
    r = read_chip(SimulatedChip(clone), clone.mrz_key)
    assert r.chip_auth.offered and r.chip_auth.passed is False
    assert "does not hold the DG14 key" in r.chip_auth.detail
    clone_aa = dataclasses.replace(genuine_image, aa_private=(genuine_image.aa_private or 1) + 1)
    r = read_chip(SimulatedChip(clone_aa), clone_aa.mrz_key)
    assert r.chip_auth.passed is True and r.active_auth.passed is False


def test_td1_long_document_numbers_continue_in_the_optional_data() -> None:
    lines = ["I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2",
             "STEVENSON<<PETER<JOHN<<<<<<<<<"]
    key = MrzKey.from_mrz_lines(lines)
    assert key.document_number == "D23145890734"
    assert key.mrz_information == "D23145890734934071279507122"
    with pytest.raises(InputError, match="check digit"):
        MrzKey.from_mrz_lines([lines[0].replace("7349", "7348"), *lines[1:]])


def test_curves_agree_with_cryptography() -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    for name in ("secp256r1", "brainpoolP256r1", "brainpoolP384r1", "brainpoolP512r1",
                 "secp521r1"):
        c = curve(name)
        k = 0x1D2C3B4A5968778695A4B3C2D1E0F
        mine = c.mul(k, c.g)
        theirs = ec.derive_private_key(k, c.crypto_curve()).public_key().public_numbers()
        assert mine == (theirs.x, theirs.y), name
        assert c.mul(c.n, c.g) is None
    assert curve("secp256r1").p == 2**256 - 2**224 + 2**192 + 2**96 - 1
