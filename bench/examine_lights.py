"""The optional lights' bench (issue 22): every light's forgery kind, caught by its own
check, on both document families.

    python -m bench.examine --lights [--genuine 20] [--forged 20] [--workers 2]
    python -m bench.examine --lights --generate-only
    python -m bench.examine --lights --calibrate      # the features' measures, seeds 10000+
    python -m bench.examine --lights --results FILE [--follow]   # cached rows; wait

Two families, each with the eight optional-light forgery kinds it can carry:

* Utopia (:mod:`workstation.specimens.render`, the simulated reader with every light):
  ``UTO-P-2020`` and ``UTO-ID-2021``; genuine and forged test captures from seed 0.
* Family 2 (:mod:`bench.family2`, drawn by separate code, every platen): ``NRV-P-2018``
  and ``NRV-ID-2019-F``; genuine from seed 1000, forged from seed 2000, the specimen
  taught on seeds 900002-3 (:func:`bench.examine_family2.build_library`).

Counts are *per family*: ``--genuine`` genuine captures split over the family's
documents, ``--forged`` captures of each kind split over the documents that carry it
(all on one document when only one has the feature). The calibration captures
(``--calibrate``: genuine Utopia, seeds from 10000) are never test captures; they are
where the features' prior spreads (``feature_common.FEATURE_RULES``) are measured.

Counted: per family, document and kind, how often the check meant for the kind
**failed** (a catch), how often it was ``skipped`` (never a catch: e.g. a capture too
coarse for microprint), and on genuine captures every check of the eight that failed
(a false alarm) or was skipped. Captures are cached under ``--workdir``; each
examination's row is appended to ``--results FILE`` (default
``WORKDIR/lights-results.jsonl``; JSON lines) with the git hash of the ``workstation/``
tree that examined it and the hash of the capture's files, and a row is reused while both
are the same (none are kept while ``workstation/`` has uncommitted changes); ``--follow``
examines captures as another process (``--generate-only``) generates them.
``--kinds``, ``--documents`` and ``--families`` keep a subset (``genuine`` is a kind).

The high-density row (``family2-hd``): microprint needs 10 px per character pitch, which
family 2's reader (300 dpi) does not give, so its ``microprint_line`` row at 300 dpi is
all ``skipped`` (reported, never counted as caught). The same documents and seeds are
captured again in the reader's high-density mode (:data:`HIGH_DPI`, white light, as an
examiner magnifies microprint) and examined against the family's specimen made the same
way (:func:`build_high_dpi_library`): 20 genuine and 20 ``microprint_line``. The
``utopia-hd`` row does the same for Utopia (its reader's ``microprint_line`` and genuine
captures, seeds from 0, split over both documents) against Utopia's specimens rendered at
that density (:func:`build_utopia_high_dpi_library`).
``--calibrate`` adds Utopia's calibration seeds in that mode (``utopia-hd``) against
Utopia specimens at that density: where ``microprint_letters`` gets its prior.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

#: The optional lights' forgery kinds and the check meant to catch each.
LIGHT_KINDS: dict[str, str] = {
    "relief_flat": "oblique.relief",
    "watermark_printed": "transmitted.watermark",
    "perforation_printed": "transmitted.perforation",
    "coaxial_pattern_missing": "coaxial.pattern",
    "uv254_imitated": "uv254.luminescent",
    "fibres_printed": "uv.fibres",
    "ghost_other_face": "ghost.portrait",
    "microprint_line": "white.microprint",
}
LIGHT_CHECKS = tuple(LIGHT_KINDS.values())
FAMILIES = {"utopia": ("UTO-P-2020", "UTO-ID-2021"), "family2": ("NRV-P-2018", "NRV-ID-2019-F"),
            "utopia-hd": ("UTO-P-2020", "UTO-ID-2021"), "family2-hd": ("NRV-P-2018",)}
#: The reader's high-density mode (dpi): family 2's microprint zone magnified, as an
#: examiner looks at microprint. The check asks for 10 px per character pitch (0.27 mm
#: on NRV-P-2018: 930 dpi); a reader's white light at 1000 dpi gives it.
HIGH_DPI = 1000.0
#: The rows captured at :data:`HIGH_DPI` (white light only) and the kinds they hold:
#: the same documents and seeds as family 2's rows at the reader's 300 dpi.
HIGH_DPI_FAMILIES = {"utopia-hd": ("utopia", ("microprint_line",)),
                     "family2-hd": ("family2", ("microprint_line",))}
#: With ``--calibrate``: Utopia's genuine calibration captures (seeds from 10000) in the
#: reader's high-density mode (white light), against Utopia specimens at that density:
#: where the measures of resolved microprint get their prior. Without it, ``utopia-hd``
#: is a test row like ``family2-hd`` (seeds from 0, the same specimens).
CALIBRATION_HIGH_DPI = {"utopia-hd": ("UTO-P-2020", "UTO-ID-2021")}
UTOPIA_SEED0, CALIBRATION_SEED0 = 0, 10000
TARGET = 0.95

#: One capture to make and examine: (family, document, kind, seed, folder).
Job = tuple[str, str, str, int, str]


def kinds_of(family: str, doc: str) -> list[str]:
    """The optional-light forgery kinds ``doc`` of ``family`` can carry."""
    if family in HIGH_DPI_FAMILIES:
        base, kinds = HIGH_DPI_FAMILIES[family]
        return [k for k in kinds_of(base, doc) if k in kinds]
    if family == "utopia":
        from workstation.specimens.render import document_forgeries

        have = set(document_forgeries(doc))
    else:
        from bench.family2.features import feature_kinds

        have = set(feature_kinds(doc))
    return [k for k in LIGHT_KINDS if k in have]


def _split(n: int, parts: int) -> list[int]:
    return [n // parts + (1 if i < n % parts else 0) for i in range(parts)]


def plan(work: Path, n_genuine: int, n_forged: int, *, calibrate: bool = False) -> list[Job]:
    """The captures of the bench, seed by seed over every (document, kind) so that a
    partial generation is balanced. Utopia's under ``work/generator-N/captures`` and
    family 2's under ``work/family2/captures`` (where ``bench.examine`` and
    ``bench.examine --family2`` cache theirs)."""
    from bench.examine_family2 import FORGED_SEED0, GENUINE_SEED0
    from workstation.specimens.render import GENERATOR_VERSION

    per: dict[tuple[str, str, str], int] = {}
    families = {**FAMILIES, **CALIBRATION_HIGH_DPI} if calibrate else FAMILIES
    for family, docs in families.items():
        if calibrate and not family.startswith("utopia"):
            continue
        if family in HIGH_DPI_FAMILIES and not calibrate:  # the kinds' carriers' genuine
            docs = tuple(d for d in docs if kinds_of(family, d))
        for doc, n in zip(docs, _split(n_genuine, len(docs)), strict=True):
            per[(family, doc, "genuine")] = n
        if calibrate:
            continue
        for kind in LIGHT_KINDS:
            carriers = [d for d in docs if kind in kinds_of(family, d)]
            for doc, n in zip(carriers, _split(n_forged, len(carriers)), strict=True):
                per[(family, doc, kind)] = n
    jobs: list[Job] = []
    for i in range(max(per.values(), default=0)):
        for (family, doc, kind), n in per.items():
            if i >= n:
                continue
            if family == "utopia":
                seed = (CALIBRATION_SEED0 if calibrate else UTOPIA_SEED0) + i
                root = work / f"generator-{GENERATOR_VERSION}" / "captures"
            elif family in CALIBRATION_HIGH_DPI:
                seed = (CALIBRATION_SEED0 if calibrate else UTOPIA_SEED0) + i
                root = work / family / f"generator-{GENERATOR_VERSION}" / "captures"
            else:
                seed = (GENUINE_SEED0 if kind == "genuine" else FORGED_SEED0) + i
                root = work / family / "captures"
            jobs.append((family, doc, kind, seed, str(root / doc / kind / f"{seed:05d}")))
    return jobs


def subset(jobs: list[Job], kinds: str = "", documents: str = "") -> list[Job]:
    """The jobs of the comma-separated ``kinds`` (``genuine`` among them) and
    ``documents`` (empty: all) — ``--kinds``/``--documents`` of ``bench.examine``."""
    want_k = {k.strip() for k in kinds.split(",") if k.strip()}
    want_d = {d.strip() for d in documents.split(",") if d.strip()}
    return [j for j in jobs if (not want_k or j[2] in want_k)
            and (not want_d or j[1] in want_d)]


def _done(job: Job) -> bool:
    return (Path(job[4]) / ("capture.json" if job[0].startswith("utopia") else "truth.json")
            ).is_file()


def _make(job: Job) -> str:
    """Generate one capture folder (worker process)."""
    family, doc, kind, seed, out = job
    if family in CALIBRATION_HIGH_DPI:
        return _make_utopia_high_dpi(doc, kind, seed, out)
    if family == "utopia":
        from bench.examine import _make_capture

        return _make_capture((doc, None if kind == "genuine" else kind, seed, out))
    if family in HIGH_DPI_FAMILIES:
        return _make_high_dpi(doc, kind, seed, out)
    from bench.examine_family2 import _make as make2

    return make2((doc, kind, seed, out))


def _make_utopia_high_dpi(doc: str, kind: str, seed: int, out: str) -> str:
    """A Utopia capture (the front) in the high-density mode, white light: the genuine
    document of ``seed``, or its forgery ``kind`` as the Utopia row's reader makes it."""
    from workstation.capture import save_capture
    from workstation.hardware.simulated import SimulatedReader
    from workstation.types import Light

    reader = SimulatedReader(document=doc, seed=seed, dpi=HIGH_DPI, lights=(Light.WHITE,),
                             forgery=None if kind == "genuine" else kind)
    try:
        save_capture(reader.capture_all(), Path(out))
    finally:
        reader.close()
    return out


def build_utopia_high_dpi_library(work: Path) -> Any:
    """Utopia's specimens at :data:`HIGH_DPI` (white light) for the high-density
    captures (the ``utopia-hd`` row and its calibration), cached under
    ``work/utopia-hd/library``."""
    from workstation.specimens.library import SpecimenLibrary
    from workstation.specimens.package import save_specimen
    from workstation.specimens.render import specimen_for
    from workstation.types import Light

    root = work / "utopia-hd" / "library"
    root.mkdir(parents=True, exist_ok=True)
    lib = SpecimenLibrary(root, bundled=False)
    for doc in CALIBRATION_HIGH_DPI["utopia-hd"]:
        if doc not in lib:
            pkg = save_specimen(specimen_for(doc, dpi=HIGH_DPI, lights=(Light.WHITE,)),
                                work / "utopia-hd" / "packages" / doc)
            lib.import_package(pkg)
    return lib


def _make_high_dpi(doc: str, kind: str, seed: int, out: str) -> str:
    """A family-2 capture in the reader's high-density mode (:data:`HIGH_DPI`, white
    light): the genuine document of ``seed`` (the platen as family 2's row has it), or
    its forgery ``kind`` made as that row makes it."""
    from bench import family2
    from bench.examine_family2 import _specimen
    from bench.family2.features import feature_forgery
    from workstation.specimens.edits import Layout

    if kind == "genuine":
        cap = family2.genuine_capture(doc, seed, platen=family2.PLATENS[seed % len(
            family2.PLATENS)], dpi=HIGH_DPI, lights=("white",))
    else:
        cap = feature_forgery(doc, kind, seed, Layout.from_specimen(_specimen(doc)),
                              dpi=HIGH_DPI, lights=("white",))
    family2.write_capture(cap, out)
    return out


def build_high_dpi_library(work: Path) -> Any:
    """The library of the high-density rows, cached under ``work/family2-hd/library``:
    the bundled Utopia specimens and each family-2 face the rows hold as a specimen at
    :data:`HIGH_DPI` (white light: one exemplar, taught two more genuine captures, as
    :func:`bench.examine_family2.build_library` makes family 2's)."""
    from bench import family2
    from bench.examine_family2 import LEARN_SEEDS
    from workstation.examination.learn import learn
    from workstation.specimens.bundled import ensure_bundled
    from workstation.specimens.library import SpecimenLibrary

    root = work / "family2-hd" / "library"
    ensure_bundled(root)
    lib = SpecimenLibrary(root, bundled=False)
    for face_id in FAMILIES["family2-hd"]:
        if face_id in lib:
            continue
        pkg = work / "family2-hd" / "packages" / face_id
        family2.write_specimen(face_id, pkg, dpi=HIGH_DPI, lights=("white",))
        lib.import_package(pkg)
        caps = [(f"learn-{s}", family2.genuine_capture(face_id, s, dpi=HIGH_DPI,
                                                       lights=("white",)).capture)
                for s in LEARN_SEEDS]
        res = learn(lib.get(face_id), caps)
        lib.update(face_id, lambda _s, r=res: r.specimen)
        print(f"  {face_id} at {HIGH_DPI:g} dpi: specimen from 1 exemplar + {res.learned} "
              "learned", file=sys.stderr)
    return lib


def generate(jobs: list[Job], workers: int) -> None:
    """Generate the capture folders not yet cached."""
    missing = [j for j in jobs if not _done(j)]
    if not missing:
        return
    print(f"generating {len(missing)} captures with {workers} worker(s)...", file=sys.stderr,
          flush=True)
    t0, c0 = time.perf_counter(), _children_cpu()
    with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
        for i, _ in enumerate(pool.map(_make, missing)):
            if (i + 1) % 20 == 0:
                print(f"  {i + 1}/{len(missing)}", file=sys.stderr, flush=True)
    print(f"  done in {time.perf_counter() - t0:.0f} s ({_children_cpu() - c0:.0f} s of CPU)",
          file=sys.stderr, flush=True)


def _children_cpu() -> float:
    """CPU seconds (user and system) of this process's finished child processes."""
    import resource

    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


_LIB: Any = None


def _init_worker(library_root: str) -> None:
    global _LIB
    import logging

    from workstation.specimens.library import SpecimenLibrary

    logging.disable(logging.WARNING)
    _LIB = SpecimenLibrary(library_root, bundled=False)


def examine_job(job: Job) -> dict[str, Any]:
    """Examine one capture folder (worker process; the library opened by
    :func:`_init_worker`): the verdict, the failed checks and the eight checks' results
    (status, code, zone, score and measures; no evidence)."""
    from workstation.capture import load_capture
    from workstation.examination.pipeline import examine

    family, doc, kind, seed, folder = job
    digest = capture_hash(folder)
    cap = load_capture(Path(folder))
    t0, c0 = time.perf_counter(), time.process_time()
    ex = examine(cap, library=_LIB, capture_path=folder)
    ms = (time.perf_counter() - t0) * 1000.0
    cpu_ms = (time.process_time() - c0) * 1000.0
    lights = []
    for c in ex.checks:
        if c.id not in LIGHT_CHECKS:
            continue
        js = c.to_json()
        lights.append({"id": c.id, "zone": c.zone, "status": c.status.value, "code": c.code,
                       "score": c.score, "threshold": c.threshold,
                       "measures": (js.get("details") or {}).get("measures", {}),
                       "raw": (js.get("details") or {}).get("raw_measures", {})})
    return {"family": family, "document": doc, "kind": kind, "seed": seed, "folder": folder,
            "capture": digest,
            "verdict": ex.verdict.value, "specimen": ex.specimen_id, "examine_ms": ms,
            "cpu_ms": cpu_ms,
            "failed": sorted({c.id for c in ex.checks if c.status.value == "fail"}),
            "lights": lights}


def capture_hash(folder: str | Path) -> str:
    """The SHA-256 of a capture folder's ``capture.json`` and every file it names: a
    cached row is reused only for the very capture it examined (a folder generated
    again, by another generator or seed, is examined again)."""
    import hashlib

    folder = Path(folder)
    meta = (folder / "capture.json").read_bytes()
    h = hashlib.sha256(meta)
    try:
        raw = json.loads(meta)
        faces = [raw, raw.get("back") or {}]
        names = sorted({str(n) for f in faces for n in (f.get("lights") or {}).values()})
    except (json.JSONDecodeError, AttributeError):
        names = []
    for name in names:
        path = folder / name
        if path.is_file():
            h.update(name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def code_version() -> str | None:
    """The committed ``workstation/`` tree (its git hash: commits elsewhere keep it), or
    ``None`` when ``workstation/`` has uncommitted changes (results of such code are not
    cached)."""
    import subprocess

    root = Path(__file__).resolve().parent.parent
    try:
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "workstation"],
                               cwd=root, capture_output=True, text=True, check=True).stdout
        head = subprocess.run(["git", "rev-parse", "HEAD:workstation"], cwd=root,
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return None if dirty.strip() else head


def read_results(path: Path | None, version: str | None) -> dict[str, dict[str, Any]]:
    """The cached rows of ``path`` (JSON lines) examined by code ``version``, by folder."""
    if path is None or version is None or not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            r = json.loads(line)
        except json.JSONDecodeError:
            continue  # a line cut short by a stopped run
        if r.get("code") == version:
            out[r["folder"]] = r
    return out


def examine_all(jobs: list[Job], library_root: Path, workers: int,
                progress: Callable[[int, int], None] | None = None, *,
                results: Path | None = None, follow: bool = False) -> list[dict[str, Any]]:
    """Examine every job's folder in ``workers`` processes (times are per examination,
    on a machine that runs ``workers`` of them at once). With ``results``, rows cached
    there by the same code version are reused and new ones appended; with ``follow``,
    captures not generated yet are waited for (another process generates them)."""
    version = code_version()
    if results is not None and version is None:
        print("workstation/ has uncommitted changes: results are not cached",
              file=sys.stderr, flush=True)
    cached = read_results(results, version)
    by_folder: dict[str, dict[str, Any]] = {
        j[4]: cached[j[4]] for j in jobs
        if j[4] in cached and _done(j) and cached[j[4]].get("capture") == capture_hash(j[4])}
    pending = [j for j in jobs if j[4] not in by_folder]
    with ProcessPoolExecutor(max_workers=max(1, workers), initializer=_init_worker,
                             initargs=(str(library_root),)) as pool:
        while pending:
            ready = [j for j in pending if _done(j)]
            if not ready:
                if not follow:
                    raise FileNotFoundError(f"capture not generated: {pending[0][4]}")
                time.sleep(15)
                continue
            # every ready capture at once: a worker takes the next as soon as it is free
            futures = [pool.submit(examine_job, j) for j in ready]
            for fut in as_completed(futures):
                r = fut.result()
                r["code"] = version
                by_folder[r["folder"]] = r
                if results is not None and version is not None:
                    with results.open("a", encoding="utf-8") as f:
                        f.write(json.dumps(r, default=str) + "\n")
                if progress is not None:
                    progress(len(by_folder), len(jobs))
            done = {j[4] for j in ready}
            pending = [j for j in pending if j[4] not in done]
    return [by_folder[j[4]] for j in jobs]


def _meant(r: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in r["lights"] if c["id"] == LIGHT_KINDS[r["kind"]]]


def outcome(r: dict[str, Any]) -> str:
    """A forged capture's outcome by its meant check: ``caught`` (it failed),
    ``skipped`` (it did not judge: never a catch), ``missed`` (it passed)."""
    meant = _meant(r)
    if any(c["status"] == "fail" for c in meant):
        return "caught"
    if not meant or all(c["status"] in ("skipped", "inconclusive") for c in meant):
        return "skipped"
    return "missed"


def report(rows: list[dict[str, Any]]) -> bool:
    """Print the tables; whether every kind met the target with no false alarm."""
    ok = True
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[(r["family"], r["document"], r["kind"])].append(r)
    head = (f"{'family':<10} {'document':<14} {'kind':<24} {'n':>3} {'caught':>7} "
            f"{'skipped':>7} {'missed':>6} {'verdict fail':>12}  meant check")
    print(head)
    print("-" * len(head))
    order = ["genuine", *LIGHT_KINDS]
    for key in sorted(groups, key=lambda k: (list(FAMILIES).index(k[0]), order.index(k[2]),
                                             k[1])):
        rs = groups[key]
        n = len(rs)
        fails = sum(r["verdict"] == "fail" for r in rs)
        if key[2] == "genuine":
            bad = sum(any(c["status"] == "fail" for c in r["lights"]) for r in rs)
            skip = sum(any(c["status"] == "skipped" and c["code"] != "NO_ZONE"
                           for c in r["lights"]) for r in rs)
            print(f"{key[0]:<10} {key[1]:<14} {'genuine':<24} {n:>3} {'-':>7} {skip:>7} "
                  f"{'-':>6} {fails:>8}/{n:<3}  (failed by one of the eight: {bad}/{n})")
            continue
        out = Counter(outcome(r) for r in rs)
        print(f"{key[0]:<10} {key[1]:<14} {key[2]:<24} {n:>3} {out['caught']:>7} "
              f"{out['skipped']:>7} {out['missed']:>6} {fails:>8}/{n:<3}  "
              f"{LIGHT_KINDS[key[2]]}")
    print("-" * len(head))
    print(f"\nper family (target: each kind caught by its own check in >= {TARGET:.0%}, "
          "skipped never counted as caught; 0 genuine failed by the eight checks)")
    print(f"{'family':<10} {'kind':<24} {'caught':>9} {'rate':>7} {'skipped':>7}  ok")
    benched = {r["kind"] for r in rows}  # a --kinds subset leaves the others out
    for family in FAMILIES:
        frs = [r for r in rows if r["family"] == family]
        if not frs:
            continue
        for kind in (k for k in LIGHT_KINDS if k in benched):
            if family in HIGH_DPI_FAMILIES and kind not in HIGH_DPI_FAMILIES[family][1]:
                continue
            rs = [r for r in frs if r["kind"] == kind]
            if not rs:
                print(f"{family:<10} {kind:<24} {'-':>9} {'-':>7} {'-':>7}  (no document of "
                      "the family carries the feature)")
                continue
            out = Counter(outcome(r) for r in rs)
            rate = out["caught"] / len(rs)
            good = rate >= TARGET
            verdict = "yes" if good else "NO"
            magnified = [f for f, (base, ks) in HIGH_DPI_FAMILIES.items()
                         if base == family and kind in ks]
            if not good and magnified and out["missed"] == 0 and all(
                    c["code"] == "RESOLUTION_TOO_LOW" for r in rs if outcome(r) == "skipped"
                    for c in _meant(r)):
                # the reader's density cannot resolve it: judged in the magnified row
                verdict = f"skipped at this density (caught in {magnified[0]})"
            else:
                ok &= good
            print(f"{family:<10} {kind:<24} {out['caught']:>4}/{len(rs):<4} {rate:>7.1%} "
                  f"{out['skipped']:>7}  {verdict}")
        gen = [r for r in frs if r["kind"] == "genuine"]
        per = Counter(c["id"] for r in gen for c in r["lights"] if c["status"] == "fail")
        alarms = sum(any(c["status"] == "fail" for c in r["lights"]) for r in gen)
        ok &= alarms == 0
        print(f"{family:<10} {'genuine':<24} {alarms:>4}/{len(gen):<4} failed by the eight "
              f"checks{': ' + ', '.join(f'{k} {v}' for k, v in per.most_common()) if per else ''}"
              f"; verdict fail {sum(r['verdict'] == 'fail' for r in gen)}/{len(gen)} "
              f"(any check: {', '.join(sorted({c for r in gen for c in r['failed']})) or 'none'})")
    print("\nmisses and skips (forged; the meant check did not fail), false alarms (genuine):")
    shown = 0
    for r in rows:
        if r["kind"] == "genuine":
            bad = [c for c in r["lights"] if c["status"] == "fail"]
            if not bad:
                continue
        elif outcome(r) != "caught":
            bad = _meant(r)
        else:
            continue
        shown += 1
        if shown > 60:
            continue
        what = "; ".join(f"{c['id']}[{c['zone']}] {c['status']} {c['code']} {c['score']}"
                         for c in bad) or "meant check did not run"
        print(f"  {r['document']:<14} {r['kind']:<24} {r['seed']:>5}  {what}")
    if shown > 60:
        print(f"  ... and {shown - 60} more")
    if not shown:
        print("  none")
    times = sorted(r["examine_ms"] for r in rows)
    if times:
        print(f"\nexamination: median {statistics.median(times):.0f} ms, p95 "
              f"{times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]:.0f} ms over "
              f"{len(times)} captures (several examinations at once)")
    cpu = sorted(r["cpu_ms"] for r in rows if r.get("cpu_ms") is not None)
    if cpu:
        # the examining process's own CPU time (its threads included): what the run
        # costs on an idle machine, whatever the load it ran under
        print(f"examination CPU: median {statistics.median(cpu):.0f} ms, total "
              f"{sum(cpu) / 1000.0:.0f} s over {len(cpu)} captures")
    return ok


def measures_table(rows: list[dict[str, Any]]) -> None:
    """Per kind, each capture's meant check (genuine: the eight) with every measure it
    took, held or only reported (``--measures``): where genuine and forged overlap."""
    for kind in ["genuine", *LIGHT_KINDS]:
        rs = [r for r in rows if r["kind"] == kind]
        if not rs:
            continue
        print(f"\n{kind}:")
        for r in rs:
            for c in r["lights"] if kind == "genuine" else _meant(r):
                if c["status"] == "skipped" or not c.get("raw"):
                    continue
                vals = " ".join(f"{k} {v:.4f}" for k, v in sorted(c["raw"].items()))
                print(f"  {r['document']:<14} {r['seed']:>5} {c['id']:<22} {c['status']:<5} {vals}")


def calibration_table(rows: list[dict[str, Any]]) -> None:
    """The features' measures over genuine calibration captures: per measure its range,
    and its spread within one zone (document, zone and lamp; of the natural logarithm
    for ``log``/``loglow`` rules) — the largest over the zones, which is what a rule's
    prior spread stands for — beside the rule's prior spread and bound."""
    import math

    import workstation.examination.checks.feature_common  # noqa: F401  (registers the rules)
    from workstation.examination.tolerance import RULES

    values: dict[tuple[str, str], list[float]] = defaultdict(list)
    per_zone: dict[tuple[str, str], dict[tuple[str, str, str], list[float]]] = defaultdict(
        lambda: defaultdict(list))
    for r in rows:
        for c in r["lights"]:
            for key, m in c["measures"].items():
                values[(c["id"], m["measure"])].append(float(m["value"]))
                per_zone[(c["id"], m["measure"])][(r["document"], str(c["zone"]), key)].append(
                    float(m["value"]))
    print(f"{'check':<24} {'measure':<22} {'n':>3} {'min':>8} {'median':>8} {'max':>8} "
          f"{'zone sd':>7} {'prior sd':>8} {'bound':>7} {'side':>7}")
    for (check, measure), vs in sorted(values.items()):
        rule = RULES[measure]
        logv = rule.side in ("log", "loglow")
        sds = []
        for zv in per_zone[(check, measure)].values():
            xs = [math.log(max(v, 1e-9)) for v in zv] if logv else zv
            if len(xs) > 1:
                sds.append(statistics.stdev(xs))
        sd = max(sds) if sds else float("nan")
        bound = "-" if rule.prior_bound is None else f"{rule.prior_bound:.3g}"
        print(f"{check:<24} {measure:<22} {len(vs):>3} {min(vs):>8.3f} "
              f"{statistics.median(vs):>8.3f} {max(vs):>8.3f} {sd:>7.3f} {rule.prior_sd:>8.3f} "
              f"{bound:>7} {rule.side:>7}")
    print("zone sd: the largest spread within one document's zone under one lamp (of "
          "ln(value) for log/loglow rules)")


def run(args: Any) -> int:
    """The ``--lights`` mode of ``bench.examine``."""
    from bench.examine_family2 import build_library

    work = Path(args.workdir)
    n_gen = args.genuine if args.genuine_given else 20
    n_forged = args.forged if args.forged_given else 20
    jobs = subset(plan(work, n_gen, n_forged, calibrate=args.calibrate),
                  getattr(args, "kinds", ""), getattr(args, "documents", ""))
    fams = {f for f in (getattr(args, "families", "") or "").split(",") if f}
    unknown = fams - set(FAMILIES)
    if unknown:
        print(f"unknown families: {', '.join(sorted(unknown))} (known: "
              f"{', '.join(FAMILIES)})", file=sys.stderr)
        return 2
    jobs = [j for j in jobs
            if not fams or j[0] in fams or (args.calibrate and j[0] in CALIBRATION_HIGH_DPI)]
    if not args.follow:
        generate(jobs, args.workers)
    if args.generate_only:
        return 0
    print("building the library (Utopia + family-2 specimens)...", file=sys.stderr, flush=True)
    low = [j for j in jobs if j[0] in FAMILIES and j[0] not in HIGH_DPI_FAMILIES]
    library = build_library(work / "family2") if low or not jobs else None
    high = [j for j in jobs if j[0] in HIGH_DPI_FAMILIES and j[0] not in CALIBRATION_HIGH_DPI]
    if high:
        print(f"building the high-density library ({HIGH_DPI:g} dpi)...", file=sys.stderr,
              flush=True)
        high_library = build_high_dpi_library(work)

    def progress(i: int, n: int) -> None:
        if i % 25 == 0 or i == n:
            print(f"  examined {i}/{n}", file=sys.stderr, flush=True)

    results = Path(args.results) if args.results else work / "lights-results.jsonl"
    rows = (examine_all(low, Path(library.root), args.workers, progress, results=results,
                        follow=args.follow) if library is not None else [])
    if high:
        rows += examine_all(high, Path(high_library.root), args.workers, progress,
                            results=results, follow=args.follow)
    utopia_high = [j for j in jobs if j[0] in CALIBRATION_HIGH_DPI]  # test or calibration
    if utopia_high:
        rows += examine_all(utopia_high, Path(build_utopia_high_dpi_library(work).root),
                            args.workers, progress, results=results, follow=args.follow)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(rows, indent=1, default=str),
                                       encoding="utf-8")
    if args.calibrate:
        print(f"the optional lights' measures on {len(rows)} genuine Utopia calibration "
              f"captures (seeds from {CALIBRATION_SEED0}; microprint_letters: those at "
              f"{HIGH_DPI:g} dpi)")
        calibration_table(rows)
        return 0
    fams = Counter(r["family"] for r in rows)
    print(f"optional lights (issue 22): {len(rows)} captures ("
          + ", ".join(f"{f} {n}" for f, n in fams.items())
          + f"); per family {n_gen} genuine and {n_forged} of each kind it carries")
    ok = report(rows)
    if getattr(args, "measures", False):
        measures_table(rows)
    return 0 if ok else 1
