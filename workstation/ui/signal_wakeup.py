"""Python's signal handlers inside Qt's event loop.

Python runs a signal handler only when the interpreter next runs: while Qt's event
loop waits (the window idle) that may be never, so a SIGTERM would not switch the
lamps off (:mod:`workstation.hardware.rig`). :func:`install_signal_wakeup` gives
the C-level handler a wake-up socket (``signal.set_wakeup_fd``); a
``QSocketNotifier`` on its other end runs a Python slot, and with it the pending
handlers, as soon as a signal arrives.
"""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier


class SignalWakeup(QObject):
    """Keeps the socket pair and the notifier alive (as long as this object lives)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._previous = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        self.notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        """Runs in Python: the interpreter calls the pending signal handlers now."""
        try:
            while self._read.recv(512):
                pass
        except (BlockingIOError, InterruptedError):
            pass

    def uninstall(self) -> None:
        """Give the wake-up fd back and close the sockets."""
        self.notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous)
        self._read.close()
        self._write.close()


def install_signal_wakeup(parent: QObject | None = None) -> SignalWakeup:
    """Make signal handlers run promptly in the Qt event loop (call from the main thread,
    once the ``QApplication`` exists)."""
    return SignalWakeup(parent)
