"""The expected values of IdParser's own tests (``../shared/testdata/barcodes/aamva-idparser``),
read from its C# test sources so that nothing is copied by hand.

IdParser (c0shea/IdParser, MIT) asserts, per licence file, the parsed card through
``AssertIdCard``/``AssertLicense`` (a fixed list of properties: every one is compared,
so a property the test leaves unset must parse as unset) plus a few ``Assert.Equal``
lines (postal code display, jurisdiction name, additional jurisdiction elements).
:func:`load_cases` turns each ``[Fact]`` into a :class:`Case` of dotted property
paths and expected Python values:

* ``Name.First``, ``Address.PostalCode``, ``DateOfBirth`` ... as in the C# object;
* dates as :class:`datetime.date`, heights as total inches (IdParser compares
  heights by whole inches), weights as ``(range code or None, kilograms or None,
  is_metric)`` (IdParser's ``Weight`` equality), enums as their member name
  (``EyeColor.Green`` -> ``"Green"``);
* ``AdditionalJurisdictionElements`` as a dict, and its count when asserted.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Properties AssertIdCard compares (BaseTest.cs), with their value when unset.
ID_CARD_PROPERTIES: dict[str, Any] = {
    "Name.First": None, "Name.Middle": None, "Name.Last": None, "Name.Suffix": None,
    "Name.WasFirstTruncated": None, "Name.WasMiddleTruncated": None,
    "Name.WasLastTruncated": None,
    "Address.City": None, "Address.StreetLine1": None, "Address.StreetLine2": None,
    "Address.JurisdictionCode": None, "Address.PostalCode": None, "Address.Country": None,
    "DateOfBirth": None, "PlaceOfBirth": None, "Sex": None, "Height": None, "Weight": None,
    "EyeColor": None, "HairColor": None, "Ethnicity": None,
    "IdNumber": None, "AamvaVersionNumber": None,
    "IssueDate": None, "ExpirationDate": None, "RevisionDate": None,
    "Under18Until": None, "Under19Until": None, "Under21Until": None,
    "ComplianceType": None, "HasTemporaryLawfulStatus": None, "IsOrganDonor": None,
    "IsVeteran": None,
}
#: Properties AssertLicense adds for a driver's licence.
LICENSE_PROPERTIES: dict[str, Any] = {
    "Jurisdiction.VehicleClass": None, "Jurisdiction.RestrictionCodes": None,
    "Jurisdiction.EndorsementCodes": None,
    "Jurisdiction.VehicleClassificationDescription": None,
    "Jurisdiction.EndorsementCodeDescription": None,
    "Jurisdiction.RestrictionCodeDescription": None,
    "StandardVehicleClassification": None, "StandardEndorsementCode": None,
    "StandardRestrictionCode": None, "HazmatEndorsementExpirationDate": None,
}


@dataclass
class Case:
    """One IdParser test: the payload file and what it asserts."""

    test: str
    file: str
    expected: dict[str, Any] = field(default_factory=dict)
    #: extra assertions: postal code display, jurisdiction name, element values, count
    postal_code_display: str | None = None
    jurisdiction_name: str | None = None
    elements: dict[str, str] = field(default_factory=dict)
    element_count: int | None = None
    #: values the test's object sets but IdParser never asserts (AssertIdCard does not
    #: compare DocumentDiscriminator, InventoryControlNumber or AuditInformation)
    unasserted: dict[str, Any] = field(default_factory=dict)


_STRING = r'"((?:[^"\\]|\\.)*)"'


def _unescape(text: str) -> str:
    return bytes(text, "utf-8").decode("unicode_escape") if "\\" in text else text


def _value(expr: str) -> Any:
    """A C# expression of the tests as a Python value."""
    expr = expr.strip()
    if m := re.fullmatch(_STRING, expr):
        return _unescape(m.group(1))
    if m := re.fullmatch(r"new DateTime\((\d+),\s*(\d+),\s*(\d+)\)", expr):
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := re.fullmatch(r"Height\.FromImperial\((\d+)(?:,\s*(\d+))?\)", expr):
        return int(m.group(1)) * 12 + int(m.group(2)) if m.group(2) else int(m.group(1))
    if m := re.fullmatch(r"Height\.FromMetric\((\d+)\)", expr):
        return round(int(m.group(1)) / 2.54)
    if m := re.fullmatch(r"Weight\.FromImperial\((\d+)\)", expr):
        return (None, int(m.group(1)) / 2.20462262, False)
    if m := re.fullmatch(r"Weight\.FromMetric\((\d+)\)", expr):
        return (None, float(m.group(1)), True)
    if m := re.fullmatch(r"Weight\.FromRange\(WeightRange\.(\w+)\)", expr):
        return (m.group(1), None, False)
    if expr in ("true", "false"):
        return expr == "true"
    if m := re.fullmatch(r"\w+\.(\w+)", expr):
        return m.group(1)
    raise ValueError(f"unsupported C# expression {expr!r}")


def _split_top(body: str) -> list[str]:
    """Split an initializer body at top-level commas."""
    parts, depth, start, in_str = [], 0, 0, False
    i = 0
    while i < len(body):
        ch = body[i]
        if in_str:
            if ch == "\\":
                i += 1
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
        elif ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(body[start:i])
            start = i + 1
        i += 1
    parts.append(body[start:])
    return [p.strip() for p in parts if p.strip()]


def _block(text: str, open_at: int) -> tuple[str, int]:
    """The text inside the braces opening at ``open_at`` and the index after them."""
    depth, i, in_str = 0, open_at, False
    while i < len(text):
        ch = text[i]
        if in_str:
            if ch == "\\":
                i += 1
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return text[open_at + 1:i], i + 1
        i += 1
    raise ValueError("unbalanced braces")


def _initializer(body: str, prefix: str, out: dict[str, Any]) -> None:
    for part in _split_top(re.sub(r"//[^\n]*", "", body)):
        name, _, expr = part.partition("=")
        name, expr = name.strip(), expr.strip()
        if m := re.match(r"new (\w+)\s*$", expr.split("{", 1)[0]):
            inner, _ = _block(expr, expr.index("{"))
            _initializer(inner, f"{prefix}{name}.", out)
            del m
        elif name == "AdditionalJurisdictionElements":
            inner, _ = _block(expr, expr.index("{"))
            pairs = re.findall(r"\{\s*" + _STRING + r"\s*,\s*" + _STRING + r"\s*\}", inner)
            out[f"{prefix}{name}"] = {_unescape(k): _unescape(v) for k, v in pairs}
        else:
            out[f"{prefix}{name}"] = _value(expr)


def _cases_in(source: str) -> list[Case]:
    cases: list[Case] = []
    for m in re.finditer(r"public void (Test\w+)\(\)\s*\{", source):
        body, _ = _block(source, m.end() - 1)
        fm = re.search(r'(?:License|Id)\("([^"]+)"\)|File\.ReadAllText\("([^"]+)"\)', body)
        if fm is None:
            continue
        if fm.group(1):
            kind = "Licenses" if "License(" in fm.group(0) else "Ids"
            file = f"{kind}/{fm.group(1)}.txt"
        else:
            file = fm.group(2)
        case = Case(test=m.group(1), file=file)
        init = re.search(r"var (\w+) = new (DriversLicense|IdentificationCard|Name)\s*\{", body)
        weights: dict[str, Any] = {}
        for wm in re.finditer(r"var (\w+) = (Weight\.\w+\([^)]*\));", body):
            weights[wm.group(1)] = list(_value(wm.group(2)))
        for wm in re.finditer(r"(\w+)\.WeightRange = WeightRange\.(\w+);", body):
            if wm.group(1) in weights:
                weights[wm.group(1)][0] = wm.group(2)
        if init is not None:
            inner, _ = _block(body, init.end() - 1)
            for var in weights:
                inner = re.sub(rf"=\s*{var}\b", f'= "__weight_{var}"', inner)
            values: dict[str, Any] = {}
            prefix = "Name." if init.group(2) == "Name" else ""
            _initializer(inner, prefix, values)
            for key, value in list(values.items()):
                if isinstance(value, str) and value.startswith("__weight_"):
                    values[key] = tuple(weights[value[len("__weight_"):]])
            for wm in re.finditer(r"expected\.Weight\.WeightRange = WeightRange\.(\w+);", body):
                w = list(values["Weight"])
                w[0] = wm.group(1)
                values["Weight"] = tuple(w)
            if init.group(2) == "Name":
                # TestPALicenseThreeMiddleNames compares the four name parts only
                case.expected = {k: values.get(k) for k in
                                 ("Name.First", "Name.Middle", "Name.Last", "Name.Suffix")}
            else:
                props = dict(ID_CARD_PROPERTIES)
                if "AssertLicense(" in body:
                    props.update(LICENSE_PROPERTIES)
                for key in props:
                    props[key] = values.get(key, props[key])
                for key in ("DocumentDiscriminator", "InventoryControlNumber",
                            "AuditInformation"):
                    if key in values:
                        case.unasserted[key] = values[key]
                case.expected = props
                case.elements.update(values.get("AdditionalJurisdictionElements", {}))
                if "AdditionalJurisdictionElements.Count" in body:
                    case.element_count = len(case.elements)
        for am in re.finditer(r"Assert\.Equal\(" + _STRING + r",\s*idCard\.(\w+(?:\.\w+)*)\)",
                              body):
            value, path = _unescape(am.group(1)), am.group(2)
            if path == "Address.PostalCodeDisplay":
                case.postal_code_display = value
            elif path in ("IdNumber", "DocumentDiscriminator", "InventoryControlNumber"):
                case.expected[path] = value
                case.unasserted.pop(path, None)
        for am in re.finditer(r"Assert\.Equal\(" + _STRING
                              + r",\s*idCard\.IssuerIdentificationNumber\.GetDescription\(\)\)",
                              body):
            case.jurisdiction_name = _unescape(am.group(1))
        for am in re.finditer(r"Assert\.Equal\(" + _STRING + r",\s*idCard\."
                              r"AdditionalJurisdictionElements\.Single\(e => e\.Key == "
                              + _STRING + r"\)\.Value\)", body):
            case.elements[_unescape(am.group(2))] = _unescape(am.group(1))
        for am in re.finditer(r"Assert\.Equal\((\d+),\s*idCard\.AdditionalJurisdictionElements"
                              r"\.Count\)", body):
            case.element_count = int(am.group(1))
        for am in re.finditer(r"Assert\.Equal\(" + _STRING + r",\s*license\.Jurisdiction\."
                              r"(\w+)\)", body):
            case.expected[f"Jurisdiction.{am.group(2)}"] = _unescape(am.group(1))
        cases.append(case)
    return cases


def load_cases(folder: Path) -> list[Case]:
    """Every test of ``DriversLicenseTests.cs`` and ``IdentificationCardTests.cs``."""
    cases: list[Case] = []
    for name in ("DriversLicenseTests.cs", "IdentificationCardTests.cs"):
        cases.extend(_cases_in((folder / name).read_text(encoding="utf-8-sig")))
    return cases
