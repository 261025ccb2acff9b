"""PACE (ICAO 9303-11 §4.4) with ECDH Generic Mapping, from the MRZ or a card access number.

The terminal's side is :func:`authenticate`; the small functions it is built
from (password key, nonce, mapping, session keys, authentication tokens) are
shared with the simulated chip and tested against part 11 appendix G byte for
byte.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable

from workstation.chip import crypto, oids
from workstation.chip.apdu import ChipError, Command, Response, Transport, send
from workstation.chip.keys import AccessKey, CanKey
from workstation.chip.security_infos import PaceInfo
from workstation.chip.sm import SecureMessaging
from workstation.chip.tlv import TlvError, parse_one, tlv
from workstation.pki.ec import PACE_CURVES, Curve, curve

#: PACE password references of MSE:Set AT (part 11 §4.4.4.1).
PASSWORD_MRZ = 0x01
PASSWORD_CAN = 0x02


def cipher_of(protocol: str) -> tuple[crypto.CipherName, int]:
    """``(cipher, key bits)`` of a PACE protocol OID (``ChipError`` when unknown)."""
    spec = oids.PACE_PROTOCOLS.get(protocol)
    if spec is None:
        raise ChipError(f"PACE: unknown protocol {protocol}")
    return spec[2], spec[3]  # type: ignore[return-value]


def password_key(key: AccessKey, protocol: str) -> bytes:
    """``K_pi = KDF(password, 3)``: the key that encrypts the nonce."""
    cipher, bits = cipher_of(protocol)
    return crypto.kdf(key.seed(), crypto.KEY_PI, cipher, bits)


def encrypt_nonce(k_pi: bytes, s: bytes, protocol: str) -> bytes:
    """``z = E(K_pi, s)`` (chip side)."""
    cipher, _ = cipher_of(protocol)
    if cipher == "3DES":
        return crypto.des3_encrypt(k_pi, s)
    return crypto.aes_encrypt(k_pi, s)


def decrypt_nonce(k_pi: bytes, z: bytes, protocol: str) -> bytes:
    """``s = D(K_pi, z)``."""
    cipher, _ = cipher_of(protocol)
    if cipher == "3DES":
        return crypto.des3_decrypt(k_pi, z)
    return crypto.aes_decrypt(k_pi, z)


def map_generator(c: Curve, s: bytes, shared: tuple[int, int] | None) -> tuple[int, int]:
    """Generic Mapping: ``G' = s·G + H`` (``H`` the mapping key agreement's shared point)."""
    g = c.add(c.mul(int.from_bytes(s, "big"), c.g), shared)
    if g is None:
        raise ChipError("PACE: the mapped generator is the point at infinity")
    return g


def shared_secret(c: Curve, private: int, public: tuple[int, int],
                  generator_order: int | None = None) -> tuple[int, int]:
    """``private · public`` (ECDH); ``ChipError`` for an invalid key."""
    if not c.contains(public):
        raise ChipError("PACE: the other side's public key is not on the curve")
    pt = c.mul(private, public)
    if pt is None:
        raise ChipError("PACE: the shared secret is the point at infinity")
    return pt


def session_keys(k: bytes, protocol: str) -> tuple[bytes, bytes]:
    """``(KS_enc, KS_mac)`` from the shared secret's x coordinate."""
    cipher, bits = cipher_of(protocol)
    return crypto.kdf(k, crypto.KEY_ENC, cipher, bits), crypto.kdf(k, crypto.KEY_MAC, cipher, bits)


def auth_token(ks_mac: bytes, protocol: str, public_point: bytes) -> bytes:
    """``T = MAC(KS_mac, 7F49{06 OID, 86 PK})``: the authentication token over the other
    side's ephemeral public key (8 bytes)."""
    cipher, _ = cipher_of(protocol)
    data = tlv(0x7F49, tlv(0x06, oids.encode_oid(protocol)) + tlv(0x86, public_point))
    if cipher == "3DES":
        return crypto.retail_mac(ks_mac, crypto.pad(data))
    return crypto.aes_cmac(ks_mac, data)


def domain(info: PaceInfo) -> Curve:
    """The curve of a PACEInfo (standardised ECDH parameters only)."""
    spec = oids.PACE_PROTOCOLS.get(info.protocol)
    if spec is None or spec[1] != "ECDH" or spec[0] != "GM":
        raise ChipError(f"PACE: {info.describe()} is not supported here (ECDH Generic "
                        "Mapping only)")
    name = PACE_CURVES.get(info.parameter_id if info.parameter_id is not None else -1)
    if name is None:
        raise ChipError(f"PACE: domain parameters {info.parameter_id} are not supported")
    return curve(name)


def supported(info: PaceInfo) -> bool:
    """Whether :func:`authenticate` can run ``info``."""
    try:
        domain(info)
    except ChipError:
        return False
    return True


def _general_authenticate(transport: Transport, tag: int, value: bytes, last: bool,
                          step: str) -> bytes:
    data = tlv(0x7C, tlv(tag, value) if tag else b"")
    resp: Response = send(transport, Command(0x00 if last else 0x10, 0x86, 0x00, 0x00, data,
                                             le=256))
    if resp.sw in (0x6300, 0x6982) or resp.sw >> 4 == 0x63C:
        raise ChipError(f"PACE failed at {step}: the chip refused the password", resp.sw)
    resp.check(f"PACE {step}")
    try:
        outer = parse_one(resp.data)
        if outer.tag != 0x7C:
            raise TlvError("not a dynamic authentication data object")
        inner = outer.children()
    except TlvError as exc:
        raise ChipError(f"PACE {step}: malformed answer ({exc})") from None
    return inner[0].value if inner else b""


def _random_scalar(c: Curve) -> int:
    return secrets.randbelow(c.n - 1) + 1


def authenticate(transport: Transport, key: AccessKey, info: PaceInfo, *,
                 scalar: Callable[[Curve], int] = _random_scalar) -> SecureMessaging:
    """Run PACE (ECDH Generic Mapping) with ``key``; returns the secure-messaging channel.

    Raises:
        ChipError: the chip refused the password or broke the protocol.
    """
    c = domain(info)
    cipher, _ = cipher_of(info.protocol)
    ref = PASSWORD_CAN if isinstance(key, CanKey) else PASSWORD_MRZ
    mse = tlv(0x80, oids.encode_oid(info.protocol)) + tlv(0x83, bytes([ref]))
    if info.parameter_id is not None:
        mse += tlv(0x84, bytes([info.parameter_id]))
    send(transport, Command(0x00, 0x22, 0xC1, 0xA4, mse)).check("PACE MSE:Set AT")
    z = _general_authenticate(transport, 0, b"", False, "encrypted nonce")
    s = decrypt_nonce(password_key(key, info.protocol), z, info.protocol)
    sk_map = scalar(c)
    pk_map_ic = _general_authenticate(transport, 0x81, c.encode(c.mul(sk_map, c.g)), False,
                                      "mapping")
    try:
        h = shared_secret(c, sk_map, c.decode(pk_map_ic))
    except ValueError as exc:
        raise ChipError(f"PACE mapping: {exc}") from None
    mapped = Curve(c.name, c.p, c.a, c.b, map_generator(c, s, h), c.n)
    sk = scalar(c)
    pk_ifd = mapped.encode(mapped.mul(sk, mapped.g))
    pk_ic = _general_authenticate(transport, 0x83, pk_ifd, False, "key agreement")
    if hmac.compare_digest(pk_ic, pk_ifd):
        raise ChipError("PACE: the chip returned the terminal's own key")
    try:
        k_pt = shared_secret(mapped, sk, mapped.decode(pk_ic))
    except ValueError as exc:
        raise ChipError(f"PACE key agreement: {exc}") from None
    ks_enc, ks_mac = session_keys(k_pt[0].to_bytes(c.size, "big"), info.protocol)
    t_ic = _general_authenticate(transport, 0x85, auth_token(ks_mac, info.protocol, pk_ic),
                                 True, "mutual authentication")
    if not hmac.compare_digest(t_ic, auth_token(ks_mac, info.protocol, pk_ifd)):
        raise ChipError("PACE: the chip's authentication token does not verify")
    return SecureMessaging(ks_enc, ks_mac, 0, cipher)
