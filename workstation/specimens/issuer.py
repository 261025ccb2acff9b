"""The simulated issuing authority of Utopia: what it writes into the barcodes on the back
of its identity card, and how it signs.

* :func:`aamva_payload` — the holder's data as AAMVA DL/ID card data (an ``ID``
  subfile, AAMVA version 10), as a PDF417 on the back carries it.
* :func:`seal_bytes` — an ICAO visible digital seal (Doc 9303 Part 13, header
  version 4) with the card's MRZ and date of issue, signed with ECDSA by the Utopia
  seal signer (brainpoolP256r1, SHA-256). :func:`encode_seal` lays out any header
  and features and signs them with any key (tests sign seals with their own keys
  through it).
* :func:`utopia_seal_pki` / :func:`forger_seal_pki` — the Utopia country signing CA
  and its seal signer certificate; and a forger's look-alike pair (same names and
  serial number, other keys).

Test material only: keys are derived from fixed labels, so every run makes the same
certificates and their private keys are public; a verifier may trust the built-in
Utopia CSCA for the fictional country ``UT`` alone. The CSCA is the simulated chip's
(:func:`workstation.specimens.testpki.utopia`), so both the chip and the seal chain to one
Utopia CSCA; the seal signer is built by the chip's own builder
(:func:`workstation.specimens.testpki.signer_pair`).

This is the writer; the reader (:mod:`workstation.barcodes`) is separate code.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from workstation.specimens.people import Person
from workstation.specimens.testpki import SignerPair, signer_pair, utopia_name

#: The Utopia seal signer's identifier (country + two letters) and certificate reference
#: (hexadecimal serial number) as seal headers name them.
SEAL_SIGNER_ID = "UTSS"
SEAL_CERT_REF = "1A"
#: AAMVA issuer identification number the simulator uses for Utopia (not a real IIN).
UTOPIA_IIN = "990001"

# -- C40 ----------------------------------------------------------------------------------
_C40 = " 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def c40_encode(text: str) -> bytes:
    """``text`` (A-Z, 0-9, space and the filler ``<``, which is written as a space) in C40
    as seals use it: three characters per two bytes, a last pair padded with shift 1, a
    last single character as ``0xFE`` and its ASCII code + 1.

    Raises:
        ValueError: a character outside the set.
    """
    text = text.replace("<", " ")
    values = []
    for ch in text:
        i = _C40.find(ch)
        if i < 0:
            raise ValueError(f"{ch!r} cannot be written in C40")
        values.append(i + 3)
    out = bytearray()
    full = len(values) - len(values) % 3
    for i in range(0, full, 3):
        n = 1600 * values[i] + 40 * values[i + 1] + values[i + 2] + 1
        out += bytes((n // 256, n % 256))
    rest = values[full:]
    if len(rest) == 2:
        n = 1600 * rest[0] + 40 * rest[1] + 1
        out += bytes((n // 256, n % 256))
    elif len(rest) == 1:
        out += bytes((0xFE, ord(text[-1]) + 1))
    return bytes(out)


def encode_date(date: dt.date) -> bytes:
    """A seal date: the integer MMDDYYYY in three bytes."""
    return int(date.strftime("%m%d%Y")).to_bytes(3, "big")


def _ber(length: int) -> bytes:
    if length < 0x80:
        return bytes((length,))
    if length < 0x100:
        return bytes((0x81, length))
    return bytes((0x82,)) + length.to_bytes(2, "big")


# -- keys and certificates ----------------------------------------------------------------
#: A country signing CA, the seal signer it certified, and the signer's key.
SealPki = SignerPair


def _seal_pki(label: str) -> SealPki:
    """``label``'s seal signer, issued by the simulated chip's CSCA
    (:mod:`workstation.specimens.testpki`: one Utopia CSCA signs both the chips'
    document signers and the seal signer)."""
    return signer_pair(label, f"{label} seal signer", utopia_name(SEAL_SIGNER_ID[2:]),
                       serial=int(SEAL_CERT_REF, 16), valid_from=dt.date(2020, 1, 1),
                       valid_to=dt.date(2042, 1, 1))


@functools.cache
def utopia_seal_pki() -> SealPki:
    """Utopia's CSCA and its seal signer (genuine simulated seals are signed with it)."""
    return _seal_pki("Utopia")


@functools.cache
def forger_seal_pki() -> SealPki:
    """A forger's CSCA and seal signer with Utopia's names and serial number, other keys."""
    return _seal_pki("forger")


# -- seals --------------------------------------------------------------------------------
def encode_header(*, country: str, signer_id: str, cert_ref: str, issue_date: dt.date,
                  signature_date: dt.date, feature_ref: int, category: int,
                  version: int = 4) -> bytes:
    """A seal header (``version`` 3: a 5-character certificate reference; 4: any length)."""
    if version == 3:
        ref = c40_encode(signer_id + cert_ref.rjust(5, "0"))
        raw_version = 0x02
    else:
        ref = c40_encode(f"{signer_id}{len(cert_ref):02X}") + c40_encode(cert_ref)
        raw_version = 0x03
    return (bytes((0xDC, raw_version)) + c40_encode(country.ljust(3, "<")) + ref
            + encode_date(issue_date) + encode_date(signature_date)
            + bytes((feature_ref, category)))


def encode_seal(header: bytes, features: Sequence[tuple[int, bytes]],
                key: ec.EllipticCurvePrivateKey) -> bytes:
    """Header, the features as tag-length-value, and the signature zone: ECDSA over header
    and message with the hash the curve's size asks for (ICAO Doc 9303 Part 13), as
    ``r || s`` (each as long as the curve's order)."""
    message = b"".join(bytes((tag,)) + _ber(len(value)) + value for tag, value in features)
    signed = header + message
    bits = key.curve.key_size
    digest: hashes.HashAlgorithm = (hashes.SHA224() if bits <= 224 else hashes.SHA256()
                                    if bits <= 256 else hashes.SHA384() if bits <= 384
                                    else hashes.SHA512())
    der = key.sign(signed, ec.ECDSA(digest, deterministic_signing=True))
    r, s = decode_dss_signature(der)
    size = (key.curve.key_size + 7) // 8
    signature = r.to_bytes(size, "big") + s.to_bytes(size, "big")
    return signed + b"\xff" + _ber(len(signature)) + signature


#: The simulator's document type for the Utopia identity card (a fictional national
#: profile): MRZ (3 x 30 characters, tag 0x01) and the date of issue (tag 0x02).
UTOPIA_CARD_FEATURE_REF = 0xE0
UTOPIA_CARD_CATEGORY = 0x0E


def seal_bytes(mrz_lines: Sequence[str], issue_date: dt.date, *,
               pki: SealPki | None = None,
               signature_date: dt.date | None = None) -> bytes:
    """The visible digital seal of a Utopia identity card carrying ``mrz_lines`` and the
    date of issue, signed by ``pki``'s seal signer (default: Utopia's)."""
    pki = pki or utopia_seal_pki()
    header = encode_header(country="UTO", signer_id=SEAL_SIGNER_ID, cert_ref=SEAL_CERT_REF,
                           issue_date=issue_date, signature_date=signature_date or issue_date,
                           feature_ref=UTOPIA_CARD_FEATURE_REF, category=UTOPIA_CARD_CATEGORY)
    return encode_seal(header, [(0x01, c40_encode("".join(mrz_lines))),
                                (0x02, encode_date(issue_date))], pki.signer_key)


# -- AAMVA --------------------------------------------------------------------------------
def aamva_payload(person: Person, *, document_number: str | None = None) -> bytes:
    """The holder's data as AAMVA DL/ID card data (version 10, one ``ID`` subfile),
    dates ``MMDDCCYY``, names in ``DCS``/``DAC``/``DAD`` (first given name, then the
    others)."""
    given = person.given_names.split()
    first, middle = (given[0], " ".join(given[1:])) if given else ("", "")

    def date(d: dt.date) -> str:
        return d.strftime("%m%d%Y")

    sex = {"M": "1", "F": "2"}.get(person.sex, "9")
    elements = [
        f"DAQ{document_number or person.document_number}", f"DCS{person.surname}",
        "DDEN", f"DAC{first}", "DDFN", f"DAD{middle or 'NONE'}", "DDGN",
        f"DBD{date(person.issue_date)}", f"DBB{date(person.birth_date)}",
        f"DBA{date(person.expiry_date)}", f"DBC{sex}", f"DCI{person.place_of_birth}",
        "DAJUT", "DCGUTO", f"DCF{person.document_number}{person.issue_date:%Y%m%d}",
    ]
    body = "ID" + "\n".join(elements) + "\r"
    head = f"@\n\x1e\rANSI {UTOPIA_IIN}100001"
    directory = f"ID{len(head) + 10:04d}{len(body):04d}"
    return (head + directory + body).encode("ascii")
