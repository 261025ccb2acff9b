"""``workstation examine DIR... [--json]``: many capture folders in one process.

The specimen library, the models and the case database are opened once for the
whole batch. Three things overlap on the machine's cores: the next capture folder
is read (decoded) while one is examined, and the previous examination is stored
(its images encoded as PNG) meanwhile; results still come out in the order given.

Output: with ``--json`` a JSON list, one element per capture in argument order,
printed as each is done (:class:`~workstation.console.JsonListWriter`): the
formats.md §4 object, or for a folder that could not be read
``{"capture": ..., "specimen": null, "mrz": null, "checks": [], "verdict": null,
"error": "one line"}``. An examination that could not be stored keeps its object
and gains ``"error"``. Without ``--json``, each capture's summary. Progress on
standard error (a bar on a terminal, plain lines otherwise).

Exit status: 0 when every capture was examined (and stored); 2 when a folder could
not be read (the others are still examined); 1 when anything else failed (storing,
an internal error), which takes precedence.
"""

from __future__ import annotations

import contextlib
import time
import traceback
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workstation.errors import InputError, SpecimenError

if TYPE_CHECKING:
    from workstation.cases import CaseRepository, StoredIds, User
    from workstation.examination.results import Examination
    from workstation.types import CaptureSet


@dataclass
class _Item:
    """One capture in flight: its examination (or the error), how long reading and
    examining it took (s), and the store under way."""

    path: str
    seconds: float = 0.0
    examination: Examination | None = None
    error: str = ""
    status: int = 0
    stored: Future[StoredIds] | None = None


def error_object(path: str, message: str) -> dict[str, Any]:
    """The list element of a capture that could not be examined."""
    return {"capture": path, "specimen": None, "mrz": None, "checks": [], "verdict": None,
            "error": message}


def run_batch(paths: Sequence[str], *, specimen_id: str | None, store: bool,
              case_ref: str | None, as_json: bool) -> int:
    """Examine every capture folder in ``paths``; returns the exit status."""
    from workstation.capture import load_capture
    from workstation.console import JsonListWriter, Progress
    from workstation.examination.pipeline import examine
    from workstation.session.examine_cli import library_for, open_store, print_summary
    from workstation.session.examine_cli import result_json as _json

    library = library_for(specimen_id)  # an unknown --specimen stops the batch at once
    status = 0
    with contextlib.ExitStack() as stack:
        store_in: tuple[CaseRepository, User] | None = None
        if store:
            store_in = open_store()
            stack.callback(store_in[0].close)
        loader = stack.enter_context(ThreadPoolExecutor(1, thread_name_prefix="load"))
        storer = stack.enter_context(ThreadPoolExecutor(1, thread_name_prefix="store"))
        progress = stack.enter_context(Progress(len(paths), "examine"))
        out = JsonListWriter() if as_json else None

        def finish(item: _Item) -> int:
            ex = item.examination
            if item.stored is not None:
                try:
                    ids = item.stored.result()
                    progress.say(f"{item.path}: stored as examination {ids.examination_id} "
                                 f"in case {ids.case_reference}")
                except Exception as exc:
                    item.error, item.status = f"{item.path}: not stored: {exc}", 1
            if item.error:
                progress.say(f"workstation: error: {item.error}")
            if out is not None:
                obj = error_object(item.path, item.error) if ex is None else _json(ex)
                if ex is not None and item.error:
                    obj["error"] = item.error
                out.add(obj)
            elif ex is not None:
                print_summary(ex)
                print(flush=True)
            how = ex.verdict.value if ex is not None else "error"
            progress.step(f"{item.path}: {how} ({item.seconds:.1f} s)")
            return item.status

        pending: _Item | None = None
        next_load: Future[CaptureSet] = loader.submit(load_capture, paths[0])
        for i, path in enumerate(paths):
            current = next_load
            if i + 1 < len(paths):
                next_load = loader.submit(load_capture, paths[i + 1])
            item = _Item(path=path)
            started = time.perf_counter()
            try:
                ex = examine(current.result(), library=library, specimen_id=specimen_id,
                             capture_path=path)
                item.examination = ex
                if store_in is not None:
                    repo, user = store_in
                    item.stored = storer.submit(repo.store_examination, ex, user=user,
                                                case_ref=case_ref)
            except (InputError, SpecimenError) as exc:
                item.error, item.status = str(exc), 2
            except Exception as exc:  # a bug must not lose the other captures' results
                traceback.print_exc()
                item.error, item.status = f"{path}: internal error: {exc}", 1
            item.seconds = time.perf_counter() - started
            if pending is not None:
                status = _worse(status, finish(pending))
            pending = item
        if pending is not None:
            status = _worse(status, finish(pending))
        if out is not None:
            out.close()
    return status


def _worse(a: int, b: int) -> int:
    """The exit status of two outcomes: 1 (a failure) over 2 (bad input) over 0."""
    return 1 if 1 in (a, b) else max(a, b)
