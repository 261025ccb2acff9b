"""End-to-end times of the examination as people and scripts meet it: whole processes.

    python -m bench.examine_process CAPTURE... [--specimens DIR] [--runs 5] [--batch 10]

``python -m bench.examine`` runs this after its own table, on its genuine captures
(``--no-process`` skips it). Every row starts new processes, so it counts what the
in-process table leaves out: interpreter start, imports, models, specimens, the case
database and, for reports, the signing keys.

Rows (wall milliseconds, median and p95; CPU = user + system of the process, so a
loaded machine shows in wall time but much less in CPU):

* ``workstation --version``;
* ``workstation examine CAPTURE --json`` (stored in the case database, the default),
  and with ``--no-store``;
* ``users add`` of the first administrator (creates the local CA: RSA keys), then
  ``--report OUT.pdf``: the first and later ones;
* ``workstation examine CAPTURE... --json`` over ``--batch`` captures: per capture;
* in one fresh process (``--probe``): the first examination cold, ``warm_up()`` and
  the first examination after it, the later examinations; ``first/later`` is the
  ratio the warm-up is for (issue 14: within 1.5x).

Each row uses a fresh data folder holding a copy of the specimen library and a case
database created beforehand (as on a workstation in use); processes share nothing but
what the operating system caches (files read before).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def pct(values: Sequence[float], q: float) -> float:
    """The ``q``-quantile (0..1) of ``values`` (nearest rank)."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))] if s else float("nan")


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Run ``cmd``; returns (wall ms, CPU ms, standard output). Fails loudly."""
    c0, t0 = _children_cpu(), time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=1800, check=False)
    wall, cpu = (time.perf_counter() - t0) * 1000.0, (_children_cpu() - c0) * 1000.0
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr[-2000:]}")
    return wall, cpu, done.stdout


class Homes:
    """Fresh data folders, each with a copy of the specimen library."""

    def __init__(self, specimens: Path) -> None:
        self.specimens = specimens
        self.root = Path(tempfile.mkdtemp(prefix="bench-process-"))
        self.n = 0

    def new(self, *, database: bool = True) -> dict[str, str]:
        """The environment of a new data folder; with ``database`` its case database is
        created first (as on a workstation in use: the first start migrates it)."""
        self.n += 1
        home = self.root / f"home{self.n}"
        shutil.copytree(self.specimens, home / "specimens")
        env = {**os.environ, "WORKSTATION_HOME": str(home), "PYTHONPATH": str(ROOT)}
        env.pop("WORKSTATION_DB_URL", None)
        if database:
            run([*workstation_cmd(), "cases", "list", "--json"], env)
        return env

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def workstation_cmd() -> list[str]:
    """The ``workstation`` console script beside this interpreter (else ``-m``)."""
    script = Path(sys.executable).with_name("workstation")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "workstation"]


def probe(captures: list[str], warm: bool) -> dict[str, Any]:
    """In this (fresh) process: optionally warm up, then examine each capture."""
    t0 = time.perf_counter()
    from workstation.capture import load_capture
    from workstation.examination.pipeline import examine

    imports = (time.perf_counter() - t0) * 1000.0
    warm_ms = warm_cpu = 0.0
    if warm:
        from workstation.session.warmup import warm_up

        c, t = time.process_time(), time.perf_counter()
        warm_up()
        warm_ms, warm_cpu = (time.perf_counter() - t) * 1000.0, (time.process_time() - c) * 1e3
    loaded = [load_capture(p) for p in captures]
    times, cpus = [], []
    for path, capture in zip(captures, loaded, strict=True):
        c, t = time.process_time(), time.perf_counter()
        examine(capture, capture_path=path)
        times.append((time.perf_counter() - t) * 1000.0)
        cpus.append((time.process_time() - c) * 1000.0)
    return {"imports_ms": imports, "warm_ms": warm_ms, "warm_cpu_ms": warm_cpu,
            "exam_ms": times, "exam_cpu_ms": cpus}


Row = tuple[str, list[float], list[float]]
"""(label, wall ms values, CPU ms values)."""


def measure(captures: list[Path], specimens: Path, *, runs: int, batch: int,
            in_process: tuple[list[float], list[float]] | None = None) -> list[Row]:
    """Every row of the end-to-end table."""
    homes = Homes(specimens)
    ws = workstation_cmd()
    rows: list[Row] = []
    pick = [str(captures[i % len(captures)]) for i in range(max(runs, batch, 3))]

    def row(label: str, cmds: list[tuple[list[str], dict[str, str]]]) -> None:
        walls, cpus = [], []
        for cmd, env in cmds:
            w, c, _ = run(cmd, env)
            walls.append(w)
            cpus.append(c)
        rows.append((label, walls, cpus))
        print(f"  {label}: median {statistics.median(walls):.0f} ms", file=sys.stderr,
              flush=True)

    try:
        if in_process is not None:
            rows.append(("in process: examination (table above)", *in_process))
        env = homes.new(database=False)
        row("workstation --version", [([*ws, "--version"], env) for _ in range(runs)])
        env = homes.new()
        row("workstation examine CAPTURE --json",
            [([*ws, "examine", pick[i], "--json"], env) for i in range(runs)])
        env = homes.new()
        row("  ... --no-store",
            [([*ws, "examine", pick[i], "--json", "--no-store"], env) for i in range(runs)])
        env = homes.new()
        out = Path(env["WORKSTATION_HOME"]) / "r.pdf"
        # signing needs an enrolled account: this one, as the first administrator (that
        # creates the workstation's CA: RSA keys), signing in by the operating system
        row("workstation users add (first administrator: creates the CA)",
            [([*ws, "users", "add", getpass.getuser(), "--administrator", "--auth", "os",
               "--display-name", "Bench"], env)])
        report = [*ws, "examine", pick[0], "--json", "--report", str(out)]
        row("  ... --report, first", [(report, env)])
        row("  ... --report, later", [([*ws, "examine", pick[i], "--json", "--report",
                                        str(out)], env) for i in range(1, runs)])
        env = homes.new()
        w, c, stdout = run([*ws, "examine", *pick[:batch], "--json"], env)
        if len(json.loads(stdout)) != batch:
            raise SystemExit("the batch did not print one object per capture")
        rows.append((f"workstation examine CAPTURE x{batch} --json, per capture",
                     [w / batch], [c / batch]))
        firsts: dict[str, list[float]] = {"cold": [], "warm": [], "warm_cpu": [],
                                          "cold_cpu": [], "first": [], "first_cpu": []}
        later: list[float] = []
        later_cpu: list[float] = []
        warm_ms: list[float] = []
        warm_cpu: list[float] = []
        env = homes.new()
        for i in range(3):
            for warm in (False, True):
                caps = pick[i:i + 3]
                _, _, stdout = run([sys.executable, "-m", "bench.examine_process", "--probe",
                                    *(["--warm"] if warm else []), *caps], env)
                p = json.loads(stdout)
                if warm:
                    firsts["first"].append(p["exam_ms"][0])
                    firsts["first_cpu"].append(p["exam_cpu_ms"][0])
                    later += p["exam_ms"][1:]
                    later_cpu += p["exam_cpu_ms"][1:]
                    warm_ms.append(p["warm_ms"])
                    warm_cpu.append(p["warm_cpu_ms"])
                else:
                    firsts["cold"].append(p["exam_ms"][0])
                    firsts["cold_cpu"].append(p["exam_cpu_ms"][0])
        rows.append(("fresh process: first examination, cold", firsts["cold"],
                     firsts["cold_cpu"]))
        rows.append(("fresh process: warm_up()", warm_ms, warm_cpu))
        rows.append(("  then the first examination", firsts["first"], firsts["first_cpu"]))
        rows.append(("  and the later ones", later, later_cpu))
    finally:
        homes.close()
    return rows


def print_table(rows: list[Row]) -> None:
    """The end-to-end table."""
    load = os.getloadavg()[0]
    head = f"{'end to end':<52} {'n':>3} {'med ms':>8} {'p95 ms':>8} {'cpu med':>8}"
    print(head)
    print("-" * len(head))
    values = {}
    for label, walls, cpus in rows:
        values[label] = (statistics.median(walls), statistics.median(cpus))
        print(f"{label:<52} {len(walls):>3} {statistics.median(walls):>8.0f} "
              f"{pct(walls, 0.95):>8.0f} {statistics.median(cpus):>8.0f}")
    first = values.get("  then the first examination")
    later = values.get("  and the later ones")
    if first and later:
        print(f"{'first / later examination after warm_up()':<52} {'':>3} "
              f"{first[0] / later[0]:>8.2f} {'':>8} {first[1] / later[1]:>8.2f}")
    print(f"wall ms (cpu: user + system ms of the process); load average {load:.1f} on "
          f"{os.cpu_count()} cores at the end")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("captures", nargs="+", help="capture folders")
    parser.add_argument("--specimens", help="the specimen library folder (default: the "
                                            "bundled Utopia specimens, generated once)")
    parser.add_argument("--runs", type=int, default=5, help="processes per row")
    parser.add_argument("--batch", type=int, default=10, help="captures in the batch row")
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--warm", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe:
        print(json.dumps(probe(args.captures, args.warm)))
        return 0
    specimens = Path(args.specimens) if args.specimens else None
    if specimens is None:  # where bench.examine keeps the bundled specimens
        from workstation.specimens.bundled import ensure_bundled
        from workstation.specimens.render import GENERATOR_VERSION

        specimens = (Path(os.environ.get("BENCH_EXAMINE_DIR", "/tmp/bench-examine"))
                     / f"generator-{GENERATOR_VERSION}" / "specimens")
        ensure_bundled(specimens)
    print_table(measure([Path(c) for c in args.captures], specimens, runs=args.runs,
                        batch=args.batch))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
