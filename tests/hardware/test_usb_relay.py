"""The relay driver against the fake board: exact control transfers, state read-back, errors."""

from __future__ import annotations

import pytest
import usb.backend

from tests.hardware.fake_relay_backend import FakeRelayBackend, FakeRelayBoard, Transfer
from workstation.errors import DeviceError
from workstation.hardware.usb_relay import UsbRelayBoard, list_boards


def _set(cmd: int, n: int) -> Transfer:
    return Transfer(0x21, 0x09, 0x0300, 0, bytes([cmd, n, 0, 0, 0, 0, 0, 0]))


GET = Transfer(0xA1, 0x01, 0x0300, 0, 8)


def _hid(board: FakeRelayBoard) -> list[Transfer]:
    """The HID class requests (string descriptor reads left out)."""
    return [t for t in board.log if t.bmRequestType in (0x21, 0xA1)]


def test_every_on_off_all_sequence_sends_exactly_these_transfers(
        relay_board: FakeRelayBoard, relay_backend: FakeRelayBackend) -> None:
    board = UsbRelayBoard.open(backend=relay_backend)
    assert board.serial == "QWERT" and board.channels == 4
    relay_board.log.clear()
    board.switch(1, True)
    board.switch(3, True)
    board.switch(1, False)
    board.switch_all(True)
    board.switch_all(False)
    board.switch(4, True)
    assert _hid(relay_board) == [_set(0xFF, 1), _set(0xFF, 3), _set(0xFD, 1),
                                 _set(0xFE, 0), _set(0xFC, 0), _set(0xFF, 4)]
    assert relay_board.history == [0b0001, 0b0101, 0b0100, 0b1111, 0b0000, 0b1000]


def test_state_reads_back_with_get_report(relay_board: FakeRelayBoard,
                                          relay_backend: FakeRelayBackend) -> None:
    board = UsbRelayBoard.open(backend=relay_backend)
    relay_board.log.clear()
    assert board.state() == set()
    board.switch(2, True)
    board.switch(4, True)
    assert board.state() == {2, 4}
    relay_board.mask = 0b0001  # changed behind the driver's back: state() asks the board
    assert board.state() == {1}
    board.switch_all(True)
    assert board.state() == {1, 2, 3, 4}
    assert _hid(relay_board)[0] == GET
    assert sum(t == GET for t in _hid(relay_board)) == 4


def test_open_detaches_the_kernel_hid_driver_and_reads_the_serial_from_the_report(
        relay_board: FakeRelayBoard, relay_backend: FakeRelayBackend) -> None:
    assert relay_board.kernel_driver
    UsbRelayBoard.open(backend=relay_backend)
    assert not relay_board.kernel_driver
    assert GET in relay_board.log


def test_several_boards_are_told_apart_by_serial() -> None:
    a = FakeRelayBoard(serial="AAAAA", channels=2, address=3)
    b = FakeRelayBoard(serial="BBBBB", channels=8, address=4)
    backend = FakeRelayBackend(a, b)
    board_b = UsbRelayBoard.open("BBBBB", backend=backend)
    board_a = UsbRelayBoard.open("AAAAA", backend=backend)
    assert (board_a.channels, board_b.channels) == (2, 8)
    board_b.switch(8, True)
    assert b.on() == {8} and a.on() == set()
    assert [i.serial for i in list_boards(backend)] == ["AAAAA", "BBBBB"]
    with pytest.raises(DeviceError) as err:
        UsbRelayBoard.open("CCCCC", backend=backend)
    assert err.value.device == "USB relay board CCCCC"
    assert "AAAAA" in str(err.value) and "BBBBB" in str(err.value)


def test_other_devices_sharing_the_vusb_id_are_skipped() -> None:
    other = FakeRelayBoard(serial="XXXXX", address=2, product_name="HIDkeys")
    relay = FakeRelayBoard(serial="RELAY", address=3)
    board = UsbRelayBoard.open(backend=FakeRelayBackend(other, relay))
    assert board.serial == "RELAY"


def test_channels_are_validated(relay_backend: FakeRelayBackend,
                                relay_board: FakeRelayBoard) -> None:
    board = UsbRelayBoard.open(backend=relay_backend)
    relay_board.log.clear()
    for bad in (0, 5, -1):
        with pytest.raises(ValueError, match="outside 1..4"):
            board.switch(bad, True)
    with pytest.raises(ValueError):
        board.switch(True, True)  # type: ignore[arg-type]
    assert _hid(relay_board) == []


def test_no_board_attached_names_the_missing_device() -> None:
    with pytest.raises(DeviceError) as err:
        UsbRelayBoard.open(backend=FakeRelayBackend())
    assert err.value.device == "USB relay board"
    assert "16c0:05df" in str(err.value) and "plugged in" in str(err.value)
    assert list_boards(FakeRelayBackend()) == []


def test_unplug_gives_a_clear_device_error_and_replug_works_again(
        relay_board: FakeRelayBoard, relay_backend: FakeRelayBackend) -> None:
    board = UsbRelayBoard.open(backend=relay_backend)
    board.switch(1, True)
    relay_board.unplug()
    with pytest.raises(DeviceError) as err:
        board.switch(2, True)
    assert err.value.device == "USB relay board QWERT"
    assert "unplugged" in str(err.value)
    with pytest.raises(DeviceError, match="not found"):
        UsbRelayBoard.open("QWERT", backend=relay_backend)
    relay_board.plug()
    again = UsbRelayBoard.open("QWERT", backend=relay_backend)
    assert again.state() == set()  # power was lost: every relay off
    again.switch(2, True)
    assert relay_board.on() == {2}


def test_a_board_held_by_another_program_is_reported_busy(
        relay_board: FakeRelayBoard, relay_backend: FakeRelayBackend) -> None:
    relay_board.busy = True
    with pytest.raises(DeviceError, match="busy"):
        UsbRelayBoard.open(backend=relay_backend)


def test_closed_board_refuses_commands(relay_backend: FakeRelayBackend) -> None:
    with UsbRelayBoard.open(backend=relay_backend) as board:
        board.switch(1, True)
    with pytest.raises(DeviceError, match="closed"):
        board.switch(1, False)


def test_set_only_switches_others_off_before_switching_on(
        relay_board: FakeRelayBoard, relay_backend: FakeRelayBackend) -> None:
    board = UsbRelayBoard.open(backend=relay_backend)
    board.switch(1, True)
    board.switch(2, True)
    relay_board.history.clear()
    board.set_only({3})
    assert relay_board.history == [0b0010, 0b0000, 0b0100]
    assert board.state() == {3}


def test_backends_without_kernel_drivers_are_fine(relay_board: FakeRelayBoard) -> None:
    class NoKernelDrivers(FakeRelayBackend):
        def is_kernel_driver_active(self, dev_handle: object, intf: int) -> bool:
            return usb.backend.IBackend.is_kernel_driver_active(self, dev_handle, intf)

    relay_board.kernel_driver = False  # nothing holds the interface (as on Windows)
    board = UsbRelayBoard.open(backend=NoKernelDrivers(relay_board))
    board.switch(1, True)
    assert relay_board.on() == {1}


def test_real_libusb_from_libusb_package_loads() -> None:
    from workstation.hardware.usb_relay import default_backend

    backend = default_backend()
    assert backend is not None
    boards = list_boards(backend)
    if boards:
        pytest.skip("a real relay board is attached")
    with pytest.raises(DeviceError, match="not found"):
        UsbRelayBoard.open("NOPE9")


def test_the_fake_board_describes_itself_like_the_real_one(
        relay_board: FakeRelayBoard, relay_backend: FakeRelayBackend) -> None:
    import usb.core
    import usb.util

    dev = usb.core.find(idVendor=0x16C0, idProduct=0x05DF, backend=relay_backend)
    assert dev is not None
    interfaces = list(dev.get_active_configuration())  # ends on IndexError, no endless loop
    assert [(i.bInterfaceNumber, i.bInterfaceClass) for i in interfaces] == [(0, 3)]
    assert [e.bEndpointAddress for e in interfaces[0]] == [0x81]
    assert usb.util.get_string(dev, dev.iManufacturer) == "www.dcttech.com"
    assert usb.util.get_string(dev, dev.iProduct) == "USBRelay4"
    assert dev.iSerialNumber == 0  # the serial lives in the feature report only
    assert "USBRelay4" in str(dev)
    usb.util.dispose_resources(dev)
