"""One exception tree for the whole program.

Every error the program expects (bad input, a device that went away, a signature
that does not verify) is a :class:`WorkstationError`; its ``str()`` is a one-line
message fit to show an examiner. The command line maps :class:`InputError`
(bad arguments, unreadable input) to exit status 2 and every other
:class:`WorkstationError` to exit status 1.
"""

from __future__ import annotations

from pathlib import Path

from workstation.printable import printable


class WorkstationError(Exception):
    """Base of every error the workstation raises on purpose."""


class InputError(WorkstationError):
    """Bad arguments or unreadable input (command-line exit status 2)."""


class FormatError(InputError):
    """A file or package does not follow its format.

    ``path`` names the file (or package member) and ``problem`` says what is wrong.
    A file name that is not valid UTF-8 (or holds control characters) is shown
    with those bytes escaped, so the message can always be printed.
    """

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = printable(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class DeviceError(WorkstationError):
    """A reader, lamp controller or camera failed; ``device`` names it."""

    def __init__(self, device: str, problem: str) -> None:
        self.device = device
        self.problem = problem
        super().__init__(f"{device}: {problem}")


class SpecimenError(WorkstationError):
    """The specimen library refused an operation (duplicate id, unknown id...)."""


class ExaminationError(WorkstationError):
    """The examination could not run at all (not raised for failed checks)."""


class StorageError(WorkstationError):
    """The case database or the image store failed."""


class ConflictError(StorageError):
    """Someone else saved the same record since it was read (optimistic locking)."""


class ReportError(WorkstationError):
    """Building, signing or verifying a report failed."""
