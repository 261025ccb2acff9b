"""The offline field OCR: small crops, lone characters, thin first letters."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from workstation.examination.ocr import read_text, trim_to_text
from workstation.paths import resource


def _field(text: str, *, height_px: int = 40, margin_px: int = 6) -> np.ndarray:
    font_path = resource("fonts", "DejaVuSans.ttf")
    if not font_path.is_file():
        pytest.skip("DejaVuSans.ttf not shipped")
    font = ImageFont.truetype(str(font_path), size=round(height_px * 0.7))
    w = round(font.getlength(text)) + 2 * margin_px
    img = Image.new("RGB", (w, height_px), (236, 231, 220))
    ImageDraw.Draw(img).text((margin_px, height_px // 2), text, font=font, fill=(25, 25, 30),
                             anchor="lm")
    return np.asarray(img, dtype=np.uint8).copy()


def test_reads_printed_fields() -> None:
    texts = ["ERIKSSON", "IW1899332", "12 AUG 1974", "F", "M", "UTOPIAN / UTO"]
    crops = [trim_to_text(_field(t)) for t in texts]
    got = read_text(crops)
    assert [g[0].replace(" ", "") for g in got] == [t.replace(" ", "") for t in texts]
    assert all(conf > 0.6 for _, conf in got)


def test_trim_to_text() -> None:
    crop = np.full((60, 300, 3), 230, np.uint8)
    crop[20:40, 100:180] = 20
    trimmed = trim_to_text(crop, pad_px=3)
    assert trimmed.shape == (26, 86, 3)
    blank = np.full((20, 30), 200, np.uint8)
    assert trim_to_text(blank) is blank
    with pytest.raises(ValueError):
        trim_to_text(np.zeros((4, 4), np.float32))  # type: ignore[arg-type]


def test_empty_and_bad_input() -> None:
    assert read_text([]) == []
    text, conf = read_text([np.full((2, 2, 3), 255, np.uint8)])[0]
    assert isinstance(text, str) and 0.0 <= conf <= 1.0
    with pytest.raises(ValueError):
        read_text([np.zeros((10, 10), np.int32)])  # type: ignore[list-item]


def test_second_opinion_at_native_height() -> None:
    crop = trim_to_text(_field("PR1918071"))
    first = read_text([crop])
    second = read_text([crop], height_px=48)
    assert first[0][0] == second[0][0] == "PR1918071"


@pytest.mark.parametrize("height_px", [32, 48])
def test_same_reading_as_rapidocr_on_onnx_runtime(height_px: int) -> None:
    """The network on OpenCV DNN reads what RapidOCR's own recogniser reads."""
    rapidocr = pytest.importorskip("rapidocr_onnxruntime")
    engine = rapidocr.RapidOCR(use_det=False, use_cls=False, print_verbose=False)
    rec = engine.text_rec
    rec.rec_image_shape = [3, height_px, 320]
    rec.rec_batch_num = 1
    from workstation.examination.ocr import _engine

    texts = ["KARLSSON", "PU6080718", "01 JAN 1975", "MINISTRY OF INTERIOR", "X"]
    lines = [np.ascontiguousarray(_field(t, height_px=height_px)[:, :, ::-1]) for t in texts]
    ours = _engine()(list(lines), height_px=height_px)
    theirs, _ = rec(lines)
    for (text, score), (their_text, their_score) in zip(ours, theirs, strict=True):
        assert text == their_text
        assert score == pytest.approx(their_score, abs=1e-3)


def test_onnx_metadata_reader() -> None:
    from workstation.examination.ocr import onnx_metadata

    # ModelProto: ir_version (1) = 7, metadata_props (14) = {"character": "a\nb"}
    entry = b"\x0a\x09character" + b"\x12\x03a\nb"
    data = b"\x08\x07" + b"\x72" + bytes([len(entry)]) + entry
    assert onnx_metadata(data) == {"character": "a\nb"}


def test_split_lines_two_scripts_above_each_other() -> None:
    from workstation.examination.ocr import split_lines

    top = _field("ИВАНОВ")
    bottom = _field("IVANOV")
    w = max(top.shape[1], bottom.shape[1])
    pad = lambda a: np.pad(a, ((0, 0), (0, w - a.shape[1]), (0, 0)), mode="edge")  # noqa: E731
    both = np.concatenate([pad(top), pad(bottom)])
    lines = split_lines(trim_to_text(both))
    assert len(lines) == 2
    assert len(split_lines(trim_to_text(top))) == 1


@pytest.mark.parametrize("text", ["ТӨМӨРБААТАР", "ӨЛЗИЙБАЯР", "ЩЕРБАКОВА", "ҚАЗАҚСТАН",
                                  "ЖАРГАЛ", "ЮРИЙ", "МОНГОЛ/MONGOLIAN"])
def test_cyrillic_fields_are_read(text: str) -> None:
    from workstation.examination.ocr import read_fields
    from workstation.mrz.viz import fold

    (got, conf), = read_fields([_field(text)])
    assert fold(got) == fold(text), got
    assert conf > 0.6


def test_bilingual_field_on_two_lines_is_read_as_two_lines() -> None:
    from workstation.examination.ocr import read_fields
    from workstation.mrz.viz import compare_field

    top, bottom = _field("ГАНБААТАР"), _field("GANBAATAR")
    w = max(top.shape[1], bottom.shape[1])
    pad = lambda a: np.pad(a, ((0, 0), (0, w - a.shape[1]), (0, 0)), mode="edge")  # noqa: E731
    (got, _conf), = read_fields([np.concatenate([pad(top), pad(bottom)])])
    assert got.count("\n") == 1
    assert compare_field("surname", got, "GANBAATAR").agrees
    assert compare_field("surname", got, "GANBOLD").status == "disagree"


def test_one_script_per_word() -> None:
    from workstation.examination.cyrillic import one_script

    # Cyrillic look-alikes in a Cyrillic word become Cyrillic, and back
    assert one_script("ИBAHOB") == "ИВАНОВ"
    assert one_script("МОNGOLIA") == "MONGOLIA"
    assert one_script("TOMAC") == "TOMAC"  # shared glyphs only: as read


def test_reading_chosen_per_script() -> None:
    from workstation.examination.ocr import choose_reading

    # Cyrillic text: RapidOCR's look-alikes lose to the Cyrillic reading
    assert choose_reading(("MeHx3yn", 0.93), ("МӨНХЗУЛ", 0.9)) == ("МӨНХЗУЛ", 0.9)
    # Latin text: the Cyrillic recogniser's look-alikes (Ғ for F, Ү for Y) lose
    assert choose_reading(("F", 0.97), ("Ғ", 0.95))[0] == "F"
    assert choose_reading(("25 MAY/MAY 24", 0.92), ("25 МАҮ / МАҮ 24", 0.93))[0] == \
        "25 MAY/MAY 24"
    # a number read as Cyrillic letters is no Cyrillic word
    assert choose_reading(("139455638", 0.99), ("1Э 045 6Э8", 0.9))[0] == "139455638"
    # a bilingual line is put together part by part
    got, _conf = choose_reading(("TAHБAATAP / GANBAATAR", 0.9),
                                ("ГАНБААТАР / GАNВААТАR", 0.88))
    assert got == "ГАНБААТАР / GANBAATAR"
