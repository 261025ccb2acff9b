"""``workstation barcode IMAGE... [--json] [--cert FILE]... [--trust DIR] [--quick]``
(docs/formats.md §4).

Each image is read in turn: every PDF417, QR, Aztec and DataMatrix symbol is decoded
(raw bytes), AAMVA card data is parsed and a digital seal parsed and verified. With
``--json`` a list is printed, one object per image: ``{"file": PATH as given,
"codes": [...]}`` (an unreadable image gets ``"codes": []`` and ``"error"``). Exit
status: 0 when every image was read (whatever it held), 2 when any image or
certificate file could not be read (the other images are still read), 1 otherwise.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    """Add the ``barcode`` sub-command."""
    p = subparsers.add_parser(
        "barcode", help="decode the barcodes in each image (AAMVA data, digital seals)",
        description="Decode every PDF417, QR, Aztec and DataMatrix symbol in each image, "
                    "parse AAMVA card data, parse and verify ICAO visible digital seals. "
                    "Seal signers are looked up in the data folder's trust/ (csca/, "
                    "seal-signers/, crl/) and in the certificates given with --cert.")
    p.add_argument("images", nargs="+", metavar="IMAGE", help="image files (PNG, JPEG, TIFF, "
                                                               "WebP)")
    p.add_argument("--json", action="store_true", help="print a JSON list (docs/formats.md)")
    p.add_argument("--cert", action="append", default=[], type=Path, metavar="FILE",
                   help="a seal signer certificate (DER or PEM) to look the signer up in; "
                        "repeatable")
    p.add_argument("--trust", type=Path, metavar="DIR", default=None,
                   help="trust folder to use instead of $WORKSTATION_HOME/trust")
    p.add_argument("--quick", action="store_true",
                   help="one reading per image (no recovery passes for small, turned, "
                        "defocused or faint symbols)")
    p.set_defaults(handler=_cmd_barcode)


def _signer_certs(paths: list[Path]) -> list[Any]:
    from workstation.barcodes.trust import SignerCert, load_certificates
    from workstation.errors import FormatError

    out: list[SignerCert] = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise FormatError(path, f"cannot read: {exc.strerror or exc}") from None
        out.extend(SignerCert(c, str(path)) for c in load_certificates(data, str(path)))
    return out


def _print_reading(path: str, readings: list[Any]) -> None:
    if not readings:
        print(f"{path}: no barcode found")
        return
    print(f"{path}: {len(readings)} barcode(s)")
    for r in readings:
        c = r.code
        print(f"  {c.format} ({len(c.raw)} bytes, found by {c.found_by} reading)")
        if r.aamva is not None:
            a, f = r.aamva, r.aamva.fields
            print(f"    AAMVA {a.document_type} version {a.header.version:02d}, "
                  f"{a.jurisdiction_name or 'issuer ' + a.header.iin}: "
                  f"{f.family_name}, {f.given_names}; born {f.birth_date}; "
                  f"number {f.document_number}; expires {f.expiry_date}")
            for w in a.warnings:
                print(f"    warning: {w}")
        elif r.aamva_error:
            print(f"    not readable as AAMVA data: {r.aamva_error}")
        if r.seal is not None:
            s = r.seal
            print(f"    digital seal: {s.document_type or 'unknown document type'}, issued by "
                  f"{s.header.issuing_country}, signer {s.header.signer_identifier} / "
                  f"{s.header.certificate_reference}")
            for f in s.features:
                lines = str(f.value).split("\n")
                print(f"      {f.name}: {lines[0]}")
                for more in lines[1:]:
                    print(f"      {' ' * len(f.name)}  {more}")
        elif r.seal_error:
            print(f"    malformed digital seal: {r.seal_error}")
        if r.verification is not None:
            v = r.verification
            print(f"    seal {v.status.value.upper()} ({v.status.verdict}): {v.message}")
        if r.kind == "other":
            text = c.text if c.content_type != "Binary" else c.raw.hex()
            print(f"    {text[:200]}")


def _cmd_barcode(args: argparse.Namespace) -> int:
    from workstation.barcodes.read import read_barcodes
    from workstation.barcodes.trust import load_trust
    from workstation.console import emit_json, say
    from workstation.errors import FormatError
    from workstation.imageio import read_image

    trust = load_trust(args.trust, signer_certs=_signer_certs(args.cert))
    for problem in trust.problems:
        say(f"workstation: warning: {problem}")
    out: list[dict[str, Any]] = []
    unreadable = 0
    for i, path in enumerate(args.images):
        if len(args.images) > 1 and not args.json:
            say(f"[{i + 1}/{len(args.images)}] {path}")
        try:
            image = read_image(path)
            if image.size == 0:
                raise FormatError(path, "empty image (no pixels)")
        except FormatError as exc:
            say(f"workstation: error: {exc}")
            unreadable += 1
            out.append({"file": path, "codes": [], "error": exc.problem})
            continue
        except MemoryError:
            say(f"workstation: error: {path}: image too large to load into memory")
            unreadable += 1
            out.append({"file": path, "codes": [],
                        "error": "image too large to load into memory"})
            continue
        readings = read_barcodes(image, trust=trust, thorough=not args.quick)
        del image
        out.append({"file": path, "codes": [r.to_json() for r in readings]})
        if not args.json:
            _print_reading(path, readings)
    if args.json:
        emit_json(out)
    return 2 if unreadable else 0
