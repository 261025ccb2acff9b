"""Reports in the examiner's language: the page in Mongolian or Russian (check messages
rendered from their templates, Cyrillic fonts embedded, names as the document prints
them), ``examination.json`` inside unchanged and English."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from tests.reports.conftest import Material, run_tool
from workstation.errors import FormatError
from workstation.examination import messages
from workstation.examination.results import VizField, VizReading
from workstation.reports.build import build_report
from workstation.reports.config import ReportConfig
from workstation.reports.data import ReportContext
from workstation.reports.review import embedded_examination
from workstation.reports.sign import sign_pdf
from workstation.types import CheckStatus

CYRILLIC = re.compile("[А-Яа-яЁёӨөҮү]")


def _with_templates(material: Material) -> object:
    """The synthetic examination with its UV failure said by a template, and the
    holder's surname printed in Cyrillic in the visual zone."""
    ex = material.examination
    checks = []
    for c in ex.checks:
        if c.code == "UV_DULL_PAPER":
            text = messages.message("UV_DULL_PAPER", zone=messages.zone_term("blank"),
                                    score=7.4)
            c = replace(c, message=text.english(), text=text)
        checks.append(c)
    viz = VizReading(fields={"surname": VizField("surname", "surname", "ЭРИКССОН", 0.9,
                                                 None)})  # type: ignore[arg-type]
    return replace(ex, checks=checks, viz=viz)


def _report(material: Material, tmp_path: Path, language: str) -> tuple[Path, str]:
    ex = _with_templates(material)
    config = replace(material.config, language=language)
    pdf = build_report(ex, ReportContext(  # type: ignore[arg-type]
        case_ref="C-2026-0042", findings=material.findings, specimen=material.specimen,
        config=config, report_id=f"R-LANG-{language}"))
    path = tmp_path / f"r-{language}.pdf"
    path.write_bytes(sign_pdf(pdf, material.examiner))
    text = run_tool("pdftotext", "-layout", path, "-")
    assert text.returncode == 0, text.stderr
    return path, text.stdout


@pytest.mark.parametrize(("language", "words"), [
    ("mn", ("Баримт бичгийн шинжилгээний тайлан", "Автомат шалгалтууд", "Шинжээчийн дүгнэлт",
            "ТЭНЦЭЭГҮЙ", "ХЯТ-д гэрэлтэж байна (жишгийн суурийн 7.4 дахин)", "Хуудас 1 /",
            "хэвлэсэн: ЭРИКССОН", "Бүрэн хуурамч".upper())),
    ("ru", ("Отчёт об исследовании документа", "Автоматические проверки",
            "Заключение эксперта", "НЕ ПРОЙДЕНА", "люминесцирует в УФ (7,4x основы образца)",
            "Страница 1 из", "напечатано: ЭРИКССОН", "ПОЛНАЯ ПОДДЕЛКА")),
])
def test_the_page_is_in_the_chosen_language(material: Material, tmp_path: Path,
                                             language: str, words: tuple[str, ...]) -> None:
    path, text = _report(material, tmp_path, language)
    flat = " ".join(text.split())
    for word in words:
        assert " ".join(word.split()) in flat, word
    assert "Automated checks" not in text and "Document examination report" not in text
    # codes, MRZ and data stay as they are
    assert "UV_DULL_PAPER" in text and "L898902C3" in text and "ERIKSSON" in text
    cyrillic_lines = [line for line in text.splitlines() if CYRILLIC.search(line)]
    assert len(cyrillic_lines) > 40
    # fonts embedded (PDF/A): pdffonts lists every font as embedded
    fonts = run_tool("pdffonts", path).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts), fonts
    # the signature still validates
    sig = run_tool("pdfsig", path).stdout
    assert "Signature is Valid" in sig


def test_examination_json_inside_stays_english(material: Material, tmp_path: Path) -> None:
    path_en, _ = _report(material, tmp_path, "en")
    path_mn, _ = _report(material, tmp_path, "mn")
    inside_en = embedded_examination(path_en.read_bytes())
    inside_mn = embedded_examination(path_mn.read_bytes())
    assert inside_en is not None and inside_mn is not None
    en_checks = inside_en["examination"]["checks"] if "examination" in inside_en else \
        inside_en["checks"]
    mn_checks = inside_mn["examination"]["checks"] if "examination" in inside_mn else \
        inside_mn["checks"]
    assert en_checks == mn_checks
    dump = json.dumps(inside_mn, ensure_ascii=False)
    assert "the specimen's substrate" in dump
    assert not CYRILLIC.search(dump.replace("ЭРИКССОН", ""))


def test_the_english_report_reads_as_before(material: Material, tmp_path: Path) -> None:
    _path, text = _report(material, tmp_path, "en")
    assert "Document examination report" in text and "Automated checks" in text
    assert "blank: glows under UV (7.4x the specimen's substrate)" in " ".join(text.split())
    assert not CYRILLIC.search(text.replace("ЭРИКССОН", ""))


def test_an_unknown_report_language_is_a_clear_error() -> None:
    with pytest.raises(FormatError, match="unknown report language 'xx'"):
        ReportConfig.from_json({"language": "xx"})
    assert ReportConfig.from_json({"language": "ru_RU.UTF-8"}).language == "ru"
    assert CheckStatus.FAIL  # (import used)
