"""After a crash, the unfinished examination comes back.

Every capture and examination is stored the moment it exists (a draft in the case
database), so nothing is lost when the window dies; what the next start needs to
know is *which* examination the dead window was working on. A small marker file per
running window says so (``<data folder>/sessions/<pid>.json``: the examination id,
the user, the time), written when the work moves to another examination and removed
when the window closes normally. A marker whose process is gone is a crash: the
next window reopens that examination.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from workstation.fsutil import atomic_write_text
from workstation.paths import data_dir

FOLDER = "sessions"


@dataclass(frozen=True)
class Unfinished:
    """What a window that did not close normally was working on."""

    examination_id: int
    user: str
    updated_at: dt.datetime | None
    pid: int


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    except OSError:
        return False
    return True


class RecoveryMarker:
    """This process's marker (see the module docstring)."""

    def __init__(self, root: Path | None = None, *, pid: int | None = None) -> None:
        self.root = root if root is not None else data_dir() / FOLDER
        self.pid = os.getpid() if pid is None else pid
        self.path = self.root / f"{self.pid}.json"

    def working_on(self, examination_id: int | None, user: str = "") -> None:
        """The window works on ``examination_id`` now (``None``: on nothing stored)."""
        if examination_id is None:
            self.clear()
            return
        self.root.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, json.dumps({
            "examination_id": int(examination_id), "user": user, "pid": self.pid,
            "updated_at": dt.datetime.now(dt.UTC).isoformat()}) + "\n")

    def clear(self) -> None:
        """The window closed normally: nothing to recover."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def unfinished(self) -> list[Unfinished]:
        """What windows that died were working on, newest first (their markers are
        removed: each is recovered once)."""
        if not self.root.is_dir():
            return []
        found: list[Unfinished] = []
        for path in self.root.glob("*.json"):
            try:
                obj = json.loads(path.read_text(encoding="utf-8"))
                pid = int(obj["pid"])
                exam = int(obj["examination_id"])
                at = obj.get("updated_at")
                when = dt.datetime.fromisoformat(at) if at else None
                user = str(obj.get("user", ""))
            except (OSError, ValueError, KeyError, TypeError):
                with contextlib.suppress(OSError):
                    path.unlink()  # unreadable: nothing to recover from it
                continue
            if pid == self.pid or _alive(pid):
                continue
            found.append(Unfinished(exam, user, when, pid))
            with contextlib.suppress(OSError):
                path.unlink()
        found.sort(key=lambda u: u.updated_at or dt.datetime.min.replace(tzinfo=dt.UTC),
                   reverse=True)
        return found
