"""A virtual smart card for PC/SC: connects a simulated chip to ``vpcd``, the virtual
reader driver of vsmartcard (Debian ``vsmartcard-vpcd``), so pcscd, pyscard and
the PC/SC driver are exercised for real with no hardware.

vpcd listens on a TCP port (35963 by default); the card connects to it. Each
message is a two-byte big-endian length and a payload: one byte is a control
code (0 power off, 1 power on, 2 reset, 4 send the ATR), anything longer is a
command APDU, answered with the response APDU.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from typing import Any

from workstation.errors import DeviceError

log = logging.getLogger(__name__)

DEFAULT_PORT = 35963
_POWER_OFF, _POWER_ON, _RESET, _ATR = 0, 1, 2, 4
_QUICKACK: int | None = getattr(socket, "TCP_QUICKACK", None)


class VirtualCard:
    """Runs ``chip`` (``transmit``, ``reset``, ``atr``) as the card of a vpcd reader in a
    background thread. :meth:`insert` connects, :meth:`remove` disconnects (the
    reader then reports no card).
    """

    def __init__(self, chip: Any, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT) -> None:
        self.chip = chip
        self.host, self.port = host, port
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.apdus = 0

    def insert(self, timeout_s: float = 10.0) -> None:
        """Connect to vpcd (retrying until it listens, up to ``timeout_s``).

        Raises:
            DeviceError: vpcd does not listen on the port.
        """
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                sock = socket.create_connection((self.host, self.port), timeout=2.0)
                break
            except OSError as exc:
                if time.monotonic() > deadline:
                    raise DeviceError(f"vpcd {self.host}:{self.port}",
                                      f"the virtual reader does not listen ({exc})") from None
                time.sleep(0.05)
        sock.settimeout(0.2)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._sock = sock
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, name="vpcd-card", daemon=True)
        self._thread.start()

    def remove(self) -> None:
        """Disconnect from vpcd."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.close()
        self._sock = self._thread = None

    def __enter__(self) -> VirtualCard:
        self.insert()
        return self

    def __exit__(self, *exc: object) -> None:
        self.remove()

    def _recv_exact(self, n: int) -> bytes | None:
        assert self._sock is not None
        buf = b""
        while len(buf) < n:
            if self._stop.is_set():
                return None
            try:
                chunk = self._sock.recv(n - len(buf))
            except TimeoutError:
                continue
            except OSError:
                return None
            if not chunk:
                return None
            buf += chunk
            if _QUICKACK is not None:
                # vpcd writes the length and the payload separately; acknowledge at once
                # so its Nagle-delayed second write is not held for a delayed ACK (40 ms)
                with contextlib.suppress(OSError):
                    self._sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
        return buf

    def _send(self, payload: bytes) -> None:
        assert self._sock is not None
        self._sock.sendall(len(payload).to_bytes(2, "big") + payload)

    def _serve(self) -> None:
        while not self._stop.is_set():
            head = self._recv_exact(2)
            if head is None:
                return
            length = int.from_bytes(head, "big")
            payload = self._recv_exact(length) if length else b""
            if payload is None:
                return
            try:
                if length == 1:
                    code = payload[0]
                    if code in (_POWER_ON, _RESET, _POWER_OFF):
                        self.chip.reset()
                    elif code == _ATR:
                        self._send(self.chip.atr)
                    continue
                self.apdus += 1
                self._send(self.chip.transmit(payload))
            except OSError as exc:
                log.debug("vpcd card: connection lost (%s)", exc)
                return


def free_port() -> int:
    """A TCP port nothing listens on now (vpcd uses it and the next one)."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        if port < 65000:
            with socket.socket() as s2:
                try:
                    s2.bind(("127.0.0.1", port + 1))
                except OSError:
                    continue
            return port
    raise DeviceError("vpcd", "no free TCP port pair")


VPCD_DRIVER = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so"


class PrivatePcscd:
    """A PC/SC daemon of its own with one vpcd virtual reader, for tests and benchmarks.

    Debian's pcscd always serves ``/run/pcscd/pcscd.comm``; to run beside a system
    daemon and beside other test runs, it is started in a private mount namespace
    (``unshare --mount``, root) where ``/run/pcscd`` is a folder of its own, and
    clients reach it through ``PCSCLITE_CSOCK_NAME`` (:attr:`socket_path`). The
    reader listens for the virtual card on :attr:`port`.

    Raises (from :meth:`start`):
        DeviceError: pcscd, unshare or the vpcd driver is missing, or the daemon
            did not come up.
    """

    def __init__(self, folder: str, *, name: str = "Workstation virtual reader") -> None:
        import pathlib

        self.folder = pathlib.Path(folder)
        self.name = name
        self.port = free_port()
        self._proc: Any = None

    @property
    def socket_path(self) -> str:
        return str(self.folder / "run" / "pcscd.comm")

    @property
    def reader_name(self) -> str:
        """The PC/SC name of the reader whose card is on :attr:`port`."""
        return f"{self.name} 00 00"

    def start(self, timeout_s: float = 15.0) -> PrivatePcscd:
        import os
        import shutil
        import subprocess

        for tool in ("pcscd", "unshare"):
            if shutil.which(tool) is None and not os.path.exists(f"/usr/sbin/{tool}"):
                raise DeviceError("pcscd", f"{tool} is not installed")
        if not os.path.exists(VPCD_DRIVER):
            raise DeviceError("pcscd", "the vpcd driver is not installed (vsmartcard-vpcd)")
        conf = self.folder / "reader.conf.d"
        run = self.folder / "run"
        conf.mkdir(parents=True, exist_ok=True)
        run.mkdir(parents=True, exist_ok=True)
        (conf / "vpcd").write_text(
            f'FRIENDLYNAME "{self.name}"\nDEVICENAME /dev/null:0x{self.port:04X}\n'
            f"LIBPATH {VPCD_DRIVER}\nCHANNELID 0x{self.port:04X}\n")
        pcscd = shutil.which("pcscd") or "/usr/sbin/pcscd"
        script = (f"mkdir -p /run/pcscd && mount --bind {run} /run/pcscd && "
                  f"exec {pcscd} --foreground --config {conf}")
        self._log = open(self.folder / "pcscd.log", "wb")  # noqa: SIM115
        self._proc = subprocess.Popen(["unshare", "--mount", "--propagation", "private",
                                       "sh", "-c", script], stdout=self._log,
                                      stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout_s
        while not os.path.exists(self.socket_path):
            if self._proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                text = (self.folder / "pcscd.log").read_text(errors="replace")[-400:]
                raise DeviceError("pcscd", f"the private PC/SC daemon did not start: {text}")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        """Stop the daemon (it removes its socket)."""
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except Exception:
                self._proc.kill()
                self._proc.wait(timeout=10)
            self._proc = None
            self._log.close()

    def __enter__(self) -> PrivatePcscd:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
