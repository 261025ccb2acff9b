"""Which thread a terminating signal reaches.

POSIX delivers a signal sent to the process to any one thread that does not block it.
Python runs its handlers in the main thread only, and a main thread asleep in a system
call is woken only when the signal reaches *it*: were a camera's reader thread or a
lamp's auto-off timer to take the signal instead, the lamp-off handler of
:mod:`workstation.hardware.rig` would wait until the main thread woke by itself (Linux
prefers the main thread, but does not promise it). The hardware's own threads therefore
start with the terminating signals blocked, so that the kernel delivers them to a thread
that runs the handlers.
"""

from __future__ import annotations

import signal
import threading

#: Signals whose default action ends the process (the lamps go off first on each).
TERMINATING_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in (
        "SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM",
        "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF")
    if hasattr(signal, name))


def start_thread(thread: threading.Thread) -> None:
    """Start ``thread`` with :data:`TERMINATING_SIGNALS` blocked in it (a new thread
    inherits the mask of the thread that starts it; the caller's own mask is restored
    at once, and a signal that arrives meanwhile is delivered when it is)."""
    if not hasattr(signal, "pthread_sigmask"):  # not POSIX: nothing to direct
        thread.start()
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, TERMINATING_SIGNALS)
    try:
        thread.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
