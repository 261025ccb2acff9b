"""The report's data: what a report says and carries, resolved before any layout.

:func:`prepare_report` takes an :class:`~workstation.examination.results.Examination`
with the examiner's :class:`~workstation.findings.Findings` and a
:class:`ReportContext` (case, examiner, chosen views, configuration) and resolves
everything the layout prints and the PDF attaches: the questioned images (the
capture registered onto the specimen when the examination registered it), the
specimen's images at the same density, the images the examiner chose, the
SHA-256 of every image and the ``examination.json`` payload
(``workstation.report/1``). No reportlab here: :mod:`.layout` draws it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from workstation.errors import InputError
from workstation.examination.results import Examination
from workstation.findings import Findings
from workstation.i18n import Words
from workstation.labels import image_label
from workstation.reports.anchor import checkpoint_payload
from workstation.reports.config import ReportConfig, load_config
from workstation.types import CheckResult, CheckStatus, Image, Light, Specimen

REPORT_FORMAT = "workstation.report/1"
ATTACHMENT_NAME = "examination.json"


@dataclass
class ReportContext:
    """Everything about a report that is not the examination itself.

    Attributes:
        case_ref: the case reference printed in the header.
        examiner: examiner's name (defaults to the configuration's).
        findings: the examiner's findings (``None``: automated examination only).
        specimen: the specimen compared against (for its images beside the capture).
        questioned: images to show as the questioned document per light (e.g.
            registered onto the specimen); defaults to the capture's images.
            Annotations on ``capture:<light>`` refer to these images' pixels.
        views: rendered views the examiner chose (``view:<name>`` in
            ``findings.report_images``): name -> image.
        report_id: unique id of the report (generated when empty).
        created_at: when the report was made (now when ``None``).
        config: agency, workstation, logo (loaded when ``None``).
        audit_checkpoint: the case database's audit chain head when the report is made
            (``{"chain", "seq", "hash"}``, :mod:`workstation.reports.anchor`).
    """

    case_ref: str = ""
    examiner: str = ""
    findings: Findings | None = None
    specimen: Specimen | None = None
    questioned: Mapping[Light, Image] | None = None
    views: Mapping[str, Image] = field(default_factory=dict)
    report_id: str = ""
    created_at: dt.datetime | None = None
    config: ReportConfig | None = None
    audit_checkpoint: Mapping[str, Any] | None = None


@dataclass
class ImageRecord:
    """One image of the report and its SHA-256."""

    ref: str
    title: str
    sha256: str
    hash_of: str  # "file" or "pixels"
    shape: tuple[int, ...]
    file: str | None = None

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"ref": self.ref, "title": self.title, "sha256": self.sha256,
                "hash_of": self.hash_of, "shape": list(self.shape), "file": self.file}


@dataclass
class ReportData:
    """The report's content, resolved: what is printed and what is attached."""

    examination: Examination
    context: ReportContext
    config: ReportConfig
    report_id: str
    created_at: dt.datetime
    examiner: str
    questioned: dict[Light, Image]
    specimen_images: dict[Light, Image]
    images: list[ImageRecord]
    chosen: list[tuple[str, str, Image]]  # (ref, title, image)
    payload: bytes  # examination.json as attached
    payload_sha256: str
    registered: bool = False  # questioned images are the capture registered onto the specimen
    specimen_dpi: float | None = None  # density of specimen_images
    #: the language the page is written in (``config.language``); the attached
    #: ``examination.json`` is language-neutral
    words: Words = field(default_factory=Words)


def pixel_sha256(image: Image) -> str:
    """SHA-256 over an image's raw 8-bit pixels, row-major (H×W or H×W×C)."""
    return hashlib.sha256(np.ascontiguousarray(image).tobytes()).hexdigest()


def _capture_files(capture_path: str | None) -> dict[str, Path]:
    """light -> image file of a capture folder, when the examination names one."""
    if not capture_path:
        return {}
    folder = Path(capture_path)
    if folder.is_file():
        folder = folder.parent
    try:
        meta = json.loads((folder / "capture.json").read_text(encoding="utf-8"))
        lights = meta["lights"]
        return {str(k): folder / str(v) for k, v in lights.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _file_sha256(path: Path) -> str | None:
    try:
        h = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def _json_default(obj: Any) -> Any:
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if isinstance(obj, dt.datetime | dt.date):
        return obj.isoformat()
    if isinstance(obj, Path):
        return str(obj)
    return str(obj)


def prepare_report(examination: Examination, context: ReportContext | None = None) -> ReportData:
    """Resolve images, hashes and the attached examination data of a report."""
    ctx = context or ReportContext()
    config = ctx.config or load_config()
    created = ctx.created_at or dt.datetime.now(dt.UTC).replace(microsecond=0)
    if created.tzinfo is None:
        raise InputError("the report time must be timezone-aware")
    report_id = ctx.report_id or f"R-{created:%Y%m%d}-{uuid.uuid4().hex[:8].upper()}"
    examiner = ctx.examiner or (ctx.findings.examiner if ctx.findings else "") \
        or config.examiner_name()
    capture = examination.capture
    # the specimen the examination matched, the capture registered onto it and the
    # specimen's images at the same density
    if ctx.specimen is None and examination.specimen is not None:
        ctx = replace(ctx, specimen=examination.specimen)
    given = ctx.questioned
    reference: Mapping[Light, Image] = {}
    registration = examination.registration
    if given is None and registration is not None and registration.registered:
        given = registration.registered
        reference = registration.reference
    questioned: dict[Light, Image] = {}
    for light in capture.lights:
        img = (given or {}).get(light)
        questioned[light] = img if img is not None else capture.images[light]
    specimen_images: dict[Light, Image] = dict(reference)
    specimen_dpi: float | None = (registration.work_dpi if reference and registration is not None
                                  else (ctx.specimen.dpi if ctx.specimen else None))
    if ctx.specimen is not None and not specimen_images:
        for light in ctx.specimen.image_lights:
            try:
                specimen_images[light] = ctx.specimen.image(light)
            except (KeyError, OSError, ValueError):
                continue

    files = _capture_files(examination.capture_path)
    images: list[ImageRecord] = []
    for light in capture.lights:
        img = capture.images[light]
        path = files.get(light.value)
        digest = _file_sha256(path) if path is not None else None
        ref = f"capture:{light.value}"
        if digest is not None and path is not None:
            images.append(ImageRecord(ref, image_label(ref), digest, "file", img.shape,
                                      path.name))
        else:
            images.append(ImageRecord(ref, image_label(ref), pixel_sha256(img), "pixels",
                                      img.shape))
        if given and light in given:
            q = given[light]
            ref = f"questioned:{light.value}"
            images.append(ImageRecord(ref, image_label(ref), pixel_sha256(q), "pixels",
                                      q.shape))
    for light, img in specimen_images.items():
        ref = f"specimen:{light.value}"
        images.append(ImageRecord(ref, _specimen_title(ref, ctx.specimen), pixel_sha256(img),
                                  "pixels", img.shape))

    chosen = _chosen_images(examination, ctx, questioned if given else capture.images,
                            specimen_images)
    for ref, title, img in chosen:
        if not any(r.ref == ref for r in images):
            images.append(ImageRecord(ref, title, pixel_sha256(img), "pixels", img.shape))
    for check in examination.checks:
        if check.status in (CheckStatus.FAIL, CheckStatus.WARN):
            for i, ev in enumerate(check.evidence):
                ref = _evidence_ref(check, i)
                if not any(r.ref == ref for r in images):
                    images.append(ImageRecord(ref, _evidence_title(check, ev.label),
                                              pixel_sha256(ev.image), "pixels",
                                              ev.image.shape))

    exam_json = examination.to_json()
    exam_json["started_at"] = examination.started_at
    exam_json["duration_ms"] = examination.duration_ms
    exam_json["dpi"] = capture.dpi
    exam_json["device"] = capture.device
    exam_json["captured_at"] = capture.captured_at
    payload_obj = {
        "format": REPORT_FORMAT,
        "report_id": report_id,
        "created_at": created,
        "case_ref": ctx.case_ref,
        "examiner": examiner,
        "agency": config.agency,
        "workstation": config.workstation,
        "reader": capture.device,
        "examination": exam_json,
        "specimen": ({"id": ctx.specimen.id, "title": ctx.specimen.title}
                     if ctx.specimen else {"id": examination.specimen_id}),
        "findings": ctx.findings.to_json() if ctx.findings else None,
        "images": [r.to_json() for r in images],
    }
    checkpoint = checkpoint_payload(ctx.audit_checkpoint)
    if checkpoint is not None:
        payload_obj["audit_checkpoint"] = checkpoint
    payload = json.dumps(payload_obj, indent=2, ensure_ascii=False, default=_json_default,
                         sort_keys=False).encode("utf-8")
    return ReportData(examination, ctx, config, report_id, created, examiner, questioned,
                      specimen_images, images, chosen, payload,
                      hashlib.sha256(payload).hexdigest(), registered=bool(given),
                      specimen_dpi=specimen_dpi, words=Words(config.language))


def _specimen_title(ref: str, specimen: Specimen | None) -> str:
    """``"Specimen — UV 365 nm (UTO-P-2020)"``."""
    return image_label(ref) + (f" ({specimen.id})" if specimen is not None else "")


def _evidence_title(check: CheckResult, label: str) -> str:
    """``"Evidence — UV emblem glows: emblem (capture, uv) [UV_LUMINESCENCE_ABSENT]"``."""
    return f"{image_label('evidence:' + check.id, (check,))}: {label} [{check.code}]"


def _evidence_ref(check: CheckResult, index: int) -> str:
    """Unique name of one evidence image: ``evidence:<check id>[<zone>]#<n>``."""
    zone = f"[{check.zone}]" if check.zone else ""
    return f"evidence:{check.id}{zone}#{index}"


def _chosen_images(examination: Examination, ctx: ReportContext,
                   questioned: Mapping[Light, Image],
                   specimen_images: Mapping[Light, Image]) -> list[tuple[str, str, Image]]:
    out: list[tuple[str, str, Image]] = []
    refs = list(dict.fromkeys(ctx.findings.report_images)) if ctx.findings else []
    if ctx.findings and questioned is not examination.capture.images:
        # annotations are drawn on the capture as taken: show those images too
        for ann in ctx.findings.annotations:
            if ann.image.startswith("capture:") and ann.image not in refs:
                refs.append(ann.image)
    raw = examination.capture.images
    for ref in refs:
        kind, _, name = ref.partition(":")
        try:
            if kind == "capture" and Light(name) in raw:
                out.append((ref, f"{image_label(ref)}, as captured", raw[Light(name)]))
            elif kind == "specimen" and Light(name) in specimen_images:
                out.append((ref, _specimen_title(ref, ctx.specimen),
                            specimen_images[Light(name)]))
            elif kind == "evidence":
                # check ids repeat across zones: every check with this id
                for check in (c for c in examination.checks if c.id == name):
                    for i, ev in enumerate(check.evidence):
                        out.append((_evidence_ref(check, i), _evidence_title(check, ev.label),
                                    ev.image))
            elif kind == "view" and name in ctx.views:
                out.append((ref, image_label(ref), ctx.views[name]))
        except ValueError:
            continue
    return out
