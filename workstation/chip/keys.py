"""The access keys of a chip: from the MRZ (BAC, PACE) or a card access number (PACE).

ICAO 9303-11 §9.7.2: the MRZ information is the document number (padded with
``<`` to at least nine characters) and its check digit, the date of birth and
its check digit, the date of expiry and its check digit. A TD1 (or TD2)
document number longer than nine characters is printed as its first nine
characters, a ``<`` where the check digit would stand, and the rest followed by
the check digit at the start of the optional data; the key uses the whole
number and that check digit.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from workstation.errors import InputError
from workstation.mrz.checkdigit import check_digit

_DATE = re.compile(r"^\d{6}$")


@dataclass(frozen=True)
class MrzKey:
    """Document number and dates (``YYMMDD``) of a document, as in its MRZ."""

    document_number: str
    birth_date: str
    expiry_date: str

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[A-Z0-9<]{1,30}", self.document_number):
            raise InputError(f"document number {self.document_number!r}: MRZ characters only")
        for name in ("birth_date", "expiry_date"):
            if not _DATE.match(getattr(self, name)):
                raise InputError(f"{name.replace('_', ' ')} must be YYMMDD, "
                                 f"got {getattr(self, name)!r}")

    @property
    def mrz_information(self) -> str:
        """The string the keys are hashed from (part 11 §9.7.2)."""
        number = self.document_number.ljust(9, "<")
        return (number + check_digit(number) + self.birth_date + check_digit(self.birth_date)
                + self.expiry_date + check_digit(self.expiry_date))

    def seed(self) -> bytes:
        """``K = SHA-1(MRZ information)``, all 20 bytes (PACE uses them all)."""
        return hashlib.sha1(self.mrz_information.encode("ascii")).digest()

    @classmethod
    def from_mrz_lines(cls, lines: Sequence[str]) -> MrzKey:
        """The key of a printed MRZ (TD1: 3 x 30, TD2: 2 x 36, TD3: 2 x 44 characters).

        Raises:
            InputError: the lines are not an MRZ of those formats.
        """
        clean = [ln.strip().upper().replace(" ", "") for ln in lines if ln.strip()]
        lengths = tuple(len(ln) for ln in clean)
        if lengths == (30, 30, 30):
            l1, l2 = clean[0], clean[1]
            number, cd = l1[5:14], l1[14]
            if cd == "<" and l1[15:30].strip("<"):
                rest = l1[15:30].rstrip("<")
                number, cd = number + rest[:-1], rest[-1]
            birth, expiry = l2[0:6], l2[8:14]
        elif lengths in ((36, 36), (44, 44)):
            l2 = clean[1]
            number, cd = l2[0:9], l2[9]
            if lengths == (36, 36) and cd == "<" and l2[28:35].strip("<"):
                rest = l2[28:35].rstrip("<")
                number, cd = number + rest[:-1], rest[-1]
            birth, expiry = l2[13:19], l2[21:27]
        else:
            raise InputError("the MRZ must be 3 lines of 30, 2 of 36 or 2 of 44 characters, "
                             f"got lines of {', '.join(map(str, lengths)) or 'nothing'}")
        key = cls(number.rstrip("<") if len(number) > 9 else number, birth, expiry)
        if len(number) > 9 and check_digit(number) != cd:
            raise InputError(f"document number {number}: check digit {cd} does not verify")
        return key


@dataclass(frozen=True)
class CanKey:
    """A card access number (printed on ID cards; six digits usually)."""

    can: str

    def __post_init__(self) -> None:
        if not re.fullmatch(r"\d{4,12}", self.can):
            raise InputError(f"card access number {self.can!r}: 4 to 12 digits")

    def seed(self) -> bytes:
        """PACE password bytes: the CAN's ASCII digits (part 11 §9.7.3)."""
        return self.can.encode("ascii")


AccessKey = MrzKey | CanKey
