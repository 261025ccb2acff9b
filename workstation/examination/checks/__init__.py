"""The checks, one module per family; each registers itself in the check registry.

Importing this package imports every family (adding a family is adding its module
here); :func:`all_checks` lists what they registered.
"""

from __future__ import annotations

from workstation.examination.checks import (
    barcode,
    capture,
    chip,
    coaxial,
    dates,
    fibres,
    ghost,
    ir,
    microprint,
    mrz,
    pattern,
    relief,
    transmitted,
    uv,
    uv254,
)
from workstation.examination.registry import REGISTRY, CheckSpec

#: The check families, in the order their checks run.
FAMILIES = (capture, uv, ir, pattern, mrz, dates, chip, barcode, uv254, fibres, relief,
            transmitted, coaxial, ghost, microprint)


def all_checks() -> list[CheckSpec]:
    """Every registered check: family by family in the order of :data:`FAMILIES`, each
    family's checks in the order they registered (checks registered elsewhere last)."""
    rank = {family.__name__: i for i, family in enumerate(FAMILIES)}
    specs = list(REGISTRY.values())
    return sorted(specs, key=lambda s: rank.get(s.func.__module__, len(rank)))


__all__ = ["FAMILIES", "all_checks"]
