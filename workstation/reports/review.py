"""What a supervisor's review needs of a report: its attachments (the
``examination.json`` it carries), its pages rendered for reading, and the
countersignature.

Approving countersigns the report: a second PAdES signature in the supervisor's
box, added as an incremental update so the examiner's signature stays valid. The
review itself — which examinations wait, the decision, where it is recorded — is
the session layer's (:mod:`workstation.session.review`): the one review state is
the examination's status in the case database.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workstation.errors import ReportError

if TYPE_CHECKING:
    from workstation.reports.ca import Identity
    from workstation.reports.config import ReportConfig
    from workstation.reports.verify import SignatureCheck, Trust


def attachments(pdf: bytes) -> dict[str, bytes]:
    """The embedded files of a PDF (name -> bytes); empty when it has none or is unreadable."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    out: dict[str, bytes] = {}
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        names = reader.root.get("/Names")
        if names is None:
            return out
        tree = names.get_object().get("/EmbeddedFiles")
        if tree is None:
            return out
        arr = tree.get_object().get("/Names")
        if arr is None:
            return out
        arr = arr.get_object()
        for i in range(0, len(arr) - 1, 2):
            spec = arr[i + 1].get_object()
            stream = spec["/EF"]["/F"].get_object()
            out[str(arr[i])] = bytes(stream.data)
    except Exception:  # a damaged or foreign PDF simply has no usable attachment
        return out
    return out


def embedded_examination(pdf: bytes) -> dict[str, Any] | None:
    """The ``examination.json`` a report carries, parsed; ``None`` when absent or invalid."""
    from workstation.reports.data import ATTACHMENT_NAME

    raw = attachments(pdf).get(ATTACHMENT_NAME)
    if raw is None:
        return None
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return obj if isinstance(obj, dict) else None


def countersign(pdf: bytes, identity: Identity, *, comment: str = "",
                config: ReportConfig | None = None, trust: Trust | None = None,
                accept_untrusted: bool = False) -> bytes:
    """Approve a report: add the supervisor's signature as an incremental update.

    Refuses (``ReportError``) a report that is unsigned or changed since signing,
    and, unless ``accept_untrusted``, one whose examiner is not trusted here.
    """
    from workstation.reports import sign_report
    from workstation.reports.fields import SUPERVISOR_FIELD
    from workstation.reports.verify import verify_bytes

    check = verify_bytes(pdf, trust=trust)
    if not check.signed:
        raise ReportError("the report is not signed by an examiner")
    if not check.intact:
        raise ReportError(f"the report was changed since signing: {check.problem}")
    if not check.trusted and not accept_untrusted:
        raise ReportError(f"the examiner's signature is not trusted here ({check.problem})")
    if any(s.field == SUPERVISOR_FIELD for s in check.signatures):
        raise ReportError("the report is already countersigned")
    refusal = countersign_refusal(check.signatures[0], identity)
    if refusal:
        raise ReportError(refusal)
    reason = "Reviewed and approved" + (f": {comment}" if comment else "")
    return sign_report(pdf, identity=identity, config=config, role="Supervisor review",
                       field=SUPERVISOR_FIELD, reason=reason[:200])


def countersign_refusal(examiner: SignatureCheck, identity: Identity) -> str:
    """Why ``identity`` may not countersign a report the examiner signed as ``examiner``
    (empty when it may): no one countersigns their own report — the same key, or the
    same account of this workstation's CA — and a certificate that states a working
    role must state ``supervisor``."""
    from workstation.reports.ca import subject_role, subject_user

    cert = identity.certificate
    if examiner.public_key_sha256 and examiner.public_key_sha256 == _key_digest(cert):
        return "no one countersigns their own report: this key signed it as examiner"
    account = subject_user(cert)
    if account and examiner.account and account == examiner.account:
        return f"no one countersigns their own report: {account} signed it as examiner"
    role = subject_role(cert)
    if role is not None and role != "supervisor":
        return (f"{identity.name}'s certificate states the role {role}: only a supervisor "
                "countersigns")
    return ""


def _key_digest(cert: Any) -> str:
    import hashlib

    from cryptography.hazmat.primitives import serialization

    der = cert.public_key().public_bytes(serialization.Encoding.DER,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()



def render_pages(pdf: str | Path, *, dpi: int = 72, timeout_s: float = 120.0) -> list[bytes]:
    """Every page of ``pdf`` as PNG bytes, rendered by poppler's ``pdftoppm``.

    ``ReportError`` when pdftoppm is missing (Debian: poppler-utils) or fails.
    """
    import shutil
    import subprocess
    import tempfile

    exe = shutil.which("pdftoppm")
    if exe is None:
        raise ReportError("pdftoppm is not installed (poppler-utils): pages cannot be shown")
    if not 10 <= dpi <= 600:
        raise ValueError(f"dpi must be between 10 and 600, got {dpi}")
    with tempfile.TemporaryDirectory(prefix="report-pages-") as tmp:
        try:
            res = subprocess.run([exe, "-r", str(dpi), "-png", str(pdf), f"{tmp}/page"],
                                 capture_output=True, text=True, timeout=timeout_s,
                                 check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ReportError(f"pdftoppm failed: {exc}") from None
        if res.returncode != 0:
            first = (res.stderr.strip().splitlines() or ["unknown error"])[0]
            raise ReportError(f"pdftoppm could not render {Path(pdf).name}: {first}")
        pages = sorted(Path(tmp).glob("page-*.png"),
                       key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [p.read_bytes() for p in pages]
