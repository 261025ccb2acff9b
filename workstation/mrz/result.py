"""The result of reading or parsing one machine-readable zone."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: MRZ formats this package reads (ICAO Doc 9303 parts 4-7).
FORMATS = ("TD1", "TD2", "TD3", "MRVA", "MRVB")


@dataclass
class MrzResult:
    """One MRZ: what was read, what it says, and how far to trust it.

    Attributes:
        found: an MRZ was found (in an image) or given (as text).
        format: ``TD1``, ``TD2``, ``TD3``, ``MRVA``, ``MRVB``, or ``None`` when the
            lines fit no known layout.
        lines: the characters read, fillers as ``<`` (after repair).
        valid: every check digit of the format verifies and every character is
            an MRZ character.
        fields: document_code, issuing_state, surname, given_names,
            document_number, nationality, birth_date (ISO when it is a date),
            sex, expiry_date (ISO), optional_data (and optional_data_2 for TD1).
        check_digits: check name -> verifies (document_number, birth_date,
            expiry_date, optional_data for TD3, composite for TD1/TD2/TD3).
        confidences: per line, per character, the recogniser's confidence in
            0..1 (1.0 for text that was given, not read).
        corrections: each repair made: ``line``, ``position``, ``from``, ``to``,
            ``field``, ``reason``.
        warnings: each deviation noticed: ``name`` (stable identifier) and
            ``message`` (plain language).
        region: the MRZ's four corners ``(x, y)`` in image pixels (top-left,
            top-right, bottom-right, bottom-left as read), or ``None``.
        light: for a capture, the light whose image the MRZ was read from
            (``ir``, ``white``, ``uv``); ``None`` for a single image.
        lines_read: the recogniser's first choice for every character, before
            any repair (empty for given text).
    """

    found: bool
    format: str | None = None
    lines: list[str] = field(default_factory=list)
    valid: bool = False
    fields: dict[str, str] = field(default_factory=dict)
    check_digits: dict[str, bool] = field(default_factory=dict)
    confidences: list[list[float]] = field(default_factory=list)
    corrections: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)
    region: list[tuple[float, float]] | None = None
    light: str | None = None
    lines_read: list[str] = field(default_factory=list)

    def warning_names(self) -> list[str]:
        """The ``name`` of every warning, in order."""
        return [w["name"] for w in self.warnings]

    def to_json(self, file: str | None = None) -> dict[str, Any]:
        """The formats.md §4 element (with ``file`` first when given), plus
        ``corrections``, ``warnings``, ``region`` and, when known, ``lines_read``
        and ``light``."""
        out: dict[str, Any] = {}
        if file is not None:
            out["file"] = file
        out.update({
            "found": self.found,
            "format": self.format,
            "lines": list(self.lines),
            "valid": self.valid,
            "fields": dict(self.fields),
            "check_digits": dict(self.check_digits),
            "corrections": [dict(c) for c in self.corrections],
            "warnings": [dict(w) for w in self.warnings],
            "region": ([[round(float(x), 1), round(float(y), 1)] for x, y in self.region]
                       if self.region is not None else None),
        })
        if self.lines_read:
            out["lines_read"] = list(self.lines_read)
        if self.light is not None:
            out["light"] = self.light
        return out


def not_found(**extra: Any) -> MrzResult:
    """The result for an image with no MRZ."""
    return MrzResult(found=False, **extra)
