"""Every message an examination says is a template: its English is the JSON's message,
and it renders in Mongolian and Russian with nothing left unfilled."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest

from workstation.examination.pipeline import examine
from workstation.i18n import catalogue, render
from workstation.types import CaptureSet

TODAY = dt.date(2026, 11, 28)
CYRILLIC = re.compile("[А-Яа-яЁёӨөҮү]")


@pytest.mark.parametrize(("document", "forgery"), [
    ("UTO-P-2020", "office_paper"), ("UTO-P-2020", "portrait_substituted"),
    ("UTO-P-2020", "mrz_char_altered"), ("UTO-ID-2021", "viz_data_altered"),
])
def test_every_result_renders_in_every_language(
        simulate: Callable[..., CaptureSet], shared_library, document: str,  # type: ignore[no-untyped-def]
        forgery: str) -> None:
    ex = examine(simulate(document, forgery=forgery, seed=7), library=shared_library,
                 today=TODAY)
    assert ex.checks
    for c in ex.checks:
        assert c.text is not None, (c.id, c.code, c.message)  # every message a template
        assert render(c.text, None) == c.message
        assert c.to_json()["message"] == c.message if hasattr(c, "to_json") else True
        for language in ("mn", "ru"):
            text = render(c.text, catalogue(language))
            assert "{" not in text and "%n" not in text, (language, c.code, text)
            assert CYRILLIC.search(text), (language, c.code, text)
    as_json = ex.to_json()
    assert [c["message"] for c in as_json["checks"]] == [c.message for c in ex.checks]
    assert "text" not in as_json["checks"][0]


def test_the_bundled_specimens_speak_every_language(bundled_root) -> None:  # type: ignore[no-untyped-def]
    """The zone labels and titles of the bundled specimens have their translations
    (a label added to the renderer needs one in the catalogues too)."""
    from workstation.specimens.package import load_specimen

    packages = sorted(p for p in bundled_root.iterdir() if p.is_dir() or p.suffix == ".zip")
    assert packages
    for language in ("mn", "ru"):
        tr = catalogue(language)
        for path in packages:
            spec = load_specimen(path)
            assert tr.translate("specimens", spec.title), spec.title
            for z in spec.zones:
                assert tr.translate("zones", z.label or z.id), (spec.id, z.label or z.id)
