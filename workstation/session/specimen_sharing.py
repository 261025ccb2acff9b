"""Sharing specimens between offices (issue 17): export with provenance and personal data
blurred, signed by the office; a signed package's signature verified on import and shown
in the library.

A package's signature is a file ``signature.json`` beside ``specimen.json`` (in the
folder, or in the zip): the signed-JSON form the trends exports use
(:mod:`workstation.trends.signing`, typ :data:`SIGNATURE_TYP`) over the payload
``{"format": "workstation.specimen-signature/1", "id": ..., "files": {name: SHA-256}}``
naming every other file of the package — so a changed image, zone or statistic, an
added or a removed file, all show. The key is the office's report signing identity
(:func:`workstation.reports.resolve_identity`); trust is the reports' trust settings.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from workstation.errors import FormatError, InputError
from workstation.types import Specimen

if TYPE_CHECKING:
    from workstation.reports.ca import Identity

SIGNATURE_JSON = "signature.json"
SIGNATURE_TYP = "workstation.specimen-signature+json"
SIGNATURE_FORMAT = "workstation.specimen-signature/1"
#: Largest member hashed (bytes): a package's images are far smaller.
MAX_MEMBER_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class PackageSignature:
    """What a package's signature says: ``status`` ``unsigned``, ``valid`` (intact and
    trusted), ``untrusted`` (intact, signer not trusted here) or ``broken`` (the
    package or the signature changed since signing)."""

    status: str
    signer: str = ""
    problem: str = ""

    def to_json(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"status": self.status, "signer": self.signer, "problem": self.problem}

    @property
    def text(self) -> str:
        """One line for the library view."""
        return {"unsigned": "not signed",
                "valid": f"signed by {self.signer} (trusted)",
                "untrusted": f"signed by {self.signer} — not trusted here: {self.problem}",
                "broken": f"signature broken: {self.problem}"}[self.status]


def _members(path: Path) -> dict[str, bytes]:
    """Every file of the package (folder or zip) but its signature: name -> bytes."""
    out: dict[str, bytes] = {}
    if path.is_file():
        try:
            with zipfile.ZipFile(path) as zf:
                names = [i for i in zf.infolist() if not i.is_dir()]
                tops = {n.filename.split("/", 1)[0] for n in names}
                prefix = ""
                if "specimen.json" not in {n.filename for n in names} and len(tops) == 1:
                    prefix = next(iter(tops)) + "/"
                for info in names:
                    name = info.filename[len(prefix):]
                    if name == SIGNATURE_JSON or not name:
                        continue
                    if info.file_size > MAX_MEMBER_BYTES:
                        raise FormatError(f"{path}!{name}", "member too large")
                    out[name] = zf.read(info)
        except zipfile.BadZipFile as exc:
            raise FormatError(path, f"not a readable zip file ({exc})") from None
        return out
    for item in sorted(path.rglob("*")):
        if item.is_symlink() or not item.is_file():
            continue
        name = PurePosixPath(*item.relative_to(path).parts).as_posix()
        if name == SIGNATURE_JSON or name.startswith("."):
            continue
        if item.stat().st_size > MAX_MEMBER_BYTES:
            raise FormatError(item, "file too large")
        out[name] = item.read_bytes()
    return out


def _signature_bytes(path: Path) -> bytes | None:
    if path.is_file():
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                if name == SIGNATURE_JSON or name.endswith("/" + SIGNATURE_JSON):
                    return zf.read(name)
        return None
    sig = path / SIGNATURE_JSON
    return sig.read_bytes() if sig.is_file() and not sig.is_symlink() else None


def manifest(path: str | Path, specimen_id: str) -> dict[str, Any]:
    """The payload a package's signature covers."""
    files = {name: hashlib.sha256(data).hexdigest()
             for name, data in sorted(_members(Path(path)).items())}
    return {"format": SIGNATURE_FORMAT, "id": specimen_id, "files": files}


def sign_package(path: str | Path, specimen_id: str, identity: Identity) -> Path:
    """Add ``signature.json`` to the package at ``path`` (folder or zip)."""
    from workstation.fsutil import atomic_write_bytes
    from workstation.trends.signing import sign_payload

    path = Path(path)
    data = sign_payload(manifest(path, specimen_id), identity, typ=SIGNATURE_TYP)
    if path.is_file():
        with zipfile.ZipFile(path, "a") as zf:
            if SIGNATURE_JSON in zf.namelist():
                raise InputError(f"{path}: already signed")
            zf.writestr(SIGNATURE_JSON, data)
    else:
        atomic_write_bytes(path / SIGNATURE_JSON, data)
    return path


def verify_package(path: str | Path, specimen_id: str | None = None) -> PackageSignature:
    """Check the package's signature against its files and the trust settings."""
    from workstation.trends.signing import read_signed

    path = Path(path)
    raw = _signature_bytes(path)
    if raw is None:
        return PackageSignature("unsigned")
    try:
        signed = read_signed(raw, source=f"{path}/{SIGNATURE_JSON}", typ=SIGNATURE_TYP)
    except (FormatError, InputError) as exc:
        return PackageSignature("broken", problem=str(exc))
    payload = signed.payload
    sid = specimen_id if specimen_id is not None else payload.get("id")
    want = manifest(path, str(sid))
    if payload != want:
        changed = sorted(set(payload.get("files", {}).items()) ^ set(want["files"].items()))
        names = sorted({n for n, _ in changed}) or ["id"]
        return PackageSignature("broken", signer=signed.signer,
                                problem="changed since signing: " + ", ".join(names[:5]))
    if not signed.trusted:
        return PackageSignature("untrusted", signer=signed.signer, problem=signed.problem)
    return PackageSignature("valid", signer=signed.signer)


def export_package(spec: Specimen, out: str | Path, *, author: str = "",
                   blur_personal: bool = True, sign: bool = False,
                   identity: Identity | None = None) -> Path:
    """Write ``spec`` as a package (folder, or ``.zip``) with its provenance; personal
    data blurred unless ``blur_personal`` is false; signed with the office's report
    signing identity when ``sign``."""
    from workstation.examination.authoring.share import blur_personal_data, finalise_provenance
    from workstation.specimens.package import save_specimen

    out = Path(out)
    if out.exists() and (out.is_dir() or out.suffix.lower() != ".zip"):
        raise InputError(f"{out}: already exists (give a new folder or a .zip)")
    if blur_personal:
        spec = blur_personal_data(spec)
    spec = finalise_provenance(spec, author=author)
    save_specimen(spec, out)
    if sign:
        if identity is None:
            from workstation.reports import resolve_identity

            identity = resolve_identity()
        sign_package(out, spec.id, identity)
    return out


def check_before_import(path: Path) -> str:
    """The ``specimens import`` check: a broken signature refuses the package; an
    untrusted one is said; a valid one named."""
    sig = verify_package(path)
    if sig.status == "broken":
        raise InputError(f"{path}: {sig.text}; not imported")
    return "" if sig.status == "unsigned" else sig.text


def signature_summary(spec: Specimen) -> dict[str, Any]:
    """The library specimen's package signature, for ``specimens list``/``show`` and the
    library view (``{}`` when the specimen has no folder)."""
    if not spec.source or not Path(spec.source).exists():
        return {}
    sig = verify_package(Path(spec.source), spec.id)
    return {"signature": {**sig.to_json(), "text": sig.text}}


def register_hooks() -> None:
    """Let ``specimens import``/``list``/``show`` verify and show package signatures."""
    from workstation.specimens import cli

    if check_before_import not in cli.PACKAGE_CHECKS:
        cli.PACKAGE_CHECKS.append(check_before_import)
    if signature_summary not in cli.SUMMARY_EXTRAS:
        cli.SUMMARY_EXTRAS.append(signature_summary)


def _cmd_sign(args: Any) -> int:
    from workstation.cases import CaseRepository
    from workstation.console import say
    from workstation.identity.cli import signing_identity_from_args
    from workstation.specimens.package import load_specimen

    path = Path(args.package)
    spec = load_specimen(path, verify_images=True)
    with CaseRepository.open() as repo:  # accounts live in the case database
        identity, _signer = signing_identity_from_args(args, repo)
    sign_package(path, spec.id, identity)
    say(f"{path}: {verify_package(path).text}")
    return 0


def _cmd_verify(args: Any) -> int:
    from workstation.console import emit_json

    rows = []
    for p in args.packages:
        sig = verify_package(Path(p))
        rows.append({"package": p, **sig.to_json()})
        if not args.json:
            print(f"{p}: {sig.text}")
    if args.json:
        emit_json(rows)
    return 0


def register(subparsers: Any) -> None:
    """Add ``specimens sign`` and ``specimens verify``."""
    from workstation.specimens.cli import add_action

    del subparsers
    s = add_action("sign", help="sign a specimen package with the office's signing identity")
    s.add_argument("package", metavar="PACKAGE", help="package folder or .zip")
    s.add_argument("--user", metavar="NAME",
                   help="the account that signs (default: this operating-system account's, "
                        "else $WORKSTATION_USER or the login name); it must sign in")
    s.add_argument("--secret-fd", type=int, metavar="FD",
                   help="read the signer's password from this file descriptor (0: standard "
                        "input), else from the terminal")
    s.set_defaults(handler=_cmd_sign)
    v = add_action("verify", help="check specimen packages' signatures")
    v.add_argument("packages", nargs="+", metavar="PACKAGE")
    v.add_argument("--json", action="store_true")
    v.set_defaults(handler=_cmd_verify)
