"""Search keys: the normalized text the case search compares with."""

from __future__ import annotations

import re
import unicodedata

_NON_KEY = re.compile(r"[^A-Z0-9]+")


def search_key(text: str | None) -> str:
    """Upper case, accents removed, MRZ fillers and punctuation as single spaces.

    ``"Müller-Lüdenscheidt"`` → ``"MULLER LUDENSCHEIDT"``; ``"L898902C3<"`` →
    ``"L898902C3"``. Must stay equal to the key of migration 0002 (a test checks).
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).upper()
    text = _NON_KEY.sub(" ", text.replace("<", " "))
    return " ".join(text.split())


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix``
    (keys are ASCII, compared byte by byte), so ``prefix <= k < bound`` is a
    prefix match that a B-tree index answers."""
    if not prefix:
        raise ValueError("empty prefix")
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)
