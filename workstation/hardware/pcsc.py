"""PC/SC card readers through pyscard (kind ``pcsc``): contactless e-passport readers.

T=0 and T=1 both work: ``61xx`` answers fetch the rest with GET RESPONSE, ``6Cxx``
resends with the length the chip names. Every PC/SC failure (no daemon, no
reader, card removed) is a :class:`~workstation.errors.DeviceError` naming the
reader. The PC/SC daemon's socket follows ``PCSCLITE_CSOCK_NAME`` (the tests run
a private daemon with a virtual reader this way).
"""

from __future__ import annotations

import contextlib
from typing import Any

from workstation.errors import DeviceError
from workstation.hardware.cardreader import (
    BaseCardReader,
    BaseConnection,
    CardConnection,
    CardReaderConfig,
    register_card_reader,
)


def _readers() -> list[Any]:
    from smartcard.System import readers

    try:
        return list(readers())
    except Exception as exc:  # pyscard raises its own trees (PCSCExceptions, Exceptions)
        raise DeviceError("PC/SC", f"the PC/SC service is not available ({exc})") from None


def pcsc_readers() -> list[tuple[str, bool]]:
    """``(name, chip present)`` for every PC/SC reader; empty when PC/SC is not running."""
    try:
        found = _readers()
    except DeviceError:
        return []
    out = []
    for r in found:
        out.append((str(r), _present(r)))
    return out


def _present(reader: Any) -> bool:
    conn = reader.createConnection()
    try:
        conn.connect()
    except Exception:
        with contextlib.suppress(Exception):
            conn.release()
        return False
    for step in ("disconnect", "release"):
        with contextlib.suppress(Exception):
            getattr(conn, step, lambda: None)()
    return True


class _PcscConnection(BaseConnection):
    def __init__(self, name: str, conn: Any) -> None:
        super().__init__(name, bytes(conn.getATR()))
        self._conn = conn

    def _raw(self, apdu: bytes) -> bytes:
        from smartcard.Exceptions import CardConnectionException

        try:
            data, sw1, sw2 = self._conn.transmit(list(apdu))
        except CardConnectionException as exc:
            raise DeviceError(self._reader, f"the chip stopped answering ({exc}); was the "
                                            "document moved?") from None
        return bytes(data) + bytes([sw1, sw2])

    def _do_transmit(self, apdu: bytes) -> bytes:
        out = self._raw(apdu)
        data = out[:-2]
        for _ in range(64):
            sw1, sw2 = out[-2], out[-1]
            if sw1 == 0x6C and len(apdu) >= 5:
                out = self._raw(apdu[:-1] + bytes([sw2]))
                data = out[:-2]
                continue
            if sw1 == 0x61:
                out = self._raw(bytes([apdu[0] & 0x03, 0xC0, 0x00, 0x00, sw2]))
                data += out[:-2]
                continue
            break
        return data + out[-2:]

    def _do_reset(self) -> None:
        from smartcard.Exceptions import CardConnectionException
        from smartcard.scard import SCARD_RESET_CARD

        try:
            self._conn.reconnect(disposition=SCARD_RESET_CARD)
        except (CardConnectionException, TypeError):
            try:
                self._conn.disconnect()
                self._conn.connect()
            except CardConnectionException as exc:
                raise DeviceError(self._reader, f"cannot reset the chip ({exc})") from None

    def _do_close(self) -> None:
        for step in ("disconnect", "release"):
            with contextlib.suppress(Exception):
                getattr(self._conn, step, lambda: None)()


class PcscCardReader(BaseCardReader):
    """A PC/SC reader, by name (or the first one, or the first whose name contains
    ``name``)."""

    def __init__(self, name: str | None = None) -> None:
        found = _readers()
        if not found:
            raise DeviceError("PC/SC", "no card reader attached")
        chosen = found[0] if not name else next(
            (r for r in found if str(r) == name), None) or next(
            (r for r in found if name.lower() in str(r).lower()), None)
        if chosen is None:
            raise DeviceError(name or "PC/SC", "no such card reader (attached: "
                              + ", ".join(str(r) for r in found) + ")")
        super().__init__(str(chosen))
        self._reader = chosen

    def _do_card_present(self) -> bool:
        return _present(self._reader)

    def _do_connect(self) -> CardConnection:
        from smartcard.Exceptions import CardConnectionException, NoCardException

        conn = self._reader.createConnection()
        try:
            conn.connect()
        except (NoCardException, CardConnectionException) as exc:
            raise DeviceError(self.name, f"cannot connect to the chip ({exc})") from None
        return _PcscConnection(self.name, conn)


def _open(config: CardReaderConfig) -> PcscCardReader:
    return PcscCardReader(config.options.get("reader") or config.options.get("name"))


register_card_reader("pcsc", _open)
