"""The chip checks' ids and titles, the simulator's chip forgeries, and the checks'
``skipped`` results when no chip was read (light: an examination without a chip, and
the window at start, import nothing of the chip's cryptography)."""

from __future__ import annotations

from workstation.chip.messages import TITLES as CHECK_TITLES
from workstation.chip.messages import message
from workstation.types import CheckResult, CheckStatus

CHECK_IDS = ("chip.passive_authentication", "chip.chip_authentication",
             "chip.active_authentication", "chip.mrz", "chip.face")
#: The simulated chip's forgeries (``workstation simulate --forgery``, the window's
#: platen), by id.
CHIP_FORGERIES: dict[str, str] = {
    "chip_other_dg1": "the chip's DG1 names another holder (document number and dates kept, "
                      "so the printed MRZ still opens it); correctly signed",
    "chip_other_face": "the chip's DG2 holds another person's face; correctly signed",
    "chip_unknown_signer": "the security object re-signed by a forger's look-alike document "
                           "signer and CSCA",
    "chip_altered_dg": "DG2 replaced by another face after signing (the security object's "
                       "hash no longer matches)",
}
#: What each chip check looks at, in plain words (chip.messages.TITLES, translated).
TITLES = CHECK_TITLES


def absent(empty: bool = False) -> list[CheckResult]:
    """Every chip check skipped with CHIP_ABSENT (``empty``: a ``chip/`` folder was there
    but held no chip files)."""
    reason = message("CHIP_ABSENT.empty" if empty else "CHIP_ABSENT")
    return [CheckResult(id=cid, status=CheckStatus.SKIPPED, code="CHIP_ABSENT",
                        message=reason.english(), zone="chip", title=TITLES.get(cid, ""),
                        text=reason)
            for cid in CHECK_IDS]


def chip_summary(checks: list[CheckResult]) -> dict[str, object] | None:
    """The ``chip`` object of ``examine --json`` (formats.md §4): the chip checks'
    outcome in one place; ``None`` when no chip check ran."""
    by_id = {c.id: c for c in checks if c.id in CHECK_IDS}
    if not by_id or all(c.code == "CHIP_ABSENT" for c in by_id.values()):
        return None
    pa = by_id.get("chip.passive_authentication")
    d = pa.details if pa is not None else {}
    keys = ("hashes_valid", "signature_valid", "chain_valid", "signer", "data_groups", "csca",
            "country", "revocation")
    face = by_id.get("chip.face")
    return {
        "reader": d.get("reader"), "access": d.get("access"),
        "pace_fallback": d.get("pace_fallback"),
        "passive_authentication": {k: d.get(k) for k in keys},
        "status": {cid.removeprefix("chip."): c.status.value for cid, c in by_id.items()},
        "face": None if face is None else {"score": face.score, "threshold": face.threshold,
                                           "status": face.status.value},
    }
