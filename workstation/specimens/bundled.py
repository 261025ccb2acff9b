"""The bundled Utopia specimens, generated deterministically into the library on first use.

The repository stays lean: instead of shipping images, :func:`ensure_bundled`
renders each Utopia document's specimen (600 dpi, via
:func:`workstation.specimens.render.specimen_for`) and writes it as an ordinary
specimen package (``save_specimen``) into the library folder, where it loads
through the same code as any imported package. A package is regenerated when
it is missing or was made by another generator version; a package of the same
id without the generator mark (imported by a user) is left alone.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import threading
from pathlib import Path

from workstation.paths import data_dir
from workstation.specimens.package import SPECIMEN_JSON, save_specimen

#: Density of the bundled specimen images.
BUNDLED_DPI = 600.0
#: Folder (under the data folder) of the specimen library.
LIBRARY_FOLDER = "specimens"

_lock = threading.Lock()


def generator_mark() -> str:
    """The ``generator`` field written into bundled ``specimen.json`` files."""
    from workstation.specimens.render import GENERATOR_VERSION

    return f"workstation.specimens.render/{GENERATOR_VERSION}"


def _state(folder: Path) -> str:
    """``current``, ``stale`` (ours, older or broken), ``foreign`` (not ours) or ``missing``."""
    meta_path = folder / SPECIMEN_JSON
    if not meta_path.is_file():
        return "stale" if folder.exists() else "missing"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "stale"
    mark = meta.get("generator") if isinstance(meta, dict) else None
    if not isinstance(mark, str) or not mark.startswith("workstation.specimens.render/"):
        return "foreign"
    if mark != generator_mark():
        return "stale"
    images = meta.get("images") or {}
    if not all(isinstance(f, str) and (folder / f).is_file() for f in images.values()):
        return "stale"
    return "current"


def _write(doc_id: str, folder: Path) -> None:
    from workstation.specimens.render import specimen_for

    spec = specimen_for(doc_id, BUNDLED_DPI)
    tmp_parent = Path(tempfile.mkdtemp(prefix=f".{doc_id}.", suffix=".new", dir=folder.parent))
    try:
        built = save_specimen(spec, tmp_parent / doc_id)
        old: Path | None = None
        if folder.exists():
            old = folder.parent / f".{doc_id}.{os.getpid()}.old"
            shutil.rmtree(old, ignore_errors=True)
            os.replace(folder, old)
        try:
            os.replace(built, folder)
        except OSError:
            # another process put a package there first: keep theirs if it is current
            if _state(folder) != "current":
                raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp_parent)


def ensure_bundled(root: Path | None = None) -> list[Path]:
    """Make sure the bundled Utopia specimen packages exist under ``root``
    (default ``data_dir()/specimens``), one folder per specimen id; returns the
    folders, in the order of :data:`~workstation.specimens.render.DOCUMENTS`.

    Each package is written atomically (built under a temporary name, then
    renamed into place), so an interrupted run never leaves a half-written one.
    """
    from workstation.specimens.render import DOCUMENTS

    root = Path(root) if root is not None else data_dir() / LIBRARY_FOLDER
    root.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    with _lock:
        for doc_id in DOCUMENTS:
            folder = root / doc_id
            if _state(folder) in ("missing", "stale"):
                _write(doc_id, folder)
            out.append(folder)
    return out
