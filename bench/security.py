"""Replays issue 19's attack list against the workstation: each attack is a case that
held or failed, with time and peak memory for the hostile inputs.

    python -m bench.security [--skip-tests] [--json]

Two kinds of case:

* **input** — a hostile capture folder, specimen package or image (built by
  :mod:`tests.security.hostile`, as the attacker built it: by hand, on disk) is given
  to the real command (``workstation examine`` / ``specimens import``) in its own
  process on a data folder of its own. It holds when the command refuses it with
  exit status 2 and one line of error (no traceback), within 60 s and 1 GiB. Time is
  the command's wall time (Python start included); peak memory its maximum resident
  set.
* **test** — attacks on identities, the evidence record, lost examinations and the
  lamps need a scenario (accounts, a database, a killed process, a relay board): each
  is the regression test named after it (``tests/security``,
  ``tests/hardware/test_uv_left_on.py``), run once together; it holds when its test
  passes. A test marked as waiting for another helper's work counts as not held.
  Time is the test's; peak memory is not measured per test (—).

Prints one table and ``held N/M``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT_S = 60.0
LIMIT_MIB = 1024.0


@dataclass
class Case:
    """One attack of the issue."""

    name: str
    failure: str  # the numbered failure of issue 19 it belongs to
    kind: str  # "input" or "test"
    held: bool | None = None
    seconds: float | None = None
    peak_mib: float | None = None
    note: str = ""


# -- input attacks: the real command on a hostile file, in its own process -----------------

Builder = Callable[[Path], list[str]]


def _capture_with(files_over: dict[str, bytes] | None = None,
                  meta: str | None = None) -> Builder:
    from tests.security.hostile import images, write_capture

    def build(work: Path) -> list[str]:
        files = images()
        files.update(files_over or {})
        cap = write_capture(work / "cap", meta, files=files)
        return ["examine", str(cap), "--json", "--no-store"]
    return build


def _capture_link(target: str) -> Builder:
    from tests.security.hostile import write_capture

    def build(work: Path) -> list[str]:
        cap = write_capture(work / "cap")
        (cap / "uv.png").unlink()
        if target == "fifo":
            os.mkfifo(cap / "uv.png")
        elif target == "outside":
            outside = work / "elsewhere.png"
            shutil.copy(cap / "white.png", outside)
            (cap / "uv.png").symlink_to(outside)
        else:
            (cap / "uv.png").symlink_to(target)
        return ["examine", str(cap), "--json", "--no-store"]
    return build


def _package(meta_text: Callable[[], str] | None = None, link: str | None = None) -> Builder:
    from tests.security.hostile import spec_meta, write_package

    def build(work: Path) -> list[str]:
        text = meta_text() if meta_text else json.dumps(spec_meta())
        pkg = write_package(work / "pkg", text)
        if link:
            secret = work / "secret.txt"
            secret.write_text("the examiner's password is hunter2")
            targets = {"secret": str(secret), "dev_zero": "/dev/zero",
                       "ca_key": str(work / "home" / "reports" / "ca" / "ca-key.sealed.json"),
                       "docs": "/usr/share/doc"}
            (pkg / "uv.png").unlink()
            (pkg / "uv.png").symlink_to(targets[link])
        return ["specimens", "import", str(pkg)]
    return build


def _zip(members: Callable[[], dict[str, bytes | int]]) -> Builder:
    from tests.security.hostile import deflated_zip

    def build(work: Path) -> list[str]:
        return ["specimens", "import", str(deflated_zip(work / "p.zip", members()))]
    return build


def _meta_replace(old: str, new: str) -> Callable[[], str]:
    from tests.security.hostile import spec_meta

    def text() -> str:
        out = json.dumps(spec_meta())
        assert old in out
        return out.replace(old, new)
    return text


def _meta_id(sid: str) -> Callable[[], str]:
    from tests.security.hostile import spec_meta

    return lambda: json.dumps(spec_meta(id=sid))


def input_cases() -> list[tuple[Case, Builder]]:
    from tests.security.hostile import huge_png, images, spec_meta

    deep = ('{"format": "workstation.capture/1", "lights": {"white": "white.png"}, "x": '
            + "[" * 200_000 + "]" * 200_000 + "}")
    cases: list[tuple[Case, Builder]] = [
        (Case("NaN in a zone's rect_mm imports", "1", "input"),
         _package(_meta_replace("[5, 5, 10, 8]", "[NaN, 5, 10, 8]"))),
        (Case("2 MB PNG of 20000x20000 px decoded", "5", "input"),
         _capture_with({"white.png": huge_png()})),
        (Case("a light pointing at /dev/zero", "5", "input"), _capture_link("/dev/zero")),
        (Case("a FIFO as a light's image", "5", "input"), _capture_link("fifo")),
        (Case("symlink to an image outside the capture", "5", "input"),
         _capture_link("outside")),
        (Case("package links to a secret file", "5", "input"), _package(link="secret")),
        (Case("package links to the CA key", "5", "input"), _package(link="ca_key")),
        (Case("package links to /usr/share/doc", "5", "input"), _package(link="docs")),
        (Case("package links to /dev/zero", "5", "input"), _package(link="dev_zero")),
        (Case("zip with a 2 GiB unreferenced member", "5", "input"),
         _zip(lambda: {"specimen.json": json.dumps(spec_meta()).encode(), **images(),
                       "padding.bin": 2 << 30})),
        (Case("zip with a 1 GiB specimen.json", "5", "input"),
         _zip(lambda: {"specimen.json": 1 << 30, **images()})),
        (Case("capture.json nested 200,000 deep", "5", "input"), _capture_with(meta=deep)),
        (Case("capture.json naming a lone-surrogate file", "5", "input"),
         _capture_with(meta='{"format": "workstation.capture/1", "lights": '
                            '{"white": "white.png", "uv": "\\udcff.png"}}')),
        (Case("Infinity in size_mm", "5", "input"),
         _package(_meta_replace('"size_mm": [40.0, 30.0]', '"size_mm": [Infinity, 30]'))),
        (Case("Infinity dpi in capture.json", "5", "input"),
         _capture_with(meta='{"format": "workstation.capture/1", "dpi": Infinity, '
                            '"lights": {"white": "white.png"}}')),
        (Case("NUL in a specimen id", "5", "input"), _package(_meta_id("UTO-\x00P-2020"))),
        (Case("300-character specimen id", "5", "input"), _package(_meta_id("U" * 300))),
        (Case("specimen id with a line break", "5", "input"),
         _package(_meta_id("UTO-P-2020\n"))),
        (Case("specimen id with a right-to-left override", "5", "input"),
         _package(_meta_id("UTO-P-\u202e0202"))),
        (Case("look-alike specimen id UT0-P-2020", "5", "input"),
         _package(_meta_id("UT0-P-2020"))),
    ]
    return cases


def _run_input(case: Case, build: Builder, home_template: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-security-") as tmp:
        work = Path(tmp)
        home = work / "home"
        shutil.copytree(home_template, home)
        argv = build(work)
        env = {**os.environ, "WORKSTATION_HOME": str(home), "PYTHONPATH": str(ROOT),
               "WORKSTATION_CONFIG_HOME": str(work / "config")}
        peak_file = work / "peak.txt"
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", _MEASURED, str(peak_file), *argv],
                                cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        try:
            out, err = proc.communicate(timeout=LIMIT_S)
            timed_out = False
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            timed_out = True
        case.seconds = time.perf_counter() - t0
        try:
            case.peak_mib = int(peak_file.read_text()) / 1024.0
        except (OSError, ValueError):
            case.peak_mib = None
        lines = [ln for ln in err.decode("utf-8", "replace").splitlines() if ln.strip()]
        one_line = (len(lines) == 1 and lines[0].startswith("workstation: error:")
                    and b"Traceback" not in err)
        stored = home / "specimens" / "ATL-P-2019"
        case.held = (not timed_out and proc.returncode == 2 and one_line
                     and (case.peak_mib or 0.0) < LIMIT_MIB and not stored.exists())
        case.note = ("hung: killed after 60 s" if timed_out else
                     lines[-1][len("workstation: error: "):][:90] if lines else
                     f"exit {proc.returncode}")
        del out


#: The command in a child that writes its own peak resident memory (KiB) when it ends:
#: VmHWM of its own address space (``ru_maxrss`` would carry over the peak of the
#: forking benchmark, which rendered the specimens).
_MEASURED = """
import atexit, resource, sys
out = sys.argv.pop(1)
def peak():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return line.split()[1]
    except OSError:
        pass
    return str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
atexit.register(lambda: open(out, "w").write(peak()))
from workstation.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


# -- scenario attacks: the regression tests named after them --------------------------------

TESTS: list[tuple[str, str, str]] = [
    ("1", "look-alike package wins identification",
     "tests/security/test_forged_document_passed.py::"
     "test_lookalike_specimen_package_does_not_win_identification"),
    ("1", "office-paper forgery passes with a look-alike",
     "tests/security/test_forged_document_passed.py::"
     "test_office_paper_forgery_with_a_lookalike_package_is_not_pass"),
    ("1", "a check error leaves the verdict pass",
     "tests/security/test_forged_document_passed.py::"
     "test_a_check_that_errors_makes_the_verdict_inconclusive"),
    ("2", "CA and user keys plain PKCS#8 in the data folder",
     "tests/security/test_anyone_can_sign.py::"
     "test_ca_and_user_keys_are_not_plain_pkcs8_in_the_data_folder"),
    ("2", "a copy of the data folder signs",
     "tests/security/test_anyone_can_sign.py::test_a_copy_of_the_data_folder_signs_nothing"),
    ("2", "WORKSTATION_USER gets a certificate on the spot",
     "tests/security/test_anyone_can_sign.py::"
     "test_workstation_user_alone_cannot_sign_as_anyone"),
    ("2", "anyone creates a supervisor account",
     "tests/security/test_anyone_can_sign.py::test_only_an_administrator_grants_roles"),
    ("2", "the examiner countersigns their own report",
     "tests/security/test_anyone_can_sign.py::test_no_one_countersigns_their_own_report"),
    ("2", "a self-countersigned PASS PDF verifies trusted",
     "tests/security/test_anyone_can_sign.py::"
     "test_a_pass_pdf_signed_and_countersigned_that_way_is_not_trusted"),
    ("3", "truncating the tail and moving audit_head",
     "tests/security/test_evidence_rewritten.py::"
     "test_truncating_the_tail_and_updating_audit_head_is_detected"),
    ("3", "editing an event and recomputing later hashes",
     "tests/security/test_evidence_rewritten.py::"
     "test_editing_an_event_and_recomputing_later_hashes_is_detected"),
    ("3", "deleting every event and resetting the head",
     "tests/security/test_evidence_rewritten.py::"
     "test_deleting_every_event_and_resetting_the_head_is_detected"),
    ("3", "editing an examination row (verdict, created_by, checks_json)",
     "tests/security/test_evidence_rewritten.py::test_editing_an_examination_row_is_detected"),
    ("3", "cases export certifies edited data",
     "tests/security/test_evidence_rewritten.py::"
     "test_cases_export_verifies_before_it_certifies"),
    ("3", "rewrite made with every key of the data folder",
     "tests/security/test_evidence_rewritten.py::"
     "test_a_report_checkpoint_catches_a_rewrite_made_with_every_key"),
    ("4", "kills leave a signed PDF with no examination",
     "tests/session/test_store_then_sign.py::test_no_orphaned_signed_report"),
    ("4", "a write lock held long loses the examination",
     "tests/security/test_lost_examinations.py::"
     "test_a_write_lock_held_long_does_not_lose_the_examination"),
    ("4", "four parallel first runs race and lose one",
     "tests/security/test_lost_examinations.py::"
     "test_four_parallel_first_runs_on_a_new_data_folder_all_succeed"),
    ("6", "SIGHUP / SIGQUIT leave UV on",
     "tests/hardware/test_uv_left_on.py::test_sighup_and_sigquit_switch_the_uv_lamp_off"),
    ("6", "SIGTERM while the Qt event loop is idle",
     "tests/hardware/test_uv_left_on.py::"
     "test_sigterm_while_the_qt_event_loop_is_idle_switches_the_uv_lamp_off"),
    ("6", "SIGKILL leaves UV on",
     "tests/hardware/test_uv_left_on.py::test_sigkill_switches_the_uv_lamp_off"),
    ("6", "a native crash leaves UV on",
     "tests/hardware/test_uv_left_on.py::test_a_native_crash_switches_the_uv_lamp_off"),
    ("6", "a hung application leaves UV on",
     "tests/hardware/test_uv_left_on.py::test_a_hung_application_switches_the_uv_lamp_off"),
    ("6", "saving the rig settings clears auto_off_s",
     "tests/hardware/test_uv_left_on.py::"
     "test_opening_and_saving_the_rig_settings_keeps_auto_off_s"),
    ("7", "workstation.db and blobs world-readable",
     "tests/security/test_private_data.py::test_database_and_blobs_are_not_world_readable"),
]


def run_tests(cases: list[Case]) -> None:
    """Run every scenario test once (two workers), then read each outcome."""
    with tempfile.TemporaryDirectory(prefix="bench-security-tests-") as tmp:
        xml = Path(tmp) / "junit.xml"
        files = sorted({node.split("::")[0] for _f, _n, node in TESTS})
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "2", "-p", "no:randomly",
                        "--junitxml", str(xml), *files], cwd=ROOT,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        outcomes: dict[str, tuple[bool, float, str]] = {}
        for tc in ET.parse(xml).getroot().iter("testcase"):
            cls = tc.get("classname", "").replace(".", "/")
            key = f"{cls}.py::{tc.get('name', '').split('[')[0]}"
            failed = tc.find("failure") is not None or tc.find("error") is not None
            skipped = tc.find("skipped")
            note = ""
            if skipped is not None:
                failed = True
                note = (skipped.get("message") or "skipped")[:90]
            held, seconds, old_note = outcomes.get(key, (True, 0.0, ""))
            outcomes[key] = (held and not failed, seconds + float(tc.get("time", "0")),
                             old_note or note)
        for case, (_f, _n, node) in zip(cases, TESTS, strict=True):
            held, seconds, note = outcomes.get(node, (False, 0.0, "not run"))
            case.held, case.seconds, case.note = held, seconds, note


def _home_template(tmp: Path) -> Path:
    """A data folder with the bundled specimens (rendered once for every input case)."""
    from workstation.specimens.bundled import ensure_bundled

    home = tmp / "home-template"
    ensure_bundled(home / "specimens")
    home.chmod(0o700)
    return home


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.security",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--skip-tests", action="store_true",
                        help="only the input attacks (no scenario tests)")
    parser.add_argument("--json", action="store_true", help="the rows as JSON")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    cases: list[Case] = []
    with tempfile.TemporaryDirectory(prefix="bench-security-") as tmp:
        os.environ["WORKSTATION_HOME"] = str(Path(tmp) / "bench-home")
        template = _home_template(Path(tmp))
        for case, build in input_cases():
            _run_input(case, build, template)
            cases.append(case)
            print(f"  {'held  ' if case.held else 'FAILED'} {case.name}", file=sys.stderr)
    if not args.skip_tests:
        scenario = [Case(name, failure, "test") for failure, name, _node in TESTS]
        run_tests(scenario)
        cases += scenario
    cases.sort(key=lambda c: (c.failure, c.kind, c.name))
    if args.json:
        print(json.dumps([c.__dict__ for c in cases], indent=2))
    _table(cases)
    held = sum(1 for c in cases if c.held)
    print(f"held {held}/{len(cases)}")
    return 0 if held == len(cases) else 1


def _table(cases: list[Case]) -> None:
    print(f"{'#':<2} {'attack':<56} {'kind':<6} {'result':<7} {'time s':>7} "
          f"{'peak MiB':>9}  note")
    for c in cases:
        secs = "—" if c.seconds is None else f"{c.seconds:.2f}"
        peak = "—" if c.peak_mib is None else f"{c.peak_mib:.0f}"
        print(f"{c.failure:<2} {c.name[:56]:<56} {c.kind:<6} "
              f"{'held' if c.held else 'FAILED':<7} {secs:>7} {peak:>9}  {c.note}")


if __name__ == "__main__":
    raise SystemExit(main())
