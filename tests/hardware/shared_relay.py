"""A relay board several processes reach at once, as they reach a real one over USB.

:class:`FakeRelayBackend` keeps a board's state in one process's memory; the lamp
watchdog is another process. Here the board's state — the relay mask, whether the
kernel's HID driver is attached, which process claims its interface — lives in a
JSON file under an exclusive lock, and the byte-level emulation is the same
(:mod:`tests.hardware.fake_relay_backend`). A claim held by a process that died is
void, as the kernel releases a dead process's claims. Every relay state the board
has is appended to ``<state>.masks`` (one line each), for the tests to read.

``backend(path)`` is the factory the watchdog is given
(``--backend tests.hardware.shared_relay:backend --backend-arg PATH``).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.hardware.fake_relay_backend import (
    FakeRelayBackend,
    FakeRelayBoard,
    _Handle,
    _usb_error,
)


def create(path: str | Path, serial: str = "SHARE", channels: int = 4) -> Path:
    """A new shared board's state file (every relay off, the kernel's driver attached)."""
    path = Path(path)
    path.write_text(json.dumps({"serial": serial, "channels": channels, "mask": 0,
                                "kernel_driver": True, "claimed_by": None}))
    Path(f"{path}.masks").write_text("")
    return path


def masks(path: str | Path) -> list[int]:
    """Every relay state the board had, in order."""
    return [int(x) for x in Path(f"{path}.masks").read_text().split()]


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie (killed, not yet reaped by its parent) holds nothing any more
    with contextlib.suppress(OSError):
        status = Path(f"/proc/{pid}/status").read_text()
        if "\nState:\tZ" in status:
            return False
    return True


class SharedRelayBoard(FakeRelayBoard):
    """A :class:`FakeRelayBoard` whose state is the shared file."""

    def __init__(self, path: str | Path) -> None:  # no dataclass __init__: state is the file
        self.path = Path(path)
        state = self._load()
        self.serial = state["serial"]
        self.channels = state["channels"]
        self.manufacturer = "www.dcttech.com"
        self.bus, self.address = 1, 9
        self.plugged = True
        self.busy = False
        self.generation = 0
        self.log = []
        self.history = []
        self.product_name = ""

    def _load(self) -> dict[str, Any]:
        return json.loads(self.path.read_text())  # type: ignore[no-any-return]

    @contextlib.contextmanager
    def state(self) -> Iterator[dict[str, Any]]:  # type: ignore[override]
        with open(f"{self.path}.lock", "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            data = self._load()
            before = dict(data)
            yield data
            if data != before:
                tmp = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
                tmp.write_text(json.dumps(data))
                os.replace(tmp, self.path)
                if data["mask"] != before["mask"]:
                    with open(f"{self.path}.masks", "a") as fh:
                        fh.write(f"{data['mask']}\n")

    @property  # type: ignore[override]
    def mask(self) -> int:
        return int(self._load()["mask"])

    @mask.setter
    def mask(self, value: int) -> None:
        with self.state() as data:
            data["mask"] = value

    @property  # type: ignore[override]
    def kernel_driver(self) -> bool:
        return bool(self._load()["kernel_driver"])

    @kernel_driver.setter
    def kernel_driver(self, value: bool) -> None:
        with self.state() as data:
            data["kernel_driver"] = value

    def claim(self) -> None:
        with self.state() as data:
            owner = data["claimed_by"]
            if owner not in (None, os.getpid()) and _alive(owner):
                raise _usb_error(errno.EBUSY, "Resource busy")
            data["claimed_by"] = os.getpid()

    def release(self) -> None:
        with self.state() as data:
            if data["claimed_by"] == os.getpid():
                data["claimed_by"] = None


class SharedRelayBackend(FakeRelayBackend):
    """The fake pyusb backend over a :class:`SharedRelayBoard`, with claims that hold
    across processes."""

    def claim_interface(self, dev_handle: _Handle, intf: int) -> None:
        super().claim_interface(dev_handle, intf)
        board = dev_handle.board
        assert isinstance(board, SharedRelayBoard)
        try:
            board.claim()
        except BaseException:
            dev_handle.claimed.discard(intf)
            raise

    def release_interface(self, dev_handle: _Handle, intf: int) -> None:
        super().release_interface(dev_handle, intf)
        board = dev_handle.board
        assert isinstance(board, SharedRelayBoard)
        board.release()

    def close_device(self, dev_handle: _Handle) -> None:
        if dev_handle.claimed:
            self.release_interface(dev_handle, 0)
        super().close_device(dev_handle)


def backend(path: str) -> SharedRelayBackend:
    """The watchdog's backend factory: the shared board at ``path``."""
    return SharedRelayBackend(SharedRelayBoard(path))
