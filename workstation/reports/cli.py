"""``workstation report ...``: verify signed reports, export the local CA, trust others.

* ``report verify PDF... [--json]`` — formats.md §4: one object per file with
  ``file``, ``signed``, ``intact``, ``signer``, ``trusted``, ``signed_at`` (plus
  ``revoked``, ``signatures`` and ``problem``).
* ``report ca-export OUT`` — the local CA certificate for other offices to trust.
* ``report trust CERT...`` — add trust anchors (CA certificates) or CRLs.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    """Add the ``report`` command and its sub-commands."""
    report = subparsers.add_parser("report", help="verify signed PDF reports, manage trust")
    sub = report.add_subparsers(dest="report_command", metavar="SUBCOMMAND")

    verify = sub.add_parser("verify", help="check each report's signatures and integrity")
    verify.add_argument("pdfs", nargs="+", metavar="PDF", type=Path)
    verify.add_argument("--json", action="store_true", help="print JSON on standard output")
    verify.set_defaults(handler=_verify)

    export = sub.add_parser("ca-export", help="write the local CA certificate (PEM or DER)")
    export.add_argument("out", type=Path, metavar="OUT",
                        help="file to write (.pem/.crt for PEM, .der/.cer for DER)")
    export.set_defaults(handler=_ca_export)

    trust = sub.add_parser("trust", help="trust CA certificates (or add CRLs) for verification")
    trust.add_argument("files", nargs="+", type=Path, metavar="FILE")
    trust.set_defaults(handler=_trust)

    report.set_defaults(handler=lambda args: _help(report))


def _help(parser: argparse.ArgumentParser) -> int:
    import sys

    parser.print_help(sys.stderr)
    return 2


def _verify(args: argparse.Namespace) -> int:
    from workstation.console import emit_json, say
    from workstation.errors import InputError
    from workstation.reports.verify import Trust, verify_report

    missing = [str(p) for p in args.pdfs if not p.is_file()]
    if missing:
        raise InputError(f"no such file: {', '.join(missing)}")
    trust = Trust.from_config()
    results = [verify_report(p, trust=trust) for p in args.pdfs]
    if args.json:
        emit_json([r.to_json() for r in results])
    else:
        for r in results:
            say(f"{r.file}: {r.summary}")
    return 0


def _ca_export(args: argparse.Namespace) -> int:
    from workstation.console import say
    from workstation.reports.ca import LocalCA

    out = LocalCA().export_ca_cert(args.out)
    say(f"local CA certificate written to {out}")
    return 0


def _trust(args: argparse.Namespace) -> int:
    from cryptography import x509

    from workstation.console import say
    from workstation.errors import InputError
    from workstation.reports.config import load_config

    folder = load_config().trust_path()
    for path in args.files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
        kind = _kind(data, x509)
        if kind is None:
            raise InputError(f"{path}: neither a certificate nor a CRL")
        folder.mkdir(parents=True, exist_ok=True)
        suffix = ".crl" if kind == "crl" else (".pem" if b"-----BEGIN" in data else ".der")
        target = folder / (path.stem + suffix)
        shutil.copyfile(path, target)
        say(f"{path}: added to {folder} as {target.name}")
    return 0


def _kind(data: bytes, x509: Any) -> str | None:
    pem = b"-----BEGIN" in data
    try:
        (x509.load_pem_x509_certificates if pem else x509.load_der_x509_certificate)(data)
        return "cert"
    except ValueError:
        pass
    try:
        (x509.load_pem_x509_crl if pem else x509.load_der_x509_crl)(data)
        return "crl"
    except ValueError:
        return None
