"""asn1crypto's OID tables kept complete, whoever extends them and whenever.

asn1crypto builds each OID class's name -> OID table (``_reverse_map``) on first
use and never again. Names that other modules add to the class's OID -> name table
(``_map``) later — ``asn1crypto.tsp``'s ``signing_certificate_v2``, pyHanko's CAdES
attributes and certificate extensions — were then unknown by name: pyHanko's
signing failed once a chip check had built the tables first.

Importing pyHanko up front would fix the order but costs about half a second of
CPU (its signers pull in aiohttp) in every examination with a chip. Instead, the
OID -> name table of every asn1crypto OID class is replaced by :class:`_Table`, a
``dict`` that also adds each new entry to the name -> OID tables already built from
it (as pyHanko itself does for the few entries it adds that way). Every module of this
program that touches CMS imports :mod:`asn1crypto.cms` through here.
"""

from __future__ import annotations

from typing import Any

import asn1crypto.algos
import asn1crypto.crl
import asn1crypto.keys
import asn1crypto.ocsp
import asn1crypto.pdf
import asn1crypto.tsp
import asn1crypto.x509
from asn1crypto import cms, core

__all__ = ["cms", "install_tables"]


def _subclasses(cls: type) -> list[type]:
    out: list[type] = []
    pending: list[type] = [cls]
    while pending:
        sub: type
        for sub in pending.pop().__subclasses__():
            out.append(sub)
            pending.append(sub)
    return out


class _Table(dict[Any, Any]):
    """An OID class's OID -> name table that adds each new entry to the name -> OID
    tables asn1crypto already built from it (its class's and subclasses' sharing it)."""

    def __init__(self, owner: type, items: dict[Any, Any]) -> None:
        super().__init__(items)
        self._owner = owner

    def _reverse_tables(self) -> list[dict[Any, Any]]:
        out = []
        for cls in (self._owner, *_subclasses(self._owner)):
            rev = cls.__dict__.get("_reverse_map")
            if isinstance(rev, dict) and cls.__dict__.get("_map", self) is self:
                out.append(rev)
        return out

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(key, value)
        for rev in self._reverse_tables():
            rev[value] = key

    def update(self, *args: Any, **kwargs: Any) -> None:
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def setdefault(self, key: Any, default: Any = None) -> Any:
        if key not in self:
            self[key] = default
        return self[key]


def install_tables() -> int:
    """Give every asn1crypto OID class loaded so far a :class:`_Table` (and bring a
    name -> OID table already built up to date); returns how many were installed by
    this call. Run at import of this module; classes defined later by other libraries
    are created with their complete tables."""
    n = 0
    for cls in _subclasses(core.ObjectIdentifier):
        table = cls.__dict__.get("_map")
        if isinstance(table, dict) and not isinstance(table, _Table):
            cls._map = _Table(cls, table)  # type: ignore[attr-defined]
            for rev in cls._map._reverse_tables():  # type: ignore[attr-defined]
                rev.clear()
                rev.update({name: oid for oid, name in table.items()})
            n += 1
    return n


_EXTENSIONS = (asn1crypto.algos, asn1crypto.crl, asn1crypto.keys, asn1crypto.ocsp,
               asn1crypto.pdf, asn1crypto.tsp, asn1crypto.x509)
install_tables()
