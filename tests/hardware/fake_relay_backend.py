"""A pyusb backend that emulates USB HID relay boards (16c0:05df, "USBRelayN") byte for byte.

The real driver (:mod:`workstation.hardware.usb_relay`) runs unchanged against
it: pyusb builds its ``Device``/``Configuration``/``Interface`` objects from the
descriptors below and sends every request through :meth:`ctrl_transfer`, which
answers as the board's firmware does (string descriptors, HID SET_REPORT and
GET_REPORT feature reports). Every control transfer is logged, and every relay
state the board ever had is kept, so tests can assert the exact bytes and that
two lamps were never lit together.

Unplugging (:meth:`FakeRelayBoard.unplug`) makes the board vanish from the bus
and every open handle fail with ``ENODEV``, as libusb does; plugging it back
in gives a fresh device with every relay off.
"""

from __future__ import annotations

import array
import errno
import threading
from dataclasses import dataclass, field
from typing import Any

import usb.backend
import usb.core

VENDOR_ID = 0x16C0
PRODUCT_ID = 0x05DF


@dataclass
class Transfer:
    """One control transfer as the board saw it (``data``: bytes out, or wLength in)."""

    bmRequestType: int
    bRequest: int
    wValue: int
    wIndex: int
    data: bytes | int


@dataclass
class FakeRelayBoard:
    """The state of one emulated board."""

    serial: str = "QWERT"
    channels: int = 2
    manufacturer: str = "www.dcttech.com"
    bus: int = 1
    address: int = 5
    mask: int = 0
    plugged: bool = True
    kernel_driver: bool = True
    busy: bool = False
    generation: int = 0
    log: list[Transfer] = field(default_factory=list)
    history: list[int] = field(default_factory=list)
    product_name: str = ""

    @property
    def product(self) -> str:
        return self.product_name or f"USBRelay{self.channels}"

    def on(self) -> set[int]:
        """Relays that are on (from 1)."""
        return {b + 1 for b in range(8) if self.mask & (1 << b)}

    def unplug(self) -> None:
        self.plugged = False
        self.mask = 0
        self.generation += 1

    def plug(self) -> None:
        self.plugged = True
        self.mask = 0
        self.kernel_driver = True

    def sets(self) -> list[Transfer]:
        """The SET_REPORT transfers received, in order."""
        return [t for t in self.log if t.bmRequestType == 0x21]


class _Desc:
    def __init__(self, **fields: Any) -> None:
        self.__dict__.update(fields)


@dataclass
class _Handle:
    board: FakeRelayBoard
    generation: int
    claimed: set[int] = field(default_factory=set)
    configuration: int = 1


def _usb_error(code: int, text: str) -> usb.core.USBError:
    libusb_codes = {errno.ENODEV: -4, errno.EBUSY: -6, errno.EPIPE: -9, errno.EACCES: -3}
    return usb.core.USBError(text, libusb_codes.get(code, -99), code)


class FakeRelayBackend(usb.backend.IBackend):  # type: ignore[misc]
    """A pyusb backend with the given boards on its bus."""

    def __init__(self, *boards: FakeRelayBoard) -> None:
        self.boards = list(boards)
        self.lock = threading.Lock()
        self.opened = 0
        self.closed = 0

    # -- enumeration and descriptors --------------------------------------------------------
    def enumerate_devices(self) -> list[FakeRelayBoard]:
        return [b for b in self.boards if b.plugged]

    def get_parent(self, dev: FakeRelayBoard) -> None:
        return None

    def get_device_descriptor(self, dev: FakeRelayBoard) -> _Desc:
        return _Desc(bLength=18, bDescriptorType=1, bcdUSB=0x0110, bDeviceClass=0,
                     bDeviceSubClass=0, bDeviceProtocol=0, bMaxPacketSize0=8,
                     idVendor=VENDOR_ID, idProduct=PRODUCT_ID, bcdDevice=0x0100,
                     iManufacturer=1, iProduct=2, iSerialNumber=0, bNumConfigurations=1,
                     address=dev.address, bus=dev.bus, port_number=1, port_numbers=(1,),
                     speed=1)

    def get_configuration_descriptor(self, dev: FakeRelayBoard, config: int) -> _Desc:
        if config != 0:
            raise IndexError("no such configuration")
        return _Desc(bLength=9, bDescriptorType=2, wTotalLength=34, bNumInterfaces=1,
                     bConfigurationValue=1, iConfiguration=0, bmAttributes=0x80,
                     bMaxPower=50, extra_descriptors=[])

    def get_interface_descriptor(self, dev: FakeRelayBoard, intf: int, alt: int,
                                 config: int) -> _Desc:
        if config != 0 or intf != 0 or alt != 0:
            raise IndexError("no such interface or alternate setting")
        return _Desc(bLength=9, bDescriptorType=4, bInterfaceNumber=0, bAlternateSetting=0,
                     bNumEndpoints=1, bInterfaceClass=3, bInterfaceSubClass=0,
                     bInterfaceProtocol=0, iInterface=0,
                     extra_descriptors=[9, 0x21, 0x01, 0x01, 0, 1, 0x22, 22, 0])

    def get_endpoint_descriptor(self, dev: FakeRelayBoard, ep: int, intf: int, alt: int,
                                config: int) -> _Desc:
        if config != 0 or intf != 0 or alt != 0 or ep != 0:
            raise IndexError("no such endpoint")
        return _Desc(bLength=7, bDescriptorType=5, bEndpointAddress=0x81, bmAttributes=3,
                     wMaxPacketSize=8, bInterval=20, bRefresh=0, bSynchAddress=0,
                     extra_descriptors=[])

    # -- handles ----------------------------------------------------------------------------
    def _live(self, handle: _Handle) -> FakeRelayBoard:
        board = handle.board
        if not board.plugged or handle.generation != board.generation:
            raise _usb_error(errno.ENODEV, "No such device (it may have been disconnected)")
        return board

    def open_device(self, dev: FakeRelayBoard) -> _Handle:
        if not dev.plugged:
            raise _usb_error(errno.ENODEV, "No such device")
        self.opened += 1
        return _Handle(dev, dev.generation)

    def close_device(self, dev_handle: _Handle) -> None:
        self.closed += 1

    def set_configuration(self, dev_handle: _Handle, config_value: int) -> None:
        self._live(dev_handle)
        if config_value not in (0, 1):
            raise _usb_error(errno.EPIPE, "Pipe error")
        dev_handle.configuration = config_value

    def get_configuration(self, dev_handle: _Handle) -> int:
        self._live(dev_handle)
        return dev_handle.configuration

    def set_interface_altsetting(self, dev_handle: _Handle, intf: int, altsetting: int) -> None:
        self._live(dev_handle)
        if intf != 0 or altsetting != 0:
            raise _usb_error(errno.EPIPE, "Pipe error")

    def claim_interface(self, dev_handle: _Handle, intf: int) -> None:
        board = self._live(dev_handle)
        if intf != 0:
            raise _usb_error(errno.ENOENT, "Entity not found")
        if board.kernel_driver or board.busy:
            raise _usb_error(errno.EBUSY, "Resource busy")
        dev_handle.claimed.add(intf)

    def release_interface(self, dev_handle: _Handle, intf: int) -> None:
        dev_handle.claimed.discard(intf)

    def is_kernel_driver_active(self, dev_handle: _Handle, intf: int) -> bool:
        return self._live(dev_handle).kernel_driver

    def detach_kernel_driver(self, dev_handle: _Handle, intf: int) -> None:
        self._live(dev_handle).kernel_driver = False

    def attach_kernel_driver(self, dev_handle: _Handle, intf: int) -> None:
        self._live(dev_handle).kernel_driver = True

    # -- endpoint 0 -------------------------------------------------------------------------
    def ctrl_transfer(self, dev_handle: _Handle, bmRequestType: int, bRequest: int,
                      wValue: int, wIndex: int, data: array.array[int], timeout: int) -> int:
        board = self._live(dev_handle)
        with self.lock:
            out = not bmRequestType & 0x80
            payload: bytes | int = bytes(data.tobytes()) if out else len(data) * data.itemsize
            board.log.append(Transfer(bmRequestType, bRequest, wValue, wIndex, payload))
            if bmRequestType == 0x80 and bRequest == 0x06:
                return self._get_descriptor(board, wValue, data)
            if bmRequestType & 0x1F == 0x01 and 0 not in dev_handle.claimed:
                raise _usb_error(errno.EBUSY, "interface not claimed")
            if bmRequestType == 0x21 and bRequest == 0x09 and wValue == 0x0300 and wIndex == 0:
                assert isinstance(payload, bytes)
                return self._set_report(board, payload)
            if bmRequestType == 0xA1 and bRequest == 0x01 and wValue == 0x0300 and wIndex == 0:
                report = board.serial.encode("ascii")[:5].ljust(5, b"\x00") + bytes(
                    [0, 0, board.mask])
                n = min(len(data), len(report))
                data[:n] = array.array("B", report[:n])
                return n
            raise _usb_error(errno.EPIPE, "Pipe error")

    @staticmethod
    def _set_report(board: FakeRelayBoard, payload: bytes) -> int:
        if len(payload) != 8:
            raise _usb_error(errno.EPIPE, "Pipe error")
        cmd, n = payload[0], payload[1]
        valid = 1 <= n <= board.channels
        if cmd == 0xFF and valid:
            board.mask |= 1 << (n - 1)
        elif cmd == 0xFD and valid:
            board.mask &= ~(1 << (n - 1))
        elif cmd == 0xFE:
            board.mask = (1 << board.channels) - 1
        elif cmd == 0xFC:
            board.mask = 0
        board.history.append(board.mask)
        return 8

    @staticmethod
    def _get_descriptor(board: FakeRelayBoard, wValue: int, data: array.array[int]) -> int:
        dtype, index = wValue >> 8, wValue & 0xFF
        if dtype != 3:
            raise _usb_error(errno.EPIPE, "Pipe error")
        if index == 0:
            body = (0x0409).to_bytes(2, "little")
        elif index == 1:
            body = board.manufacturer.encode("utf-16-le")
        elif index == 2:
            body = board.product.encode("utf-16-le")
        else:
            raise _usb_error(errno.EPIPE, "Pipe error")
        desc = bytes([2 + len(body), 3]) + body
        n = min(len(data), len(desc))
        data[:n] = array.array("B", desc[:n])
        return n
