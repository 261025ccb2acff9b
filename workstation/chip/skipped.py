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
