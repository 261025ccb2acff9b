"""Where this workstation stands: its border point and its office.

Two settings, read by the case database (every examination records the border
point it was made at) and by the trends package (figures by border point; the
office named in an anonymised export):

* ``location`` — the border point, e.g. ``"Zamyn-Uud road crossing"``:
  ``$WORKSTATION_LOCATION``, else ``location`` in ``<data folder>/site.json``,
  else empty (shown as "location not set"; nothing is invented).
* ``office`` — the office whose figures an export carries, e.g.
  ``"Dornogovi border office"``: ``$WORKSTATION_OFFICE``, else ``office`` in
  ``site.json``, else empty (then the signer's certificate names the office).

``site.json`` is a JSON object, e.g. ``{"location": "Zamyn-Uud", "office":
"Dornogovi"}``; a missing file means both empty, a broken one is a
:class:`~workstation.errors.FormatError`. No database or Qt needed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from workstation.errors import FormatError
from workstation.fsutil import atomic_write_text
from workstation.paths import data_dir

SITE_FILE = "site.json"
#: Longest border point or office name stored (characters).
MAX_NAME = 100


@dataclass(frozen=True)
class Site:
    """This workstation's border point (``location``) and ``office``."""

    location: str = ""
    office: str = ""


def site_path() -> Path:
    """``<data folder>/site.json``."""
    return data_dir() / SITE_FILE


def _clean(value: object, what: str, source: str) -> str:
    if not isinstance(value, str):
        raise FormatError(source, f"{what} must be a string")
    value = " ".join(value.split())
    if len(value) > MAX_NAME:
        raise FormatError(source, f"{what} has more than {MAX_NAME} characters")
    return value


def load_site() -> Site:
    """The configured site: environment variables over ``site.json``."""
    path = site_path()
    stored: dict[str, object] = {}
    if path.is_file():
        try:
            obj = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise FormatError(str(path), f"not a readable JSON file ({exc})") from None
        if not isinstance(obj, dict):
            raise FormatError(str(path), "expected a JSON object")
        unknown = set(obj) - {"location", "office"}
        if unknown:
            raise FormatError(str(path), f"unknown setting(s): {', '.join(sorted(unknown))}")
        stored = obj
    source = str(path)
    location = os.environ.get("WORKSTATION_LOCATION")
    office = os.environ.get("WORKSTATION_OFFICE")
    return Site(
        location=_clean(location if location is not None else stored.get("location", ""),
                        "location", "WORKSTATION_LOCATION" if location is not None else source),
        office=_clean(office if office is not None else stored.get("office", ""),
                      "office", "WORKSTATION_OFFICE" if office is not None else source),
    )


def save_site(site: Site) -> Path:
    """Write ``site.json`` (atomically); the environment still overrides it."""
    path = site_path()
    obj = {"location": _clean(site.location, "location", str(path)),
           "office": _clean(site.office, "office", str(path))}
    atomic_write_text(path, json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
    return path


def border_point() -> str:
    """The configured border point (empty when not set)."""
    return load_site().location
