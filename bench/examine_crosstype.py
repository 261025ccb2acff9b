"""Never another type: genuine captures examined where their own specimen is not.

Part of ``python -m bench.examine --family2`` (issue 16's second done-when: a
specimen made from one genuine capture and taught two more "never matches a
capture of another type"). Each family-2 face's genuine test captures and
genuine Utopia captures are examined twice over:

* **identified as** — against the library without the capture's own type (every
  other family-2 face and Utopia's specimens, unforced, as an examiner's
  library would hold them): the document must be identified as none of them;
* **forced** — against each other specimen named by the examiner
  (``specimen_id``: the MRZ and the page shape are not asked, only the
  registration): ``specimen.match`` must never pass, and the registration
  quality reached is printed beside the minimum it was held against.

A row with any match is marked ``NO``.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: Genuine Utopia captures per document (seeds from 0, the Utopia test seeds).
UTOPIA_CAPTURES = 4
#: Genuine family-2 test captures per face (the first ones: every platen in turn).
FAMILY2_CAPTURES = 4


class LibraryWithout:
    """A specimen library seen without some types (what ``examine`` asks of it):
    identification never meets the excluded specimens; a forced one is still found."""

    def __init__(self, library: Any, exclude: set[str]) -> None:
        self._library = library
        self._exclude = exclude

    def specimens(self) -> list[Any]:
        """The library's specimens but the excluded ones."""
        return [s for s in self._library.specimens() if s.id not in self._exclude]

    def ids(self) -> list[str]:
        """The ids of :meth:`specimens`."""
        return [s.id for s in self.specimens()]

    def get(self, specimen_id: str) -> Any:
        """Any specimen of the library (forced comparisons)."""
        return self._library.get(specimen_id)

    def known_states(self) -> tuple[str, ...]:
        """The whole library's issuing states (the MRZ reader's vocabulary)."""
        return tuple(self._library.known_states())

    def __contains__(self, specimen_id: object) -> bool:
        return specimen_id in self.ids()

    def __iter__(self) -> Iterator[Any]:
        return iter(self.specimens())


def utopia_captures(work: Path, n: int = UTOPIA_CAPTURES) -> list[tuple[str, Path]]:
    """``n`` genuine captures of each Utopia document (generated once under ``work``)."""
    from bench.examine import generate
    from workstation.specimens.render import DOCUMENTS

    jobs = [(doc, None, seed, str(work / "utopia-genuine" / doc / f"{seed:05d}"))
            for doc in DOCUMENTS for seed in range(n)]
    generate(jobs, workers=2)
    return [(doc, Path(out)) for doc, _, _, out in jobs]


def _row(capture_type: str, folder: Path, library: Any, others: list[str]) -> dict[str, Any]:
    from workstation.capture import load_capture
    from workstation.examination.pipeline import examine

    cap = load_capture(folder)
    ex = examine(cap, library=LibraryWithout(library, {capture_type}),
                 capture_path=str(folder))
    forced = {}
    for other in others:
        fx = examine(cap, library=library, specimen_id=other, capture_path=str(folder))
        match = next((c for c in fx.checks if c.id == "specimen.match"), None)
        quality = max((c.quality for c in fx.identification.candidates
                       if c.quality is not None), default=None)
        forced[other] = {"status": match.status.value if match else "absent",
                         "code": match.code if match else "",
                         "quality": quality, "matched": fx.specimen_id == other}
    return {"type": capture_type, "folder": str(folder), "identified": ex.specimen_id,
            "forced": forced}


def run(work: Path, library: Any, family2_folders: dict[str, list[Path]]) -> list[dict[str, Any]]:
    """Examine the captures (``family2_folders``: face id -> genuine capture folders,
    plus Utopia's generated here) against every other type; the rows."""
    from workstation.examination.pipeline import registration_minimum

    captures = [(face, f) for face, folders in family2_folders.items()
                for f in folders[:FAMILY2_CAPTURES]]
    captures += utopia_captures(work)
    ids = library.ids()
    rows = []
    for i, (ctype, folder) in enumerate(captures):
        rows.append(_row(ctype, folder, library, [s for s in ids if s != ctype]))
        if (i + 1) % 5 == 0:
            print(f"  cross-type {i + 1}/{len(captures)}", file=sys.stderr, flush=True)
    minimum = {sid: registration_minimum(library.get(sid))[0] for sid in ids}
    report(rows, minimum)
    return rows


def report(rows: list[dict[str, Any]], minimum: dict[str, float]) -> None:
    """Print the table: per capture type, what it was identified as with its own type
    absent, and per other specimen forced, how often ``specimen.match`` passed and the
    best registration quality against that specimen's minimum."""
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_type[r["type"]].append(r)
    print("\nnever matches another type (genuine captures; own type absent from the library, "
          "then each other specimen forced):")
    head = (f"  {'capture type':<14} {'n':>2}  {'identified as (own type absent)':<32} "
            f"{'forced specimen':<15} {'match pass':>10} {'quality max':>11} {'minimum':>7}"
            f"  ok")
    print(head)
    bad = 0
    for ctype, rs in by_type.items():
        ident = Counter(r["identified"] or "none" for r in rs)
        ident_text = ", ".join(f"{k} {v}" for k, v in ident.most_common())
        first = True
        for other in rs[0]["forced"]:
            fs = [r["forced"][other] for r in rs]
            passed = sum(f["status"] == "pass" or f["matched"] for f in fs)
            qs = [f["quality"] for f in fs if f["quality"] is not None]
            ok = passed == 0 and (not first or set(ident) == {"none"})
            bad += not ok
            print(f"  {ctype if first else '':<14} {len(rs) if first else '':>2}  "
                  f"{ident_text if first else '':<32} {other:<15} {passed:>4}/{len(fs):<5} "
                  f"{(f'{max(qs):.2f}' if qs else '-'):>11} {minimum[other]:>7.2f}  "
                  f"{'yes' if ok else 'NO'}")
            first = False
    n = len(rows)
    other = sum(bool(r["identified"]) for r in rows)
    forced = [f for r in rows for f in r["forced"].values()]
    matches = sum(f["status"] == "pass" or f["matched"] for f in forced)
    print(f"  {n} genuine captures: identified as another type {other}/{n}; forced matches "
          f"{matches}/{len(forced)}" + (f"; rows NOT ok: {bad}" if bad else ""))
