"""One conversation with a chip: commands through secure messaging when it is on,
SELECT, and READ BINARY in chunks that fall back to shorter reads when the chip
refuses a length."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from workstation.chip.apdu import ChipCancelled, ChipError, Command, Response, Transport, send
from workstation.chip.sm import SecureMessaging
from workstation.chip.tlv import TlvError, header_length

#: READ BINARY lengths tried in turn: the first that the chip accepts is kept.
READ_LENGTHS: tuple[int, ...] = (0xDF, 0xA0, 0x70, 0x40, 0x20)

#: Files bigger than this are refused (a DG2 is rarely above 100 kB).
MAX_FILE_BYTES = 2 * 1024 * 1024


@dataclass
class ChipSession:
    """The transport, the secure-messaging channel once access control ran, and a log.

    Attributes:
        transport: sends APDUs.
        sm: the secure-messaging channel (``None`` before access control).
        read_length: the READ BINARY length in use (shrinks when the chip refuses).
        log: notes on what happened (fall-backs, refusals), for the report.
        cancelled: polled before each command; when it returns ``True`` the read stops.
    """

    transport: Transport
    sm: SecureMessaging | None = None
    read_length: int = READ_LENGTHS[0]
    log: list[str] = field(default_factory=list)
    cancelled: Callable[[], bool] = lambda: False
    commands: int = 0

    def send(self, cmd: Command) -> Response:
        """Send ``cmd`` (protected when secure messaging is on)."""
        if self.cancelled():
            raise ChipCancelled("reading the chip was cancelled")
        self.commands += 1
        if self.sm is None:
            return send(self.transport, cmd)
        raw = send(self.transport, self.sm.protect(cmd))
        return self.sm.unprotect(raw)

    def select_application(self) -> None:
        """SELECT the eMRTD application (AID A0 00 00 02 47 10 01)."""
        self.send(Command(0x00, 0xA4, 0x04, 0x0C, bytes.fromhex("A0000002471001"))) \
            .check("SELECT eMRTD application")

    def select_file(self, fid: int, what: str) -> Response:
        """SELECT an elementary file by identifier (no answer data wanted)."""
        return self.send(Command(0x00, 0xA4, 0x02, 0x0C, fid.to_bytes(2, "big")))

    def _read(self, offset: int, length: int) -> Response:
        return self.send(Command(0x00, 0xB0, (offset >> 8) & 0x7F, offset & 0xFF, le=length))

    def read_binary(self, offset: int, length: int, what: str) -> bytes:
        """READ BINARY of up to ``length`` bytes at ``offset``; on ``6700``/``6Cxx``
        retries with shorter reads (and keeps the length that worked)."""
        want = min(length, self.read_length)
        while True:
            resp = self._read(offset, want)
            if resp.sw >> 8 == 0x6C and 0 < (resp.sw & 0xFF) < want:
                want = resp.sw & 0xFF
                continue
            if resp.sw == 0x6700 or (resp.sw >> 8 == 0x6C):
                shorter = [n for n in READ_LENGTHS if n < want]
                if not shorter:
                    resp.check(f"READ BINARY {what}")
                self.log.append(f"{what}: the chip refused reads of {want} bytes; "
                                f"reading {shorter[0]} at a time")
                want = self.read_length = shorter[0]
                continue
            if resp.sw == 0x6282:
                return resp.data
            resp.check(f"READ BINARY {what}")
            return resp.data

    def read_file(self, fid: int, what: str,
                  progress: Callable[[int, int], None] | None = None) -> bytes:
        """SELECT and read a whole file (its length from the first TLV header).

        Raises:
            ChipError: the file is missing (``6A82``) or protected (``6982``), or the
                chip fails.
        """
        self.select_file(fid, what).check(f"SELECT {what}")
        head = self.read_binary(0, 8, what)
        if len(head) < 2:
            raise ChipError(f"{what}: the file is empty")
        try:
            hlen, vlen = header_length(head)
        except TlvError as exc:
            raise ChipError(f"{what}: not a TLV file ({exc.problem})") from None
        total = hlen + vlen
        if total > MAX_FILE_BYTES:
            raise ChipError(f"{what}: claims {total} bytes, more than any LDS file holds")
        data = bytearray(head[:total])
        while len(data) < total:
            chunk = self.read_binary(len(data), total - len(data), what)
            if not chunk:
                raise ChipError(f"{what}: the chip returned no data at offset {len(data)}")
            data += chunk
            if progress is not None:
                progress(len(data), total)
        return bytes(data[:total])
