"""What the first examination of a process would otherwise wait for, done beforehand.

The first examination in a process used to take several times as long as the
later ones: the check modules were imported, the OCR networks read and run for the
first time, and the specimens decoded at their full density (600 dpi) and reduced
to the work density with their registration references. :func:`load_models` and
:func:`prepare_specimens` do that work ahead, so that a window can run them in a
worker at start (:func:`workstation.session.warmup.warm_up` composes them with the
chip's face models and the case database). Everything they load is the process's
own cache that :func:`~workstation.examination.pipeline.examine` uses anyway.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from workstation.specimens.library import SpecimenLibrary

log = logging.getLogger(__name__)


def load_models() -> None:
    """Import every check, load the OCR networks (the MRZ's OCR-B classifier and the
    printed fields' recognisers, RapidOCR's and the Cyrillic one), each run once on a
    blank input, read the table of states' printed names, and find a page on
    a small drawn platen once (OpenCV's and NumPy's first calls cost more: ``np.median``
    imports ``numpy.ma`` on first use). About 0.3 s of CPU."""
    import numpy.fft  # (the microprint measure's spectrum imports it on first use)
    import numpy.ma  # noqa: F401  (np.median's NaN check imports it on first use)

    from workstation.examination.checks import all_checks
    from workstation.examination.ocr import load_engine
    from workstation.imaging.document import find_document
    from workstation.mrz import ocr as mrz_ocr
    from workstation.mrz import read as _mrz_read  # noqa: F401  (imported for its cost)
    from workstation.mrz.viz.states import table as states_table

    all_checks()
    states_table()  # the printed states' names (resources/mrz/states.json)
    classifier = mrz_ocr.default_classifier()
    classifier.probabilities(np.zeros((1, mrz_ocr.CELL_H, mrz_ocr.CELL_W), np.float32))
    load_engine()
    platen = np.full((360, 480, 3), 40, np.uint8)
    platen[60:300, 80:400] = 225
    find_document(platen)


def prepare_specimens(library: SpecimenLibrary | None = None, *,
                      specimen_ids: Sequence[str] | None = None,
                      cancel: Callable[[], bool] | None = None) -> tuple[str, ...]:
    """Decode the specimens and prepare each at the work density with its registration
    reference (:func:`~workstation.examination.pipeline.prepare_specimen`).

    Args:
        library: the library the examinations will use (default: the data folder's,
            the same shared instance :func:`~workstation.examination.pipeline.examine`
            opens).
        specimen_ids: which specimens (default: every one with a white image, up to
            :data:`~workstation.examination.pipeline.PREPARED_CAPACITY` in id order;
            each holds about 50 MB at 600 dpi).
        cancel: polled between specimens; ``True`` stops early.

    Returns:
        The ids prepared. A specimen that does not load is logged and left out.
    """
    from workstation.examination.pipeline import PREPARED_CAPACITY, prepare_specimen
    from workstation.types import Light

    if library is None:
        from workstation.specimens.library import open_library

        library = open_library()
    ids = list(specimen_ids) if specimen_ids is not None else library.ids()
    done: list[str] = []
    for sid in ids:
        if len(done) >= PREPARED_CAPACITY or (cancel is not None and cancel()):
            break
        try:
            spec = library.get(sid)
            if Light.WHITE not in spec.image_lights:
                continue
            prepare_specimen(spec)
        except Exception as exc:  # a broken package must not stop the others
            log.warning("specimen %s not prepared: %s", sid, exc)
            continue
        done.append(sid)
    return tuple(done)
