"""USB HID relay boards ("USBRelayN", USB ID 16c0:05df) driven through pyusb.

These cheap boards (one, two, four or eight relays) are V-USB HID devices
without a serial number in their USB descriptor: their five-character serial
and the relay states are read from an 8-byte HID *feature report*.

Wire protocol (HID class requests on endpoint 0, interface 0, report id 0):

* SET_REPORT — ``bmRequestType 0x21``, ``bRequest 0x09``, ``wValue 0x0300``
  (feature report, id 0), ``wIndex 0``, 8-byte payload:
  ``[0xFF, n, 0, 0, 0, 0, 0, 0]`` relay *n* on, ``[0xFD, n, 0...]`` relay *n*
  off, ``[0xFE, 0...]`` all on, ``[0xFC, 0...]`` all off.
* GET_REPORT — ``bmRequestType 0xA1``, ``bRequest 0x01``, ``wValue 0x0300``,
  ``wIndex 0``, ``wLength 8``: bytes 0–4 are the serial (ASCII), byte 7 the
  relay states as a bit mask (bit 0 = relay 1).

Relays count from 1. libusb comes from the ``libusb-package`` wheel, so no
system library is needed; tests pass a fake pyusb backend instead.
"""

from __future__ import annotations

import contextlib
import errno as _errno
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from workstation.errors import DeviceError

VENDOR_ID = 0x16C0
PRODUCT_ID = 0x05DF
PRODUCT_PREFIX = "USBRelay"

REQ_TYPE_SET = 0x21  # host to device, class, interface
REQ_TYPE_GET = 0xA1  # device to host, class, interface
HID_SET_REPORT = 0x09
HID_GET_REPORT = 0x01
FEATURE_REPORT_0 = 0x0300
INTERFACE = 0
REPORT_LEN = 8

CMD_ON = 0xFF
CMD_OFF = 0xFD
CMD_ALL_ON = 0xFE
CMD_ALL_OFF = 0xFC

TIMEOUT_MS = 1000
MAX_CHANNELS = 8


def default_backend() -> Any:
    """The libusb-1.0 pyusb backend, with libusb from ``libusb-package``.

    Raises:
        DeviceError: when no libusb can be loaded.
    """
    try:
        import libusb_package
        import usb.backend.libusb1 as libusb1

        backend = libusb1.get_backend(find_library=libusb_package.find_library)
    except Exception as exc:  # a broken libusb install must not crash the program
        raise DeviceError("USB", f"libusb is not usable: {exc}") from None
    if backend is None:
        raise DeviceError("USB", "libusb could not be loaded (libusb-package missing?)")
    return backend


def _usb_problem(exc: Exception) -> str:
    """A plain-language reason for a pyusb error."""
    code = getattr(exc, "errno", None)
    if code in (_errno.ENODEV, _errno.ENOENT, _errno.ESHUTDOWN):
        return "is not connected any more (unplugged?)"
    if code == _errno.EACCES:
        return ("permission denied: allow access to USB device 16c0:05df "
                "(a udev rule on Linux)")
    if code == _errno.EBUSY:
        return "is busy: another program holds it"
    if code == _errno.ETIMEDOUT:
        return "did not answer in time"
    if code == _errno.EPIPE:
        return "refused the request"
    return f"USB error: {exc}"


@dataclass(frozen=True)
class RelayBoardInfo:
    """One attached board as :func:`list_boards` sees it."""

    serial: str
    channels: int
    product: str
    bus: int | None
    address: int | None

    def to_json(self) -> dict[str, Any]:
        return {"kind": "usb_relay", "serial": self.serial, "channels": self.channels,
                "product": self.product, "usb_id": f"{VENDOR_ID:04x}:{PRODUCT_ID:04x}",
                "bus": self.bus, "address": self.address}


def _find_devices(backend: Any) -> list[Any]:
    import usb.core

    try:
        return list(usb.core.find(find_all=True, idVendor=VENDOR_ID, idProduct=PRODUCT_ID,
                                  backend=backend))
    except usb.core.NoBackendError:
        raise DeviceError("USB", "no USB backend available (libusb missing)") from None
    except usb.core.USBError as exc:
        raise DeviceError("USB", f"cannot list USB devices: {exc}") from None


def _product_of(dev: Any) -> str | None:
    """The product string, or ``None`` when it cannot be read (permissions)."""
    import usb.core
    import usb.util

    try:
        name = usb.util.get_string(dev, dev.iProduct)
    except (usb.core.USBError, ValueError):
        return None
    return name if isinstance(name, str) else None


def _channels_from_product(product: str | None) -> int:
    if product and product.startswith(PRODUCT_PREFIX):
        digits = product[len(PRODUCT_PREFIX):]
        if digits.isdigit() and 1 <= int(digits) <= MAX_CHANNELS:
            return int(digits)
    return MAX_CHANNELS


class UsbRelayBoard:
    """One USB HID relay board.

    Open with :meth:`open`; then :meth:`switch`, :meth:`switch_all` and
    :meth:`state`. Every USB failure is a :class:`DeviceError` naming the board
    (``"USB relay board <serial>"``).
    """

    def __init__(self, device: Any, *, serial: str, channels: int, product: str,
                 backend: Any = None) -> None:
        self._dev = device
        self._serial = serial
        self._channels = channels
        self._product = product
        self._backend = backend
        self._lock = threading.RLock()
        self._closed = False

    # -- opening ----------------------------------------------------------------------------
    @classmethod
    def open(cls, serial: str | None = None, backend: Any = None) -> UsbRelayBoard:
        """Open the board with ``serial`` (the first board found when ``None``).

        ``backend`` is a pyusb backend object; by default libusb-1.0 from
        ``libusb-package``.

        Raises:
            DeviceError: no such board attached, or it cannot be opened.
        """
        backend = backend if backend is not None else default_backend()
        wanted = f"USB relay board {serial}" if serial else "USB relay board"
        seen: list[str] = []
        for dev in _find_devices(backend):
            product = _product_of(dev)
            if product is not None and not product.startswith(PRODUCT_PREFIX):
                continue  # another V-USB device sharing the shared 16c0:05df id
            board = cls(dev, serial="?", channels=_channels_from_product(product),
                        product=product or PRODUCT_PREFIX, backend=backend)
            try:
                board._prepare()
                board_serial, _ = board._read_report()
            except DeviceError:
                board._release()
                if serial is None:
                    raise
                continue
            board._serial = board_serial
            if serial is None or board_serial == serial:
                return board
            seen.append(board_serial)
            board._release()
        where = f"USB {VENDOR_ID:04x}:{PRODUCT_ID:04x}"
        if seen:
            raise DeviceError(wanted, f"not found on {where} (attached: {', '.join(seen)})")
        raise DeviceError(wanted, f"not found: no {PRODUCT_PREFIX} board on {where} "
                                  "(is it plugged in?)")

    def _prepare(self) -> None:
        """Detach the kernel's HID driver from interface 0 so libusb may use it."""
        import usb.core

        try:
            active = self._dev.is_kernel_driver_active(INTERFACE)
        except (usb.core.USBError, RuntimeError):
            # Windows/macOS: the backend cannot tell (there is no kernel driver to detach)
            return
        if not active:
            return
        try:
            self._dev.detach_kernel_driver(INTERFACE)
        except usb.core.USBError as exc:
            raise DeviceError(self.device_name, _usb_problem(exc)) from None

    def _release(self) -> None:
        import usb.core
        import usb.util

        with contextlib.suppress(usb.core.USBError):
            usb.util.dispose_resources(self._dev)

    # -- properties -------------------------------------------------------------------------
    @property
    def serial(self) -> str:
        """The board's five-character serial (from its feature report)."""
        return self._serial

    @property
    def channels(self) -> int:
        """Number of relays (from the product string ``USBRelayN``)."""
        return self._channels

    @property
    def device_name(self) -> str:
        """How errors and the window name this board."""
        return f"USB relay board {self._serial}"

    def info(self) -> RelayBoardInfo:
        """Serial, channels and USB address of this board."""
        return RelayBoardInfo(self._serial, self._channels, self._product,
                              getattr(self._dev, "bus", None), getattr(self._dev, "address", None))

    # -- commands ---------------------------------------------------------------------------
    def switch(self, channel: int, on: bool) -> None:
        """Switch relay ``channel`` (from 1) on or off.

        Raises:
            ValueError: ``channel`` outside ``1..channels``.
            DeviceError: the board did not take the command.
        """
        if isinstance(channel, bool) or not isinstance(channel, int):
            raise ValueError(f"relay channel must be an int, got {channel!r}")
        if not 1 <= channel <= self._channels:
            raise ValueError(f"relay channel {channel} outside 1..{self._channels}")
        self._send(CMD_ON if on else CMD_OFF, channel)

    def switch_all(self, on: bool) -> None:
        """Switch every relay on or off."""
        self._send(CMD_ALL_ON if on else CMD_ALL_OFF, 0)

    def state(self) -> set[int]:
        """The set of relays that are on (counting from 1), read back from the board."""
        _, mask = self._read_report()
        return {bit + 1 for bit in range(self._channels) if mask & (1 << bit)}

    def set_only(self, channels: Iterable[int]) -> None:
        """Switch exactly ``channels`` on: every other relay off first, then these on."""
        wanted = set(channels)
        with self._lock:
            current = self.state()
            for ch in sorted(current - wanted):
                self.switch(ch, False)
            for ch in sorted(wanted - current):
                self.switch(ch, True)

    def release_interface(self) -> None:
        """Let go of the interface between commands (the next command claims it again), so
        another process — the lamp watchdog — can reach the board while we hold it open."""
        import usb.core
        import usb.util

        with self._lock, contextlib.suppress(usb.core.USBError, ValueError):
            usb.util.release_interface(self._dev, INTERFACE)

    def close(self) -> None:
        """Release the USB device (relays keep their state)."""
        if not self._closed:
            self._closed = True
            self._release()

    # -- wire -------------------------------------------------------------------------------
    def _send(self, cmd: int, channel: int) -> None:
        import usb.core

        payload = bytes([cmd, channel, 0, 0, 0, 0, 0, 0])
        with self._lock:
            self._check_open()
            try:
                sent = self._dev.ctrl_transfer(REQ_TYPE_SET, HID_SET_REPORT, FEATURE_REPORT_0,
                                               INTERFACE, payload, TIMEOUT_MS)
            except usb.core.USBError as exc:
                raise DeviceError(self.device_name, _usb_problem(exc)) from None
        if sent != REPORT_LEN:
            raise DeviceError(self.device_name, f"took {sent} of {REPORT_LEN} bytes")

    def _read_report(self) -> tuple[str, int]:
        import usb.core

        with self._lock:
            self._check_open()
            try:
                data = self._dev.ctrl_transfer(REQ_TYPE_GET, HID_GET_REPORT, FEATURE_REPORT_0,
                                               INTERFACE, REPORT_LEN, TIMEOUT_MS)
            except usb.core.USBError as exc:
                raise DeviceError(self.device_name, _usb_problem(exc)) from None
        raw = bytes(data)
        if len(raw) < REPORT_LEN:
            raise DeviceError(self.device_name, f"short feature report ({len(raw)} bytes)")
        serial = raw[:5].rstrip(b"\x00").decode("ascii", errors="replace")
        return serial, raw[7]

    def _check_open(self) -> None:
        if self._closed:
            raise DeviceError(self.device_name, "is closed")

    def __enter__(self) -> UsbRelayBoard:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"UsbRelayBoard(serial={self._serial!r}, channels={self._channels})"


def list_boards(backend: Any = None) -> list[RelayBoardInfo]:
    """Every relay board attached (an empty list when there are none or no libusb)."""
    try:
        backend = backend if backend is not None else default_backend()
        devices = _find_devices(backend)
    except DeviceError:
        return []
    out: list[RelayBoardInfo] = []
    for dev in devices:
        product = _product_of(dev)
        if product is not None and not product.startswith(PRODUCT_PREFIX):
            continue
        board = UsbRelayBoard(dev, serial="?", channels=_channels_from_product(product),
                              product=product or PRODUCT_PREFIX, backend=backend)
        try:
            board._prepare()
            serial, _ = board._read_report()
        except DeviceError:
            serial = "?"
        finally:
            board._release()
        out.append(RelayBoardInfo(serial, board.channels, product or PRODUCT_PREFIX,
                                  getattr(dev, "bus", None), getattr(dev, "address", None)))
    return out
