"""Another workstation, in its own process: examine a simulated capture, store it in the
shared database and print the alerts shown for it (JSON on standard output).

    python -m tests.trends.alert_worker DB_URL LIBRARY_ROOT DOCUMENT SEED

The border point comes from ``$WORKSTATION_LOCATION``, the data folder from
``$WORKSTATION_HOME`` (both set by the test, different from the publisher's).
"""

from __future__ import annotations

import hashlib
import json
import sys


def main(argv: list[str]) -> int:
    from workstation.cases import CaseRepository
    from workstation.examination.pipeline import examine
    from workstation.hardware.simulated import SimulatedReader
    from workstation.specimens.library import SpecimenLibrary
    from workstation.trends.alerts import AlertStore

    url, root, document, seed = argv
    reader = SimulatedReader(document=document, seed=int(seed))
    try:
        capture = reader.capture_all()
    finally:
        reader.close()
    examination = examine(capture, library=SpecimenLibrary(root, bundled=False))
    with CaseRepository.open(url) as repo:
        examiner = repo.ensure_user("bold")
        stored = repo.store_examination(examination, user=examiner)
        store = AlertStore(repo)
        alerts = store.matching_examination(examination)
        shown = []
        for alert in alerts:
            crops = store.crop_images(alert)
            store.record_shown(alert.id, stored.examination_id, user=examiner)
            shown.append({"id": alert.id, "feature": alert.feature,
                          "published_at": alert.border_point,
                          "crops": [{"sha256": c.sha256, "shape": list(img.shape),
                                     "decoded_sha256": hashlib.sha256(img.tobytes())
                                     .hexdigest()} for c, img in crops]})
        point = repo.summaries([stored.examination_id])[0]
        json.dump({"examination_id": stored.examination_id, "specimen": point.specimen_id,
                   "border_point": repo.border_point(), "alerts": shown}, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
