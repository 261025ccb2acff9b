"""Basic Access Control (ICAO 9303-11 §4.3): keys from the MRZ, mutual authentication,
session keys for 3DES secure messaging.

The terminal's side is :func:`authenticate`; :func:`chip_respond` is the chip's
side (used by the simulated chip). Both are built from the same small
functions so the part 11 appendix D worked example tests them byte for byte.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Callable

from workstation.chip import crypto
from workstation.chip.apdu import ChipError, Command, Transport, send
from workstation.chip.keys import MrzKey
from workstation.chip.sm import SecureMessaging


def document_keys(key: MrzKey) -> tuple[bytes, bytes]:
    """``(K_enc, K_mac)`` of the document: KDF of the first 16 bytes of SHA-1(MRZ info)."""
    seed = key.seed()[:16]
    return crypto.kdf(seed, crypto.KEY_ENC), crypto.kdf(seed, crypto.KEY_MAC)


def session_keys(k_ifd: bytes, k_ic: bytes) -> tuple[bytes, bytes]:
    """``(KS_enc, KS_mac)`` from the two key halves exchanged in mutual authentication."""
    seed = bytes(a ^ b for a, b in zip(k_ifd, k_ic, strict=True))
    return crypto.kdf(seed, crypto.KEY_ENC), crypto.kdf(seed, crypto.KEY_MAC)


def initial_ssc(rnd_ic: bytes, rnd_ifd: bytes) -> int:
    """The send sequence counter: last 4 bytes of RND.IC then of RND.IFD."""
    return int.from_bytes(rnd_ic[-4:] + rnd_ifd[-4:], "big")


def _mac(k_mac: bytes, data: bytes) -> bytes:
    return crypto.retail_mac(k_mac, crypto.pad(data))


def terminal_cryptogram(k_enc: bytes, k_mac: bytes, rnd_ifd: bytes, rnd_ic: bytes,
                        k_ifd: bytes) -> bytes:
    """EXTERNAL AUTHENTICATE data: ``E_IFD || M_IFD`` over ``S = RND.IFD || RND.IC || K.IFD``."""
    e_ifd = crypto.des3_encrypt(k_enc, rnd_ifd + rnd_ic + k_ifd)
    return e_ifd + _mac(k_mac, e_ifd)


def chip_respond(k_enc: bytes, k_mac: bytes, rnd_ic: bytes, data: bytes,
                 k_ic: bytes) -> tuple[bytes, bytes, bytes]:
    """The chip's side: check the terminal's cryptogram, answer ``E_IC || M_IC``.

    Returns ``(response, rnd_ifd, k_ifd)``.

    Raises:
        ChipError: with 6300 when the terminal's MAC or RND.IC is wrong.
    """
    if len(data) != 40:
        raise ChipError("EXTERNAL AUTHENTICATE data must be 40 bytes", 0x6700)
    e_ifd, m_ifd = data[:32], data[32:]
    if not hmac.compare_digest(_mac(k_mac, e_ifd), m_ifd):
        raise ChipError("terminal MAC wrong", 0x6300)
    s = crypto.des3_decrypt(k_enc, e_ifd)
    rnd_ifd, rnd_ic_echo, k_ifd = s[:8], s[8:16], s[16:32]
    if not hmac.compare_digest(rnd_ic_echo, rnd_ic):
        raise ChipError("RND.IC not echoed", 0x6300)
    e_ic = crypto.des3_encrypt(k_enc, rnd_ic + rnd_ifd + k_ic)
    return e_ic + _mac(k_mac, e_ic), rnd_ifd, k_ifd


def open_chip_response(k_enc: bytes, k_mac: bytes, rnd_ifd: bytes, rnd_ic: bytes,
                       response: bytes) -> bytes:
    """Check the chip's answer to EXTERNAL AUTHENTICATE; returns K.IC.

    Raises:
        ChipError: the chip's MAC or its echo of RND.IFD / RND.IC is wrong.
    """
    if len(response) != 40:
        raise ChipError(f"BAC: the chip answered {len(response)} bytes instead of 40")
    e_ic, m_ic = response[:32], response[32:]
    if not hmac.compare_digest(_mac(k_mac, e_ic), m_ic):
        raise ChipError("BAC: the chip's MAC does not verify")
    r = crypto.des3_decrypt(k_enc, e_ic)
    if r[:8] != rnd_ic or r[8:16] != rnd_ifd:
        raise ChipError("BAC: the chip did not echo the challenge")
    return r[16:32]


def authenticate(transport: Transport, key: MrzKey, *,
                 random: Callable[[int], bytes] = os.urandom) -> SecureMessaging:
    """Run BAC with the chip; returns the secure-messaging channel.

    Raises:
        ChipError: the chip refused (usually: the MRZ does not match the chip, 6300).
    """
    k_enc, k_mac = document_keys(key)
    rnd_ic = send(transport, Command(0x00, 0x84, 0x00, 0x00, le=8)).check("GET CHALLENGE").data
    if len(rnd_ic) != 8:
        raise ChipError(f"BAC: GET CHALLENGE returned {len(rnd_ic)} bytes instead of 8")
    rnd_ifd, k_ifd = random(8), random(16)
    data = terminal_cryptogram(k_enc, k_mac, rnd_ifd, rnd_ic, k_ifd)
    resp = send(transport, Command(0x00, 0x82, 0x00, 0x00, data, le=40))
    if resp.sw in (0x6300, 0x6982) or resp.sw >> 4 == 0x63C:
        raise ChipError("BAC failed: the chip refused the keys from this MRZ (document "
                        "number, date of birth or expiry differ from the chip's)", resp.sw)
    resp.check("BAC EXTERNAL AUTHENTICATE")
    k_ic = open_chip_response(k_enc, k_mac, rnd_ifd, rnd_ic, resp.data)
    ks_enc, ks_mac = session_keys(k_ifd, k_ic)
    return SecureMessaging(ks_enc, ks_mac, initial_ssc(rnd_ic, rnd_ifd), "3DES")
