"""Public keys and signature checks: RSA (PKCS#1 v1.5, RSASSA-PSS) and ECDSA (DER or
plain ``r || s``), on named or explicitly specified curves.

eMRTD certificates often carry explicit EC domain parameters, which
``cryptography`` refuses to load; :func:`load_spki` maps them to the named curve
they spell out, or keeps them as an explicit curve checked by
:mod:`workstation.pki.ec`'s own ECDSA.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from asn1crypto import algos
from asn1crypto import keys as akeys
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec as cec
from cryptography.hazmat.primitives.asymmetric import padding, rsa, utils

from workstation.errors import FormatError
from workstation.pki.ec import (
    Curve,
    curve,
    curve_for_parameters,
    ecdsa_verify,
    known_to_cryptography,
)

_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha1": hashes.SHA1, "sha224": hashes.SHA224, "sha256": hashes.SHA256,
    "sha384": hashes.SHA384, "sha512": hashes.SHA512,
}

_NAMED: dict[str, str] = {
    "secp192r1": "secp192r1", "secp224r1": "secp224r1", "secp256r1": "secp256r1",
    "secp384r1": "secp384r1", "secp521r1": "secp521r1",
    "brainpoolp256r1": "brainpoolP256r1", "brainpoolp384r1": "brainpoolP384r1",
    "brainpoolp512r1": "brainpoolP512r1",
    "1.3.36.3.3.2.8.1.1.7": "brainpoolP256r1", "1.3.36.3.3.2.8.1.1.11": "brainpoolP384r1",
    "1.3.36.3.3.2.8.1.1.13": "brainpoolP512r1",
}


def digest(name: str, data: bytes) -> bytes:
    """``name`` (``sha1``, ``sha224``, ``sha256``, ``sha384``, ``sha512``) of ``data``."""
    if name not in _HASHES:
        raise FormatError("hash", f"unsupported hash algorithm {name!r}")
    return hashlib.new(name, data).digest()


@dataclass(frozen=True)
class SignatureAlgorithm:
    """How a signature was made.

    Attributes:
        scheme: ``pkcs1v15``, ``pss``, ``ecdsa`` (DER signature) or ``ecdsa-plain``
            (``r || s``, BSI TR-03111).
        hash: hash of the signed data.
        salt_length: PSS salt length (bytes).
        mgf_hash: PSS mask generation hash.
    """

    scheme: str
    hash: str
    salt_length: int | None = None
    mgf_hash: str | None = None

    def describe(self) -> str:
        if self.scheme == "pss":
            return f"RSASSA-PSS with {self.hash.upper()} (salt {self.salt_length})"
        if self.scheme == "pkcs1v15":
            return f"RSA PKCS#1 v1.5 with {self.hash.upper()}"
        return f"ECDSA{' (plain)' if self.scheme == 'ecdsa-plain' else ''} with " \
               f"{self.hash.upper()}"

    @classmethod
    def from_asn1(cls, signature_algorithm: algos.SignedDigestAlgorithm,
                  digest_algorithm: str | None = None) -> SignatureAlgorithm:
        """From a certificate's or SignerInfo's algorithm identifier (a SignerInfo's
        plain ``rsaEncryption``/``ecPublicKey`` takes the hash from its digest algorithm).

        Raises:
            FormatError: an algorithm this module cannot check.
        """
        oid = signature_algorithm["algorithm"].dotted
        name = signature_algorithm["algorithm"].native
        from workstation.pki import oids as poids

        if oid in poids.ECDSA_PLAIN:
            return cls("ecdsa-plain", poids.ECDSA_PLAIN[oid])
        if name == "rsassa_pss":
            params = signature_algorithm["parameters"]
            h = params["hash_algorithm"]["algorithm"].native
            mgf = params["mask_gen_algorithm"]["parameters"]["algorithm"].native
            return cls("pss", h, int(params["salt_length"].native), mgf)
        if name in ("rsassa_pkcs1v15", "rsa"):
            if not digest_algorithm:
                raise FormatError("signature", "RSA signature without a hash algorithm")
            return cls("pkcs1v15", digest_algorithm)
        if name in ("ecdsa", "ec"):
            if not digest_algorithm:
                raise FormatError("signature", "ECDSA signature without a hash algorithm")
            return cls("ecdsa", digest_algorithm)
        try:
            algo = signature_algorithm.signature_algo
            h = signature_algorithm.hash_algo
        except (ValueError, KeyError):
            raise FormatError("signature", f"unsupported signature algorithm {name}") from None
        if algo == "rsassa_pkcs1v15":
            return cls("pkcs1v15", h)
        if algo == "ecdsa":
            return cls("ecdsa", h)
        raise FormatError("signature", f"unsupported signature algorithm {name}")


@dataclass(frozen=True)
class PublicKey:
    """An RSA or EC public key.

    ``rsa`` is set for RSA keys; ``curve`` and ``point`` for EC keys (``curve`` may
    be an explicit curve ``cryptography`` does not know).
    """

    kind: str
    bits: int
    rsa: rsa.RSAPublicKey | None = None
    curve: Curve | None = None
    point: tuple[int, int] | None = None

    def describe(self) -> str:
        if self.kind == "rsa":
            return f"RSA {self.bits}"
        assert self.curve is not None
        return f"EC {self.curve.name}"

    def verify(self, signature: bytes, data: bytes, algorithm: SignatureAlgorithm) -> bool:
        """Whether ``signature`` over ``data`` verifies with this key."""
        try:
            return self._verify(signature, data, algorithm)
        except (InvalidSignature, ValueError, TypeError):
            return False

    def _verify(self, signature: bytes, data: bytes, alg: SignatureAlgorithm) -> bool:
        h = _HASHES[alg.hash]()
        if self.kind == "rsa":
            assert self.rsa is not None
            if alg.scheme == "pss":
                mgf = padding.MGF1(_HASHES[alg.mgf_hash or alg.hash]())
                salt = alg.salt_length if alg.salt_length is not None else h.digest_size
                self.rsa.verify(signature, data, padding.PSS(mgf, salt), h)
            elif alg.scheme == "pkcs1v15":
                self.rsa.verify(signature, data, padding.PKCS1v15(), h)
            else:
                return False
            return True
        assert self.curve is not None and self.point is not None
        if alg.scheme == "ecdsa-plain":
            half = len(signature) // 2
            if len(signature) % 2 or half == 0:
                return False
            r = int.from_bytes(signature[:half], "big")
            s = int.from_bytes(signature[half:], "big")
        elif alg.scheme == "ecdsa":
            r, s = utils.decode_dss_signature(signature)
        else:
            return False
        if known_to_cryptography(self.curve):
            key = cec.EllipticCurvePublicNumbers(
                self.point[0], self.point[1], self.curve.crypto_curve()).public_key()
            key.verify(utils.encode_dss_signature(r, s), data, cec.ECDSA(h))
            return True
        return ecdsa_verify(self.curve, self.point, digest(alg.hash, data), r, s)

    def rsa_raw(self, signature: bytes) -> bytes:
        """``signature^e mod n`` (ISO 9796-2 message recovery in Active Authentication)."""
        assert self.rsa is not None
        nums = self.rsa.public_numbers()
        m = pow(int.from_bytes(signature, "big"), nums.e, nums.n)
        return m.to_bytes((nums.n.bit_length() + 7) // 8, "big")


def _ec_curve(params: Any) -> Curve:
    if params.name == "named":
        name = params.chosen.native
        dotted = params.chosen.dotted
        target = _NAMED.get(name) or _NAMED.get(dotted)
        if target is None:
            raise FormatError("public key", f"unsupported named curve {name}")
        return curve(target)
    if params.name == "specified":
        spec = params.chosen
        if spec["field_id"]["field_type"].native != "prime_field":
            raise FormatError("public key", "only prime-field curves are supported")
        p = int(spec["field_id"]["parameters"].native)
        a = int.from_bytes(spec["curve"]["a"].native, "big")
        b = int.from_bytes(spec["curve"]["b"].native, "big")
        base = spec["base"].native
        size = (p.bit_length() + 7) // 8
        if len(base) != 1 + 2 * size or base[0] != 4:
            raise FormatError("public key", "compressed or malformed base point")
        g = (int.from_bytes(base[1:1 + size], "big"), int.from_bytes(base[1 + size:], "big"))
        try:
            return curve_for_parameters(p, a, b, g, int(spec["order"].native))
        except ValueError as exc:
            raise FormatError("public key", str(exc)) from None
    raise FormatError("public key", "implicitly-CA EC parameters are not supported")


def load_spki(der: bytes | akeys.PublicKeyInfo) -> PublicKey:
    """A public key from a DER SubjectPublicKeyInfo.

    Raises:
        FormatError: malformed key or unsupported algorithm.
    """
    try:
        info = der if isinstance(der, akeys.PublicKeyInfo) else akeys.PublicKeyInfo.load(der)
        algo = info["algorithm"]["algorithm"].native
        if algo in ("rsa", "rsassa_pss"):
            parsed = info["public_key"].parsed
            nums = rsa.RSAPublicNumbers(int(parsed["public_exponent"].native),
                                        int(parsed["modulus"].native))
            key = nums.public_key()
            return PublicKey("rsa", key.key_size, rsa=key)
        if algo == "ec":
            c = _ec_curve(info["algorithm"]["parameters"])
            point = c.decode(bytes(info["public_key"].native))
            return PublicKey("ec", c.p.bit_length(), curve=c, point=point)
    except FormatError:
        raise
    except (ValueError, TypeError, KeyError) as exc:
        raise FormatError("public key", f"malformed public key ({exc})") from None
    raise FormatError("public key", f"unsupported public key algorithm {algo}")
