"""The lamp watchdog: a small separate process that switches the lamps off when the
application stops — however it stops.

Signal handlers and ``atexit`` run only in a process that is still able to run
them: a SIGKILL, a native crash or a hung interpreter leaves the lamp on (and
these relay boards have no timer of their own). So every rig that drives its own
relay boards starts a watchdog (:class:`LampWatchdog`), a process of its own in its
own session (a terminal's hang-up or Ctrl+C does not reach it), connected by a pipe:

* the application writes ``beat`` every second, ``on <seconds|->`` before a lamp
  goes on (with the lamp's auto-off time), ``off`` after the lamps went off, and
  ``bye`` when the rig closes normally;
* the watchdog switches every relay of the rig's boards off when the pipe closes
  without ``bye`` (the application died: the kernel closes its end), when no beat
  came for ``timeout`` seconds (it hangs), or when a lamp outlives its auto-off time
  (a UV lamp stays on no longer than it may, even if the application's own timer
  never runs). A board the application still holds is retried until it is free.

It talks to the boards through the same driver (:class:`UsbRelayBoard`), opened by
serial. ``--backend MODULE:FUNCTION --backend-arg ARG`` names a pyusb backend
factory instead of libusb: the tests use a wire-level fake board shared between
processes.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pkgutil
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from workstation.errors import DeviceError
from workstation.hardware.signals import start_thread

HEARTBEAT_S = 1.0
DEFAULT_TIMEOUT_S = 5.0
#: Seconds the watchdog keeps trying to switch a busy or missing board off.
OFF_RETRY_S = 15.0


def load_backend(spec: str | None, arg: str | None) -> Any:
    """The pyusb backend ``MODULE:FUNCTION(arg)``, or ``None`` for libusb. A spec that
    does not resolve fails loudly (the watchdog does not start; nothing falls back)."""
    if not spec:
        return None
    if ":" not in spec:
        raise ValueError(f"--backend {spec!r}: expected MODULE:FUNCTION")
    factory = pkgutil.resolve_name(spec)
    return factory(arg) if arg is not None else factory()


def switch_off(serials: Sequence[str], backend: Any, *, retry_s: float = OFF_RETRY_S) -> bool:
    """Every relay of every board in ``serials`` off; retried while a board is busy or
    away. Returns whether all went off."""
    from workstation.hardware.usb_relay import UsbRelayBoard

    left = list(serials)
    deadline = time.monotonic() + retry_s
    while left:
        for serial in list(left):
            try:
                with UsbRelayBoard.open(serial, backend=backend) as board:
                    board.switch_all(False)
                    if not board.state():
                        left.remove(serial)
            except DeviceError:
                continue
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    return not left


def run(serials: Sequence[str], backend: Any, *, timeout_s: float,
        stream: IO[bytes] | None = None) -> int:
    """The watchdog's loop over the application's pipe (standard input)."""
    fd = (stream or sys.stdin.buffer).fileno()
    last_beat = time.monotonic()
    deadline: float | None = None
    lit = False
    buf = b""

    def off() -> None:
        nonlocal lit, deadline
        switch_off(serials, backend)
        lit, deadline = False, None

    def on_term(_signum: int, _frame: Any) -> None:
        off()
        os._exit(0)

    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, on_term)
    while True:
        ready, _, _ = select.select([fd], [], [], 0.2)
        now = time.monotonic()
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:  # the application is gone
                off()
                return 0
            buf += chunk
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                words = line.decode("ascii", "replace").split()
                if not words:
                    continue
                last_beat = now
                if words[0] == "bye":
                    return 0
                if words[0] == "on":
                    lit = True
                    limit = words[1] if len(words) > 1 else "-"
                    deadline = None if limit == "-" else now + float(limit)
                elif words[0] == "off":
                    lit, deadline = False, None
        if lit and (now - last_beat > timeout_s or (deadline is not None and now > deadline)):
            off()


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m workstation.hardware.watchdog --serial S [--serial S2] ...``"""
    parser = argparse.ArgumentParser(prog="workstation lamp-watchdog")
    add_arguments(parser)
    return run_args(parser.parse_args(argv))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--serial", action="append", required=True)
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S)
    parser.add_argument("--backend")
    parser.add_argument("--backend-arg")


def run_args(args: argparse.Namespace) -> int:
    return run(args.serial, load_backend(args.backend, args.backend_arg),
               timeout_s=args.timeout)


def _command() -> list[str]:
    """How to start a watchdog: this Python with ``-m``, or the bundle's command line."""
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable).with_name("workstation.exe" if os.name == "nt"
                                             else "workstation")
        return [str(exe), "lamp-watchdog"]
    return [sys.executable, "-m", "workstation.hardware.watchdog"]


class LampWatchdog:
    """The application's side: starts the watchdog process and keeps it informed."""

    def __init__(self, serials: Sequence[str], *, timeout_s: float = DEFAULT_TIMEOUT_S,
                 backend_spec: str | None = None, backend_arg: str | None = None) -> None:
        if not serials:
            raise DeviceError("lamp watchdog", "no relay board to watch")
        self.serials = list(serials)
        cmd = [*_command(), "--timeout", str(timeout_s)]
        for serial in self.serials:
            cmd += ["--serial", serial]
        if backend_spec:
            cmd += ["--backend", backend_spec]
            if backend_arg is not None:
                cmd += ["--backend-arg", backend_arg]
        try:
            self._proc = subprocess.Popen(cmd, stdin=subprocess.PIPE,
                                          stdout=subprocess.DEVNULL,
                                          start_new_session=True, close_fds=True)
        except OSError as exc:
            raise DeviceError("lamp watchdog", f"cannot start: {exc.strerror or exc}") from None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name="lamp watchdog heartbeat",
                                        daemon=True)
        start_thread(self._thread)

    @property
    def pid(self) -> int:
        return self._proc.pid

    def alive(self) -> bool:
        return self._proc.poll() is None

    def _send(self, line: str) -> None:
        stdin = self._proc.stdin
        if stdin is None:
            return
        with self._lock, contextlib.suppress(OSError, ValueError):
            stdin.write(line.encode("ascii") + b"\n")
            stdin.flush()

    def _beat(self) -> None:
        while not self._stop.wait(HEARTBEAT_S):
            self._send("beat")

    def lit(self, auto_off_s: float | None) -> None:
        """A lamp goes on now (switch it off after ``auto_off_s`` whatever happens)."""
        self._send(f"on {'-' if auto_off_s is None else f'{auto_off_s:g}'}")

    def off(self) -> None:
        """The lamps are off."""
        self._send("off")

    def close(self) -> None:
        """The rig closed normally (lamps off): the watchdog ends."""
        self._stop.set()
        self._send("bye")
        with contextlib.suppress(OSError, ValueError):
            if self._proc.stdin is not None:
                self._proc.stdin.close()
        try:
            self._proc.wait(5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()


if __name__ == "__main__":
    raise SystemExit(main())
