"""ISO 7816-4 command and response APDUs, status words, and the transport protocol.

A *transport* is anything that sends one command APDU to a chip and returns
the response APDU (data followed by SW1 SW2): a PC/SC card connection, the
in-process simulated chip, a test double. The chip package drives every chip
through this one protocol.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from workstation.errors import WorkstationError

SW_OK = 0x9000

#: Plain-language meaning of the status words a reader meets reading an eMRTD.
STATUS_WORDS: dict[int, str] = {
    0x6282: "end of file reached before the requested length",
    0x6700: "wrong length",
    0x6881: "logical channel not supported",
    0x6882: "secure messaging not supported",
    0x6982: "security status not satisfied (access control needed)",
    0x6983: "authentication method blocked",
    0x6984: "reference data not usable",
    0x6985: "conditions of use not satisfied",
    0x6987: "secure messaging data objects missing",
    0x6988: "secure messaging data objects incorrect",
    0x6A80: "incorrect data",
    0x6A82: "file not found",
    0x6A86: "incorrect P1 P2",
    0x6A88: "referenced data not found",
    0x6B00: "offset outside the file",
    0x6D00: "instruction not supported",
    0x6E00: "class not supported",
    0x6F00: "unknown error in the chip",
}


def describe_sw(sw: int) -> str:
    """``"6A82 file not found"``-style text for a status word."""
    if sw >> 8 == 0x6C:
        meaning = f"wrong length, exactly {sw & 0xFF} bytes available"
    elif sw >> 8 == 0x61:
        meaning = f"{sw & 0xFF or 256} more bytes available"
    elif sw >> 4 == 0x63C:
        meaning = f"verification failed, {sw & 0x0F} tries left"
    else:
        meaning = STATUS_WORDS.get(sw, "unexpected status")
    return f"{sw:04X} {meaning}"


class ChipError(WorkstationError):
    """A chip answered with an error, broke the protocol, or went away.

    ``sw`` is the status word when the chip answered one (else ``None``).
    """

    def __init__(self, message: str, sw: int | None = None) -> None:
        self.sw = sw
        super().__init__(message)


class ChipCancelled(ChipError):
    """Reading the chip was cancelled."""


@runtime_checkable
class Transport(Protocol):
    """Sends one command APDU and returns the response APDU (data + SW1 SW2)."""

    def transmit(self, apdu: bytes) -> bytes:
        """Send ``apdu``; returns the response bytes including the status word.

        Raises:
            ChipError: the card was removed or the reader failed.
        """
        ...


@dataclass(frozen=True)
class Command:
    """A command APDU. ``le`` is the expected response length (``None``: no Le;
    ``0`` or 256: up to 256 bytes; above 256: extended length)."""

    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    le: int | None = None

    def encode(self) -> bytes:
        """The APDU bytes (short form unless the data or Le need extended length)."""
        head = bytes([self.cla, self.ins, self.p1, self.p2])
        extended = len(self.data) > 255 or (self.le is not None and self.le > 256)
        out = bytearray(head)
        if extended:
            if self.data:
                out += b"\x00" + len(self.data).to_bytes(2, "big") + self.data
            if self.le is not None:
                le = 0 if self.le >= 65536 else self.le
                out += (b"" if self.data else b"\x00") + le.to_bytes(2, "big")
            return bytes(out)
        if self.data:
            out += bytes([len(self.data)]) + self.data
        if self.le is not None:
            out.append(0 if self.le >= 256 else self.le)
        return bytes(out)

    @classmethod
    def decode(cls, raw: bytes) -> Command:
        """Parse APDU bytes (cases 1-4, short and extended).

        Raises:
            ChipError: malformed APDU.
        """
        if len(raw) < 4:
            raise ChipError("APDU shorter than its header", 0x6700)
        cla, ins, p1, p2 = raw[:4]
        body = raw[4:]
        if not body:
            return cls(cla, ins, p1, p2)
        if len(body) == 1:
            return cls(cla, ins, p1, p2, b"", body[0] or 256)
        if body[0] != 0:
            lc = body[0]
            if len(body) == 1 + lc:
                return cls(cla, ins, p1, p2, bytes(body[1:]))
            if len(body) == 2 + lc:
                return cls(cla, ins, p1, p2, bytes(body[1:1 + lc]), body[-1] or 256)
            raise ChipError("APDU length does not match Lc", 0x6700)
        # extended
        if len(body) == 3:
            return cls(cla, ins, p1, p2, b"", int.from_bytes(body[1:3], "big") or 65536)
        lc = int.from_bytes(body[1:3], "big")
        if len(body) == 3 + lc:
            return cls(cla, ins, p1, p2, bytes(body[3:]))
        if len(body) == 5 + lc:
            le = int.from_bytes(body[-2:], "big") or 65536
            return cls(cla, ins, p1, p2, bytes(body[3:3 + lc]), le)
        raise ChipError("extended APDU length does not match Lc", 0x6700)


@dataclass(frozen=True)
class Response:
    """A response APDU: ``data`` and the status word ``sw``."""

    data: bytes
    sw: int

    @property
    def ok(self) -> bool:
        return self.sw == SW_OK

    def encode(self) -> bytes:
        return self.data + self.sw.to_bytes(2, "big")

    @classmethod
    def decode(cls, raw: bytes) -> Response:
        if len(raw) < 2:
            raise ChipError(f"response of {len(raw)} bytes has no status word")
        return cls(bytes(raw[:-2]), int.from_bytes(raw[-2:], "big"))

    def check(self, what: str) -> Response:
        """``self`` when the status is 9000; :class:`ChipError` naming ``what`` otherwise."""
        if self.sw != SW_OK:
            raise ChipError(f"{what}: {describe_sw(self.sw)}", self.sw)
        return self


def send(transport: Transport, command: Command) -> Response:
    """Send ``command`` over ``transport`` (plain, no secure messaging)."""
    return Response.decode(transport.transmit(command.encode()))
