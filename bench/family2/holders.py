"""Holders of Norvanian documents: names, dates, numbers, and their MRZ (ICAO 9303)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from workstation.mrz.checkdigit import check_digit

STATE = "NRV"
STATE_NAME = "NORVANIA"

_SURNAMES = (
    "VALDRAK", "ORMSETH", "KALVINA", "TERESKO", "MOLDOVAR", "ISTRAVI", "BERKUTOVA",
    "HALMIRSSON", "DUNEVAL", "SORENKA", "PETRASOV", "LINDQVAR", "ARVELOS", "NOVIKAN",
    "GRETHOLM", "YSTEVA", "KORVALD", "EMBERTON", "ZAHARIEVA", "TOLLMARK",
)
_GIVEN_F = ("ILSA", "MARET", "ANIKA", "SOLVEIG", "DAGNA", "VERA", "LIDIA", "OKSANA", "RUNA",
            "TEODORA", "MIRELA", "ASTRID")
_GIVEN_M = ("TORVALD", "EMIL", "ARSEN", "BOGDAN", "KASPAR", "LEVI", "MATEJ", "ROLF", "STEFAN",
            "VIKTOR", "JORAN", "DAMIR")
_PLACES = ("VELMAR", "OSTRAVIK", "KALDHEIM", "NOVA BRESK", "TIRNAVA", "HOLMSUND", "DRAVEC")


@dataclass(frozen=True)
class Holder:
    """One document holder and the document's numbers and dates."""

    surname: str
    given_names: str
    sex: str
    birth_date: dt.date
    place_of_birth: str
    document_number: str
    issue_date: dt.date
    expiry_date: dt.date
    personal_number: str

    def to_json(self) -> dict[str, Any]:
        """JSON-ready fields (dates ISO)."""
        return {k: (v.isoformat() if isinstance(v, dt.date) else v)
                for k, v in asdict(self).items()}


def make_holder(seed: int, *, issued_after: dt.date, validity_years: int,
                number_prefix: str) -> Holder:
    """A holder drawn from ``seed`` (same seed, same holder)."""
    rng = np.random.default_rng([seed, 4242])
    sex = "F" if rng.random() < 0.5 else "M"
    given_pool = _GIVEN_F if sex == "F" else _GIVEN_M
    n_given = 1 + int(rng.random() < 0.4)
    given = " ".join(str(g) for g in rng.choice(given_pool, size=n_given, replace=False))
    surname = str(rng.choice(_SURNAMES))
    if rng.random() < 0.15:
        surname = surname + " " + str(rng.choice(_SURNAMES))
    birth = dt.date(1950, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365 * 55)))
    span = max(1, (dt.date(2026, 6, 1) - issued_after).days)
    issue = issued_after + dt.timedelta(days=int(rng.integers(0, span)))
    try:
        expiry = issue.replace(year=issue.year + validity_years) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        expiry = issue.replace(year=issue.year + validity_years, day=28)
    number = number_prefix + "".join(str(int(d)) for d in rng.integers(0, 10, size=7))
    personal = "".join(str(int(d)) for d in rng.integers(0, 10, size=10))
    return Holder(surname=surname, given_names=given, sex=sex, birth_date=birth,
                  place_of_birth=str(rng.choice(_PLACES)), document_number=number,
                  issue_date=issue, expiry_date=expiry, personal_number=personal)


def _yymmdd(d: dt.date) -> str:
    return d.strftime("%y%m%d")


def _pad(value: str, n: int) -> str:
    v = "".join(ch if ch.isalnum() else "<" for ch in value.upper())
    return (v + "<" * n)[:n]


def mrz_name(surname: str, given: str, width: int) -> str:
    """``SURNAME<<GIVEN<NAMES`` padded (and truncated) to ``width``."""
    name = surname.upper().replace(" ", "<").replace("-", "<") + "<<" + given.upper().replace(
        " ", "<")
    return (name + "<" * width)[:width]


def mrz_lines(holder: Holder, fmt: str, code: str) -> list[str]:
    """The MRZ of ``holder``'s document in ``TD3`` or ``TD1`` with check digits."""
    number = _pad(holder.document_number, 9)
    birth, expiry = _yymmdd(holder.birth_date), _yymmdd(holder.expiry_date)
    if fmt == "TD3":
        line1 = _pad(code, 2) + STATE + mrz_name(holder.surname, holder.given_names, 39)
        optional = _pad(holder.personal_number, 14)
        line2 = (number + check_digit(number) + STATE + birth + check_digit(birth) + holder.sex
                 + expiry + check_digit(expiry) + optional + check_digit(optional))
        line2 += check_digit(line2[0:10] + line2[13:20] + line2[21:43])
        return [line1, line2]
    if fmt == "TD1":
        opt1 = _pad(holder.personal_number, 15)
        line1 = _pad(code, 2) + STATE + number + check_digit(number) + opt1
        line2 = birth + check_digit(birth) + holder.sex + expiry + check_digit(expiry) + STATE \
            + "<" * 11
        line2 += check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
        return [line1, line2, mrz_name(holder.surname, holder.given_names, 30)]
    raise ValueError(f"unknown MRZ format {fmt!r}")


def date_text(d: dt.date) -> str:
    """How Norvanian documents print dates: ``07.03.1981``."""
    return d.strftime("%d.%m.%Y")
