"""Chip test fixtures: a genuine simulated chip image, the trust store with the simulator's
CSCA, and a private PC/SC daemon with a vpcd virtual reader."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from workstation.chip.personalise import ChipImage, chip_for_document


@pytest.fixture(scope="session")
def genuine_image() -> ChipImage:
    return chip_for_document("UTO-P-2020", seed=11)


@pytest.fixture(scope="session")
def private_pcscd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A pcscd of its own with one vpcd reader; pyscard is pointed at it.

    Skipped only when pcscd or vpcd is not installed and ``CI`` is unset: in CI the
    real PC/SC stack must run (``make test`` installs it through system-deps.sh).
    """
    from workstation.errors import DeviceError
    from workstation.hardware.vpcd import PrivatePcscd

    in_ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")
    daemon = PrivatePcscd(str(tmp_path_factory.mktemp("pcscd")))
    try:
        daemon.start()
    except DeviceError as exc:
        if in_ci:
            pytest.fail(f"the PC/SC test daemon must run in CI: {exc}")
        pytest.skip(str(exc))
    old = os.environ.get("PCSCLITE_CSOCK_NAME")
    os.environ["PCSCLITE_CSOCK_NAME"] = daemon.socket_path
    try:
        yield daemon
    finally:
        daemon.stop()
        if old is None:
            os.environ.pop("PCSCLITE_CSOCK_NAME", None)
        else:
            os.environ["PCSCLITE_CSOCK_NAME"] = old


def bsi(testdata: Path) -> Path:
    path = testdata / "emrtd" / "bsi-tr03105"
    if not path.is_dir():
        pytest.skip("emrtd test data absent")
    return path
