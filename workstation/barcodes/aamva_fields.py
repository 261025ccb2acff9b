"""The named fields of an AAMVA DL/ID subfile, interpreted for its version.

Names come from ``DCS``/``DAC``/``DAD`` (2009+), ``DCS``/``DCT`` (2003-2005),
``DAB``/``DAC``/``DAD`` or the full name ``DAA`` (2000); the licence classes from
``DCA``/``DCB``/``DCD`` or the 2000 standard's ``DAR``/``DAS``/``DAT``; heights
in feet and inches (2000) or ``NNN IN``/``NNN CM``; dates ``MMDDCCYY`` for the
USA and ``CCYYMMDD`` for Canada and the 2000 standard.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from workstation.barcodes import aamva_values as V
from workstation.barcodes.aamva_tables import (
    COMPLIANCE_TYPES,
    ETHNICITIES,
    EYE_COLOURS,
    HAIR_COLOURS,
    WEIGHT_RANGES_LB,
)


@dataclass(frozen=True)
class CardFields:
    """The holder's and the document's data from the DL/ID subfile (``None``: absent).

    Dates are :class:`datetime.date`; ``sex`` is ``M``, ``F`` or ``X``; colours and
    ethnicity are the standard's codes (``BRO``, ``W``...); ``compliance_type`` is
    ``F``, ``M`` or ``N``.
    """

    family_name: str | None = None
    first_name: str | None = None
    middle_names: str | None = None
    name_suffix: str | None = None
    family_name_truncated: bool | None = None
    first_name_truncated: bool | None = None
    middle_names_truncated: bool | None = None
    alias_family_name: str | None = None
    alias_given_name: str | None = None
    alias_suffix: str | None = None
    birth_date: dt.date | None = None
    issue_date: dt.date | None = None
    expiry_date: dt.date | None = None
    revision_date: dt.date | None = None
    under_18_until: dt.date | None = None
    under_19_until: dt.date | None = None
    under_21_until: dt.date | None = None
    hazmat_expiry_date: dt.date | None = None
    sex: str | None = None
    height: V.Height | None = None
    weight: V.Weight | None = None
    eye_colour: str | None = None
    hair_colour: str | None = None
    ethnicity: str | None = None
    place_of_birth: str | None = None
    street_1: str | None = None
    street_2: str | None = None
    city: str | None = None
    address_jurisdiction: str | None = None
    postal_code: str | None = None
    postal_code_display: str | None = None
    document_number: str | None = None
    document_discriminator: str | None = None
    inventory_control_number: str | None = None
    audit_information: str | None = None
    compliance_type: str | None = None
    limited_duration: bool | None = None
    organ_donor: bool | None = None
    veteran: bool | None = None
    vehicle_class: str | None = None
    restriction_codes: str | None = None
    endorsement_codes: str | None = None
    standard_vehicle_class: str | None = None
    standard_endorsement_code: str | None = None
    standard_restriction_code: str | None = None
    vehicle_class_description: str | None = None
    endorsement_description: str | None = None
    restriction_description: str | None = None

    @property
    def given_names(self) -> str | None:
        """First and middle names, space-separated."""
        parts = [p for p in (self.first_name, self.middle_names) if p]
        return " ".join(parts) or None

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict of the fields that are present (dates ISO, height and weight
        as objects with their units, codes with their meanings)."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, V.Height):
                value = {"inches": value.total_inches, "cm": value.total_cm,
                         "printed_unit": "cm" if value.cm is not None else "in"}
            elif isinstance(value, V.Weight):
                rng = WEIGHT_RANGES_LB.get(value.range_code) if value.range_code is not None \
                    else None
                value = {"pounds": value.pounds, "kilograms": value.kilograms,
                         "range_code": value.range_code,
                         "range_lb": list(rng) if rng is not None else None}
            out[f.name] = value
        if self.eye_colour:
            out["eye_colour_name"] = EYE_COLOURS[self.eye_colour]
        if self.hair_colour:
            out["hair_colour_name"] = HAIR_COLOURS[self.hair_colour]
        if self.ethnicity:
            out["ethnicity_name"] = ETHNICITIES[self.ethnicity]
        if self.compliance_type:
            out["compliance_type_name"] = COMPLIANCE_TYPES[self.compliance_type]
        return out


def interpret(card: Any, version: int, country: str) -> CardFields:
    """The named fields of the DL/ID subfile ``card`` (anything with ``get(element_id)``)
    for AAMVA ``version`` and the card's ``country`` (ISO alpha-3)."""
    g = card.get
    year_first = version <= 1 or country == "CAN"

    def date(element: str) -> dt.date | None:
        return V.parse_date(g(element), year_first=year_first)

    name = V.Name(family=V.text(g("DCS")) or V.text(g("DAB")))
    if g("DAA") is not None and not (g("DCS") or g("DAB")):
        name = V.split_full_name(g("DAA") or "")
    first = V.text(g("DAC"))
    middle = V.text(g("DAD"))
    if g("DCT") is not None and first is None:
        first, dct_middle = V.split_given_names(g("DCT") or "")
        middle = middle or dct_middle
    first = first or name.first
    middle = middle or name.middle
    if first is not None and middle is None and " " in first and g("DCT") is None:
        # some jurisdictions print the middle initial in the first-name element
        first, middle = first.split(" ", 1)
    suffix = V.text(g("DCU")) or V.text(g("DAE")) or name.suffix
    pounds, kilograms = g("DAW"), g("DAX")
    eye = V.colour(g("DAY"), EYE_COLOURS)
    hair = V.colour(g("DAZ"), HAIR_COLOURS)
    ethnicity = V.text(g("DCL"))
    if ethnicity == "U":
        ethnicity = None  # "unknown" is no information
    compliance = V.text(g("DDA"))
    donor_2000 = g("DBH")
    organ_donor = V.flag(g("DDK"))
    if organ_donor is None and donor_2000 is not None and version <= 1:
        organ_donor = V.flag(donor_2000, true_values=("Y", "1", "DONOR"))
    postal = V.postal_code(g("DAK") if g("DAK") is not None else g("DAP"), country)
    return CardFields(
        family_name=name.family, first_name=first, middle_names=middle, name_suffix=suffix,
        family_name_truncated=V.truncation(g("DDE")),
        first_name_truncated=V.truncation(g("DDF")),
        middle_names_truncated=V.truncation(g("DDG")),
        alias_family_name=V.text(g("DBN")) if version >= 4 else V.text(g("DBO")),
        alias_given_name=V.text(g("DBG")) if version >= 4 else V.text(g("DBP")),
        alias_suffix=V.text(g("DBS")) if version >= 4 else V.text(g("DBR")),
        birth_date=date("DBB"), issue_date=date("DBD"), expiry_date=date("DBA"),
        revision_date=date("DDB"), under_18_until=date("DDH"), under_19_until=date("DDI"),
        under_21_until=date("DDJ"), hazmat_expiry_date=date("DDC"),
        sex=V.sex(g("DBC")),
        height=V.height(g("DAU"), feet_inches=version <= 1) or (
            V.Height(cm=int(v)) if (v := V.text(g("DAV"))) and v.isdigit() else None),
        weight=V.weight(pounds, kilograms, g("DCE")),
        eye_colour=eye, hair_colour=hair,
        ethnicity=ethnicity if ethnicity in ETHNICITIES else None,
        place_of_birth=V.text(g("DCI")),
        street_1=V.text(g("DAG")) or V.text(g("DAL")),
        street_2=_street_2(V.text(g("DAH")) or V.text(g("DAM")), card, postal),
        city=V.text(g("DAI")) or V.text(g("DAN")),
        address_jurisdiction=V.text(g("DAJ")) or V.text(g("DAO")),
        postal_code=postal, postal_code_display=V.postal_code_display(postal, country),
        document_number=(g("DAQ") or "").strip() or None,
        document_discriminator=V.text(g("DCF")),
        inventory_control_number=V.text(g("DCK")),
        audit_information=V.text(g("DCJ")),
        compliance_type=compliance if compliance in COMPLIANCE_TYPES else None,
        limited_duration=V.flag(g("DDD")),
        organ_donor=organ_donor,
        veteran=V.flag(g("DDL")),
        vehicle_class=V.text(g("DCA")) or V.text(g("DAR")),
        restriction_codes=V.text(g("DCB")) or V.text(g("DAS")),
        endorsement_codes=V.text(g("DCD")) or V.text(g("DAT")),
        standard_vehicle_class=V.text(g("DCM")),
        standard_endorsement_code=V.text(g("DCN")),
        standard_restriction_code=V.text(g("DCO")),
        vehicle_class_description=V.text(g("DCP")),
        endorsement_description=V.text(g("DCQ")),
        restriction_description=V.text(g("DCR")),
    )


def _street_2(value: str | None, card: Any, postal: str | None) -> str | None:
    """The second street line, unless it only repeats the city, jurisdiction and postal
    code (some cards print the last address line there)."""
    if value is None:
        return None
    city = V.text(card.get("DAI")) or ""
    state = V.text(card.get("DAJ")) or ""
    words = re.sub(r"[^A-Z0-9]+", " ", value.upper()).split()
    last_line = re.sub(r"[^A-Z0-9]+", " ", f"{city} {state} {(postal or '')[:5]}").upper().split()
    return None if words and words == last_line else value
