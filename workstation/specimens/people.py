"""Synthetic holders of the Utopia documents and their machine-readable zones.

:func:`make_person` draws a plausible holder from a seed (multi-part names,
dates, document number); :func:`mrz_lines_for` writes the ICAO 9303 MRZ for a
person in the TD1 or TD3 format, with correct check digits.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

from workstation.mrz.checkdigit import check_digit

ISSUING_STATE = "UTO"

_SURNAMES = (
    "ERIKSSON", "HOLM", "VAN DER BERG", "OKONKWO", "MARTINEZ GARCIA", "NAKAMURA", "DUBOIS",
    "SMITH-JONES", "O'BRIEN", "KOWALSKA", "LINDQVIST", "DE LA CRUZ", "ABERNATHY",
    "BJORKLUND", "ZHANG", "MACLEOD", "FERREIRA DOS SANTOS", "NOVAK", "PETROVA", "AL-RASHID",
    "HALVORSEN", "MUELLER", "ODUYA", "SANTOS", "VOSS", "KARLSSON", "TANAKA", "RIVERA",
)
_GIVEN_F = (
    "ANNA", "MARIA", "SOFIA", "ELIN", "CLARA", "AMARA", "YUKI", "ISABEL", "LENA", "EVA",
    "NADIA", "GRACE", "INGRID", "ROSA", "HANNA", "CHIAMAKA", "LUCIA", "MARTA",
)
_GIVEN_M = (
    "JOHAN", "PETER", "LUCAS", "MATEO", "KENJI", "OSCAR", "ERIK", "DAVID", "SAMUEL", "TOMAS",
    "JONAS", "EMEKA", "HUGO", "VIKTOR", "ANDERS", "PAUL", "LEO", "NIKOLAI",
)
_PLACES = ("NEW HARMONY", "AMAUROT", "PORT CLARITY", "LAKE EQUITY", "MERIDIAN",
           "SOLACE BAY", "HAVENFORD")


@dataclass(frozen=True)
class Person:
    """A document holder and the document's personal data.

    Names are upper case as printed in the visual zone (spaces, hyphens and
    apostrophes kept); :func:`mrz_name` turns them into MRZ characters. A document
    printing names in another script too carries them in the ``*_native`` fields.
    """

    surname: str
    given_names: str
    sex: str  # "F", "M" or "X"
    birth_date: dt.date
    place_of_birth: str
    issue_date: dt.date
    expiry_date: dt.date
    document_number: str
    nationality: str = ISSUING_STATE
    optional_data: str = ""
    authority: str = "MINISTRY OF INTERIOR"
    #: the state in the MRZ's first line
    issuing_state: str = ISSUING_STATE
    #: the names and place as printed in the document's own script (Cyrillic on the
    #: Mongolian-style passport), and a national register number; empty when none
    surname_native: str = ""
    given_names_native: str = ""
    place_of_birth_native: str = ""
    personal_number: str = ""

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings)."""
        out = asdict(self)
        for key in ("birth_date", "issue_date", "expiry_date"):
            out[key] = getattr(self, key).isoformat()
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Person:
        """The inverse of :meth:`to_json`."""
        data = dict(obj)
        for key in ("birth_date", "issue_date", "expiry_date"):
            data[key] = dt.date.fromisoformat(data[key])
        return cls(**data)


def _document_number(rng: random.Random, prefix: str) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return prefix + rng.choice(letters) + "".join(rng.choice("0123456789") for _ in range(7))


def make_person(seed: int, *, doc_code: str = "P", validity_years: int = 10) -> Person:
    """A holder drawn from ``seed``: names (some multi-part), sex, dates, document number.

    Issue dates fall in 2020-2025; the document expires ``validity_years`` later
    (the day before the anniversary).
    """
    rng = random.Random(f"person:{seed}")
    sex = rng.choices(("F", "M", "X"), weights=(48, 48, 4))[0]
    pool = _GIVEN_F if sex == "F" else _GIVEN_M if sex == "M" else _GIVEN_F + _GIVEN_M
    n_given = rng.choices((1, 2, 3), weights=(45, 45, 10))[0]
    given = " ".join(rng.sample(pool, n_given))
    surname = rng.choice(_SURNAMES)
    if rng.random() < 0.12:
        surname = f"{surname} {rng.choice(_SURNAMES)}"
    birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 66))
    issue = dt.date(2020, 1, 2) + dt.timedelta(days=rng.randrange(0, 365 * 6))
    try:
        expiry = issue.replace(year=issue.year + validity_years) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        expiry = issue.replace(year=issue.year + validity_years, day=28)
    number = _document_number(rng, "P" if doc_code.startswith("P") else "I")
    optional = "".join(rng.choice("0123456789") for _ in range(8)) if doc_code == "I" else ""
    return Person(
        surname=surname, given_names=given, sex=sex, birth_date=birth,
        place_of_birth=rng.choice(_PLACES), issue_date=issue, expiry_date=expiry,
        document_number=number, optional_data=optional,
    )


#: The fixed holder shown on the specimen images.
SPECIMEN_PERSON = Person(
    surname="ERIKSSON", given_names="ANNA MARIA", sex="F", birth_date=dt.date(1974, 8, 12),
    place_of_birth="NEW HARMONY", issue_date=dt.date(2020, 4, 16),
    expiry_date=dt.date(2030, 4, 15), document_number="L898902C3",
    optional_data="",
)


def mrz_text(value: str) -> str:
    """``value`` in MRZ characters: upper case A-Z, 0-9; spaces and hyphens become ``<``,
    apostrophes vanish, accents are dropped."""
    ascii_value = (unicodedata.normalize("NFKD", value).encode("ascii", "ignore")
                   .decode("ascii").upper())
    ascii_value = ascii_value.replace("'", "")
    return re.sub(r"[^A-Z0-9]", "<", ascii_value)


def mrz_name(surname: str, given_names: str, width: int) -> str:
    """The name field: ``SURNAME<<GIVEN<NAMES`` padded or truncated to ``width``."""
    name = f"{mrz_text(surname)}<<{mrz_text(given_names)}"
    return name[:width].ljust(width, "<")


def _yymmdd(date: dt.date) -> str:
    return date.strftime("%y%m%d")


def _field(value: str, width: int) -> str:
    return mrz_text(value)[:width].ljust(width, "<")


def mrz_lines_for(person: Person, fmt: str) -> list[str]:
    """The MRZ lines of ``person``'s document in format ``TD3`` (passport, 2 x 44)
    or ``TD1`` (identity card, 3 x 30), with ICAO 9303 check digits.

    Raises:
        ValueError: for another format.
    """
    number = _field(person.document_number, 9)
    birth = _yymmdd(person.birth_date)
    expiry = _yymmdd(person.expiry_date)
    sex = person.sex if person.sex in ("F", "M") else "<"
    nat = _field(person.nationality, 3)
    if fmt == "TD3":
        state = _field(person.issuing_state, 3)
        line1 = f"P<{state}{mrz_name(person.surname, person.given_names, 39)}"
        optional = _field(person.optional_data, 14)
        opt_cd = check_digit(optional) if optional.strip("<") else "<"
        line2 = (number + check_digit(number) + nat + birth + check_digit(birth) + sex
                 + expiry + check_digit(expiry) + optional + opt_cd)
        composite = line2[0:10] + line2[13:20] + line2[21:43]
        line2 += check_digit(composite)
        return [line1, line2]
    if fmt == "TD1":
        opt1 = _field(person.optional_data, 15)
        line1 = f"I<{_field(person.issuing_state, 3)}" + number + check_digit(number) + opt1
        opt2 = "<" * 11
        line2 = birth + check_digit(birth) + sex + expiry + check_digit(expiry) + nat + opt2
        composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
        line2 += check_digit(composite)
        line3 = mrz_name(person.surname, person.given_names, 30)
        return [line1, line2, line3]
    raise ValueError(f"unknown MRZ format {fmt!r} (known: TD1, TD3)")
