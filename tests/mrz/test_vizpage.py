"""Synthetic data pages: printed fields in Cyrillic and Latin, every date form,
states as names; forgeries made by editing the picture."""

from __future__ import annotations

import random

import numpy as np
import pytest

from workstation.mrz import parse_mrz
from workstation.mrz.viz import compare_field
from workstation.mrz.vizpage import (
    ALTERATIONS,
    DATE_FORMS,
    alter_page,
    format_date,
    random_person,
    viz_page,
)


@pytest.mark.parametrize("form", DATE_FORMS)
def test_every_printed_field_agrees_with_the_mrz_as_printed(form: str) -> None:
    person = random_person(random.Random(DATE_FORMS.index(form)))
    page = viz_page(person, seed=DATE_FORMS.index(form), date_form=form)
    mrz = parse_mrz(page.mrz_lines)
    assert mrz.valid
    for name, (text, _rect) in page.fields.items():
        c = compare_field(name, text, mrz.fields[name])
        assert c.status == "agree", (name, text, mrz.fields[name], c.reason)


def test_names_are_printed_in_cyrillic_and_latin() -> None:
    page = viz_page(random_person(random.Random(1), "MNG"), seed=1, names_above=True)
    text = page.fields["surname"][0]
    cyr, lat = text.split("\n")
    assert any("\u0400" <= c <= "\u04ff" for c in cyr) and lat.isascii()


@pytest.mark.parametrize("how", ALTERATIONS)
def test_an_edited_field_disagrees_and_only_it_changed(how: str) -> None:
    rng = random.Random(5)
    page = viz_page(random_person(rng), seed=5)
    bad = alter_page(page, how, random.Random(7))
    assert len(bad.altered) == 1
    (name,) = bad.altered
    mrz = parse_mrz(page.mrz_lines)
    assert compare_field(name, bad.fields[name][0], mrz.fields[name]).status == "disagree"
    diff = np.any(bad.image != page.image, axis=2)
    ys, xs = np.nonzero(diff)
    x, y, w, h = page.fields[name][1]
    assert ys.size and x - 2 <= xs.min() and xs.max() < x + w + 2
    assert y - 2 <= ys.min() and ys.max() < y + h + 2
    assert page.mrz_lines == bad.mrz_lines


def test_date_forms_print_the_same_date() -> None:
    import datetime as dt

    d = dt.date(1974, 8, 12)
    assert format_date(d, "dd MON/MOIS yy") == "12 AUG/AOÛT 74"
    assert format_date(d, "yyyy оны mm сарын dd") == "1974 оны 08 сарын 12"
