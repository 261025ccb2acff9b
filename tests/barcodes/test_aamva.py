"""AAMVA parsing: malformed headers, separators, versions, the shared payloads' index."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from workstation.barcodes.aamva import AamvaError, looks_like_aamva, parse_aamva

FOLDER = ("barcodes", "aamva-idparser")

def aamva(iin: str, version: int, subfiles: list[tuple[str, list[str]]]) -> str:
    """Card data laid out as the standard says: header, directory, subfiles."""
    bodies = [kind + "\n".join(elements) + "\r" for kind, elements in subfiles]
    head = f"@\n\x1e\rANSI {iin}{version:02d}01{len(bodies):02d}"
    offset = len(head) + 10 * len(bodies)
    directory = ""
    for (kind, _), body in zip(subfiles, bodies, strict=True):
        directory += f"{kind}{offset:04d}{len(body):04d}"
        offset += len(body)
    return head + directory + "".join(bodies)


#: A 2016 (version 09) licence laid out from the standard.
V09 = aamva("636014", 9, [
    ("DL", ["DAQD1234567", "DCSMONTOYA-SMITH", "DACINIGO", "DADJOSE MARIA", "DBB02291988",
            "DBA02282030", "DBD03012022", "DBC1", "DAU070 IN", "DAYBRO", "DAJCA", "DCGUSA"]),
    ("ZC", ["ZCAYES", "ZCBNO"])])


def test_standard_record() -> None:
    r = parse_aamva(V09.encode("ascii"))
    assert r.header.iin == "636014" and r.header.version == 9
    assert r.header.jurisdiction_version == 1 and r.header.entries == 2
    assert r.jurisdiction == "CA" and r.jurisdiction_name == "California" and r.country == "USA"
    f = r.fields
    assert (f.family_name, f.first_name, f.middle_names) == ("MONTOYA-SMITH", "INIGO",
                                                             "JOSE MARIA")
    assert f.birth_date == dt.date(1988, 2, 29) and f.expiry_date == dt.date(2030, 2, 28)
    assert f.sex == "M" and f.height is not None and f.height.total_inches == 70
    assert f.eye_colour == "BRO" and f.document_number == "D1234567"
    assert r.jurisdiction_elements == {"ZCA": "YES", "ZCB": "NO"}
    assert r.warnings == ()
    js = r.to_json()
    assert js["fields"]["birth_date"] == "1988-02-29"
    assert js["elements"]["DCS"] == {"name": "family name", "value": "MONTOYA-SMITH"}
    json.dumps(js)


@pytest.mark.parametrize(("data", "why"), [
    ("ABC123", "too short"),
    ("A" * 32, "compliance indicator"),
    ("@\n\x1e\rXXXXX636014090102DL00410105" + "x" * 10, "file type"),
    ("@\n\x1e\rANSI 63601X090102DL00410105" + "x" * 10, "issuer identification"),
    ("@\n\x1e\rANSI 636014AB0102DL00410105" + "x" * 10, "version"),
    ("@\n\x1e\rANSI 6360140901021234567890" + "x" * 10, "subfile directory"),
])
def test_malformed_header_is_a_clear_error(data: str, why: str) -> None:
    with pytest.raises(AamvaError, match=why):
        parse_aamva(data.encode("latin-1"))
    assert not looks_like_aamva(data.encode("latin-1")) or why != "compliance indicator"


def test_no_card_subfile() -> None:
    with pytest.raises(AamvaError, match="no DL or ID subfile"):
        parse_aamva(b"@\n\x1e\rANSI 636014090101ZC00310017ZCZCAYES\nZCBNO\r")


def test_wrong_offsets_and_missing_type_are_warned_not_fatal() -> None:
    bad = V09.replace("DL0041", "DL0099")
    r = parse_aamva(bad)
    assert r.fields.family_name == "MONTOYA-SMITH"
    assert any("offset 99 is wrong" in w for w in r.warnings)
    no_type = V09.replace("DLDAQ", "DAQ")
    r = parse_aamva(no_type)
    assert r.fields.document_number == "D1234567"
    assert any("type missing" in w for w in r.warnings)


def test_garbage_bytes_in_a_value_do_not_crash() -> None:
    data = V09.encode("ascii").replace(b"INIGO", b"IN\xffIGO")
    r = parse_aamva(data)  # not UTF-8: read as ISO 8859-1, byte for byte
    assert r.fields.first_name == "IN\xffIGO"


def test_piped_separators_read_like_the_original(testdata: Path) -> None:
    """"MA Piped" is "MA 2009" read through a keyboard wedge that turned LF into '|'."""
    root = testdata.joinpath(*FOLDER)
    piped = parse_aamva((root / "Licenses" / "MA Piped.txt").read_bytes())
    plain = parse_aamva((root / "Licenses" / "MA 2009.txt").read_bytes())
    assert piped.fields == plain.fields
    assert piped.jurisdiction_elements == plain.jurisdiction_elements
    assert piped.fields.document_number == "S65807412"


def test_index_values_of_every_payload(testdata: Path) -> None:
    """Issuer number, version, subfile and customer number of all 67 payloads, as the
    shared data's index states them (where the index itself read the number cleanly)."""
    root = testdata.joinpath(*FOLDER)
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    assert len(index["files"]) == 67
    for item in index["files"]:
        r = parse_aamva((root / item["file"]).read_bytes())
        assert r.header.iin == item["iin"], item["file"]
        assert r.header.version == int(item["aamva_version"]), item["file"]
        assert (r.document_type == "DL") == item["has_DL_subfile"], item["file"]
        daq = item["DAQ"]
        if daq.isprintable() and "|" not in daq:
            assert r.fields.document_number == daq.strip(), item["file"]
