"""Specimen packages (formats.md §3): folder and zip round trip, every malformed case."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from workstation.errors import FormatError
from workstation.imageio import encode_image
from workstation.specimens.package import load_specimen, save_specimen
from workstation.types import Expect, Light

DPI = 100
W_MM, H_MM = 85.6, 53.98
H_PX, W_PX = round(H_MM * DPI / 25.4), round(W_MM * DPI / 25.4)


def _meta(**over: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "format": "workstation.specimen/1", "id": "TST-ID-2024", "title": "Test card",
        "issuing_state": "TST", "document_code": "I", "mrz_format": "TD1", "series": "2024",
        "valid_from": "2024-01-01", "valid_until": None, "size_mm": [W_MM, H_MM], "dpi": DPI,
        "images": {"white": "white.png", "uv": "uv.png", "ir": "ir.png"},
        "zones": [
            {"id": "mrz", "role": "mrz", "rect_mm": [2, 35, 81, 17],
             "checks": [{"light": "ir", "expect": "visible"}]},
            {"id": "blank", "role": "blank", "rect_mm": [60, 5, 20, 10],
             "checks": [{"light": "uv", "expect": "dull"}]},
        ],
    }
    meta.update(over)
    return meta


def _images(h: int = H_PX, w: int = W_PX) -> dict[str, bytes]:
    rng = np.random.default_rng(0)
    return {
        "white.png": encode_image(rng.integers(0, 255, (h, w, 3), dtype=np.uint8)),
        "uv.png": encode_image(rng.integers(0, 255, (h, w, 3), dtype=np.uint8)),
        "ir.png": encode_image(rng.integers(0, 255, (h, w), dtype=np.uint8)),
    }


def _folder(root: Path, meta: dict[str, Any], images: dict[str, bytes] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "specimen.json").write_text(json.dumps(meta))
    for name, data in (images if images is not None else _images()).items():
        (root / name).write_bytes(data)
    return root


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_folder_load_and_lazy_images(tmp_path: Path) -> None:
    spec = load_specimen(_folder(tmp_path / "p", _meta()), verify_images=True)
    assert spec.id == "TST-ID-2024" and spec.issuing_state == "TST"
    assert spec.image_lights == (Light.WHITE, Light.UV, Light.IR)
    assert spec.zone("mrz").checks[0].expect is Expect.VISIBLE
    assert spec.image(Light.IR).shape == (H_PX, W_PX)
    assert spec.size_px == (H_PX, W_PX)


def test_round_trip_folder_and_zip(tmp_path: Path) -> None:
    spec = load_specimen(_folder(tmp_path / "p", _meta()))
    for target in (tmp_path / "out", tmp_path / "out.zip"):
        save_specimen(spec, target)
        back = load_specimen(target, verify_images=True)
        assert back.zones == spec.zones
        assert (back.id, back.size_mm, back.dpi, back.valid_from) == (
            spec.id, spec.size_mm, spec.dpi, spec.valid_from)
        for light in spec.image_lights:
            np.testing.assert_array_equal(back.image(light), spec.image(light))


def test_zip_with_a_top_folder_is_accepted(tmp_path: Path) -> None:
    members = {f"pkg/{k}": v for k, v in _images().items()}
    members["pkg/specimen.json"] = json.dumps(_meta()).encode()
    spec = load_specimen(_zip(tmp_path / "p.zip", members), verify_images=True)
    assert spec.id == "TST-ID-2024"


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"format": "x"}, "'format'"),
        ({"id": ""}, "'id'"),
        ({"mrz_format": "TD9"}, "'mrz_format'"),
        ({"size_mm": [10]}, "'size_mm'"),
        ({"dpi": 0}, "'dpi'"),
        ({"valid_from": "01/01/2020"}, "'valid_from'"),
        ({"images": {"uv": "uv.png"}}, "'white'"),
        ({"images": {"white": "white.png", "xray": "x.png"}}, "unknown light 'xray'"),
        ({"zones": [{"id": "z", "rect_mm": [80, 50, 20, 20]}]}, "outside the document"),
        ({"zones": [{"id": "z", "rect_mm": [1, 1, 2, 2],
                     "checks": [{"light": "uv", "expect": "shiny"}]}]}, "unknown expect"),
        ({"zones": [{"id": "z", "rect_mm": [1, 1, 2, 2]}, {"id": "z", "rect_mm": [1, 1, 2, 2]}]},
         "repeated"),
        ({"images": {"white": "white.png"},
          "zones": [{"id": "z", "rect_mm": [1, 1, 2, 2],
                     "checks": [{"light": "uv", "expect": "dull"}]}]}, "has no uv image"),
        ({"images": {"white": "../white.png"}}, "outside the package"),
    ],
)
def test_malformed_json(tmp_path: Path, over: dict[str, Any], message: str) -> None:
    with pytest.raises(FormatError, match=message):
        load_specimen(_folder(tmp_path / "p", _meta(**over)))


def test_missing_image_and_size_mismatch(tmp_path: Path) -> None:
    images = _images()
    del images["uv.png"]
    spec = load_specimen(_folder(tmp_path / "a", _meta(), images))
    with pytest.raises(FormatError, match="uv.png: file not found"):
        spec.image(Light.UV)
    small = {k: v for k, v in _images(50, 80).items()}
    with pytest.raises(FormatError, match="means"):
        load_specimen(_folder(tmp_path / "b", _meta(), small), verify_images=True)
    mixed = _images()
    mixed["ir.png"] = _images(H_PX + 9, W_PX)["ir.png"]
    with pytest.raises(FormatError, match="different sizes"):
        load_specimen(_folder(tmp_path / "c", _meta(), mixed), verify_images=True)


def test_truncated_zip_and_traversal(tmp_path: Path) -> None:
    members = dict(_images())
    members["specimen.json"] = json.dumps(_meta()).encode()
    good = _zip(tmp_path / "good.zip", members)
    data = good.read_bytes()
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(FormatError, match="truncated.zip"):
        load_specimen(truncated, verify_images=True)
    evil = _zip(tmp_path / "evil.zip", {**members, "../../etc/evil.png": b"x"})
    with pytest.raises(FormatError, match="outside the package"):
        load_specimen(evil)
    with pytest.raises(FormatError, match="no specimen.json"):
        load_specimen(_zip(tmp_path / "empty.zip", {"readme.txt": b"hi"}))
    with pytest.raises(FormatError, match="no such specimen package"):
        load_specimen(tmp_path / "absent")


def test_save_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = load_specimen(_folder(tmp_path / "p", _meta()))
    import workstation.specimens.package as pkg

    def boom(*_a: object, **_k: object) -> dict[object, bytes]:
        raise OSError("disk full")

    monkeypatch.setattr(pkg, "encode_images", boom)
    with pytest.raises(OSError):
        save_specimen(spec, tmp_path / "out")
    with pytest.raises(OSError):
        save_specimen(spec, tmp_path / "out.zip")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]


def test_feature_expectations_round_trip(tmp_path: Path) -> None:
    """issue 22: ``relief``, ``ghost_of:portrait``, ``perforation:document_number``...
    load, save and load again; a light the package has no image of is refused."""
    rng = np.random.default_rng(1)
    images = {**_images(), "oblique.png": encode_image(
        rng.integers(0, 255, (H_PX, W_PX, 3), dtype=np.uint8))}
    meta = _meta(images={"white": "white.png", "uv": "uv.png", "ir": "ir.png",
                         "oblique": "oblique.png"})
    meta["zones"] += [
        {"id": "portrait", "role": "portrait", "rect_mm": [2, 5, 20, 25], "varies": "holder"},
        {"id": "ghost", "rect_mm": [60, 20, 10, 12], "varies": "holder",
         "checks": [{"light": "uv", "expect": "ghost_of:portrait"}]},
        {"id": "seal", "rect_mm": [30, 20, 10, 10],
         "checks": [{"light": "oblique", "expect": "relief"},
                    {"light": "uv", "expect": "fibres"}]},
    ]
    spec = load_specimen(_folder(tmp_path / "p", meta, images), verify_images=True)
    ghost = spec.zone("ghost").checks[0]
    assert (ghost.expect, ghost.of, ghost.target) == (Expect.GHOST_OF, "portrait", "portrait")
    assert [c.expect for c in spec.zone("seal").checks] == [Expect.RELIEF, Expect.FIBRES]
    save_specimen(spec, tmp_path / "out")
    saved = json.loads((tmp_path / "out" / "specimen.json").read_text())
    assert {"light": "uv", "expect": "ghost_of:portrait"} in [
        c for z in saved["zones"] for c in z.get("checks", [])]
    assert load_specimen(tmp_path / "out").zones == spec.zones
    bad = _meta()
    bad["zones"][0]["checks"] = [{"light": "transmitted", "expect": "transmitted"}]
    with pytest.raises(FormatError, match="no transmitted image"):
        load_specimen(_folder(tmp_path / "q", bad))
    bad["zones"][0]["checks"] = [{"light": "ir", "expect": "ghost_of"}]
    with pytest.raises(FormatError, match="needs what it repeats"):
        load_specimen(_folder(tmp_path / "r", bad))
