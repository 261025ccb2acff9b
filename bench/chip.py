"""Chip benchmark: reading and verifying over a real PC/SC stack, and the face score.

    python -m bench.chip [--quick]

1. Read a simulated chip through pcscd + a vpcd virtual reader + pyscard (a
   private daemon, as the tests run it), with PACE and with BAC: access control,
   files, Chip and Active Authentication; then Passive Authentication and the
   chip checks on what was read. Median and p95 over repeated reads.
2. The face decision on the simulator's documents, held-out seeds (30000 on):
   genuine documents (the chip photo against the printed portrait of the same
   document) against substituted portraits (the page forgery
   ``portrait_substituted``, and the chip forgery ``chip_other_face``), with the
   share decided right. The portrait is cut from the rendered page at 300 dpi where
   the specimen's portrait zone lies. The operating points are not derived here:
   they come from real portraits (``python -m bench.faces``); this is their second
   row, on faces the project painted. dlib's identity distance does not separate
   the painted faces (they all look alike to it), so here the photo score decides.

Prints one table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from typing import Any

import numpy as np


def _pct(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q)) if values else float("nan")


def reading_rows(reads: int) -> list[tuple[str, ...]]:
    from workstation.chip.applet import SimulatedChip
    from workstation.chip.files import collect, file_name_on_disk
    from workstation.chip.personalise import chip_for_document
    from workstation.chip.read import read_chip
    from workstation.chip.verify import chip_checks, verify_chip
    from workstation.errors import DeviceError
    from workstation.hardware.vpcd import PrivatePcscd, VirtualCard

    image = chip_for_document("UTO-P-2020", seed=7)
    rows: list[tuple[str, ...]] = []
    folder = tempfile.mkdtemp(prefix="bench-chip-")
    try:
        daemon = PrivatePcscd(folder).start()
    except DeviceError as exc:
        return [("PC/SC read", "not measured", str(exc)[:60], "", "")]
    os.environ["PCSCLITE_CSOCK_NAME"] = daemon.socket_path
    try:
        from workstation.hardware.pcsc import PcscCardReader

        chip = SimulatedChip(image)
        with VirtualCard(chip, port=daemon.port) as card:
            reader = PcscCardReader(daemon.reader_name)
            deadline = time.monotonic() + 30
            while not reader.card_present():
                if time.monotonic() > deadline:
                    raise DeviceError("vpcd", "the virtual card never appeared")
                time.sleep(0.05)
            conn = reader.connect()
            for access in ("PACE", "BAC"):
                total, verify, apdus = [], [], []
                for _ in range(reads):
                    conn.reset()
                    before = card.apdus
                    t0 = time.perf_counter()
                    r = read_chip(conn, image.mrz_key, prefer_pace=access == "PACE",
                                  reset=conn.reset)
                    t1 = time.perf_counter()
                    assert r.access == access
                    files, _ = collect({file_name_on_disk(k): v for k, v in r.files.items()})
                    v = verify_chip(files, issuing_state="UTO")
                    checks = chip_checks(v)
                    t2 = time.perf_counter()
                    assert v.passive is not None and v.passive.passed, checks
                    total.append((t1 - t0) * 1000)
                    verify.append((t2 - t1) * 1000)
                    apdus.append(card.apdus - before)
                rows.append((f"read over pcscd+vpcd, {access} (+CA, AA; {len(r.files)} files, "
                             f"{len(image.files['DG2']) // 1024} kB DG2, "
                             f"{statistics.median(apdus):.0f} APDUs)",
                             f"{statistics.median(total):.0f} ms", f"{_pct(total, 95):.0f} ms",
                             f"n={reads}", "read ok"))
                rows.append((f"verify what was read ({access}): PA + chip checks",
                             f"{statistics.median(verify):.0f} ms",
                             f"{_pct(verify, 95):.0f} ms", f"n={reads}", "PA passed"))
            conn.close()
            reader.close()
    finally:
        daemon.stop()
    return rows


def _portrait_crop(doc: str, forgery: str | None, seed: int) -> Any:
    from workstation.specimens.documents import DESIGNS
    from workstation.specimens.render import render_document
    from workstation.types import Light

    page_forgery = forgery if forgery != "chip_other_face" else None
    r = render_document(doc, seed=seed, forgery=page_forgery, dpi=300.0)
    x, y, w, h = DESIGNS[doc].portrait
    k = 300.0 / 25.4
    img = r.images[Light.WHITE]
    return np.ascontiguousarray(img[round(y * k):round((y + h) * k),
                                    round(x * k):round((x + w) * k)])


def face_scores(seeds: range, kinds: tuple[str | None, ...]) -> dict[str | None, list[Any]]:
    from workstation.chip import lds
    from workstation.chip.face import compare_faces
    from workstation.chip.personalise import chip_for_document

    out: dict[str | None, list[Any]] = {k: [] for k in kinds}
    for seed in seeds:
        for doc in ("UTO-P-2020", "UTO-ID-2021"):
            for kind in kinds:
                chip = chip_for_document(doc, seed=seed,
                                         forgery="chip_other_face" if kind ==
                                         "chip_other_face" else None)
                face = lds.parse_dg2(chip.files["DG2"])[0].decode()
                out[kind].append(compare_faces(face, _portrait_crop(doc, kind, seed)))
    return out


def face_rows(n: int) -> list[tuple[str, ...]]:
    """The simulator's row of the face decision, at the operating points derived from
    real portraits (``python -m bench.faces``): nothing here is fitted to these faces."""
    from workstation.chip.face import FACE_THRESHOLD, IDENTITY_THRESHOLD

    kinds: tuple[str | None, ...] = (None, "portrait_substituted", "chip_other_face")
    t = time.perf_counter()
    res = face_scores(range(30000, 30000 + n), kinds)
    ms = (time.perf_counter() - t) * 1000 / sum(len(v) for v in res.values())
    rows: list[tuple[str, ...]] = []
    for kind, comps in res.items():
        scores = [c.score for c in comps]
        dists = [c.identity_distance for c in comps if c.identity_distance is not None]
        genuine = kind is None
        right = sum(c.matched == genuine for c in comps)
        by_photo = sum((c.score >= FACE_THRESHOLD) == genuine for c in comps)
        label = "genuine (chip photo vs printed portrait)" if genuine else \
            f"substituted: {kind}"
        rows.append((f"face, {label}",
                     f"photo min {min(scores):.3f} / med {statistics.median(scores):.3f} / "
                     f"max {max(scores):.3f}",
                     f"{right}/{len(comps)} {'pass' if genuine else 'flagged'} "
                     f"({by_photo} by the photo score)",
                     f"photo {FACE_THRESHOLD:.2f}, identity {IDENTITY_THRESHOLD:.2f}",
                     f"identity min {min(dists):.2f} / max {max(dists):.2f} "
                     f"({len(dists)} pairs with both faces found)" if dists
                     else "identity: no pair with both faces found"))
    gen = [c.score for c in res[None]]
    sub = [c.score for k, v in res.items() if k is not None for c in v]
    rows.append(("face photo score margin (lowest genuine - highest substituted)",
                 f"{min(gen) - max(sub):+.3f}", f"{ms:.0f} ms a pair (page render incl.)",
                 "points from real portraits", "python -m bench.faces"))
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.chip", description=__doc__.split("\n")[0])
    p.add_argument("--quick", action="store_true", help="fewer reads and seeds")
    args = p.parse_args(argv)
    rows = reading_rows(5 if args.quick else 20) + face_rows(4 if args.quick else 15)
    head = ("measure", "median / value", "p95 / accuracy", "n / threshold", "note")
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(5)]
    for r in [head, tuple("-" * w for w in widths), *rows]:
        print(" | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
