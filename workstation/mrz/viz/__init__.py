"""The printed fields of the visual inspection zone against the MRZ (pure functions).

* :func:`compare_field` — one printed field against the MRZ's value:
  ``agree``, ``disagree`` or ``unreadable`` (:class:`Comparison`);
* :mod:`.translit` — ICAO 9303 part 3 transliteration with national practice,
  diacritic folding, :func:`name_distance`;
* :mod:`.dates` — :func:`read_printed_date` for every printed date form;
* :mod:`.states` — :func:`read_states`: codes, names and adjectives of states.
"""

from __future__ import annotations

from workstation.mrz.viz.compare import Comparison, compare_field, read_sex
from workstation.mrz.viz.dates import PrintedDate, read_printed_date
from workstation.mrz.viz.states import StateReading, read_states
from workstation.mrz.viz.translit import fold, name_distance, transliterate

__all__ = ["Comparison", "PrintedDate", "StateReading", "compare_field", "fold",
           "name_distance", "read_printed_date", "read_sex", "read_states", "transliterate"]
