"""Specimen authoring bench (issue 17): ``python -m bench.authoring [--quick] [--docs ...]``.

For each document type the bundled library does not hold — the simulator's
Mongolian-style passport ``MNG-P-2021`` and the second, independently drawn family's
faces (:mod:`bench.family2`) — three genuine captures are authored into a specimen
(``workstation.examination.authoring.author_specimen``, timed in CPU seconds of the
process, every thread counted), and then:

* coverage: the share of the renderer's own luminescent, IR-dropout and IR-visible
  features inside zones that test them, and zones that lie on plain substrate
  (:mod:`bench.authoring_truth`);
* examination with the authored specimen (the library holds it beside the bundled
  Utopia specimens): further genuine captures (no check may fail) and one forgery of
  every kind of the bench made by editing a genuine capture
  (:func:`workstation.specimens.edits.apply_edit`; the edit's layout comes from the
  renderer's own description, not from the authored zones), caught only when the
  check meant for the kind fails (``EXPECTED_CHECKS``).

The captures never reach the authoring code with their ground truth: it reads only
images and density. Output: per document, the timing, the coverage, and the table of
:func:`bench.examine_family2.report`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

MNG = "MNG-P-2021"
DOCS = (MNG, "NRV-P-2018", "NRV-ID-2019-F", "NRV-ID-2019-B")
#: Seeds: the three exemplars, further genuine captures, forged captures, donors.
EXEMPLAR_SEEDS = (11, 12, 13)
GENUINE_SEED0, FORGED_SEED0, DONOR_SEED0 = 3000, 4000, 6000


# -- captures ---------------------------------------------------------------------------------
def _mng_capture(seed: int, *, forgery: str | None = None) -> tuple[Any, dict[str, Any]]:
    """A simulated reader capture of MNG-P-2021 and its truth (corners, size)."""
    from workstation.hardware.simulate_cli import simulate_capture

    cap = simulate_capture(MNG, forgery=forgery, seed=seed, dpi=300.0, cropped=False)
    truth = cap.metadata.pop("simulation")
    return cap, truth


def exemplars(doc: str) -> list[tuple[str, Any]]:
    """Three genuine captures of ``doc`` as an office would take them."""
    if doc == MNG:
        return [(f"{doc}-{s}", _mng_capture(s)[0]) for s in EXEMPLAR_SEEDS]
    from bench import family2

    out = []
    for s in EXEMPLAR_SEEDS:
        cap = family2.genuine_capture(doc, 900100 + s, platen="dark", allow_outside=False,
                                      allow_cropped=False)
        out.append((f"{doc}-{s}", cap.capture))
    return out


def _truth_specimen(doc: str) -> Any:
    """The renderer's own description of ``doc`` (forgery layouts only)."""
    if doc == MNG:
        from workstation.specimens.render import specimen_for

        return specimen_for(doc, dpi=150.0)
    from bench import family2

    return family2.specimen(doc)


def kinds_for(doc: str) -> list[str]:
    """The edit kinds ``doc`` can carry (the forgeries made by editing a capture; the
    family's renderer-made forgeries of the optional lights are bench.examine_family2's:
    an authored specimen learns white, UV and IR only)."""
    from workstation.specimens.edits import KINDS

    if doc == MNG:
        return list(KINDS)
    from bench.examine_family2 import kinds_for as f2

    return [k for k in f2(doc) if k in KINDS]


def test_captures(doc: str, n_genuine: int) -> list[tuple[str, int, Any]]:
    """``(kind, seed, capture)``: further genuine captures and one forgery per kind."""
    from workstation.specimens.edits import Donor, Layout, PageGeometry, apply_edit

    out: list[tuple[str, int, Any]] = []
    layout = Layout.from_specimen(_truth_specimen(doc))
    if doc == MNG:
        for i in range(n_genuine):
            out.append(("genuine", GENUINE_SEED0 + i, _mng_capture(GENUINE_SEED0 + i)[0]))
        for j, kind in enumerate(kinds_for(doc)):
            seed = FORGED_SEED0 + j
            cap, truth = _mng_capture(seed)
            geo = PageGeometry(np.asarray(truth["placement"]["corners_px"], float),
                               tuple(truth["size_mm"]))
            donor = None
            if kind == "photo_swap":
                dcap, dtruth = _mng_capture(DONOR_SEED0 + j)
                donor = Donor(dcap, PageGeometry(
                    np.asarray(dtruth["placement"]["corners_px"], float),
                    tuple(dtruth["size_mm"])))
            edited = apply_edit(kind, cap, geo, layout, seed=seed, donor=donor)
            out.append((kind, seed, edited.capture))
        return out
    from bench import family2
    from bench.family2.capture import compress

    for i in range(n_genuine):
        seed = GENUINE_SEED0 + i
        cap = family2.genuine_capture(doc, seed,
                                      platen=family2.PLATENS[seed % len(family2.PLATENS)])
        out.append(("genuine", seed, cap.capture))
    for j, kind in enumerate(kinds_for(doc)):
        seed = FORGED_SEED0 + j
        cap = family2.genuine_capture(doc, seed, jpeg=False)
        corners, size = family2.page_geometry(cap)
        donor = None
        if kind == "photo_swap":
            other = family2.genuine_capture(doc, DONOR_SEED0 + seed, conditions=cap.conditions,
                                            jpeg=False)
            dc, ds = family2.page_geometry(other)
            donor = Donor(other.capture, PageGeometry(dc, ds))
        edited = apply_edit(kind, cap.capture, PageGeometry(corners, size), layout, seed=seed,
                            donor=donor)
        forged = compress(replace(cap, capture=edited.capture, encoded={}))
        out.append((kind, seed, forged.capture))
    return out


def features_for(doc: str, seeds: list[int]) -> list[Any]:
    """The renderer's feature map for the exemplars' holders."""
    from bench.authoring_truth import family2_features, mng_features

    if doc == MNG:
        return mng_features(seeds)
    return family2_features(doc, [900100 + s for s in seeds])


# -- the bench --------------------------------------------------------------------------------
def author(doc: str) -> tuple[Any, float, float]:
    """Author ``doc`` from three exemplars: ``(result, cpu_s, wall_s)``."""
    from workstation.examination.authoring.propose import author_specimen

    caps = exemplars(doc)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    res = author_specimen(caps, specimen_id=doc)
    return res, time.process_time() - cpu0, time.perf_counter() - wall0


def run_doc(doc: str, library_root: Path, n_genuine: int) -> dict[str, Any]:
    """Author, measure coverage, import, examine; returns the rows and figures."""
    from bench.authoring_truth import coverage
    from workstation.examination.pipeline import examine
    from workstation.specimens.library import SpecimenLibrary
    from workstation.specimens.package import save_specimen

    res, cpu, wall = author(doc)
    spec = res.specimen
    cov = coverage(spec.zones, features_for(doc, list(EXEMPLAR_SEEDS)))
    lib = SpecimenLibrary(library_root, bundled=True)
    if doc in lib:
        lib.remove(doc)
    with tempfile.TemporaryDirectory() as tmp:
        lib.import_package(save_specimen(spec, Path(tmp) / doc))
    rows = []
    for kind, seed, cap in test_captures(doc, n_genuine):
        t0 = time.perf_counter()
        ex = examine(cap, library=lib, capture_path=f"{doc}/{kind}/{seed}")
        rows.append({
            "face": doc, "kind": kind, "seed": seed, "folder": f"/{doc}/{kind}/{seed}",
            "platen": "-", "verdict": ex.verdict.value, "specimen": ex.specimen_id,
            "examine_ms": (time.perf_counter() - t0) * 1000.0,
            "failed": sorted({c.id for c in ex.checks if c.status.value == "fail"}),
            "checks": [c.to_json() for c in ex.checks],
            "page_error_mm": 0.0, "find_page_error_mm": 0.0, "visible": 1.0})
    return {"doc": doc, "cpu_s": cpu, "wall_s": wall, "zones": len(spec.zones),
            "exemplars": spec.statistics.exemplars, "coverage": cov, "rows": rows,
            "notes": res.notes}


def _report(results: list[dict[str, Any]]) -> None:
    from bench.examine_family2 import report

    print("\nauthoring from three genuine captures (CPU seconds of the process; wall clock)")
    print(f"{'document':<15} {'cpu s':>6} {'wall s':>7} {'zones':>6} {'exemplars':>9} "
          f"{'coverage':>9} {'lum':>6} {'ir-vis':>7} {'ir-drop':>8} {'on plain':>9}")
    for r in results:
        cov = r["coverage"]
        pc = cov.per_category

        def frac(cat: str, pc: dict[str, tuple[int, int]] = pc) -> str:
            return f"{pc[cat][0]}/{pc[cat][1]}"

        print(f"{r['doc']:<15} {r['cpu_s']:>6.1f} {r['wall_s']:>7.1f} {r['zones']:>6} "
              f"{r['exemplars']:>9} {cov.share:>8.0%} {frac('luminescent'):>6} "
              f"{frac('ir_visible'):>7} {frac('ir_dropout'):>8} {len(cov.plain_zones):>9}")
    for r in results:
        cov = r["coverage"]
        if cov.missed or cov.plain_zones:
            print(f"  {r['doc']}: missed {', '.join(cov.missed) or 'none'}; on plain "
                  f"substrate: {', '.join(cov.plain_zones) or 'none'}")
    cpus = sorted(r["cpu_s"] for r in results)
    print(f"  CPU per authoring: median {statistics.median(cpus):.1f} s, max {cpus[-1]:.1f} s "
          f"(limit 30 s)")
    print("\nexamination with the authored specimens")
    report([row for r in results for row in r["rows"]])


def main(argv: list[str] | None = None) -> int:
    """Run the bench."""
    p = argparse.ArgumentParser(prog="python -m bench.authoring", description=__doc__)
    p.add_argument("--docs", default=",".join(DOCS), help="documents (comma-separated)")
    p.add_argument("--genuine", type=int, default=20, help="further genuine captures each")
    p.add_argument("--quick", action="store_true", help="5 further genuine captures each")
    p.add_argument("--work", default=None, help="work folder (default: a temporary one)")
    args = p.parse_args(argv)
    docs = [d for d in args.docs.split(",") if d]
    unknown = [d for d in docs if d not in DOCS]
    if unknown:
        print(f"unknown document(s): {', '.join(unknown)} (known: {', '.join(DOCS)})",
              file=sys.stderr)
        return 2
    n = 5 if args.quick else args.genuine
    with tempfile.TemporaryDirectory(prefix="bench-authoring-") as tmp:
        root = Path(args.work or tmp) / "library"
        results = []
        for doc in docs:
            print(f"{doc}: authoring, then {n} genuine captures and one forgery per kind...",
                  file=sys.stderr)
            results.append(run_doc(doc, root, n))
            if len(docs) > 1:  # each document's figures as soon as they are in
                print(f"\n=== {doc} ===")
                _report(results[-1:])
                sys.stdout.flush()
    if len(docs) > 1:
        print("\n=== all documents ===")
    _report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
