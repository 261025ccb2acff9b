"""The files of the logical data structure (ICAO 9303-10): EF.COM, DG1, DG2, DG7, DG11,
DG12, DG15 (DG14 in :mod:`workstation.chip.security_infos`, EF.SOD in
:mod:`workstation.chip.sod`).

Parsers take the whole file (outer tag included) and return frozen
dataclasses; malformed files raise :class:`~workstation.errors.FormatError`
naming the file. Face and signature images are JPEG or JPEG 2000 and decode to
``uint8`` RGB arrays.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import numpy as np

from workstation.chip.tlv import Tlv, TlvError, iter_tlv, parse_one
from workstation.errors import FormatError
from workstation.types import Image

#: Data group number -> the tag its file starts with.
DG_TAGS: dict[int, int] = {1: 0x61, 2: 0x75, 3: 0x63, 4: 0x76, 5: 0x65, 6: 0x66, 7: 0x67,
                           8: 0x68, 9: 0x69, 10: 0x6A, 11: 0x6B, 12: 0x6C, 13: 0x6D,
                           14: 0x6E, 15: 0x6F, 16: 0x70}
TAG_DG: dict[int, int] = {v: k for k, v in DG_TAGS.items()}
TAG_COM = 0x60
TAG_SOD = 0x77

#: Plain names of the data groups.
DG_NAMES: dict[int, str] = {
    1: "MRZ", 2: "face", 3: "fingerprints", 4: "irises", 5: "portrait", 7: "signature",
    11: "additional personal details", 12: "additional document details",
    13: "optional details", 14: "security options (chip authentication)",
    15: "active authentication public key", 16: "persons to notify",
}

_JPEG = b"\xff\xd8\xff"
_JP2 = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
_J2K = b"\xff\x4f\xff\x51"


def _outer(data: bytes, tag: int, name: str) -> Tlv:
    try:
        obj = parse_one(data)
    except TlvError as exc:
        raise FormatError(name, exc.problem) from None
    if obj.tag != tag:
        raise FormatError(name, f"starts with tag {obj.tag:02X}, expected {tag:02X}")
    return obj


@dataclass(frozen=True)
class Com:
    """EF.COM: LDS and Unicode versions and the data groups present."""

    lds_version: str
    unicode_version: str
    data_groups: tuple[int, ...]


def parse_com(data: bytes) -> Com:
    """Parse EF.COM."""
    obj = _outer(data, TAG_COM, "EF.COM")
    try:
        lds = obj.find(0x5F01)
        uni = obj.find(0x5F36)
        tags = obj.require(0x5C).value
    except TlvError as exc:
        raise FormatError("EF.COM", exc.problem) from None
    groups = tuple(sorted(TAG_DG[t] for t in tags if t in TAG_DG))
    return Com(lds.value.decode("ascii", "replace") if lds else "",
               uni.value.decode("ascii", "replace") if uni else "", groups)


def parse_dg1(data: bytes) -> list[str]:
    """DG1: the MRZ as lines (30, 36 or 44 characters each)."""
    obj = _outer(data, DG_TAGS[1], "DG1")
    try:
        text = obj.require(0x5F1F).value.decode("ascii")
    except (TlvError, UnicodeDecodeError) as exc:
        raise FormatError("DG1", f"no readable MRZ ({exc})") from None
    n = len(text)
    width = {90: 30, 72: 36, 88: 44}.get(n)
    if width is None:
        raise FormatError("DG1", f"an MRZ of {n} characters (expected 90, 72 or 88)")
    return [text[i:i + width] for i in range(0, n, width)]


@dataclass(frozen=True)
class FaceImage:
    """One face of DG2 (or an image of DG7).

    Attributes:
        encoding: ``jpeg`` or ``jpeg2000``.
        data: the encoded image as stored on the chip.
        width, height: from the record header (0 when the record has none).
        standard: ``ISO 19794-5``, ``ISO 39794-5`` or ``""``.
    """

    encoding: str
    data: bytes
    width: int = 0
    height: int = 0
    standard: str = ""

    def decode(self) -> Image:
        """The image as ``uint8`` RGB ``(H, W, 3)``.

        Raises:
            FormatError: the image does not decode.
        """
        return decode_biometric_image(self.data, self.encoding)


def decode_biometric_image(data: bytes, encoding: str = "") -> Image:
    """Decode a JPEG or JPEG 2000 image to ``uint8`` RGB (Pillow: it reads both)."""
    from PIL import Image as PilImage

    try:
        with PilImage.open(io.BytesIO(data)) as im:
            rgb = im.convert("RGB")
            return np.ascontiguousarray(np.asarray(rgb, dtype=np.uint8))
    except (OSError, ValueError, SyntaxError) as exc:
        raise FormatError(f"{encoding or 'image'}", f"the image does not decode ({exc})") \
            from None


def _image_kind(data: bytes) -> str | None:
    if data.startswith(_JPEG):
        return "jpeg"
    if data.startswith(_JP2) or data.startswith(_J2K):
        return "jpeg2000"
    return None


def _parse_19794(block: bytes) -> list[FaceImage]:
    """ISO/IEC 19794-5:2005 facial record: header, then per face a facial information
    block, feature points, image information and the image."""
    if not block.startswith(b"FAC\x00") or len(block) < 14:
        raise FormatError("DG2", "not an ISO 19794-5 facial record")
    count = int.from_bytes(block[12:14], "big")
    pos = 14
    faces = []
    for _ in range(count):
        if pos + 20 > len(block):
            raise FormatError("DG2", "facial record truncated")
        length = int.from_bytes(block[pos:pos + 4], "big")
        points = int.from_bytes(block[pos + 4:pos + 6], "big")
        end = pos + length
        img_info = pos + 20 + 8 * points
        if length < 32 or end > len(block) or img_info + 12 > end:
            raise FormatError("DG2", "facial information block lengths do not add up")
        data_type = block[img_info + 1]
        width = int.from_bytes(block[img_info + 2:img_info + 4], "big")
        height = int.from_bytes(block[img_info + 4:img_info + 6], "big")
        data = block[img_info + 12:end]
        kind = _image_kind(data) or ("jpeg2000" if data_type == 1 else "jpeg")
        faces.append(FaceImage(kind, bytes(data), width, height, "ISO 19794-5"))
        pos = end
    return faces


def _find_images(data: bytes, depth: int = 0) -> list[bytes]:
    """Encoded images anywhere inside BER-TLV data (ISO 39794-5's nested structure)."""
    if _image_kind(data):
        return [data]
    if depth > 12:
        return []
    out: list[bytes] = []
    try:
        for obj in iter_tlv(data):
            out += _find_images(obj.value, depth + 1)
    except TlvError:
        return out
    return out


def _biometric_blocks(obj: Tlv) -> list[Tlv]:
    """The biometric data blocks (5F2E / 7F2E) of a biometric information group."""
    blocks: list[Tlv] = []
    for child in obj.children():
        if child.tag in (0x5F2E, 0x7F2E):
            blocks.append(child)
        elif child.tag in (0x7F61, 0x7F60):
            blocks += _biometric_blocks(child)
    return blocks


def parse_dg2(data: bytes) -> list[FaceImage]:
    """DG2: the encoded face images (ISO 19794-5 in 5F2E, ISO 39794-5 in 7F2E)."""
    obj = _outer(data, DG_TAGS[2], "DG2")
    faces: list[FaceImage] = []
    try:
        for block in _biometric_blocks(obj):
            if block.value.startswith(b"FAC\x00"):
                faces += _parse_19794(block.value)
            else:
                faces += [FaceImage(_image_kind(img) or "jpeg", img, 0, 0,
                                    "ISO 39794-5" if block.tag == 0x7F2E else "")
                          for img in _find_images(block.value)]
    except TlvError as exc:
        raise FormatError("DG2", exc.problem) from None
    if not faces:
        raise FormatError("DG2", "no face image found")
    return faces


def parse_dg7(data: bytes) -> list[FaceImage]:
    """DG7: displayed signature or usual mark images (5F43)."""
    obj = _outer(data, DG_TAGS[7], "DG7")
    out = []
    for child in iter_tlv(obj.value):
        if child.tag == 0x5F43:
            out.append(FaceImage(_image_kind(child.value) or "jpeg", child.value))
    return out


_DG11_FIELDS = {0x5F0E: "full_name", 0x5F0F: "other_names", 0x5F10: "personal_number",
                0x5F2B: "full_birth_date", 0x5F11: "place_of_birth", 0x5F42: "address",
                0x5F12: "telephone", 0x5F13: "profession", 0x5F14: "title",
                0x5F15: "personal_summary", 0x5F17: "other_td_numbers",
                0x5F18: "custody_information"}
_DG12_FIELDS = {0x5F19: "issuing_authority", 0x5F26: "issue_date",
                0x5F1A: "other_persons", 0x5F1B: "endorsements", 0x5F1C: "tax_exit",
                0x5F55: "personalisation_time", 0x5F56: "personalisation_device"}


@dataclass(frozen=True)
class TextGroup:
    """DG11 or DG12: named text fields (``<`` in names stands for a space)."""

    fields: dict[str, str] = field(default_factory=dict)


def _text_group(data: bytes, tag: int, name: str, names: dict[int, str]) -> TextGroup:
    obj = _outer(data, tag, name)
    out: dict[str, str] = {}
    try:
        for child in iter_tlv(obj.value):
            key = names.get(child.tag)
            if key is None:
                continue
            text = child.value.decode("utf-8", "replace")
            out[key] = f"{out[key]}; {text}" if key in out else text
    except TlvError as exc:
        raise FormatError(name, exc.problem) from None
    return TextGroup(out)


def parse_dg11(data: bytes) -> TextGroup:
    """DG11: additional personal details."""
    return _text_group(data, DG_TAGS[11], "DG11", _DG11_FIELDS)


def parse_dg12(data: bytes) -> TextGroup:
    """DG12: additional document details."""
    return _text_group(data, DG_TAGS[12], "DG12", _DG12_FIELDS)


def parse_dg15(data: bytes) -> bytes:
    """DG15: the Active Authentication public key (DER SubjectPublicKeyInfo)."""
    obj = _outer(data, DG_TAGS[15], "DG15")
    if not obj.value.startswith(b"\x30"):
        raise FormatError("DG15", "no SubjectPublicKeyInfo inside")
    return obj.value


def dg14_content(data: bytes) -> bytes:
    """DG14's SecurityInfos (the file without its 6E wrapper)."""
    return _outer(data, DG_TAGS[14], "DG14").value


def file_name_of(tag: int) -> str:
    """``EF.COM``, ``EF.SOD`` or ``DGn`` for a file's first tag (``""`` when unknown)."""
    if tag == TAG_COM:
        return "EF.COM"
    if tag == TAG_SOD:
        return "EF.SOD"
    return f"DG{TAG_DG[tag]}" if tag in TAG_DG else ""
