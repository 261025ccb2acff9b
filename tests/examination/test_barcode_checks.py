"""The barcode checks on simulated identity cards (both faces captured): genuine, the
page altered and the barcode not, barcodes re-encoded by a forger, seals tampered with,
barcodes missing or damaged. Forgeries of the back are made by editing captures."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import cv2
import numpy as np
import pytest

from workstation.barcodes.document import read_face
from workstation.barcodes.render import paste_symbol
from workstation.examination.pipeline import examine
from workstation.specimens import issuer
from workstation.specimens.back import back_zones
from workstation.specimens.people import Person, mrz_lines_for
from workstation.types import CaptureSet, CheckStatus, Verdict

Sim = Callable[..., CaptureSet]
TODAY = dt.date(2026, 11, 28)
CARD = "UTO-ID-2021"


def _results(ex: Any, check_id: str) -> list[Any]:
    return [c for c in ex.checks if c.id == check_id]


def _codes(ex: Any, check_id: str) -> set[tuple[str, str]]:
    return {(c.status.value, c.code) for c in _results(ex, check_id)}


def _edit_back(capture: CaptureSet, edit: Callable[[Any, np.ndarray], np.ndarray]
               ) -> CaptureSet:
    """The capture with its back edited by ``edit(reading, image)`` for each barcode read
    on the back, under every light (the edit is physical: it shows in IR too)."""
    assert capture.back is not None
    face = read_face("back", capture.back, size_mm=(85.6, 54.0), zones=list(back_zones(CARD)))
    images = dict(capture.back.images)
    for light in images:
        for reading in face.readings:
            images[light] = edit(reading, images[light])
    back = CaptureSet(images=images, dpi=capture.back.dpi)
    return dataclasses.replace(capture, back=back)


def test_genuine_card_passes_every_barcode_check(simulate: Sim, shared_library: Any) -> None:
    ex = examine(simulate(CARD, seed=101), library=shared_library, today=TODAY)
    assert _codes(ex, "barcode.present") == {("pass", "BARCODE_PRESENT")}
    assert {c.zone for c in _results(ex, "barcode.present")} == {"back-pdf417", "back-seal"}
    assert _codes(ex, "barcode.data") == {("pass", "BARCODE_DATA_MATCH")}
    data = _results(ex, "barcode.data")
    assert {d.details["source"] for d in data} == {"aamva", "seal"}
    for d in data:  # compared with both the MRZ and the printed fields
        assert {c["against"] for c in d.details["comparisons"]} == {"mrz", "printed"}
    (seal,) = _results(ex, "barcode.seal")
    assert seal.status is CheckStatus.PASS and seal.code == "SEAL_VALID"
    assert seal.details["verification"]["trusted"] is True
    assert ex.verdict is Verdict.PASS
    js = ex.to_json()
    assert [b["face"] for b in js["barcodes"]] == ["front", "back"]
    assert len(js["barcodes"][1]["codes"]) == 2
    assert all(e.image.size for r in data for e in r.evidence)


def test_back_not_captured_is_a_warning(simulate: Sim, shared_library: Any) -> None:
    front_only = dataclasses.replace(simulate(CARD, seed=101), back=None)
    ex = examine(front_only, library=shared_library, today=TODAY)
    assert _codes(ex, "barcode.present") == {("warn", "BACK_NOT_CAPTURED")}
    assert ex.verdict is Verdict.INCONCLUSIVE


def test_passport_without_barcodes_adds_no_results(simulate: Sim,
                                                   shared_library: Any) -> None:
    ex = examine(simulate("UTO-P-2020", seed=101), library=shared_library, today=TODAY)
    assert [c for c in ex.checks if c.id.startswith("barcode.")] == []


@pytest.mark.parametrize("seed", [7, 23])
def test_printed_field_altered_barcode_not(seed: int, simulate: Sim,
                                          shared_library: Any) -> None:
    """The renderer's viz_data_altered: one printed field changed, MRZ and back untouched."""
    ex = examine(simulate(CARD, forgery="viz_data_altered", seed=seed), library=shared_library,
                 today=TODAY)
    assert ex.verdict is Verdict.FAIL
    data = _results(ex, "barcode.data")
    assert len(data) == 2 and all(d.code == "BARCODE_DATA_MISMATCH" for d in data)
    for d in data:
        bad = [c for c in d.details["comparisons"] if not c["agree"]]
        assert bad and all(c["against"] == "printed" for c in bad)


def test_front_of_another_card(simulate: Sim, shared_library: Any) -> None:
    """The page reprinted with another holder, consistently (VIZ and MRZ agree, check digits
    hold), the back left as issued: only the barcodes tell."""
    front, back = simulate(CARD, seed=31), simulate(CARD, seed=32)
    ex = examine(dataclasses.replace(front, back=back.back), library=shared_library,
                 today=TODAY)
    assert _codes(ex, "mrz.checksum") == {("pass", "CHECKSUM_VALID")}
    assert _codes(ex, "barcode.seal") == {("pass", "SEAL_VALID")}
    data = _results(ex, "barcode.data")
    assert {d.code for d in data} == {"BARCODE_DATA_MISMATCH"}
    for d in data:
        fields = {c["field"] for c in d.details["comparisons"] if not c["agree"]}
        assert {"document_number", "birth_date"} <= fields
    assert ex.verdict is Verdict.FAIL


def test_barcodes_reencoded_seal_resigned_by_a_forger(simulate: Sim,
                                                      shared_library: Any) -> None:
    """The forger reprints the back's barcodes for the page's holder: the PDF417 agrees
    (nothing protects it), the seal cannot be signed with Utopia's key."""
    front, other = simulate(CARD, seed=41), simulate(CARD, seed=42)
    holder = Person.from_json(front.metadata["simulation"]["person"])

    def reprint(reading: Any, img: np.ndarray) -> np.ndarray:
        if reading.kind == "aamva":
            return paste_symbol(img, reading.code.corners, issuer.aamva_payload(holder),
                                "PDF417")
        seal = issuer.seal_bytes(mrz_lines_for(holder, "TD1"), holder.issue_date,
                                 pki=issuer.forger_seal_pki())
        return paste_symbol(img, reading.code.corners, seal, "DataMatrix")

    forged = _edit_back(dataclasses.replace(front, back=other.back), reprint)
    ex = examine(forged, library=shared_library, today=TODAY)
    assert _codes(ex, "barcode.present") == {("pass", "BARCODE_PRESENT")}
    assert _codes(ex, "barcode.data") == {("pass", "BARCODE_DATA_MATCH")}
    assert _codes(ex, "barcode.seal") == {("fail", "SEAL_SIGNATURE_INVALID")}
    assert ex.verdict is Verdict.FAIL


def test_seal_with_a_flipped_signature_byte_fails(simulate: Sim, shared_library: Any) -> None:
    def flip(reading: Any, img: np.ndarray) -> np.ndarray:
        if reading.kind != "seal":
            return img
        data = bytearray(reading.code.raw)
        data[-3] ^= 0x10
        return paste_symbol(img, reading.code.corners, bytes(data), "DataMatrix")

    ex = examine(_edit_back(simulate(CARD, seed=51), flip), library=shared_library,
                 today=TODAY)
    assert _codes(ex, "barcode.seal") == {("fail", "SEAL_SIGNATURE_INVALID")}
    assert ex.verdict is Verdict.FAIL


def test_seal_of_an_unknown_signer_is_a_warning(simulate: Sim, shared_library: Any) -> None:
    from tests.barcodes.test_vds import ZzPki

    def foreign(reading: Any, img: np.ndarray) -> np.ndarray:
        if reading.kind != "seal":
            return img
        return paste_symbol(img, reading.code.corners, ZzPki().seal(), "DataMatrix")

    ex = examine(_edit_back(simulate(CARD, seed=52), foreign), library=shared_library,
                 today=TODAY)
    assert _codes(ex, "barcode.seal") == {("warn", "SEAL_SIGNER_UNKNOWN")}


@pytest.mark.slow
def test_barcode_missing_or_damaged(simulate: Sim, shared_library: Any) -> None:
    def erase(reading: Any, img: np.ndarray) -> np.ndarray:
        if reading.kind != "aamva":
            return img
        out = img.copy()
        quad = np.asarray(reading.code.corners, np.float32)
        centre = quad.mean(axis=0)
        quad = np.round(centre + (quad - centre) * 1.12).astype(np.int32)
        inside = np.zeros(img.shape[:2], np.uint8)
        cv2.fillConvexPoly(inside, quad, 255)
        ring = cv2.dilate(inside, np.ones((15, 15), np.uint8)) > inside
        paper = np.median(img[ring], axis=0)  # the card around the symbol
        cv2.fillConvexPoly(out, quad, np.atleast_1d(paper).tolist())
        return out

    ex = examine(_edit_back(simulate(CARD, seed=53), erase), library=shared_library,
                 today=TODAY)
    missing = [c for c in _results(ex, "barcode.present") if c.zone == "back-pdf417"]
    assert [(c.status.value, c.code) for c in missing] == [("fail", "BARCODE_MISSING")]

    def smear(reading: Any, img: np.ndarray) -> np.ndarray:
        if reading.kind != "aamva":
            return img
        x0, y0 = np.min(np.asarray(reading.code.corners), axis=0).astype(int)
        x1, y1 = np.max(np.asarray(reading.code.corners), axis=0).astype(int)
        out = img.copy()
        out[y0:y1, x0:x1] = cv2.GaussianBlur(img[y0:y1, x0:x1], (0, 0), 6.0)
        return out

    ex = examine(_edit_back(simulate(CARD, seed=53), smear), library=shared_library,
                 today=TODAY)
    damaged = [c for c in _results(ex, "barcode.present") if c.zone == "back-pdf417"]
    assert [(c.status.value, c.code) for c in damaged] == [("warn", "BARCODE_UNREADABLE")]
