"""Keys sealed with a secret: Argon2id key derivation, AES-256-GCM, X25519 boxes.

The building blocks of protected keys at rest (:mod:`workstation.identity`,
:mod:`workstation.reports.ca`):

* :func:`derive` turns a secret (a password, or the operating-system account's
  random secret) into a key-encryption key and a verifier with Argon2id, a
  memory-hard function (RFC 9106), so guessing passwords from a stolen data
  folder costs memory and time per guess. The parameters travel with what they
  protect (:class:`KdfParams`).
* :func:`seal` / :func:`unseal` encrypt and authenticate bytes with a 256-bit key
  (AES-256-GCM, random 96-bit nonce); ``aad`` binds the ciphertext to its purpose
  (e.g. ``"signing key of anna"``), so sealed values cannot be swapped around.
* :func:`box_seal` / :func:`box_open` encrypt to an X25519 public key (ephemeral
  key agreement, HKDF-SHA256, AES-256-GCM): how the CA key's data key is wrapped
  for each administrator without anyone else's secret.

Sealed values are plain JSON-ready dicts of hex strings.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from typing import Any

from workstation.errors import WorkstationError


class SealError(WorkstationError):
    """A sealed value does not open: wrong secret or key, or it was altered."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters: ``salt`` (hex), ``time_cost`` (passes), ``memory_kib``,
    ``parallelism``."""

    salt: str
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 1

    def to_json(self) -> dict[str, Any]:
        return {"alg": "argon2id", "salt": self.salt, "time_cost": self.time_cost,
                "memory_kib": self.memory_kib, "parallelism": self.parallelism}

    @classmethod
    def from_json(cls, obj: Any) -> KdfParams:
        """Parameters from their JSON; ``SealError`` when they are not ours or unsafe."""
        try:
            if obj["alg"] != "argon2id":
                raise ValueError
            params = cls(salt=str(obj["salt"]), time_cost=int(obj["time_cost"]),
                         memory_kib=int(obj["memory_kib"]), parallelism=int(obj["parallelism"]))
            bytes.fromhex(params.salt)
        except (KeyError, TypeError, ValueError):
            raise SealError("unknown or damaged key-derivation parameters") from None
        if not (1 <= params.time_cost <= 64 and 8 <= params.memory_kib <= 4 * 1024 * 1024
                and 1 <= params.parallelism <= 64):
            raise SealError("key-derivation parameters out of range")
        return params


#: Parameters for new secrets: RFC 9106's second recommended option with one lane
#: (3 passes over 64 MiB; about half a second on a two-core workstation).
DEFAULT_COST: dict[str, int] = {"time_cost": 3, "memory_kib": 64 * 1024, "parallelism": 1}


def new_kdf_params() -> KdfParams:
    """Fresh parameters (random 16-byte salt) at :data:`DEFAULT_COST`."""
    return KdfParams(salt=os.urandom(16).hex(), **DEFAULT_COST)


@dataclass(frozen=True)
class Derived:
    """What a secret derives: ``kek`` (32-byte key-encryption key) and ``verifier``
    (hex; stored to recognise the secret without storing the key)."""

    kek: bytes
    verifier: str


def derive(secret: bytes, params: KdfParams) -> Derived:
    """Argon2id of ``secret`` under ``params``, split into a key and a verifier."""
    from argon2.low_level import Type, hash_secret_raw

    raw = hash_secret_raw(secret, bytes.fromhex(params.salt), time_cost=params.time_cost,
                          memory_cost=params.memory_kib, parallelism=params.parallelism,
                          hash_len=64, type=Type.ID)
    kek = hmac.new(raw, b"workstation key-encryption key", hashlib.sha256).digest()
    verifier = hmac.new(raw, b"workstation secret verifier", hashlib.sha256).hexdigest()
    return Derived(kek=kek, verifier=verifier)


def verifier_matches(derived: Derived, stored: str) -> bool:
    """Constant-time comparison of a derived verifier with the stored one."""
    return hmac.compare_digest(derived.verifier, stored)


def seal(key: bytes, plaintext: bytes, aad: str) -> dict[str, str]:
    """``plaintext`` encrypted and authenticated under ``key`` (32 bytes), bound to ``aad``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    ct = AESGCM(key).encrypt(nonce, plaintext, aad.encode("utf-8"))
    return {"alg": "AES-256-GCM", "nonce": nonce.hex(), "ct": ct.hex()}


def unseal(key: bytes, sealed: Any, aad: str) -> bytes:
    """The plaintext of :func:`seal`; ``SealError`` for a wrong key, another ``aad`` or an
    altered value."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        if sealed["alg"] != "AES-256-GCM":
            raise ValueError
        nonce, ct = bytes.fromhex(sealed["nonce"]), bytes.fromhex(sealed["ct"])
        return AESGCM(key).decrypt(nonce, ct, aad.encode("utf-8"))
    except (InvalidTag, KeyError, TypeError, ValueError):
        raise SealError("the sealed key does not open (wrong secret, or altered)") from None


def box_keypair() -> tuple[bytes, bytes]:
    """A new X25519 key pair: ``(private, public)``, 32 raw bytes each."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    private = X25519PrivateKey.generate()
    raw = serialization.Encoding.Raw
    return (private.private_bytes(raw, serialization.PrivateFormat.Raw,
                                  serialization.NoEncryption()),
            private.public_key().public_bytes(raw, serialization.PublicFormat.Raw))


def _box_key(shared: bytes, epk: bytes, public: bytes, aad: str) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=epk + public,
                info=b"workstation box|" + aad.encode("utf-8")).derive(shared)


def box_seal(public: bytes, plaintext: bytes, aad: str) -> dict[str, str]:
    """``plaintext`` encrypted so only the holder of ``public``'s private key opens it."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )

    eph = X25519PrivateKey.generate()
    epk = eph.public_key().public_bytes(serialization.Encoding.Raw,
                                        serialization.PublicFormat.Raw)
    shared = eph.exchange(X25519PublicKey.from_public_bytes(public))
    inner = seal(_box_key(shared, epk, public, aad), plaintext, aad)
    return {"alg": "X25519-HKDF-SHA256-AES-256-GCM", "epk": epk.hex(),
            "nonce": inner["nonce"], "ct": inner["ct"]}


def box_open(private: bytes, sealed: Any, aad: str) -> bytes:
    """The plaintext of :func:`box_seal` for the holder of ``private``."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )

    try:
        if sealed["alg"] != "X25519-HKDF-SHA256-AES-256-GCM":
            raise ValueError
        epk = bytes.fromhex(sealed["epk"])
        key = X25519PrivateKey.from_private_bytes(private)
        public = key.public_key().public_bytes(serialization.Encoding.Raw,
                                               serialization.PublicFormat.Raw)
        shared = key.exchange(X25519PublicKey.from_public_bytes(epk))
    except (KeyError, TypeError, ValueError):
        raise SealError("the sealed key does not open (damaged)") from None
    return unseal(_box_key(shared, epk, public, aad),
                  {"alg": "AES-256-GCM", "nonce": sealed["nonce"], "ct": sealed["ct"]}, aad)
