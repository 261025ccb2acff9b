"""``workstation chip ...``: read a chip, verify chip files, manage the trust anchors.

    workstation chip read [--reader NAME] (--mrz LINE... | --can CAN) --out DIR [--bac] [--json]
    workstation chip verify FILE_OR_DIR... [--csca CERT]... [--masterlist ML]... [--json]
    workstation chip import-masterlist FILE.ml [--root CERT] [--json]
    workstation chip import-csca FILE.cer... [--json]
    workstation chip import-crl FILE.crl... [--json]
    workstation chip trust [--json]
    workstation chip simulator-csca OUT.cer
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from workstation.errors import DeviceError, FormatError, InputError


def register(subparsers: Any) -> None:
    """Add the ``chip`` command and its actions."""
    chip = subparsers.add_parser("chip", help="e-passport and e-ID chips: read, verify, trust")
    sub = chip.add_subparsers(dest="chip_command", metavar="ACTION")
    rd = sub.add_parser("read", help="read a chip (PACE or BAC) and write its files")
    rd.add_argument("--reader", metavar="NAME", help="PC/SC reader name (or part of it), "
                    "'pcsc' for the first with a chip, or 'simulated' (default: the first "
                    "PC/SC reader with a chip)")
    rd.add_argument("--set", metavar="KEY=VALUE", action="append", default=[], dest="options",
                    help="simulated reader option: document=ID, forgery=ID, seed=N, max_read=N")
    key = rd.add_mutually_exclusive_group(required=True)
    key.add_argument("--mrz", metavar="LINE", nargs="+",
                     help="the printed MRZ (2 or 3 lines; separate with spaces, | or newlines)")
    key.add_argument("--can", metavar="CAN", help="card access number (PACE only)")
    rd.add_argument("--out", metavar="DIR", required=True, type=Path,
                    help="folder for the chip's files (must not exist or be empty)")
    rd.add_argument("--bac", action="store_true", help="use BAC even when PACE is offered")
    rd.add_argument("--json", action="store_true", help="JSON on standard output")
    rd.set_defaults(handler=_read)

    vf = sub.add_parser("verify", help="Passive Authentication of chip files from any reader")
    vf.add_argument("paths", metavar="FILE_OR_DIR", nargs="+", type=Path)
    vf.add_argument("--csca", metavar="CERT", action="append", default=[], type=Path,
                    help="trust this CSCA certificate too (DER or PEM)")
    vf.add_argument("--masterlist", metavar="ML", action="append", default=[], type=Path,
                    help="trust the CSCAs of this master list too (its signature is checked)")
    vf.add_argument("--json", action="store_true", help="JSON on standard output")
    vf.set_defaults(handler=_verify)

    ml = sub.add_parser("import-masterlist", help="trust the CSCAs of an ICAO master list")
    ml.add_argument("file", metavar="FILE.ml", type=Path)
    ml.add_argument("--root", metavar="CERT", type=Path, help="the CSCA that must have issued "
                    "the master list signer (otherwise: a trusted CSCA, or the list's own)")
    ml.add_argument("--json", action="store_true")
    ml.set_defaults(handler=_import_masterlist)

    cs = sub.add_parser("import-csca", help="trust country signing CA certificates")
    cs.add_argument("files", metavar="FILE.cer", nargs="+", type=Path)
    cs.add_argument("--json", action="store_true")
    cs.set_defaults(handler=_import_csca)

    cr = sub.add_parser("import-crl", help="import certificate revocation lists")
    cr.add_argument("files", metavar="FILE.crl", nargs="+", type=Path)
    cr.add_argument("--json", action="store_true")
    cr.set_defaults(handler=_import_crl)

    tr = sub.add_parser("trust", help="list the trusted CSCAs")
    tr.add_argument("--json", action="store_true")
    tr.set_defaults(handler=_trust)

    sc = sub.add_parser("simulator-csca", help="export the simulator's test CSCA certificate")
    sc.add_argument("out", metavar="OUT.cer", type=Path)
    sc.set_defaults(handler=_simulator_csca)

    def usage(args: argparse.Namespace) -> int:
        chip.print_help()
        return 2

    chip.set_defaults(handler=usage)


def _read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FormatError(path, f"cannot read ({exc.strerror or exc})") from None


def mrz_lines(parts: list[str]) -> list[str]:
    """MRZ lines from command-line words (split on spaces, ``|``, ``,`` and newlines)."""
    return [p for p in re.split(r"[\s|,]+", " ".join(parts).upper()) if p]


def _open_reader(name: str | None, options: list[str]) -> Any:
    from workstation.hardware.cardreader import CardReaderConfig, open_card_reader
    from workstation.hardware.cli import apply_options
    from workstation.hardware.pcsc import pcsc_readers

    if name == "simulated":
        return open_card_reader(CardReaderConfig("simulated", apply_options({}, options)))
    if name in (None, "pcsc"):
        found = pcsc_readers()
        with_card = [n for n, present in found if present]
        if not with_card:
            raise DeviceError("PC/SC", "no card reader with a chip in its field" + (
                f" (readers: {', '.join(n for n, _ in found)})" if found else
                " (no PC/SC reader attached; --reader simulated uses the simulator)"))
        name = with_card[0]
    return open_card_reader(CardReaderConfig("pcsc", {"reader": name}))


def _read(args: argparse.Namespace) -> int:
    from workstation.chip.files import save_files
    from workstation.chip.keys import CanKey, MrzKey
    from workstation.chip.read import read_chip
    from workstation.chip.verify import chip_checks, verify_chip
    from workstation.console import emit_json, say
    from workstation.fsutil import atomic_dir
    from workstation.mrz import parse_mrz

    out: Path = args.out
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError(f"{out}: already exists and is not an empty folder")
    printed = None
    if args.mrz:
        lines = mrz_lines(args.mrz)
        key: Any = MrzKey.from_mrz_lines(lines)
        printed = parse_mrz(lines).to_json("--mrz")
    else:
        key = CanKey(args.can)
    reader = _open_reader(args.reader, args.options)
    try:
        conn = reader.connect()
        try:
            def progress(fraction: float, message: str) -> None:
                say(f"chip: {message} ({fraction * 100:.0f}%)")

            result = read_chip(conn, key, progress=progress, prefer_pace=not args.bac,
                               reset=conn.reset, reader=reader.name, atr=conn.atr)
        finally:
            conn.close()
    finally:
        reader.close()
    if out.is_dir():
        out.rmdir()
    record = result.to_json()
    with atomic_dir(out) as tmp:
        save_files(tmp, result.files, record)
    state = printed["fields"].get("issuing_state") if printed else None
    v = verify_chip(result.files, record=record, issuing_state=state)
    checks = chip_checks(v, printed_mrz=printed)
    say(f"chip: {result.access_protocol}; {len(result.files)} files written to {out}")
    if result.pace_fallback:
        say(f"chip: {result.pace_fallback}")
    if args.json:
        emit_json({**record, "out": str(out),
                   "passive_authentication": v.passive.to_json() if v.passive else None,
                   "checks": [c.to_json() for c in checks if c.id != "chip.face"]})
    else:
        _print_checks(checks)
    return 0


def _print_checks(checks: list[Any]) -> None:
    for c in checks:
        if c.id == "chip.face" and c.code == "FACE_UNREADABLE":
            continue
        print(f"  {c.status.value.upper():8} {c.id} {c.code}: {c.message}")


def _extra_cscas(csca: list[Path], masterlists: list[Path]) -> list[Any]:
    from workstation.pki.certs import load_certificate
    from workstation.pki.masterlist import read_master_list

    out = [load_certificate(_read_file(p), str(p)) for p in csca]
    for p in masterlists:
        out += list(read_master_list(_read_file(p), str(p)).certificates)
    return out


def _verify(args: argparse.Namespace) -> int:
    from workstation.chip.files import load_paths
    from workstation.chip.verify import chip_checks, verify_chip
    from workstation.console import emit_json
    from workstation.mrz import parse_mrz

    files, record = load_paths(args.paths)
    extra = _extra_cscas(args.csca, args.masterlist)
    state = None
    lines = None
    if "DG1" in files:
        from workstation.chip.lds import parse_dg1

        try:
            lines = parse_dg1(files["DG1"])
            state = parse_mrz(lines).fields.get("issuing_state")
        except FormatError:
            pass
    v = verify_chip(files, record=record, extra_cscas=extra, issuing_state=state)
    checks = [c for c in chip_checks(v) if c.id not in ("chip.mrz", "chip.face")]
    pa = v.passive.to_json() if v.passive else {
        "hashes_valid": False, "signature_valid": False, "chain_valid": None, "signer": "",
        "data_groups": {}, "problems": list(v.problems)}
    if args.json:
        emit_json({"passive_authentication": pa, "files": sorted(files), "dg1": lines,
                   "checks": [c.to_json() for c in checks]})
        return 0
    print(f"signer:    {pa.get('signer') or '(not found)'}")
    print(f"hashes:    {'valid' if pa['hashes_valid'] else 'INVALID'} "
          + ", ".join(f"{k}={'ok' if ok else ('unsigned' if ok is None else 'DIFFERS')}"
                      for k, ok in pa["data_groups"].items()))
    print(f"signature: {'valid' if pa['signature_valid'] else 'INVALID'}")
    chain = pa["chain_valid"]
    print(f"chain:     {'valid' if chain else 'no CSCA' if chain is None else 'INVALID'}"
          + (f" ({pa.get('csca')})" if pa.get("csca") else ""))
    _print_checks(checks)
    return 0


def _import_masterlist(args: argparse.Namespace) -> int:
    from workstation.chip.trust import chip_trust_store
    from workstation.console import emit_json, say
    from workstation.pki.certs import load_certificate
    from workstation.pki.masterlist import read_master_list

    roots = [load_certificate(_read_file(args.root), str(args.root))] if args.root else []
    store = chip_trust_store()
    ml = read_master_list(_read_file(args.file), str(args.file), roots=roots, store=store)
    added, present = store.add_certificates(ml.certificates, require_ca=False)
    how = {"root": "the given root", "store": "a CSCA already trusted",
           "list": "a CSCA the list carries itself (import its root with --root to be sure)"}
    say(f"master list signed by {ml.signer}, issued by {ml.issuer} (verified against "
        f"{how[ml.trusted_by]})")
    say(f"{added} CSCA certificates added, {present} already trusted")
    if args.json:
        emit_json({"file": str(args.file), "signer": ml.signer, "issuer": ml.issuer,
                   "trusted_by": ml.trusted_by, "certificates": len(ml.certificates),
                   "added": added, "already_trusted": present})
    return 0


def _import_csca(args: argparse.Namespace) -> int:
    from workstation.chip.trust import chip_trust_store
    from workstation.console import emit_json, say
    from workstation.pki.certs import load_certificate, subject_text

    certs = [load_certificate(_read_file(p), str(p)) for p in args.files]
    added, present = chip_trust_store().add_certificates(certs)
    for c in certs:
        say(f"trusted: {subject_text(c)}")
    if args.json:
        emit_json({"added": added, "already_trusted": present,
                   "subjects": [subject_text(c) for c in certs]})
    return 0


def _import_crl(args: argparse.Namespace) -> int:
    from workstation.chip.trust import chip_trust_store
    from workstation.console import emit_json, say
    from workstation.pki.certs import load_crl, name_text

    store = chip_trust_store()
    out = []
    for p in args.files:
        c = load_crl(_read_file(p), str(p))
        stored = store.add_crl(c)
        out.append({"file": str(p), "issuer": name_text(c.issuer), "stored": stored})
        say(f"{'stored' if stored else 'kept the newer one already stored'}: CRL of "
            f"{name_text(c.issuer)}")
    if args.json:
        emit_json(out)
    return 0


def _trust(args: argparse.Namespace) -> int:
    from workstation.chip.trust import chip_trust_store
    from workstation.console import emit_json
    from workstation.pki.certs import country_of, subject_text

    anchors = chip_trust_store().anchors()
    rows = [{"subject": subject_text(a.certificate), "country": country_of(
        a.certificate.subject), "not_after": a.certificate.not_valid_after.isoformat(),
        "source": a.source} for a in anchors]
    if args.json:
        emit_json(rows)
    else:
        for r in rows:
            print(f"{r['country'] or '??'}  {r['subject']}  (until {r['not_after'][:10]})")
    return 0


def _simulator_csca(args: argparse.Namespace) -> int:
    from workstation.console import say
    from workstation.fsutil import atomic_write_bytes
    from workstation.specimens.testpki import utopia

    atomic_write_bytes(args.out, utopia().csca_der)
    say(f"wrote the simulator's test CSCA (C=UT) to {args.out}")
    return 0
