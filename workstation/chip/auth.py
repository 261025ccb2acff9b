"""Active Authentication (ICAO 9303-11 §6.1) and Chip Authentication (§6.2): the chip
proves it holds a private key whose public half the issuer signed (DG15, DG14).

Both return an :class:`AuthResult`. A chip that offers a protocol and fails it
has failed; a chip that offers none is reported as not offering it.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workstation.chip import crypto, oids
from workstation.chip.apdu import ChipError, Command
from workstation.chip.security_infos import SecurityInfos
from workstation.chip.session import ChipSession
from workstation.chip.sm import SecureMessaging
from workstation.chip.tlv import tlv
from workstation.errors import FormatError
from workstation.pki.keys import PublicKey, SignatureAlgorithm, load_spki

#: ISO/IEC 10118 hash identifiers in an ISO 9796-2 trailer.
_TRAILER_HASH = {0x33: "sha1", 0x34: "sha256", 0x35: "sha512", 0x36: "sha384", 0x38: "sha224"}


@dataclass(frozen=True)
class AuthResult:
    """Outcome of Active or Chip Authentication.

    Attributes:
        offered: the chip's files announce the protocol.
        performed: the protocol ran to a verdict.
        passed: the chip proved its key (``None`` when not offered or not performed).
        protocol: what ran, in words.
        detail: why it failed, or what was checked.
    """

    offered: bool
    performed: bool
    passed: bool | None
    protocol: str = ""
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"offered": self.offered, "performed": self.performed, "passed": self.passed,
                "protocol": self.protocol, "detail": self.detail}


NOT_OFFERED = AuthResult(False, False, None, "", "not offered by the chip")


def verify_active_auth(public: PublicKey, challenge: bytes, signature: bytes,
                       algorithm: str | None) -> tuple[bool, str]:
    """Check an INTERNAL AUTHENTICATE answer: ISO 9796-2 scheme 1 for RSA keys,
    ECDSA (plain, hash from DG14's ActiveAuthenticationInfo) for EC keys."""
    if public.kind == "ec":
        hash_name = oids.ECDSA_PLAIN.get(algorithm or "", "sha256")
        ok = public.verify(signature, challenge, SignatureAlgorithm("ecdsa-plain", hash_name))
        return ok, f"ECDSA with {hash_name.upper()}"
    m = public.rsa_raw(signature)
    if len(m) < 24 or m[0] & 0xC0 != 0x40:
        return False, "ISO 9796-2: bad header"
    if m[-1] == 0xBC:
        hash_name, trailer = "sha1", 1
    elif m[-1] == 0xCC and m[-2] in _TRAILER_HASH:
        hash_name, trailer = _TRAILER_HASH[m[-2]], 2
    else:
        return False, "ISO 9796-2: unknown trailer"
    size = hashlib.new(hash_name).digest_size
    digest = m[-trailer - size:-trailer]
    m1 = m[1:-trailer - size]
    ok = hashlib.new(hash_name, m1 + challenge).digest() == digest
    return ok, f"RSA ISO 9796-2 with {hash_name.upper()}"


def active_authentication(session: ChipSession, dg15: bytes | None,
                          infos: SecurityInfos | None, *,
                          random: Callable[[int], bytes] = os.urandom) -> AuthResult:
    """Run Active Authentication when DG15 was read."""
    if dg15 is None:
        return NOT_OFFERED
    from workstation.chip.lds import parse_dg15

    try:
        key = load_spki(parse_dg15(dg15))
    except FormatError as exc:
        return AuthResult(True, False, False, "Active Authentication", f"DG15: {exc.problem}")
    challenge = random(8)
    try:
        resp = session.send(Command(0x00, 0x88, 0x00, 0x00, challenge, le=256))
    except ChipError as exc:
        return AuthResult(True, False, False, "Active Authentication", str(exc))
    if not resp.ok:
        return AuthResult(True, True, False, "Active Authentication",
                          f"the chip refused INTERNAL AUTHENTICATE ({resp.sw:04X})")
    algo = infos.active_auth.signature_algorithm if infos and infos.active_auth else None
    ok, how = verify_active_auth(key, challenge, resp.data, algo)
    return AuthResult(True, True, ok, f"Active Authentication ({key.describe()}, {how})",
                      "the chip signed the challenge with the DG15 key" if ok else
                      "the chip's signature does not verify with the DG15 key (a clone?)")


def chip_authentication(session: ChipSession, infos: SecurityInfos | None) -> AuthResult:
    """Run Chip Authentication (ECDH) when DG14 offers it; on success the session continues
    with the new secure-messaging keys, and a read proves the chip derived them too."""
    if infos is None or not infos.chip_auth_keys:
        return NOT_OFFERED
    if session.sm is None:
        return AuthResult(True, False, None, "Chip Authentication", "no secure messaging")
    key_info = infos.chip_auth_keys[0]
    ca = next((c for c in infos.chip_auth if c.key_id == key_info.key_id), None) or \
        (infos.chip_auth[0] if infos.chip_auth else None)
    protocol = ca.protocol if ca else oids.ID_CA_ECDH_3DES
    spec = oids.CA_PROTOCOLS.get(protocol)
    if key_info.protocol != oids.ID_PK_ECDH or spec is None or spec[0] != "ECDH":
        return AuthResult(True, False, None, "Chip Authentication",
                          f"protocol {protocol} (DH) is not supported here")
    try:
        key = load_spki(key_info.spki)
    except FormatError as exc:
        return AuthResult(True, False, False, "Chip Authentication", f"DG14: {exc.problem}")
    assert key.curve is not None and key.point is not None
    c = key.curve
    sk = secrets.randbelow(c.n - 1) + 1
    pk = c.encode(c.mul(sk, c.g))
    cipher: crypto.CipherName = "3DES" if spec[1] == "3DES" else "AES"
    name = f"Chip Authentication (ECDH {c.name}, {cipher}" + \
        ("" if cipher == "3DES" else f"-{spec[2]}") + ")"
    key_ref = b"" if key_info.key_id is None else tlv(0x84, key_info.key_id.to_bytes(
        max(1, (key_info.key_id.bit_length() + 7) // 8), "big"))
    try:
        if cipher == "3DES":
            session.send(Command(0x00, 0x22, 0x41, 0xA6, tlv(0x91, pk) + key_ref)) \
                .check("MSE:Set KAT")
        else:
            session.send(Command(0x00, 0x22, 0x41, 0xA4, tlv(0x80, oids.encode_oid(protocol))
                                 + key_ref)).check("MSE:Set AT")
            session.send(Command(0x00, 0x86, 0x00, 0x00, tlv(0x7C, tlv(0x80, pk)), le=256)) \
                .check("GENERAL AUTHENTICATE")
    except ChipError as exc:
        return AuthResult(True, True, False, name, f"the chip refused: {exc}")
    shared = c.mul(sk, key.point)
    if shared is None:
        return AuthResult(True, True, False, name, "degenerate shared secret")
    k = shared[0].to_bytes(c.size, "big")
    bits = spec[2] if cipher == "AES" else 128
    session.sm = SecureMessaging(crypto.kdf(k, crypto.KEY_ENC, cipher, bits),
                                 crypto.kdf(k, crypto.KEY_MAC, cipher, bits), 0, cipher)
    try:
        session.select_file(0x011E, "EF.COM").check("SELECT EF.COM after CA")
        session.read_binary(0, 4, "EF.COM after Chip Authentication")
    except ChipError as exc:
        return AuthResult(True, True, False, name, "the chip does not hold the DG14 key: secure "
                          f"messaging with the new keys failed ({exc})")
    return AuthResult(True, True, True, name, "the chip derived the session keys from the DG14 "
                      "key")
