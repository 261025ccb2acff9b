"""The trust store the chip checks use: ``$WORKSTATION_HOME/trust`` plus the simulator's
built-in Utopia CSCA (trusted for the fictional ``UT`` alone)."""

from __future__ import annotations

import functools
from pathlib import Path

from workstation.pki.certs import load_certificate
from workstation.pki.store import Anchor, TrustStore

BUILT_IN = "built-in (simulator test CSCA)"


@functools.cache
def _simulator_anchor() -> Anchor:
    from workstation.specimens.testpki import utopia

    return Anchor(load_certificate(utopia().csca_der, "simulator CSCA"), BUILT_IN)


def chip_trust_store(root: Path | None = None) -> TrustStore:
    """The data folder's trust store with the simulator's test CSCA added."""
    return TrustStore(root, extra_anchors=(_simulator_anchor(),))
