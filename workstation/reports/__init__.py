"""PDF examination reports: build (reportlab), sign (PAdES, pyHanko), verify, review.

The public entry points (heavy modules are imported on first use, so importing
this package stays cheap):

* :func:`write_signed_report` — build and sign in one call (``examine --report``).
* :func:`workstation.reports.build.build_report` — the unsigned PDF bytes.
* :func:`workstation.reports.sign.sign_pdf` — add a PAdES signature.
* :func:`workstation.reports.verify.verify_report` — formats.md §4 verification.
* :mod:`workstation.reports.review` — the supervisor's queue, countersign, return.
* :class:`workstation.reports.ca.LocalCA` — the workstation's own CA (its key sealed
  for the administrators; accounts and sign-in are :mod:`workstation.identity`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workstation.examination.results import Examination
    from workstation.findings import Findings
    from workstation.reports.ca import Identity
    from workstation.reports.config import ReportConfig
    from workstation.types import Image, Light, Specimen

AuditHook = Callable[[str, Mapping[str, Any]], None]
"""Called as ``audit(event, details)`` after a report is signed or reviewed; the
cases package's audit trail plugs in here."""


def resolve_identity(config: ReportConfig | None = None, *, password: str | None = None,
                     pkcs12: str | Path | None = None) -> Identity:
    """The signing identity of a PKCS#12 file (``pkcs12`` or the configured one), opened
    with ``password`` (asked of the user, never stored).

    Certificates of the workstation's own CA are not resolved here: their keys are
    sealed with each user's secret, so they come from a sign-in
    (:func:`workstation.identity.sign_in` → ``SignedIn.identity``). Raises
    :class:`~workstation.errors.InputError` when there is neither.
    """
    from workstation.errors import InputError
    from workstation.reports.ca import load_pkcs12
    from workstation.reports.config import load_config

    config = config or load_config()
    p12 = pkcs12 or config.pkcs12
    if p12:
        if password is None:
            raise InputError(f"{p12}: the PKCS#12 password is needed to sign")
        return load_pkcs12(p12, password)
    raise InputError("no signing identity: sign in first (a workstation account's key is "
                     "sealed with its secret), or configure a PKCS#12 file")


def sign_report(pdf: bytes, *, identity: Identity | None = None,
                config: ReportConfig | None = None, role: str = "Examiner",
                field: str | None = None, reason: str | None = None,
                tsa_url: str | None = None, audit: AuditHook | None = None,
                report_id: str = "", case_ref: str = "") -> bytes:
    """Sign report bytes as examiner (default) or, with ``field``, in another role."""
    from workstation.reports.config import load_config
    from workstation.reports.sign import EXAMINER_FIELD, SignOptions, sign_pdf

    config = config or load_config()
    identity = identity or resolve_identity(config)
    options = SignOptions(field=field or EXAMINER_FIELD, role=role,
                          reason=reason or "Document examination report",
                          location=config.workstation,
                          tsa_url=tsa_url if tsa_url is not None else config.tsa_url,
                          tsa_timeout_s=config.tsa_timeout_s)
    signed = sign_pdf(pdf, identity, options)
    if audit is not None:
        import hashlib

        audit("report.signed", {"report": report_id, "case_ref": case_ref,
                                "sha256": hashlib.sha256(signed).hexdigest(),
                                "signer": identity.name,
                                "role": role, "field": options.field,
                                "timestamped": bool(options.tsa_url),
                                "at": dt.datetime.now(dt.UTC).isoformat()})
    return signed


def write_signed_report(examination: Examination, out: str | Path, *,
                        case_ref: str = "", findings: Findings | None = None,
                        specimen: Specimen | None = None,
                        questioned: Mapping[Light, Image] | None = None,
                        views: Mapping[str, Image] | None = None,
                        examiner: str = "", identity: Identity | None = None,
                        pkcs12: str | Path | None = None, password: str | None = None,
                        tsa_url: str | None = None, config: ReportConfig | None = None,
                        report_id: str = "", audit: AuditHook | None = None,
                        audit_checkpoint: Mapping[str, Any] | None = None) -> Path:
    """Build the report of ``examination``, sign it as the examiner, write it to ``out``.

    The file is written atomically (nothing is left behind on failure). The
    identity is ``identity`` (a signed-in account's, :mod:`workstation.identity`),
    else the PKCS#12 file (``pkcs12`` or configured, with ``password``). With a
    time-stamp authority (``tsa_url`` or configured) the signature is PAdES B-T.
    ``audit_checkpoint`` (the case database's audit chain head) is carried in the
    report (:mod:`workstation.reports.anchor`). Returns ``out``.
    """
    from workstation.fsutil import atomic_write_bytes
    from workstation.reports.config import load_config
    from workstation.reports.data import ReportContext, prepare_report
    from workstation.reports.layout import render_pdf
    from workstation.reports.pdfa import finish_pdf

    config = config or load_config()
    if examiner:
        import dataclasses

        config = dataclasses.replace(config, examiner=examiner)
    identity = identity or resolve_identity(config, password=password, pkcs12=pkcs12)
    context = ReportContext(case_ref=case_ref, examiner=examiner or identity.name,
                            findings=findings, specimen=specimen, questioned=questioned,
                            views=dict(views or {}), report_id=report_id, config=config,
                            audit_checkpoint=audit_checkpoint)
    data = prepare_report(examination, context)
    pdf = finish_pdf(*render_pdf(data), data)
    signed = sign_report(pdf, identity=identity, config=config, tsa_url=tsa_url,
                         audit=audit, report_id=data.report_id, case_ref=case_ref)
    out = Path(out)
    atomic_write_bytes(out, signed)
    return out
