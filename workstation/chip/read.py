"""Reading a chip end to end: access control (PACE first when EF.CardAccess offers it,
BAC as the fall-back, reported), the LDS files, then Chip and Active Authentication.

:func:`read_chip` is what the command line, the examination and a window's chip
panel call: a transport in, a :class:`ChipRead` out, with a progress callback
``progress(fraction 0..1, message)`` and a ``cancel`` callable polled before
every command.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from workstation.chip import bac, pace
from workstation.chip.apdu import ChipCancelled, ChipError, Transport
from workstation.chip.auth import (
    NOT_OFFERED,
    AuthResult,
    active_authentication,
    chip_authentication,
)
from workstation.chip.keys import AccessKey, CanKey, MrzKey
from workstation.chip.lds import TAG_DG, parse_com
from workstation.chip.security_infos import SecurityInfos, parse_security_infos
from workstation.chip.session import ChipSession
from workstation.errors import FormatError

Progress = Callable[[float, str], None]
"""``progress(fraction 0..1, message)``."""

#: File identifiers by file name.
FILE_IDS: dict[str, int] = {"EF.COM": 0x011E, "EF.SOD": 0x011D,
                            **{f"DG{n}": 0x0100 + n for n in range(1, 17)}}

#: Data groups read when EF.COM lists them (DG3 and DG4 need extended access control).
READ_GROUPS: tuple[int, ...] = (1, 2, 5, 7, 11, 12, 13, 14, 15, 16)


@dataclass(frozen=True)
class ChipRead:
    """What reading a chip gave.

    Attributes:
        files: ``EF.COM``, ``EF.SOD``, ``DGn``, ``EF.CardAccess`` -> bytes read.
        access: ``PACE`` or ``BAC``.
        access_protocol: the access protocol in words (``PACE-ECDH-GM-AES128 ...``).
        pace_fallback: why PACE was not used although offered (``""`` when it was, or
            was not offered).
        chip_auth, active_auth: the two chip authentications.
        skipped: file -> why it was not read (e.g. DG3: extended access control).
        notes: READ BINARY fall-backs and other remarks.
        timings_ms: ``access``, ``files``, ``authentication``, ``total``.
        reader: the card reader's name.
        atr: the chip's answer to reset (hex), when known.
    """

    files: dict[str, bytes]
    access: str
    access_protocol: str
    pace_fallback: str = ""
    chip_auth: AuthResult = NOT_OFFERED
    active_auth: AuthResult = NOT_OFFERED
    skipped: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict)
    reader: str = ""
    atr: str = ""

    def to_json(self) -> dict[str, Any]:
        """The ``chip.json`` a read writes beside the files."""
        return {
            "format": "workstation.chip/1", "reader": self.reader, "atr": self.atr,
            "access": self.access, "access_protocol": self.access_protocol,
            "pace_fallback": self.pace_fallback, "files": sorted(self.files),
            "skipped": dict(self.skipped), "notes": list(self.notes),
            "chip_authentication": self.chip_auth.to_json(),
            "active_authentication": self.active_auth.to_json(),
            "timings_ms": dict(self.timings_ms),
        }


def _card_access(session: ChipSession) -> tuple[bytes, SecurityInfos | None]:
    """EF.CardAccess as read (``b""`` when the chip has none) and what it offers."""
    try:
        resp = session.select_file(0x011C, "EF.CardAccess")
        if not resp.ok:
            return b"", None
        raw = session.read_file(0x011C, "EF.CardAccess")
    except ChipCancelled:
        raise
    except ChipError:
        return b"", None
    try:
        return raw, parse_security_infos(raw)
    except FormatError:
        session.log.append("EF.CardAccess is malformed; PACE not tried")
        return raw, None


def read_chip(transport: Transport, key: AccessKey, *, progress: Progress | None = None,
              cancel: Callable[[], bool] | None = None, prefer_pace: bool = True,
              reset: Callable[[], None] | None = None, reader: str = "",
              atr: bytes = b"") -> ChipRead:
    """Open the chip with ``key`` and read it.

    Args:
        transport: the card connection.
        key: the MRZ's key (BAC or PACE) or a card access number (PACE only).
        progress: called as steps complete.
        cancel: returns ``True`` to stop (raises :class:`ChipCancelled`).
        prefer_pace: try PACE first when offered (ICAO's order); ``False`` goes to BAC.
        reset: power-cycles the chip (used before falling back from PACE to BAC).
        reader, atr: recorded in the result.

    Raises:
        ChipError: the chip refused the key, or failed (the message says which step).
        ChipCancelled: cancelled.
    """
    t0 = time.perf_counter()
    timings: dict[str, float] = {}
    session = ChipSession(transport, cancelled=cancel or (lambda: False))

    def step(fraction: float, message: str) -> None:
        if session.cancelled():
            raise ChipCancelled("reading the chip was cancelled")
        if progress is not None:
            progress(fraction, message)

    step(0.0, "looking for PACE (EF.CardAccess)")
    card_access, infos = _card_access(session)
    offered = [p for p in (infos.pace if infos else []) if pace.supported(p)]
    unsupported = [p.describe() for p in (infos.pace if infos else []) if not pace.supported(p)]
    fallback = ""
    access = protocol = ""
    files: dict[str, bytes] = {}
    if card_access:
        files["EF.CardAccess"] = card_access
    if offered and prefer_pace:
        step(0.05, f"PACE ({offered[0].describe()})")
        try:
            session.sm = pace.authenticate(transport, key, offered[0])
            access, protocol = "PACE", offered[0].describe()
        except ChipError as exc:
            if isinstance(exc, ChipCancelled):
                raise
            if isinstance(key, CanKey):
                raise
            fallback = f"PACE failed ({exc}); fell back to BAC"
    elif unsupported and prefer_pace:
        fallback = f"the chip offers {', '.join(unsupported)}, not supported here; used BAC"
    elif offered:
        fallback = "PACE offered but not tried (BAC asked for)"
    if not access:
        if isinstance(key, CanKey):
            raise ChipError("the chip offers no PACE this reader supports; a card access number "
                            "opens only PACE (give the MRZ for BAC)")
        if fallback and reset is not None:
            reset()
        session.sm = None
        step(0.1, "BAC")
        try:
            session.select_application()
        except ChipError as exc:
            raise ChipError(f"no eMRTD application on the chip ({exc})", exc.sw) from None
        assert isinstance(key, MrzKey)
        try:
            session.sm = bac.authenticate(transport, key)
        except ChipError as exc:
            if fallback.startswith("PACE failed"):
                raise ChipError(f"{exc}; {fallback.replace('; fell back to BAC', '')} too",
                                exc.sw) from None
            raise
        access, protocol = "BAC", "BAC (3DES secure messaging)"
    else:
        session.select_application()
    timings["access"] = round((time.perf_counter() - t0) * 1000.0, 1)

    t1 = time.perf_counter()
    step(0.15, "reading EF.COM")
    skipped: dict[str, str] = {}
    files["EF.COM"] = session.read_file(FILE_IDS["EF.COM"], "EF.COM")
    try:
        listed = [g for g in parse_com(files["EF.COM"]).data_groups]
    except FormatError:
        listed = []
        session.log.append("EF.COM is malformed; reading the data groups the SOD lists")
    step(0.2, "reading EF.SOD")
    files["EF.SOD"] = session.read_file(FILE_IDS["EF.SOD"], "EF.SOD")
    if not listed:
        from workstation.chip.sod import parse_sod

        try:
            listed = sorted(parse_sod(files["EF.SOD"]).hashes)
        except FormatError:
            listed = [1, 2]
    wanted = [g for g in listed if g in READ_GROUPS]
    for g in listed:
        if g not in READ_GROUPS:
            skipped[f"DG{g}"] = "protected by extended access control (not read)"
    for i, g in enumerate(wanted):
        name = f"DG{g}"
        frac = 0.25 + 0.55 * i / max(1, len(wanted))
        step(frac, f"reading {name}")

        def file_progress(done: int, total: int, frac: float = frac, name: str = name) -> None:
            if progress is not None:
                progress(frac + 0.55 / max(1, len(wanted)) * done / max(1, total),
                         f"reading {name} ({done}/{total} bytes)")

        try:
            files[name] = session.read_file(FILE_IDS[name], name, file_progress)
        except ChipCancelled:
            raise
        except ChipError as exc:
            if exc.sw in (0x6982, 0x6A82):
                skipped[name] = "not readable (" + ("access denied" if exc.sw == 0x6982
                                                    else "not on the chip") + ")"
                continue
            raise
        if files[name][:1] and files[name][0] != next(
                (t for t, n in TAG_DG.items() if n == g), files[name][0]):
            session.log.append(f"{name} starts with an unexpected tag {files[name][0]:02X}")
    timings["files"] = round((time.perf_counter() - t1) * 1000.0, 1)

    t2 = time.perf_counter()
    dg14 = None
    if "DG14" in files:
        try:
            dg14 = parse_security_infos(files["DG14"])
        except FormatError as exc:
            session.log.append(f"DG14 malformed: {exc.problem}")
    step(0.85, "Chip Authentication")
    ca = chip_authentication(session, dg14)
    step(0.92, "Active Authentication")
    aa = active_authentication(session, files.get("DG15"), dg14) if ca.passed is not False \
        else (AuthResult(True, False, None, "Active Authentication",
                         "not run: Chip Authentication failed") if "DG15" in files
              else NOT_OFFERED)
    timings["authentication"] = round((time.perf_counter() - t2) * 1000.0, 1)
    timings["total"] = round((time.perf_counter() - t0) * 1000.0, 1)
    step(1.0, "chip read")
    return ChipRead(files=files, access=access, access_protocol=protocol,
                    pace_fallback=fallback, chip_auth=ca, active_auth=aa, skipped=skipped,
                    notes=tuple(session.log), timings_ms=timings, reader=reader,
                    atr=atr.hex().upper())
