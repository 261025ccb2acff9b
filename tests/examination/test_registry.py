"""The check registry and the code table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workstation.examination import thresholds
from workstation.examination.checks import all_checks
from workstation.examination.messages import CODE_TABLE
from workstation.examination.registry import REGISTRY, check
from workstation.types import Light

CHECKS_DIR = Path(thresholds.__file__).parent / "checks"


def test_every_family_registers_its_checks() -> None:
    ids = {c.id for c in all_checks()}
    assert {"uv.dull_paper", "uv.luminescent", "uv.false_luminescence", "uv.pattern_continuity",
            "ir.visible", "ir.invisible", "white.match", "white.portrait", "mrz.checksum",
            "mrz.viz", "mrz.issuing_state", "dates.validity", "specimen.match"} <= ids
    for spec in all_checks():
        assert spec.lights and all(isinstance(light, Light) for light in spec.lights)
        assert spec.title


def test_registering_an_id_twice_is_refused() -> None:
    all_checks()

    def other(ctx):  # type: ignore[no-untyped-def]
        return []

    with pytest.raises(ValueError, match="twice"):
        check("uv.dull_paper", title="again", lights=(Light.UV,))(other)
    assert REGISTRY["uv.dull_paper"].func is not other


def test_every_code_the_checks_emit_is_in_the_table() -> None:
    documented = set(CODE_TABLE)
    used: set[str] = set()
    for path in CHECKS_DIR.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'"([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+)"', text))
    pipeline = (CHECKS_DIR.parent / "pipeline.py").read_text(encoding="utf-8")
    used |= set(re.findall(r'"([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+)"', pipeline))
    assert used, "no codes found"
    assert used - documented == set()
