"""The chip checks' ids, and their ``skipped`` results when no chip was read (light:
an examination without a chip imports nothing of the chip's cryptography)."""

from __future__ import annotations

from workstation.types import CheckResult, CheckStatus

CHECK_IDS = ("chip.passive_authentication", "chip.chip_authentication",
             "chip.active_authentication", "chip.mrz", "chip.face")


def absent(reason: str = "the capture holds no chip files (no chip/ folder, no chip read)"
           ) -> list[CheckResult]:
    """Every chip check skipped with CHIP_ABSENT."""
    return [CheckResult(id=cid, status=CheckStatus.SKIPPED, code="CHIP_ABSENT",
                        message=reason, zone="chip") for cid in CHECK_IDS]


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
