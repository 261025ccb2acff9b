"""Read every barcode in an image and interpret what it carries: AAMVA card data, a
visible digital seal (verified), or neither (the bytes as they are).

:func:`read_barcodes` is the one call the command line, the examination and the
window use; :meth:`BarcodeReading.to_json` is the element of ``workstation barcode
--json`` (docs/formats.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workstation.barcodes.aamva import AamvaError, AamvaRecord, looks_like_aamva, parse_aamva
from workstation.barcodes.decode import DecodedCode, decode_image
from workstation.barcodes.seal import SealStatus, SealVerification, verify_seal
from workstation.barcodes.trust import TrustMaterial
from workstation.barcodes.vds import VdsError, VdsSeal, looks_like_seal, parse_seal
from workstation.types import Image


@dataclass(frozen=True)
class BarcodeReading:
    """One decoded symbol and its interpretation.

    Attributes:
        code: the symbol (format, raw bytes, text, corners in image px).
        aamva: the parsed AAMVA card data, when the bytes are AAMVA data.
        aamva_error: why bytes that start like AAMVA data could not be parsed.
        seal: the parsed digital seal, when the bytes are a seal.
        seal_error: why bytes that start like a seal are not a well-formed one.
        verification: the seal's verification (also for a malformed seal: ``malformed``).
    """

    code: DecodedCode
    aamva: AamvaRecord | None = None
    aamva_error: str | None = None
    seal: VdsSeal | None = None
    seal_error: str | None = None
    verification: SealVerification | None = None

    @property
    def kind(self) -> str:
        """``aamva``, ``seal`` or ``other``."""
        if self.aamva is not None or self.aamva_error is not None:
            return "aamva"
        if self.seal is not None or self.seal_error is not None:
            return "seal"
        return "other"

    def to_json(self) -> dict[str, Any]:
        """The ``codes[]`` element of ``workstation barcode --json`` (docs/formats.md)."""
        c = self.code
        aamva: dict[str, Any] | None = None
        if self.aamva is not None:
            aamva = self.aamva.to_json()
        elif self.aamva_error is not None:
            aamva = {"error": self.aamva_error}
        seal: dict[str, Any] | None = None
        if self.seal is not None:
            seal = self.seal.to_json()
        elif self.seal_error is not None:
            seal = {"error": self.seal_error}
        if seal is not None and self.verification is not None:
            seal["verification"] = self.verification.to_json()
        return {
            "format": c.format, "text": c.text, "bytes_hex": c.raw.hex(),
            "corners": [[x, y] for x, y in c.corners],
            "aamva": aamva, "seal": seal,
            "content_type": c.content_type, "symbology_identifier": c.symbology_identifier,
            "ec_level": c.ec_level, "orientation_deg": c.orientation_deg,
            "structured_append_id": c.structured_append_id or None,
        }


def interpret(code: DecodedCode, trust: TrustMaterial | None = None) -> BarcodeReading:
    """Parse what ``code`` carries; a seal is verified against ``trust`` (default: the
    data folder's trust store with the simulator's built-in anchor)."""
    raw = code.raw
    if looks_like_aamva(raw):
        try:
            return BarcodeReading(code, aamva=parse_aamva(raw))
        except AamvaError as exc:
            return BarcodeReading(code, aamva_error=str(exc))
    if looks_like_seal(raw):
        try:
            seal = parse_seal(raw)
        except VdsError as exc:
            return BarcodeReading(code, seal_error=str(exc), verification=SealVerification(
                SealStatus.MALFORMED, str(exc)))
        if trust is None:
            from workstation.barcodes.trust import load_trust

            trust = load_trust()
        return BarcodeReading(code, seal=seal, verification=verify_seal(seal, trust))
    return BarcodeReading(code)


def read_barcodes(image: Image, *, trust: TrustMaterial | None = None, thorough: bool = True,
                  enough: int | None = None) -> list[BarcodeReading]:
    """Decode every barcode in ``image`` (``uint8`` grey or RGB) and interpret each
    (see :func:`~workstation.barcodes.decode.decode_image` for ``thorough`` and
    ``enough``)."""
    codes = decode_image(image, thorough=thorough, enough=enough)
    if trust is None and any(looks_like_seal(c.raw) for c in codes):
        from workstation.barcodes.trust import load_trust

        trust = load_trust()
    return [interpret(c, trust) for c in codes]
