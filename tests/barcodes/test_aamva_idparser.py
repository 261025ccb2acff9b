"""The AAMVA parser against IdParser's own test expectations (shared test data).

Every property IdParser's ``AssertIdCard``/``AssertLicense`` compares is compared
here too — including the ones a test leaves unset, which must then parse as
absent — plus the extra assertions of each test (postal code display,
jurisdiction name, jurisdiction-specific elements and their count).

Two naming differences are translated, not ignored:

* IdParser keeps a jurisdiction subfile's type glued to its first element
  (``ZMZMA504`` -> key ``ZMZ``, value ``MA504``); the AAMVA standard reads the
  subfile type ``ZM`` followed by element ``ZMA`` = ``504``, which is what this
  parser reports. The expected ``ZxZ`` entry is compared as ``ZxA`` with the
  value's first two characters (the ``xA`` of the id) removed.
* IdParser's jurisdiction name for 604426 is spelt "Price Edward Island"; the
  jurisdiction is Prince Edward Island.

The values a test object sets but IdParser never asserts (document discriminator,
inventory control number, audit information) are checked too; the one that cannot
hold is TestDCLicense's discriminator "2881111", copied from the Alaska test: the DC
payload has no ``DCF`` element at all.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from tests.barcodes.idparser_cases import Case, load_cases
from workstation.barcodes.aamva import AamvaRecord, parse_aamva
from workstation.barcodes.aamva_tables import VERSION_YEARS, WEIGHT_RANGES_LB

FOLDER = ("barcodes", "aamva-idparser")
_EYES = {"BLK": "Black", "BLU": "Blue", "BRO": "Brown", "GRY": "Gray", "GRN": "Green",
         "HAZ": "Hazel", "MAR": "Maroon", "PNK": "Pink", "DIC": "Dichromatic"}
_HAIR = {"BAL": "Bald", "BLK": "Black", "BLN": "Blond", "BRO": "Brown", "GRY": "Gray",
         "RED": "Red", "SDY": "Sandy", "WHI": "White"}
_ETHNICITY = {"AI": "AlaskanAmericanIndian", "AP": "AsianPacificIslander", "BK": "Black",
              "H": "HispanicOrigin", "O": "NonHispanic", "U": "Unknown", "W": "White"}
_COMPLIANCE = {"F": "FullyCompliant", "M": "MateriallyCompliant", "N": "NonCompliant"}
_SEX = {"M": "Male", "F": "Female", "X": "NotSpecified"}
_COUNTRY = {"USA": "Usa", "CAN": "Canada", "MEX": "Mexico"}
_TYPOS = {"Price Edward Island": "Prince Edward Island"}
POUNDS_PER_KG = 2.20462262


def _range_code(name: str | None) -> int | None:
    if name is None:
        return None
    m = re.fullmatch(r"Lbs(\d+)To(\d+)", name)
    assert m, name
    bounds = (int(m.group(1)), int(m.group(2)))
    return next(code for code, (lo, hi) in WEIGHT_RANGES_LB.items()
                if (lo or 0) == bounds[0] or (hi == bounds[1] and lo is not None))


def idparser_view(record: AamvaRecord) -> dict[str, Any]:
    """The record in IdParser's property names and value conventions."""
    f = record.fields
    weight: Any = None
    if f.weight is not None:
        w = f.weight
        kg: float | None = None
        metric = False
        if w.kilograms is not None:
            kg, metric = float(w.kilograms), True
        elif w.pounds is not None:
            kg = w.pounds / POUNDS_PER_KG
        weight = (w.range_code, kg, metric)
    return {
        "Name.First": f.first_name, "Name.Middle": f.middle_names, "Name.Last": f.family_name,
        "Name.Suffix": f.name_suffix, "Name.WasFirstTruncated": f.first_name_truncated,
        "Name.WasMiddleTruncated": f.middle_names_truncated,
        "Name.WasLastTruncated": f.family_name_truncated,
        "Address.City": f.city, "Address.StreetLine1": f.street_1,
        "Address.StreetLine2": f.street_2, "Address.JurisdictionCode": f.address_jurisdiction,
        "Address.PostalCode": f.postal_code,
        "Address.Country": _COUNTRY.get(record.country or ""),
        "DateOfBirth": f.birth_date, "PlaceOfBirth": f.place_of_birth,
        "Sex": _SEX.get(f.sex or ""), "Height": f.height.total_inches if f.height else None,
        "Weight": weight, "EyeColor": _EYES.get(f.eye_colour or ""),
        "HairColor": _HAIR.get(f.hair_colour or ""),
        "Ethnicity": _ETHNICITY.get(f.ethnicity or ""),
        "IdNumber": f.document_number,
        "AamvaVersionNumber": f"Aamva{VERSION_YEARS[record.header.version]}",
        "IssueDate": f.issue_date, "ExpirationDate": f.expiry_date,
        "RevisionDate": f.revision_date, "Under18Until": f.under_18_until,
        "Under19Until": f.under_19_until, "Under21Until": f.under_21_until,
        "ComplianceType": _COMPLIANCE.get(f.compliance_type or ""),
        "HasTemporaryLawfulStatus": f.limited_duration, "IsOrganDonor": f.organ_donor,
        "IsVeteran": f.veteran,
        "Jurisdiction.VehicleClass": f.vehicle_class,
        "Jurisdiction.RestrictionCodes": f.restriction_codes,
        "Jurisdiction.EndorsementCodes": f.endorsement_codes,
        "Jurisdiction.VehicleClassificationDescription": f.vehicle_class_description,
        "Jurisdiction.EndorsementCodeDescription": f.endorsement_description,
        "Jurisdiction.RestrictionCodeDescription": f.restriction_description,
        "StandardVehicleClassification": f.standard_vehicle_class,
        "StandardEndorsementCode": f.standard_endorsement_code,
        "StandardRestrictionCode": f.standard_restriction_code,
        "HazmatEndorsementExpirationDate": f.hazmat_expiry_date,
        "DocumentDiscriminator": f.document_discriminator,
        "InventoryControlNumber": f.inventory_control_number,
        "AuditInformation": f.audit_information,
    }


def _same(key: str, expected: Any, actual: Any) -> bool:
    if key == "Weight" and expected is not None and actual is not None:
        code, kg, metric = expected
        return (_range_code(code) == actual[0] and metric == actual[2]
                and (kg is None) == (actual[1] is None)
                and (kg is None or abs(kg - actual[1]) < 1e-6))
    return bool(expected == actual)


def mismatches(case: Case, root: Path) -> list[str]:
    """Every expectation of ``case`` the parser does not meet, as readable lines."""
    record = parse_aamva((root / case.file).read_bytes())
    view = idparser_view(record)
    out: list[str] = []
    for key, expected in case.expected.items():
        if not _same(key, expected, view.get(key)):
            out.append(f"{key}: expected {expected!r}, parsed {view.get(key)!r}")
    if case.postal_code_display is not None \
            and record.fields.postal_code_display != case.postal_code_display:
        out.append(f"postal code display: expected {case.postal_code_display!r}, parsed "
                   f"{record.fields.postal_code_display!r}")
    if case.jurisdiction_name is not None:
        want = _TYPOS.get(case.jurisdiction_name, case.jurisdiction_name)
        if record.jurisdiction_name != want:
            out.append(f"jurisdiction: expected {want!r}, parsed {record.jurisdiction_name!r}")
    if "Address.JurisdictionCode" in case.expected \
            and record.jurisdiction != case.expected["Address.JurisdictionCode"]:
        out.append(f"issuer number {record.header.iin}: expected jurisdiction "
                   f"{case.expected['Address.JurisdictionCode']!r}, parsed "
                   f"{record.jurisdiction!r}")
    elements = record.jurisdiction_elements
    for key, value in case.elements.items():
        if re.fullmatch(r"Z[A-Z]Z", key) and value[:2] == f"{key[1]}A":
            key, value = f"{key[:2]}A", value[2:]
        if elements.get(key) != value:
            out.append(f"element {key}: expected {value!r}, parsed {elements.get(key)!r}")
    if case.element_count is not None and len(elements) != case.element_count:
        out.append(f"jurisdiction elements: expected {case.element_count}, parsed "
                   f"{len(elements)} ({sorted(elements)})")
    return out


def unasserted_mismatches(case: Case, root: Path) -> list[str]:
    """The values ``case`` sets without asserting them that the parser reads otherwise,
    naming whether the payload carries the element."""
    record = parse_aamva((root / case.file).read_bytes())
    view = idparser_view(record)
    element = {"DocumentDiscriminator": "DCF", "InventoryControlNumber": "DCK",
               "AuditInformation": "DCJ"}
    return [f"{key} ({element[key]} {'present' if element[key] in record.elements else 'absent'})"
            f": expected {value!r}, parsed {view.get(key)!r}"
            for key, value in case.unasserted.items() if view.get(key) != value]


def _cases() -> list[Case]:
    from tests.conftest import testdata_dir

    folder = testdata_dir().joinpath(*FOLDER)
    return load_cases(folder) if folder.is_dir() else []


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c.test)
def test_matches_idparser_expectations(case: Case, testdata: Path) -> None:
    assert mismatches(case, testdata.joinpath(*FOLDER)) == []


def test_unasserted_values_hold_where_the_payload_has_them(testdata: Path) -> None:
    root = testdata.joinpath(*FOLDER)
    cases = load_cases(root)
    assert sum(len(c.unasserted) for c in cases) >= 10
    wrong = {c.test: unasserted_mismatches(c, root) for c in cases}
    wrong = {k: v for k, v in wrong.items() if v}
    assert wrong == {"TestDCLicense": [
        "DocumentDiscriminator (DCF absent): expected '2881111', parsed None"]}


def test_every_payload_file_has_a_case(testdata: Path) -> None:
    """All 66 tests are read, and each asserts at least the name and the number."""
    cases = load_cases(testdata.joinpath(*FOLDER))
    assert len(cases) == 66
    for case in cases:
        assert case.expected.get("Name.Last"), case.test
        assert isinstance(case.expected.get("DateOfBirth", dt.date.min), dt.date) or \
            case.test == "TestPALicenseThreeMiddleNames"
