"""Simulator benchmark: how fast the synthetic documents and the simulated reader are.

    python -m bench.simulate [--n 10] [--dpi 300]

Rows (per document):

* ``render_document`` — one cropped document, 3 lights, a new seed each time
  (person, print variation, noise), genuine and every forgery in turn;
* ``reader capture`` — ``SimulatedReader.capture_all()`` of a freshly loaded
  document (new seed: render, place on the platen, 3 lights with noise);
* ``reader live frame`` — one live frame at the reader's full size (cached
  platen, fresh noise);
* ``specimen 600 dpi`` — ``specimen_for(doc, 600)`` (what ``ensure_bundled`` renders).

Columns: runs, median and p95 wall-clock milliseconds, median CPU milliseconds
of the process (all threads; on a shared, loaded machine a better guide to the
unloaded time than the wall clock), image size. Caches are warm (fonts,
the guilloche background of every variant), as in a benchmark generating
hundreds of captures. The brief's targets: a
300 dpi capture (3 lights) within about 0.5 s, a live frame within 100 ms.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from workstation.hardware.simulated import SimulatedReader
from workstation.specimens.render import DOCUMENTS, FORGERIES, render_document, specimen_for
from workstation.types import Light


def _time(fn: Callable[[int], object], n: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of ``n`` calls."""
    wall, cpu = [], []
    for i in range(n):
        t, c = time.perf_counter(), time.process_time()
        fn(i)
        wall.append((time.perf_counter() - t) * 1000.0)
        cpu.append((time.process_time() - c) * 1000.0)
    return wall, cpu


def _row(name: str, doc: str, times: tuple[list[float], list[float]], size: str) -> str:
    wall, cpu = sorted(times[0]), times[1]
    p95 = wall[min(len(wall) - 1, round(0.95 * (len(wall) - 1)))]
    return (f"{name:<20} {doc:<12} {len(wall):>4} {statistics.median(wall):>9.0f} "
            f"{p95:>8.0f} {statistics.median(cpu):>8.0f}  {size}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one table."""
    p = argparse.ArgumentParser(prog="python -m bench.simulate")
    p.add_argument("--n", type=int, default=10, help="runs per row (default 10)")
    p.add_argument("--dpi", type=float, default=300.0, help="capture density (default 300)")
    args = p.parse_args(argv)
    variants = [None, *FORGERIES]
    rows = []
    for doc in DOCUMENTS:
        for forgery in variants:  # warm the caches (fonts, guilloche of every variant)
            render_document(doc, forgery=forgery, seed=10_000, dpi=args.dpi)
        shape = ""

        def one(i: int, doc: str = doc) -> None:
            nonlocal shape
            r = render_document(doc, forgery=variants[i % len(variants)], seed=i,
                                dpi=args.dpi)
            shape = "x".join(map(str, r.images[Light.WHITE].shape[1::-1]))

        rows.append(_row("render_document", doc, _time(one, args.n), shape))
        reader = SimulatedReader(document=doc, dpi=args.dpi)
        reader.capture_all()
        size = ""

        def cap(i: int, doc: str = doc, reader: SimulatedReader = reader) -> None:
            nonlocal size
            reader.load_document(doc, forgery=variants[i % len(variants)], seed=i + 1)
            c = reader.capture_all()
            size = "x".join(map(str, c.size[::-1]))

        rows.append(_row("reader capture", doc, _time(cap, args.n), size))
        reader.set_light(Light.WHITE)
        rows.append(_row("reader live frame", doc,
                         _time(lambda _i, r=reader: r.live_frame(), args.n * 3), size))
        reader.close()
        spec_size = ""

        def spec(_i: int, doc: str = doc) -> None:
            nonlocal spec_size
            s = specimen_for(doc, 600.0)
            spec_size = "x".join(map(str, s.size_px[::-1]))

        rows.append(_row("specimen 600 dpi", doc, _time(spec, max(1, args.n // 5)), spec_size))
    print(f"{'what':<20} {'document':<12} {'runs':>4} {'median ms':>9} {'p95 ms':>8} "
          f"{'cpu ms':>8}  size (at {args.dpi:g} dpi)")
    for row in rows:
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
