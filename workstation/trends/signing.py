"""Signed JSON files: a JWS (RFC 7515) with the payload in clear (RFC 7797).

A signed file is the canonical JSON (keys sorted, no white space, UTF-8, one
final newline) of::

    {"payload": {...}, "protected": "<base64url header>", "signature": "<base64url>"}

The protected header is ``{"alg": "RS256"|"ES256"|"ES384"|"ES512", "b64": false,
"crit": ["b64"], "typ": ..., "x5c": [signer certificate, chain...]}`` and the
signature covers ``protected + "." + canonical JSON of the payload`` — so the
certificates are signed too, and any JOSE library that knows RFC 7797 can
check a file. The key is the office's report signing identity
(:func:`workstation.reports.resolve_identity`); trust is the reports' trust
settings (:func:`workstation.reports.verify.check_certificate`).

Reading is strict: the file must be exactly the canonical form of what it
parses to (so no byte outside the signed parts can change unnoticed), the
base64 must be canonical, and the signature must verify — a single flipped
byte anywhere is refused.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)

from workstation.errors import FormatError, InputError

if TYPE_CHECKING:
    from workstation.reports.ca import Identity
    from workstation.reports.verify import Trust

#: Largest signed file read (bytes).
MAX_FILE_BYTES = 64 * 1024 * 1024
_EC_ALGS = {"secp256r1": ("ES256", hashes.SHA256, 32), "secp384r1": ("ES384", hashes.SHA384, 48),
            "secp521r1": ("ES512", hashes.SHA512, 66)}


def canonical(obj: Any) -> bytes:
    """Canonical JSON bytes: sorted keys, compact, UTF-8, no NaN."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str, what: str, source: str) -> bytes:
    """Strict base64url: the alphabet only, and the text must be the canonical encoding."""
    if not isinstance(text, str) or not text.isascii():
        raise FormatError(source, f"{what} is not base64url text")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise FormatError(source, f"{what} is not base64url") from None
    if _b64(data) != text:
        raise FormatError(source, f"{what} is not canonical base64url: the file was changed")
    return data


@dataclass(frozen=True)
class SignedFile:
    """A verified signed file: its payload, who signed it, and whether that is trusted."""

    payload: dict[str, Any]
    signer: str
    certificate_der: bytes
    chain_der: tuple[bytes, ...]
    trusted: bool
    problem: str
    sha256: str

    @property
    def issuer_key(self) -> str:
        """SHA-256 (hex) of the signer certificate's issuer name and authority key id:
        the same for every certificate an office's CA issues."""
        cert = x509.load_der_x509_certificate(self.certificate_der)
        aki = b""
        try:
            ext = cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier)
            aki = ext.value.key_identifier or b""
        except x509.ExtensionNotFound:
            pass
        return hashlib.sha256(cert.issuer.public_bytes() + b"|" + aki).hexdigest()


def sign_payload(payload: dict[str, Any], identity: Identity, *, typ: str) -> bytes:
    """The bytes of a signed file carrying ``payload``, signed by ``identity``."""
    key = serialization.load_der_private_key(identity.key_der, None)
    if isinstance(key, rsa.RSAPrivateKey):
        alg = "RS256"
    elif isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name in _EC_ALGS:
        alg = _EC_ALGS[key.curve.name][0]
    else:
        raise InputError("the signing key is neither RSA nor a NIST P-256/384/521 EC key")
    header = {"alg": alg, "b64": False, "crit": ["b64"], "typ": typ,
              "x5c": [base64.b64encode(c).decode("ascii")
                      for c in (identity.cert_der, *identity.chain_der)]}
    protected = _b64(canonical(header))
    signing_input = protected.encode("ascii") + b"." + canonical(payload)
    if isinstance(key, rsa.RSAPrivateKey):
        signature = key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
    else:
        assert isinstance(key, ec.EllipticCurvePrivateKey)
        _alg, digest, size = _EC_ALGS[key.curve.name]
        r, s = decode_dss_signature(key.sign(signing_input, ec.ECDSA(digest())))
        signature = r.to_bytes(size, "big") + s.to_bytes(size, "big")
    envelope = {"payload": payload, "protected": protected, "signature": _b64(signature)}
    return canonical(envelope) + b"\n"


def read_signed(data: bytes, *, source: str, typ: str,
                trust: Trust | None = None) -> SignedFile:
    """Verify a signed file's bytes; :class:`FormatError` (one line) for anything that
    is not exactly a file :func:`sign_payload` wrote with an intact signature. Whether
    the signer is trusted is in the result (``trusted``, ``problem``)."""
    from workstation.reports.verify import check_certificate

    if len(data) > MAX_FILE_BYTES:
        raise FormatError(source, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        envelope = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise FormatError(source, "not a signed JSON file (unreadable JSON): the file was "
                          "changed or is not an export") from None
    if not isinstance(envelope, dict) or set(envelope) != {"payload", "protected",
                                                           "signature"}:
        raise FormatError(source, "not a signed JSON file (expected payload, protected, "
                          "signature)")
    payload = envelope["payload"]
    if not isinstance(payload, dict):
        raise FormatError(source, "the payload is not a JSON object")
    try:
        exact = canonical(envelope) + b"\n"
    except ValueError:
        raise FormatError(source, "the file holds numbers JSON cannot carry") from None
    if exact != data:
        raise FormatError(source, "the file is not in its signed form: it was changed")
    header_bytes = _unb64(envelope["protected"], "the protected header", source)
    signature = _unb64(envelope["signature"], "the signature", source)
    try:
        header = json.loads(header_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise FormatError(source, "the protected header is not JSON") from None
    if not isinstance(header, dict) or canonical(header) != header_bytes:
        raise FormatError(source, "the protected header is not in canonical form")
    if header.get("b64") is not False or header.get("crit") != ["b64"] \
            or header.get("typ") != typ:
        raise FormatError(source, f"not a {typ} file (header)")
    certs = header.get("x5c")
    if not isinstance(certs, list) or not certs or not all(isinstance(c, str) for c in certs):
        raise FormatError(source, "the header names no signer certificate")
    try:
        ders = [base64.b64decode(c, validate=True) for c in certs]
        with warnings.catch_warnings():
            # cryptography only warns about some malformed certificates (a serial that
            # is not positive); a signer's certificate must be well-formed
            warnings.simplefilter("error")
            leaf = x509.load_der_x509_certificate(ders[0])
    except (binascii.Error, ValueError, Warning):
        raise FormatError(source, "the signer certificate is unreadable") from None
    signing_input = envelope["protected"].encode("ascii") + b"." + canonical(payload)
    if not _signature_ok(leaf, str(header.get("alg")), signing_input, signature):
        raise FormatError(source, "the signature does not match: the file was changed "
                          "after signing")
    check = check_certificate(ders[0], ders[1:], trust=trust)
    return SignedFile(payload=payload, signer=check.signer, certificate_der=ders[0],
                      chain_der=tuple(ders[1:]), trusted=check.trusted,
                      problem=check.problem, sha256=hashlib.sha256(data).hexdigest())


def _signature_ok(cert: x509.Certificate, alg: str, data: bytes, signature: bytes) -> bool:
    try:
        key = cert.public_key()
    except (ValueError, UnsupportedAlgorithm):
        return False  # a damaged certificate carries no usable key
    try:
        if alg == "RS256" and isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
            return True
        if isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name in _EC_ALGS:
            want, digest, size = _EC_ALGS[key.curve.name]
            if alg != want or len(signature) != 2 * size:
                return False
            r = int.from_bytes(signature[:size], "big")
            s = int.from_bytes(signature[size:], "big")
            key.verify(encode_dss_signature(r, s), data, ec.ECDSA(digest()))
            return True
    except (InvalidSignature, ValueError):
        return False
    return False


def read_signed_file(path: str | Path, *, typ: str, trust: Trust | None = None) -> SignedFile:
    """:func:`read_signed` of a file (``InputError`` when it cannot be read)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FormatError(str(path), f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return read_signed(data, source=str(path), typ=typ, trust=trust)
