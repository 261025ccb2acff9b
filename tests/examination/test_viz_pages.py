"""mrz.viz's judgement on synthetic data pages with Cyrillic and Latin fields:
genuine fields are never failed; fields a forger edited are."""

from __future__ import annotations

import random

import pytest

from workstation.examination.checks.mrz import judge_printed_field
from workstation.examination.ocr import read_fields, trim_to_text
from workstation.mrz import parse_mrz
from workstation.mrz.vizpage import (
    VizPage,
    alter_page,
    field_crop,
    photographed,
    random_person,
    viz_page,
)


def _status(page: VizPage, name: str) -> str:
    mrz = parse_mrz(page.mrz_lines)
    crop = trim_to_text(field_crop(page, name))
    (text, conf), = read_fields([crop])
    return judge_printed_field(name, text, conf, crop, mrz)[2].status


@pytest.mark.parametrize("state,seed", [("MNG", 3), ("RUS", 4), ("KAZ", 5)])
def test_genuine_page_fields_are_never_failed(state: str, seed: int) -> None:
    page = photographed(viz_page(random_person(random.Random(seed), state), seed=seed,
                                 names_above=seed % 2 == 1), seed=seed)
    statuses = {name: _status(page, name) for name in page.fields}
    assert "disagree" not in statuses.values(), statuses
    # most fields are read and agree (a few may be skipped as unreadable)
    assert sum(s == "agree" for s in statuses.values()) >= 5, statuses


@pytest.mark.parametrize("how", ["name_reprinted", "number_digit_pasted"])
def test_edited_fields_fail(how: str) -> None:
    page = viz_page(random_person(random.Random(8), "MNG"), seed=8)
    bad = photographed(alter_page(page, how, random.Random(2)), seed=8)
    (name,) = bad.altered
    assert _status(bad, name) == "disagree"
