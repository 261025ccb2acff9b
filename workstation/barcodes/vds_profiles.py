"""The message zones of visible digital seals, per document type.

A seal's header names its document type by two bytes: the *document feature
definition reference* and the *document type category*. For each known type this
table lists the document features (tag, name, how the value is coded, its length
in bytes). Sources: ICAO Doc 9303 Part 13 (visa, emergency travel document), BSI
TR-03137 Part 1 v2.5 (arrival attestation, social insurance card, residence
permit and its supplementary sheet, address stickers), and the simulator's own
Utopia identity-card profile (fictional, for the synthetic documents).

Codings: ``mrz`` (C40 of the MRZ, fillers as spaces; ``lines`` x ``line_length``
characters, a shorter value is the MRZ with line 2 cut after its 28th character as
visas do), ``c40`` (an alphanumeric string), ``utf8``, ``int`` (unsigned, big
endian), ``duration`` (days, months, years: three bytes), ``bytes`` (kept as hex).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FeatureDef:
    """One document feature of a profile."""

    tag: int
    name: str
    coding: str
    min_bytes: int = 0
    max_bytes: int = 254
    required: bool = True
    lines: int = 0
    line_length: int = 0


@dataclass(frozen=True)
class Profile:
    """A document type: its name, the header version it uses, its features."""

    feature_ref: int
    category: int
    name: str
    source: str
    features: tuple[FeatureDef, ...]

    def feature(self, tag: int) -> FeatureDef | None:
        """The definition of ``tag`` (``None`` for a tag the profile does not define)."""
        return next((f for f in self.features if f.tag == tag), None)


def _mrz(tag: int, lines: int, length: int, nbytes: int, name: str = "mrz") -> FeatureDef:
    return FeatureDef(tag, name, "mrz", nbytes, nbytes, True, lines, length)


PROFILES: tuple[Profile, ...] = (
    Profile(0x5D, 0x01, "visa", "ICAO Doc 9303 Part 13", (
        FeatureDef(0x01, "mrz_mrva", "mrz", 48, 48, False, 2, 44),
        FeatureDef(0x02, "mrz_mrvb", "mrz", 44, 44, False, 2, 36),
        FeatureDef(0x03, "number_of_entries", "int", 1, 1, False),
        FeatureDef(0x04, "duration_of_stay", "duration", 3, 3),
        FeatureDef(0x05, "passport_number", "c40", 6, 6),
        FeatureDef(0x06, "visa_type", "bytes", 1, 4, False),
        FeatureDef(0x07, "additional_feature", "bytes", 0, 254, False),
    )),
    Profile(0x5E, 0x03, "emergency travel document", "ICAO Doc 9303 Part 13", (
        _mrz(0x02, 2, 36, 48),
    )),
    Profile(0xFD, 0x02, "arrival attestation document", "BSI TR-03137 Part 1", (
        _mrz(0x02, 2, 36, 48),
        FeatureDef(0x03, "azr_number", "c40", 8, 8),
    )),
    Profile(0xFC, 0x04, "social insurance card", "BSI TR-03137 Part 1", (
        FeatureDef(0x01, "social_insurance_number", "c40", 8, 8),
        FeatureDef(0x02, "surname", "utf8", 1, 90),
        FeatureDef(0x03, "first_name", "utf8", 1, 90),
        FeatureDef(0x04, "birth_name", "utf8", 1, 90, False),
    )),
    Profile(0xFB, 0x06, "residence permit", "BSI TR-03137 Part 1", (
        _mrz(0x02, 2, 36, 48),
        FeatureDef(0x03, "passport_number", "c40", 6, 6),
    )),
    Profile(0xFA, 0x06, "residence permit supplementary sheet", "BSI TR-03137 Part 1", (
        _mrz(0x04, 2, 36, 48),
        FeatureDef(0x05, "sheet_number", "c40", 6, 6),
    )),
    Profile(0xF9, 0x08, "address sticker (identity card)", "BSI TR-03137 Part 1", (
        FeatureDef(0x01, "document_number", "c40", 6, 6),
        FeatureDef(0x02, "municipality_code", "c40", 6, 6),
        FeatureDef(0x03, "address", "c40", 6, 18),
    )),
    Profile(0xF9, 0x0C, "address sticker (residence permit)", "BSI TR-03137 Part 1", (
        FeatureDef(0x01, "document_number", "c40", 6, 6),
        FeatureDef(0x02, "municipality_code", "c40", 6, 6),
        FeatureDef(0x03, "address", "c40", 6, 18),
    )),
    Profile(0xF8, 0x0A, "residence sticker (passport)", "BSI TR-03137 Part 1", (
        FeatureDef(0x01, "document_number", "c40", 6, 6),
        FeatureDef(0x02, "municipality_code", "c40", 6, 6),
        FeatureDef(0x03, "postal_code", "c40", 4, 4),
    )),
    Profile(0xE0, 0x0E, "Utopia identity card (simulator profile)", "this project, fictional", (
        _mrz(0x01, 3, 30, 60),
        FeatureDef(0x02, "issue_date", "date", 3, 3),
    )),
)

_BY_KEY = {(p.feature_ref, p.category): p for p in PROFILES}


def profile_for(feature_ref: int, category: int) -> Profile | None:
    """The profile of a header's two type bytes (``None``: not a known document type)."""
    return _BY_KEY.get((feature_ref, category))
