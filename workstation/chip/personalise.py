"""Personalising a chip: the LDS files, the security object and the chip's keys for a
holder, as an issuing state's personalisation system writes them.

:func:`personalise` builds a :class:`ChipImage` from a holder, the printed MRZ
and the portrait; :func:`chip_for_document` does it for the simulated reader's
Utopia documents (same holder, same portrait as the printed page) and applies
the chip forgeries of :data:`CHIP_FORGERIES`, made the way forgers do: a chip
whose data was written for someone else, a photo put into DG2, a security
object re-signed with the forger's own keys, a data group changed after signing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
from dataclasses import dataclass, field

import numpy as np
from asn1crypto import algos, core
from asn1crypto import x509 as ax509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec as cec

from workstation.chip import oids
from workstation.chip.keys import CanKey, MrzKey
from workstation.chip.lds import DG_TAGS, TAG_COM, TAG_SOD
from workstation.chip.security_infos import (
    ActiveAuthInfo,
    ChipAuthInfo,
    ChipAuthPublicKey,
    PaceInfo,
    encode_active_auth_info,
    encode_chip_auth_info,
    encode_chip_auth_key,
    encode_pace_info,
    encode_security_infos,
)
from workstation.chip.skipped import CHIP_FORGERIES
from workstation.chip.sod import LdsSecurityObject
from workstation.chip.tlv import tlv
from workstation.pki.asn1 import cms
from workstation.pki.ec import curve
from workstation.specimens.testpki import SignerPair, derived_scalar, forger, utopia
from workstation.types import Image

#: Chip forgeries the simulator makes, with a one-line description each.

PACE_PROTOCOL = "0.4.0.127.0.7.2.2.4.2.2"  # ECDH-GM-AES-CBC-CMAC-128
PACE_PARAMETERS = 13  # brainpoolP256r1
CA_CURVE = "brainpoolP256r1"


@dataclass(frozen=True)
class ChipImage:
    """What a personalised chip holds.

    Attributes:
        files: ``EF.COM``, ``EF.SOD``, ``DGn``, ``EF.CardAccess`` -> file bytes.
        mrz_key: the BAC/PACE key (document number and dates as personalised).
        can_key: the card access number.
        bac: the chip answers BAC.
        aa_private: Active Authentication key (P-256 scalar), or ``None``.
        ca_private: Chip Authentication key (scalar on :data:`CA_CURVE`), or ``None``.
        ca_curve: curve of the Chip Authentication key.
        description: what was personalised (and forged), for logs.
    """

    files: dict[str, bytes]
    mrz_key: MrzKey
    can_key: CanKey
    bac: bool = True
    aa_private: int | None = None
    ca_private: int | None = None
    ca_curve: str = CA_CURVE
    description: str = ""
    truth: dict[str, object] = field(default_factory=dict)


def encode_jpeg(image: Image, quality: int = 80) -> bytes:
    """``uint8`` RGB -> JPEG bytes (as chips store faces)."""
    from PIL import Image as PilImage

    buf = io.BytesIO()
    PilImage.fromarray(np.ascontiguousarray(image)).save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def face_record(jpeg: bytes, width: int, height: int) -> bytes:
    """An ISO/IEC 19794-5:2005 facial record holding one full-frontal JPEG face."""
    info = bytes([0]) + bytes([0]) + bytes([0]) + b"\x00\x00\x00" + b"\x00\x00" + \
        b"\x00\x00\x00" + b"\x00\x00\x00"  # gender, eyes, hair, mask, expression, pose
    image_info = bytes([1, 0]) + width.to_bytes(2, "big") + height.to_bytes(2, "big") + \
        bytes([1, 2]) + b"\x00\x00" + b"\x00\x00"
    block = b"\x00\x00" + info + image_info + jpeg  # 2 bytes: no feature points
    facial = (4 + len(block)).to_bytes(4, "big") + block
    header = b"FAC\x00" + b"010\x00"
    total = len(header) + 4 + 2 + len(facial)
    return header + total.to_bytes(4, "big") + (1).to_bytes(2, "big") + facial


def encode_dg2(jpeg: bytes, width: int, height: int) -> bytes:
    """DG2 with one face (biometric header template + ISO 19794-5 record)."""
    bht = tlv(0xA1, tlv(0x80, b"\x01\x01") + tlv(0x87, b"\x01\x01") + tlv(0x88, b"\x00\x08"))
    bit = tlv(0x7F60, bht + tlv(0x5F2E, face_record(jpeg, width, height)))
    return tlv(DG_TAGS[2], tlv(0x7F61, tlv(0x02, b"\x01") + bit))


def encode_dg1(mrz_lines: list[str]) -> bytes:
    """DG1: the MRZ."""
    return tlv(DG_TAGS[1], tlv(0x5F1F, "".join(mrz_lines).encode("ascii")))


def encode_com(groups: list[int]) -> bytes:
    """EF.COM listing ``groups`` (LDS 1.7, Unicode 4.0.0)."""
    return tlv(TAG_COM, tlv(0x5F01, b"0107") + tlv(0x5F36, b"040000")
               + tlv(0x5C, bytes(DG_TAGS[g] for g in groups)))


def _spki(key: cec.EllipticCurvePublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.DER,
                            serialization.PublicFormat.SubjectPublicKeyInfo)


def sign_sod(groups: dict[int, bytes], signer: SignerPair, *,
             signing_time: dt.datetime | None = None) -> bytes:
    """EF.SOD over ``groups`` (SHA-256), signed by ``signer`` (ECDSA, SHA-256)."""
    lso = LdsSecurityObject({
        "version": 0, "hash_algorithm": {"algorithm": "sha256"},
        "hashes": [{"number": n, "hash": hashlib.sha256(groups[n]).digest()}
                   for n in sorted(groups)],
    })
    content = lso.dump()
    cert = ax509.Certificate.load(signer.signer_der)
    attrs = cms.CMSAttributes([
        cms.CMSAttribute({"type": "content_type", "values": [oids.LDS_SECURITY_OBJECT]}),
        cms.CMSAttribute({"type": "signing_time", "values": [
            cms.Time({"utc_time": signing_time or dt.datetime(2020, 1, 2, tzinfo=dt.UTC)})]}),
        cms.CMSAttribute({"type": "message_digest",
                          "values": [hashlib.sha256(content).digest()]}),
    ])
    signature = signer.signer_key.sign(attrs.dump(), cec.ECDSA(hashes.SHA256(),
                                                               deterministic_signing=True))
    signer_info = cms.SignerInfo({
        "version": "v1",
        "sid": cms.SignerIdentifier({"issuer_and_serial_number": {
            "issuer": cert.issuer, "serial_number": cert.serial_number}}),
        "digest_algorithm": {"algorithm": "sha256"},
        "signed_attrs": attrs,
        "signature_algorithm": {"algorithm": "sha256_ecdsa"},
        "signature": signature,
    })
    sd = cms.SignedData({
        "version": "v3",
        "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
        "encap_content_info": {"content_type": oids.LDS_SECURITY_OBJECT,
                               "content": core.ParsableOctetString(content)},
        "certificates": [cert],
        "signer_infos": [signer_info],
    })
    info = cms.ContentInfo({"content_type": "signed_data", "content": sd})
    return tlv(TAG_SOD, info.dump())


def personalise(mrz_lines: list[str], face: Image, *, label: str, signer: SignerPair,
                pace: bool = True, bac: bool = True, can: str = "123456",
                active_auth: bool = True, chip_auth: bool = True) -> ChipImage:
    """A chip for the holder whose MRZ is ``mrz_lines`` and whose face is ``face``
    (``uint8`` RGB, about 400 x 320 px). ``label`` makes the chip's own keys."""
    jpeg = encode_jpeg(face)
    groups: dict[int, bytes] = {1: encode_dg1(mrz_lines),
                                2: encode_dg2(jpeg, face.shape[1], face.shape[0])}
    aa_private = ca_private = None
    infos: list[bytes] = []
    if chip_auth:
        c = curve(CA_CURVE)
        ca_private = derived_scalar(f"CA:{label}", c.n)
        ca_public = cec.derive_private_key(ca_private, c.crypto_curve()).public_key()
        infos += [encode_chip_auth_info(ChipAuthInfo(oids.ID_CA_ECDH_AES128, 1, None)),
                  encode_chip_auth_key(ChipAuthPublicKey(oids.ID_PK_ECDH, _spki(ca_public),
                                                         None))]
    if active_auth:
        aa_private = derived_scalar(f"AA:{label}", curve("secp256r1").n)
        aa_public = cec.derive_private_key(aa_private, cec.SECP256R1()).public_key()
        groups[15] = tlv(DG_TAGS[15], _spki(aa_public))
        infos.append(encode_active_auth_info(ActiveAuthInfo(1, oids.ECDSA_PLAIN_SHA256)))
    if infos:
        groups[14] = tlv(DG_TAGS[14], encode_security_infos(infos))
    files = {f"DG{n}": data for n, data in groups.items()}
    files["EF.COM"] = encode_com(sorted(groups))
    files["EF.SOD"] = sign_sod(groups, signer)
    if pace:
        files["EF.CardAccess"] = encode_security_infos(
            [encode_pace_info(PaceInfo(PACE_PROTOCOL, 2, PACE_PARAMETERS))])
    return ChipImage(files=files, mrz_key=MrzKey.from_mrz_lines(mrz_lines),
                     can_key=CanKey(can), bac=bac, aa_private=aa_private,
                     ca_private=ca_private, description=label)


def chip_face(face_seed: str, height: int = 400, width: int = 320) -> Image:
    """The portrait painted from ``face_seed`` as a chip stores it (``uint8`` RGB)."""
    from workstation.specimens.portrait import draw_portrait, face_for

    return np.clip(draw_portrait(face_for(face_seed), height, width) * 255.0 + 0.5, 0, 255
                   ).astype(np.uint8)


def chip_for_document(doc_id: str, *, forgery: str | None = None, seed: int = 0,
                      pace: bool = True, bac: bool = True) -> ChipImage:
    """The chip of the simulated document ``doc_id`` with holder ``seed``: the holder and
    portrait the page shows; ``forgery`` one of :data:`CHIP_FORGERIES` (page forgeries
    leave the chip genuine).

    Raises:
        ValueError: unknown document.
    """
    from workstation.specimens.documents import DESIGNS
    from workstation.specimens.people import make_person, mrz_lines_for
    from workstation.specimens.portrait import portrait_seed

    if doc_id not in DESIGNS:
        raise ValueError(f"unknown document {doc_id!r} (known: {', '.join(DESIGNS)})")
    design = DESIGNS[doc_id]
    person = make_person(seed, doc_code=design.document_code,
                         validity_years=design.validity_years)
    label = f"{doc_id}:{person.document_number}:{seed}"
    face = chip_face(portrait_seed(design.id, person.document_number, seed))
    lines = mrz_lines_for(person, design.mrz_format)
    signer = utopia()
    truth: dict[str, object] = {"forgery": forgery}
    if forgery == "chip_other_dg1":
        k = 1
        other = make_person(seed + 100_003 * k, doc_code=design.document_code)
        while other.surname == person.surname:
            k += 1
            other = make_person(seed + 100_003 * k, doc_code=design.document_code)
        changed = dataclasses.replace(person, surname=other.surname,
                                      given_names=other.given_names)
        lines = mrz_lines_for(changed, design.mrz_format)
        truth["dg1_lines"] = lines
    elif forgery in ("chip_other_face", "chip_altered_dg"):
        other_face = chip_face(f"chip-substitute:{doc_id}:{seed}")
        if forgery == "chip_other_face":
            face = other_face
    elif forgery == "chip_unknown_signer":
        signer = forger()
    elif forgery is not None:
        raise ValueError(f"unknown chip forgery {forgery!r} "
                         f"(known: {', '.join(CHIP_FORGERIES)})")
    image = personalise(lines, face, label=label, signer=signer, pace=pace, bac=bac,
                        can=f"{derived_scalar(label, 10 ** 6) % 10 ** 6:06d}")
    if forgery == "chip_altered_dg":
        files = dict(image.files)
        files["DG2"] = encode_dg2(encode_jpeg(other_face), other_face.shape[1],
                                  other_face.shape[0])
        image = dataclasses.replace(image, files=files)
    return dataclasses.replace(image, description=f"{label} ({forgery or 'genuine'})",
                               truth=truth)
