"""``workstation examine --report`` that kills itself with SIGKILL at one point of
storing and signing (used by test_store_then_sign.py).

    python -m tests.session.kill_worker POINT OUT.pdf

POINT: ``stored`` (examination committed), ``signed`` (report signed in memory),
``in-transaction`` (inside the report's transaction, before it commits),
``recorded`` (report committed), ``temp-written`` (the file's temporary copy written,
not yet renamed), ``written`` (file in place), ``none`` (runs to the end). The
examination itself is a small canned one (the wiring is under test).
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any


def main() -> int:
    point, out = sys.argv[1], sys.argv[2]

    def die(where: str) -> None:
        if where == point:
            sys.stdout.write(f"killed at {where}\n")
            sys.stdout.flush()
            os.kill(os.getpid(), signal.SIGKILL)

    import workstation.examination.pipeline as pipeline
    import workstation.session.reporting as reporting
    from tests.cases.conftest import make_examination
    from workstation.cases import audit
    from workstation.cases.repository import CaseRepository
    from workstation.cli import main as cli

    pipeline.run_examination = lambda path, **kw: make_examination(seed=7)  # type: ignore[assignment]

    def wrap(owner: Any, name: str, after: str) -> None:
        real = getattr(owner, name)

        def wrapped(*a: Any, **k: Any) -> Any:
            result = real(*a, **k)
            die(after)
            return result

        setattr(owner, name, wrapped)

    wrap(CaseRepository, "store_examination", "stored")
    wrap(reporting, "sign_report", "signed")
    wrap(CaseRepository, "store_report", "recorded")
    real_event = audit.append_event

    def event(*a: Any, **k: Any) -> Any:
        result = real_event(*a, **k)
        if k.get("action") == "report.signed":
            die("in-transaction")
        return result

    audit.append_event = event  # type: ignore[assignment]
    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        if str(dst) == os.path.abspath(out) or str(dst) == out:
            die("temp-written")
        real_replace(src, dst)
        if str(dst) == os.path.abspath(out) or str(dst) == out:
            die("written")

    os.replace = replace  # type: ignore[assignment]
    status = cli(["examine", "capture-folder", "--report", out, "--case", "KILL-1"])
    sys.stdout.write(f"exit {status}\n")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
