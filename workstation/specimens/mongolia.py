"""Holders of the simulator's Mongolian-style passport (``MNG-P-2021``, a fictional series):
Mongolian names in Cyrillic — with the letters Ө and Ү — and their Latin transliteration.

A Mongolian passport prints the holder's names in Cyrillic and in Latin letters side by
side; the MRZ carries the Latin form. The transliteration here follows the Mongolian
national standard MNS 5217:2012 as passports print it, with Ө and Ү written ``O`` and
``U`` (the MRZ has no diacritics; the visual zone prints the same Latin form so that
both agree). The register number (регистрийн дугаар) is two Cyrillic letters and eight
digits (birth date ``YYMMDD`` and two more); the MRZ's optional data carries it
transliterated. Every name and place below is common in Mongolia; every combination
is drawn from a seed and belongs to nobody.
"""

from __future__ import annotations

import datetime as dt
import random

from workstation.specimens.people import Person

ISSUING_STATE = "MNG"

#: Cyrillic -> Latin (MNS 5217:2012 as printed in passports; Ө, Ү -> O, U).
_TRANSLIT: dict[str, str] = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "YE", "Ё": "YO", "Ж": "J",
    "З": "Z", "И": "I", "Й": "I", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O",
    "Ө": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U", "Ү": "U", "Ф": "F",
    "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ъ": "I", "Ы": "Y", "Ь": "I",
    "Э": "E", "Ю": "YU", "Я": "YA",
}

#: Given names (Cyrillic), many with Ө and Ү.
_GIVEN_F = (
    "ӨЛЗИЙМАА", "НАРАНЦЭЦЭГ", "ОЮУНЧИМЭГ", "БОЛОРМАА", "ЦЭЦЭГМАА", "САРАНГЭРЭЛ",
    "МӨНХЦЭЦЭГ", "ЭНХТУЯА", "ҮЙЛСТӨГС", "ТҮВШИНЖАРГАЛ", "ӨНӨРЖАРГАЛ", "ДУЛМАА",
    "ХҮРЭЛМАА", "ГЭРЭЛТҮЯА", "СҮВДЭЭ",
)
_GIVEN_M = (
    "БАТБОЛД", "ӨЛЗИЙБАЯР", "ТӨМӨРБААТАР", "ГАНБААТАР", "ХҮРЭЛСҮХ", "ДАВААСҮРЭН",
    "МӨНХ-ЭРДЭНЭ", "СҮХБААТАР", "ОТГОНБАЯР", "ЖАРГАЛСАЙХАН", "ТҮМЭНБАЯР", "ЭРДЭНЭБИЛЭГ",
    "ӨНӨРБОЛД", "БҮРЭНТӨГС", "ЦОГТБААТАР",
)
#: Places of birth: (Cyrillic, Latin as printed).
_PLACES = (
    "УЛААНБААТАР", "ДАРХАН", "ЭРДЭНЭТ", "ЧОЙР", "ЗАМЫН-ҮҮД", "ӨЛГИЙ", "ХОВД", "МӨРӨН",
    "ЧОЙБАЛСАН", "ӨНДӨРХААН", "СҮХБААТАР", "БАЯНХОНГОР",
)
#: First letters of register numbers (the place of first registration).
_REGISTER_LETTERS = ("УБ", "ДА", "ЭР", "ЧО", "ДО", "ӨВ", "ХО", "ХӨ", "ДУ", "СҮ")
AUTHORITY = "УБЕГ / GASR"


def transliterate(text: str) -> str:
    """``text`` (Mongolian Cyrillic, upper case) in Latin letters; other characters
    (digits, spaces, hyphens) are kept."""
    return "".join(_TRANSLIT.get(ch, ch) for ch in text.upper())


def _number(rng: random.Random) -> str:
    """A passport number: a letter and seven digits (``E1234567``)."""
    return rng.choice("EKP") + "".join(rng.choice("0123456789") for _ in range(7))


def register_number(rng: random.Random, birth: dt.date) -> str:
    """Two Cyrillic letters, the birth date as YYMMDD (month + 20 for births from 2000)
    and two digits."""
    month = birth.month + (20 if birth.year >= 2000 else 0)
    return (rng.choice(_REGISTER_LETTERS) + f"{birth.year % 100:02d}{month:02d}{birth.day:02d}"
            + f"{rng.randrange(100):02d}")


def _person(surname_native: str, given_native: str, sex: str, birth: dt.date,
            place_native: str, issue: dt.date, expiry: dt.date, number: str,
            register: str) -> Person:
    return Person(
        surname=transliterate(surname_native), given_names=transliterate(given_native),
        sex=sex, birth_date=birth, place_of_birth=transliterate(place_native),
        issue_date=issue, expiry_date=expiry, document_number=number,
        nationality=ISSUING_STATE, optional_data=transliterate(register), authority=AUTHORITY,
        issuing_state=ISSUING_STATE, surname_native=surname_native,
        given_names_native=given_native, place_of_birth_native=place_native,
        personal_number=register)


def make_mongolian_person(seed: int, *, validity_years: int = 10) -> Person:
    """A holder drawn from ``seed``: the surname is the father's given name (as Mongolian
    documents print it), one given name, dates, passport and register numbers. Issue
    dates fall in 2021-2026."""
    rng = random.Random(f"person-mng:{seed}")
    sex = rng.choice(("F", "M"))
    given = rng.choice(_GIVEN_F if sex == "F" else _GIVEN_M)
    surname = rng.choice(_GIVEN_M)
    birth = dt.date(1945, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 62))
    issue = dt.date(2021, 1, 4) + dt.timedelta(days=rng.randrange(0, 365 * 5))
    try:
        expiry = issue.replace(year=issue.year + validity_years) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        expiry = issue.replace(year=issue.year + validity_years, day=28)
    return _person(surname, given, sex, birth, rng.choice(_PLACES), issue, expiry,
                   _number(rng), register_number(rng, birth))


#: The fixed holder shown on the MNG specimen images.
SPECIMEN_PERSON_MNG = _person("ТӨМӨРБААТАР", "ӨЛЗИЙМАА", "F", dt.date(1986, 3, 17),
                              "ЗАМЫН-ҮҮД", dt.date(2021, 9, 1), dt.date(2031, 8, 31),
                              "E0312869", "ЗҮ86031745")
