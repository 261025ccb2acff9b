"""Saves examinations and findings in a loop until killed (used by test_crash.py).

After each commit it prints ``<examination id> <version> <findings text>`` on
standard output, so the parent knows what was committed before it killed us.
"""

from __future__ import annotations

import sys

from tests.cases.conftest import make_examination
from workstation.cases import CaseRepository
from workstation.findings import Conclusion, Findings


def main() -> int:
    url = sys.argv[1]
    with CaseRepository.open(url) as repo:
        n = 0
        while True:
            n += 1
            ids = repo.store_examination(make_examination(seed=n), user="crash",
                                         case_ref=f"CRASH-{n % 7}")
            print(ids.examination_id, ids.version, "", flush=True)
            rec = repo.open_examination(ids.examination_id)
            for k in range(3):
                text = f"finding-{n}-{k}"
                rec = repo.save_findings(rec.id, Findings(conclusion=Conclusion.INCONCLUSIVE,
                                                          text=text),
                                         expected_version=rec.version, user="crash")
                print(rec.id, rec.version, text, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
