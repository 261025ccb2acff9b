"""Report settings: the agency header, the time-stamp authority, where trust lives.

Kept as JSON in ``<data folder>/reports/config.json``; every field is optional
and a missing file means the defaults. Passwords are never part of it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from workstation.errors import FormatError
from workstation.fsutil import atomic_write_text
from workstation.i18n import LANGUAGES, PSEUDO, normalise
from workstation.paths import data_dir


def reports_dir(create: bool = True) -> Path:
    """``<data folder>/reports``: configuration, local CA, trust anchors."""
    path = data_dir(create=create) / "reports"
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass
class ReportConfig:
    """What a report says about who issued it, and how it is signed and checked.

    Attributes:
        agency: agency name in the report header (empty: the report says "Agency not
            configured"; a report never names an agency nobody configured).
        unit: second header line (office, unit, address).
        logo: path of the header logo (PNG or JPEG); ``None`` for the neutral emblem
            the report draws itself.
        workstation: name of this workstation (empty: "not configured").
        examiner: display name of the examiner (defaults to the login name).
        tsa_url: RFC 3161 time-stamp authority; when set, signatures are PAdES B-T.
        tsa_timeout_s: seconds to wait for the time-stamp authority.
        pkcs12: path of the examiner's PKCS#12 file; ``None`` to use the local CA.
        trust_dir: folder of extra trust anchors (``*.pem``/``*.crt``/``*.cer``) and
            CRLs (``*.crl``); ``None`` for ``<data folder>/reports/trust``.
        trust_local_ca: whether certificates of this workstation's own CA are trusted.
        language: the report's language (``en``, ``mn``, ``ru``), also the PDF's ``Lang``.
    """

    agency: str = ""
    unit: str = ""
    logo: str | None = None
    workstation: str = ""
    examiner: str = ""
    tsa_url: str | None = None
    tsa_timeout_s: float = 10.0
    pkcs12: str | None = None
    trust_dir: str | None = None
    trust_local_ca: bool = True
    language: str = "en"

    def logo_path(self) -> Path | None:
        """The configured logo, or ``None`` for the neutral emblem drawn by the report."""
        return Path(self.logo) if self.logo else None

    def trust_path(self) -> Path:
        """The folder of extra trust anchors and CRLs."""
        return Path(self.trust_dir) if self.trust_dir else reports_dir() / "trust"

    def examiner_name(self) -> str:
        """The configured examiner name, or the login name."""
        from workstation.paths import login_name

        return self.examiner or login_name()

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_json(cls, obj: dict[str, Any], *, source: str = "config") -> ReportConfig:
        """Build from a dict; unknown keys are an error (they are likely typos)."""
        if not isinstance(obj, dict):
            raise FormatError(source, "expected a JSON object")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(obj) - known)
        if unknown:
            raise FormatError(source, f"unknown setting(s): {', '.join(unknown)}")
        try:
            config = cls(**obj)
        except TypeError as exc:
            raise FormatError(source, str(exc)) from None
        code = normalise(str(config.language))
        if code is None or code == PSEUDO:
            raise FormatError(source, f"unknown report language {config.language!r} "
                                      f"(known: {', '.join(LANGUAGES)})")
        return replace(config, language=code)


def config_path() -> Path:
    """``<data folder>/reports/config.json``."""
    return reports_dir() / "config.json"


def load_config(path: Path | None = None) -> ReportConfig:
    """The saved configuration, or the defaults when there is none."""
    path = path or config_path()
    if not path.exists():
        return ReportConfig()
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FormatError(path, f"unreadable report configuration: {exc}") from None
    return ReportConfig.from_json(obj, source=str(path))


def save_config(config: ReportConfig, path: Path | None = None) -> Path:
    """Write the configuration atomically; returns the path."""
    path = path or config_path()
    atomic_write_text(path, json.dumps(config.to_json(), indent=2, ensure_ascii=False) + "\n")
    return path
