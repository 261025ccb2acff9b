"""Warm-up at start: what the first examination would wait for, loaded in a worker.

``warm_up(progress, cancel)`` has the signature of a background job's work function
(``progress(done, total, text)``, ``cancel`` a :class:`threading.Event`), so the
window starts it with one line while it shows itself; an examination started
meanwhile shares (and waits for) what is being loaded instead of loading it twice.

Steps, each timed: the examination's check modules and OCR networks
(:func:`workstation.examination.warm.load_models`), the chip's verification code and
face models, the digital seals' trust material (the simulator's seal signer), the
specimens at the work density with their registration references
(:func:`workstation.examination.warm.prepare_specimens`), and the case database
(opened, migrated, closed again: its modules stay imported and its file migrated).
A step that fails is reported in :attr:`WarmUp.problems` and the others still run:
warming up is an optimisation, never a reason not to start.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workstation.specimens.library import SpecimenLibrary

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int, str], None]
"""``progress(done, total, text)``, as a background job's work function receives it."""


@dataclass(frozen=True)
class WarmUp:
    """What :func:`warm_up` did.

    Attributes:
        timings_ms: step -> wall-clock milliseconds (``models``, ``chip``, ``seals``,
            ``specimens``, ``database``), for the steps that ran.
        specimens: ids of the specimens prepared.
        problems: one line per step that failed (``"database: ..."``).
        cancelled: stopped early by ``cancel``.
    """

    timings_ms: dict[str, float]
    specimens: tuple[str, ...]
    problems: tuple[str, ...]
    cancelled: bool

    @property
    def total_ms(self) -> float:
        """The sum of the steps' times (ms)."""
        return round(sum(self.timings_ms.values()), 1)


def _load_chip() -> None:
    from PIL import Image

    from workstation.chip import face as _face  # noqa: F401  (imported for its cost)
    from workstation.chip import files as _files  # noqa: F401
    from workstation.chip import skipped as _skipped  # noqa: F401
    from workstation.chip import verify as _verify  # noqa: F401
    from workstation.chip.trust import chip_trust_store
    from workstation.imaging.faces import load_models

    Image.preinit()  # the JPEG and PNG decoders of the chip's photograph (DG2)
    chip_trust_store()  # builds the simulator's CSCA anchor once per process
    load_models()


def _load_seal_trust() -> None:
    from workstation.barcodes.trust import load_trust

    load_trust()  # the simulator's seal signer is derived once per process


def _open_database() -> None:
    from workstation.cases import CaseRepository

    CaseRepository.open().close()


def warm_up(progress: ProgressFn | None = None, cancel: threading.Event | None = None, *,
            library: SpecimenLibrary | None = None, database: bool = True,
            specimen_ids: Sequence[str] | None = None) -> WarmUp:
    """Load the examination's models, the chip's face models, the seals' trust material,
    the specimens at work density with their registration references, and open the
    case database.

    Args:
        progress: called before each step with ``(done, total, text)``.
        cancel: set to stop between steps (and between specimens).
        library: the specimen library the examinations use (default: the data
            folder's shared one, as :func:`~workstation.examination.pipeline.examine`).
        database: also open (and migrate) the case database.
        specimen_ids: the specimens to prepare (default: every one, up to the
            process's cache of prepared specimens).

    Returns:
        The :class:`WarmUp`: per-step times, the specimens prepared, problems.
    """
    from workstation.examination import warm

    def stop() -> bool:
        return cancel is not None and cancel.is_set()

    steps: list[tuple[str, str, Callable[[], object]]] = [
        ("models", "loading the OCR networks", warm.load_models),
        ("chip", "loading the face models", _load_chip),
        ("seals", "loading the seals' trust material", _load_seal_trust),
        ("specimens", "preparing the specimens",
         lambda: warm.prepare_specimens(library, specimen_ids=specimen_ids, cancel=stop)),
    ]
    if database:
        steps.append(("database", "opening the case database", _open_database))
    timings: dict[str, float] = {}
    problems: list[str] = []
    prepared: tuple[str, ...] = ()
    for i, (name, text, step) in enumerate(steps):
        if stop():
            break
        if progress is not None:
            progress(i, len(steps), text)
        t0 = time.perf_counter()
        try:
            out = step()
        except Exception as exc:
            log.warning("warm-up step %s failed: %s", name, exc)
            problems.append(f"{name}: {exc}")
            out = None
        timings[name] = round((time.perf_counter() - t0) * 1000.0, 1)
        if name == "specimens" and isinstance(out, tuple):
            prepared = out
    cancelled = stop()
    if progress is not None and not cancelled:
        progress(len(steps), len(steps), "ready")
    return WarmUp(timings_ms=timings, specimens=prepared, problems=tuple(problems),
                  cancelled=cancelled)
