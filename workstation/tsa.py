"""RFC 3161 time stamps over HTTP: request a token for a digest, check a token.

One client for the whole program: report signatures (PAdES B-T, through pyHanko's
time-stamper interface in :mod:`workstation.reports.sign`) and the audit chain's
checkpoints (:mod:`workstation.cases.anchor`) both post through :func:`post`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from workstation.errors import WorkstationError

QUERY_TYPE = "application/timestamp-query"
REPLY_TYPE = "application/timestamp-reply"


class TimestampError(WorkstationError):
    """The time-stamp authority could not be reached, refused, or sent a bad token."""


def post(url: str, request_der: bytes, timeout_s: float) -> bytes:
    """POST a DER ``TimeStampReq`` to ``url``; the DER ``TimeStampResp`` body."""
    request = urllib.request.Request(url, data=request_der, method="POST",
                                     headers={"Content-Type": QUERY_TYPE})
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as resp:
            ctype = resp.headers.get("Content-Type", "")
            body: bytes = resp.read(1 << 20)
    except (OSError, urllib.error.URLError) as exc:
        raise TimestampError(f"time-stamp authority {url} unreachable: {exc}") from exc
    if ctype.split(";")[0].strip() != REPLY_TYPE:
        raise TimestampError(f"time-stamp authority {url} sent {ctype or 'no content type'}")
    return body


def request_token(url: str, digest: bytes, *, timeout_s: float = 10.0) -> bytes:
    """A time-stamp token (DER ``ContentInfo``) over the SHA-256 ``digest``."""
    from asn1crypto import algos, core, tsp

    nonce = int.from_bytes(os.urandom(8), "big")
    req = tsp.TimeStampReq({
        "version": 1,
        "message_imprint": tsp.MessageImprint({
            "hash_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
            "hashed_message": digest}),
        "nonce": core.Integer(nonce),
        "cert_req": True,
    })
    try:
        resp = tsp.TimeStampResp.load(post(url, req.dump(), timeout_s))
        status = resp["status"]["status"].native
        if status not in ("granted", "granted_with_mods"):
            raise TimestampError(f"time-stamp authority {url} refused: {status}")
        token = resp["time_stamp_token"]
        info = token["content"]["encap_content_info"]["content"].parsed
        if info["nonce"].native != nonce:
            raise TimestampError(f"time-stamp authority {url} answered another request")
        return bytes(token.dump())
    except TimestampError:
        raise
    except Exception as exc:  # asn1crypto raises many kinds on a damaged reply
        raise TimestampError(f"time-stamp authority {url} sent a bad reply: "
                             f"{type(exc).__name__}") from None


@dataclass(frozen=True)
class TokenCheck:
    """What a checked token says: when, by whom (the TSA certificate's subject)."""

    at: dt.datetime
    authority: str
    certificate_der: bytes


def check_token(token_der: bytes, digest: bytes) -> TokenCheck:
    """Check that ``token_der`` time-stamps the SHA-256 ``digest`` and that its signature
    verifies with the certificate it carries. (Whether that certificate is trusted is
    the caller's question.) ``TimestampError`` when it does not."""
    from asn1crypto import cms
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    try:
        info = cms.ContentInfo.load(token_der)
        sd = info["content"]
        tst = sd["encap_content_info"]["content"]
        tst_info = tst.parsed
        imprint = tst_info["message_imprint"]
        if imprint["hash_algorithm"]["algorithm"].native != "sha256" \
                or imprint["hashed_message"].native != digest:
            raise TimestampError("the time stamp is over other data")
        signer = sd["signer_infos"][0]
        attrs = signer["signed_attrs"]
        message_digest = next(a["values"][0].native for a in attrs
                              if a["type"].native == "message_digest")
        algo = signer["digest_algorithm"]["algorithm"].native
        if algo != "sha256" or message_digest != hashlib.sha256(tst.contents).digest():
            raise TimestampError("the time stamp's signed attributes do not match it")
        certs = [c.chosen for c in sd["certificates"] or [] if c.name == "certificate"]
        sid = signer["sid"]
        cert_asn1: Any = None
        for c in certs:
            if sid.name == "issuer_and_serial_number":
                if c.serial_number == sid.chosen["serial_number"].native \
                        and c.issuer == sid.chosen["issuer"]:
                    cert_asn1 = c
            elif c.key_identifier == sid.chosen.native:
                cert_asn1 = c
        if cert_asn1 is None:
            raise TimestampError("the time stamp does not carry its signer's certificate")
        cert = x509.load_der_x509_certificate(cert_asn1.dump())
        signed = attrs.dump(force=True)
        signed = b"\x31" + signed[1:]  # signed attributes are signed as a SET
        key = cert.public_key()
        sig = signer["signature"].native
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(sig, signed, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(sig, signed, ec.ECDSA(hashes.SHA256()))
        else:
            raise TimestampError("unsupported time-stamp signature key")
        at = tst_info["gen_time"].native
    except TimestampError:
        raise
    except Exception as exc:
        raise TimestampError(f"not a valid time-stamp token ({type(exc).__name__})") from None
    cns = cert.subject.get_attributes_for_oid(x509.oid.NameOID.COMMON_NAME)
    name = str(cns[0].value) if cns else cert.subject.rfc4514_string()
    return TokenCheck(at=at, authority=name, certificate_der=cert_asn1.dump())
