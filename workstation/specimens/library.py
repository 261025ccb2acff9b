"""The specimen library: reference specimen packages kept under ``data_dir()/specimens/``.

Each specimen is stored as a package folder named after its id
(``specimens/<id>/specimen.json`` + images). The bundled Utopia specimens are
written there on first use (:func:`workstation.specimens.bundled.ensure_bundled`),
so they are always present.

Importing checks the whole package first (``load_specimen(verify_images=True)``),
then copies ``specimen.json`` and the files it names (nothing else, read within
the input limits) under a temporary name and renames it into place, so a refused
or interrupted import leaves the library exactly as it was. An id that looks like
one already in the library (``UT0-P-2020`` beside ``UTO-P-2020``) is refused.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from workstation.capture import parse_lights_map
from workstation.errors import FormatError, SpecimenError
from workstation.fsutil import atomic_dir, atomic_write_text
from workstation.paths import data_dir
from workstation.printable import printable
from workstation.safeio import ID_PATTERN, ids_look_alike, load_json_object
from workstation.specimens.package import SPECIMEN_JSON, copy_package, load_specimen, specimen_json
from workstation.types import Specimen

LIBRARY_FOLDER = "specimens"


def _ensure_bundled(root: Path) -> None:
    from workstation.specimens.bundled import ensure_bundled

    ensure_bundled(root)


class SpecimenLibrary:
    """The specimen packages of one data folder.

    ``root`` defaults to ``data_dir()/specimens``. Specimens are loaded lazily
    and cached (with their decoded images), so repeated examinations reuse them.
    ``bundled=False`` leaves out the bundled Utopia specimens (tests).
    """

    def __init__(self, root: str | Path | None = None, *, bundled: bool = True) -> None:
        self.root = Path(root) if root is not None else data_dir() / LIBRARY_FOLDER
        self.root.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._cache: dict[str, Specimen] = {}
        self._bundled_done = not bundled

    # -- reading --------------------------------------------------------------------------
    def _prepare(self) -> None:
        if not self._bundled_done:
            self._bundled_done = True
            _ensure_bundled(self.root)

    def _folders(self) -> list[Path]:
        self._prepare()
        return sorted(
            p for p in self.root.iterdir()
            if ID_PATTERN.match(p.name) and not p.is_symlink() and p.is_dir()
            and (p / SPECIMEN_JSON).is_file()
        )

    def ids(self) -> list[str]:
        """The ids of every specimen in the library, sorted."""
        return [p.name for p in self._folders()]

    def __contains__(self, specimen_id: object) -> bool:
        return isinstance(specimen_id, str) and specimen_id in self.ids()

    def __iter__(self) -> Iterator[Specimen]:
        return iter(self.specimens())

    def __len__(self) -> int:
        return len(self.ids())

    def get(self, specimen_id: str) -> Specimen:
        """The specimen ``specimen_id`` (cached); ``SpecimenError`` when unknown."""
        with self._lock:
            cached = self._cache.get(specimen_id)
            if cached is not None:
                return cached
            self._prepare()
            folder = self.root / specimen_id
            if not ID_PATTERN.match(specimen_id) or not (folder / SPECIMEN_JSON).is_file():
                known = ", ".join(self.ids()) or "none"
                raise SpecimenError(f"no specimen {specimen_id!r} in the library (known: {known})")
            spec = load_specimen(folder)
            self._cache[specimen_id] = spec
            return spec

    def specimens(self) -> list[Specimen]:
        """Every specimen, sorted by id. A package that no longer loads is left out."""
        out: list[Specimen] = []
        for sid in self.ids():
            try:
                out.append(self.get(sid))
            except FormatError:
                continue
        return out

    def known_states(self) -> tuple[str, ...]:
        """Issuing states of the library's specimens: known states for the MRZ checks."""
        return tuple(sorted({s.issuing_state for s in self.specimens()}))

    def candidates(self, *, issuing_state: str | None = None, document_code: str | None = None,
                   mrz_format: str | None = None) -> list[Specimen]:
        """Specimens matching the given MRZ facts (``None``: any). The document code
        matches on its first letter when the specimen names only one (``P`` ~ ``PP``)."""
        out = []
        for spec in self.specimens():
            if issuing_state is not None and spec.issuing_state != issuing_state.upper():
                continue
            if mrz_format is not None and spec.mrz_format not in (None, mrz_format):
                continue
            if document_code is not None and not _code_matches(spec.document_code, document_code):
                continue
            out.append(spec)
        return out

    # -- changing -------------------------------------------------------------------------
    def import_package(self, path: str | Path) -> Specimen:
        """Add the package at ``path`` (folder or ``.zip``); returns the stored specimen.

        Raises:
            FormatError: the package is broken (nothing is changed).
            SpecimenError: a specimen with the same id is already in the library.
        """
        path = Path(path)
        spec = load_specimen(path, verify_images=True)
        with self._lock:
            self._prepare()
            dest = self.root / spec.id
            if dest.exists():
                same = ""
                try:
                    existing = load_specimen(dest)
                    if existing.source and Path(existing.source).resolve() == path.resolve():
                        same = " (it is this very package)"
                except FormatError:
                    pass
                raise SpecimenError(
                    f"{path}: a specimen with id {spec.id!r} is already in the library{same}; "
                    f"remove it first to replace it"
                )
            self._refuse_lookalike(spec, path)
            try:
                with atomic_dir(dest) as tmp:
                    copy_package(path, tmp)
                    load_specimen(tmp, verify_images=False)
            except FileExistsError:
                raise SpecimenError(
                    f"{path}: a specimen with id {spec.id!r} is already in the library"
                ) from None
            except OSError as exc:
                raise SpecimenError(f"{path}: cannot copy into the library: {exc}") from None
            self._cache.pop(spec.id, None)
            return self.get(spec.id)

    def update(self, specimen_id: str, change: Callable[[Specimen], Specimen]) -> Specimen:
        """Rewrite ``specimen_id``'s ``specimen.json`` with ``change(specimen)`` — e.g. new
        statistics; the images stay as they are. Atomic (the old file stays whole
        until the new one is complete) and serialised across processes by a lock
        file, so two workstations learning at once lose nothing.

        Raises:
            SpecimenError: unknown specimen, or ``change`` altered its id or images.
        """
        with self._lock, _locked(self.root / f".{specimen_id}.lock"):
            self._cache.pop(specimen_id, None)
            current = self.get(specimen_id)
            folder = self.root / specimen_id
            meta = load_json_object(folder / SPECIMEN_JSON, root=folder)
            files = parse_lights_map(meta.get("images"), str(folder / SPECIMEN_JSON))
            new = change(current)
            if new.id != current.id or set(new.image_lights) != set(files):
                raise SpecimenError(f"{specimen_id}: an update may not change the specimen's "
                                    f"id or images")
            text = json.dumps(specimen_json(new, files), indent=2, ensure_ascii=False) + "\n"
            atomic_write_text(folder / SPECIMEN_JSON, text)
            self._cache.pop(specimen_id, None)
            return self.get(specimen_id)

    def _refuse_lookalike(self, spec: Specimen, path: Path) -> None:
        """Refuse an id that looks like one already in the library (``UT0-P-2020`` beside
        ``UTO-P-2020``): an examiner could not tell them apart."""
        for other in self.ids():
            if other != spec.id and ids_look_alike(other, spec.id):
                raise SpecimenError(
                    f"{printable(path)}: id {spec.id!r} looks like {other!r}, already in the "
                    "library: give the specimen an id that cannot be mistaken for it")

    def remove(self, specimen_id: str) -> None:
        """Remove ``specimen_id`` (``SpecimenError`` when unknown). Bundled specimens
        come back the next time a library is opened."""
        with self._lock:
            self.get(specimen_id)
            folder = self.root / specimen_id
            trash = self.root / f".{specimen_id}.removing"
            shutil.rmtree(trash, ignore_errors=True)
            folder.rename(trash)
            shutil.rmtree(trash, ignore_errors=True)
            self._cache.pop(specimen_id, None)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on ``path`` (created), held for the block, across processes."""
    with open(path, "a+b") as fh:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import msvcrt

            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
            try:
                yield
            finally:
                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _code_matches(spec_code: str, doc_code: str) -> bool:
    spec_code = spec_code.upper().rstrip("<")
    doc_code = doc_code.upper().rstrip("<")
    if spec_code == doc_code:
        return True
    return len(spec_code) == 1 and doc_code[:1] == spec_code


_DEFAULT: dict[Path, SpecimenLibrary] = {}
_DEFAULT_LOCK = threading.Lock()


def open_library(root: str | Path | None = None) -> SpecimenLibrary:
    """The library of ``root`` (default: the data folder's), one shared instance per
    folder so its specimen cache is reused between examinations."""
    path = Path(root) if root is not None else data_dir() / LIBRARY_FOLDER
    key = path.resolve()
    with _DEFAULT_LOCK:
        lib = _DEFAULT.get(key)
        if lib is None:
            lib = SpecimenLibrary(path)
            _DEFAULT[key] = lib
        return lib
