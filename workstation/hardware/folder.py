"""A reader that watches the folder where a vendor's software exports its captures.

Commercial full-page readers come with software that saves one image per
light into a folder. This reader polls that folder, maps file names to lights
by configurable patterns, groups the files of one capture into a *set*, waits
until the set is complete and every file is fully written, and hands it over
as a :class:`CaptureSet`.

Patterns are shell-style, matched case-insensitively against the file name.
The set a file belongs to is its sub-folder plus what the pattern's wildcards
matched (the extension aside). The defaults cover the common naming schemes:

* ``WHITE.jpg``, ``UV.jpg``, ``IR.jpg`` — one sub-folder (or the folder itself) per capture;
* ``0001_white.png``, ``0001_uv.png``, ``0001_ir.png`` — a shared prefix per capture.

A file counts as fully written when its size and modification time have not
changed for ``stable_ms``, it can be opened (Windows writers hold it locked),
no writer holds an exclusive ``flock`` on it (POSIX), and it decodes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from workstation.errors import DeviceError, FormatError
from workstation.hardware.base import BaseReader, ProgressCallback, ReaderConfig, register_reader
from workstation.hardware.calibration import CALIBRATION_JSON, RigCalibration, flat_gain
from workstation.imageio import decode_image, read_image_bytes
from workstation.paths import data_dir
from workstation.types import CaptureSet, Image, Light

DEFAULT_PATTERNS: dict[Light, tuple[str, ...]] = {
    Light.WHITE: ("WHITE.*", "*_white.*", "*-white.*"),
    Light.UV: ("UV.*", "*_uv.*", "*-uv.*"),
    Light.IR: ("IR.*", "*_ir.*", "*-ir.*"),
}
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp")
_IGNORED_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", "~")

SetKey = tuple[str, str]


def _compile(pattern: str) -> tuple[re.Pattern[str], int]:
    """Regex for a shell pattern with one group per ``*``; index of the extension group.

    The extension group is the last ``*`` when the pattern ends in ``.*`` (else -1).
    """
    parts: list[str] = []
    stars = 0
    for ch in pattern:
        if ch == "*":
            parts.append("(.*?)")
            stars += 1
        elif ch == "?":
            parts.append(".")
        else:
            parts.append(re.escape(ch))
    ext_group = stars - 1 if pattern.endswith(".*") else -1
    return re.compile("".join(parts) + r"\Z", re.IGNORECASE | re.DOTALL), ext_group


@dataclass(frozen=True)
class _Entry:
    """A matching file as one scan saw it."""

    path: str
    size: int
    mtime_ns: int


@dataclass
class _Listing:
    """One folder's sub-folders and matching files, as of its modification time."""

    mtime_ns: int
    dirs: list[tuple[str, str]] = field(default_factory=list)
    files: list[tuple[str, str, Light, SetKey]] = field(default_factory=list)


#: A folder listing is trusted only when the folder changed longer ago than this (s).
_DIR_SETTLE_S = 3.0
#: Files already handed over are looked at again this often (s).
_RECHECK_S = 2.0


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float


@dataclass
class FolderSet:
    """The files of one capture found in the folder."""

    key: SetKey
    files: dict[Light, Path] = field(default_factory=dict)

    def describe(self) -> str:
        sub, stem = self.key
        return "/".join(p for p in (sub, stem) if p) or "(folder)"


class PatternMap:
    """Maps file names to ``(light, set key)`` by shell patterns."""

    def __init__(self, patterns: Mapping[Light, Sequence[str]] | None = None) -> None:
        pats = dict(DEFAULT_PATTERNS if patterns is None else patterns)
        if Light.WHITE not in pats:
            raise ValueError("the patterns must include the white light")
        self.patterns = {lt: tuple(p) for lt, p in pats.items()}
        self._compiled = [(lt, _compile(p)) for lt, ps in self.patterns.items() for p in ps]
        self._cache: dict[str, tuple[Light, str] | None] = {}
        for lt, ps in self.patterns.items():
            if not ps or any(not isinstance(p, str) or not p for p in ps):
                raise ValueError(f"patterns of {lt} must be non-empty strings")

    def match(self, relpath: str) -> tuple[Light, SetKey] | None:
        """The light and set of the file at ``relpath`` (posix, relative), or ``None``."""
        sub, _, name = relpath.rpartition("/")
        return self.match_name(sub, name)

    def match_name(self, sub: str, name: str) -> tuple[Light, SetKey] | None:
        """:meth:`match` for file ``name`` in sub-folder ``sub`` (cached per name)."""
        if name in self._cache:
            hit = self._cache[name]
        else:
            hit = self._match(name)
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[name] = hit
        return None if hit is None else (hit[0], (sub, hit[1]))

    def _match(self, name: str) -> tuple[Light, str] | None:
        lower = name.lower()
        if name.startswith(".") or lower.endswith(_IGNORED_SUFFIXES):
            return None
        if not lower.endswith(IMAGE_EXTENSIONS):
            return None
        for light, (rx, ext_group) in self._compiled:
            m = rx.match(name)
            if m is None:
                continue
            groups = [g for i, g in enumerate(m.groups()) if i != ext_group]
            return light, "*".join(groups).lower()
        return None


def _readable(path: Path) -> bool:
    """Whether no writer holds ``path`` (opening works; no exclusive flock on POSIX)."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, after the lock probe
    except OSError:
        return False
    try:
        if sys.platform != "win32":
            import fcntl

            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
            except OSError:
                return False
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        return True
    finally:
        fh.close()


class FolderReader(BaseReader):
    """Watches ``folder`` for captures a vendor's software writes.

    Args:
        folder: the export folder.
        lights: the lights a complete set has (default: every light with patterns).
        patterns: light -> shell patterns (default :data:`DEFAULT_PATTERNS`).
        stable_ms: how long a file's size and time must stay unchanged.
        poll_ms: how often to look.
        timeout_s: how long :meth:`capture_all` waits for a new set.
        skip_existing: sets already complete when the reader opens are not handed over.
        after: what happens to a set's files once handed over: ``keep``,
            ``move`` (into ``done/``) or ``delete``.
        dpi: the reader's pixel density (else read from the white image's metadata).
        name: how the window and errors name the reader.
        calibration: the reader's flat field (and dark frames) per light, applied to
            every frame of a matching size (see :func:`flat_field_from_capture`).
    """

    def __init__(self, folder: str | Path, *, lights: Sequence[Light] | None = None,
                 patterns: Mapping[Light, Sequence[str]] | None = None,
                 stable_ms: float = 500.0, poll_ms: float = 100.0, timeout_s: float = 120.0,
                 skip_existing: bool = True, after: str = "keep", dpi: float | None = None,
                 name: str | None = None, calibration: RigCalibration | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._folder = Path(folder)
        self._map = PatternMap(patterns)
        wanted = tuple(lights) if lights is not None else tuple(self._map.patterns)
        missing = [lt for lt in wanted if lt not in self._map.patterns]
        if missing:
            raise ValueError(f"no file name patterns for {', '.join(map(str, missing))}")
        if after not in ("keep", "move", "delete"):
            raise ValueError(f"after must be keep, move or delete, got {after!r}")
        if stable_ms < 0 or poll_ms <= 0 or timeout_s < 0:
            raise ValueError("stable_ms, poll_ms and timeout_s must be positive")
        super().__init__(name or f"export folder {self._folder}", wanted, dpi=dpi)
        self._stable_s = stable_ms / 1000.0
        self._broken_after_s = max(5.0, 10 * self._stable_s)
        self._poll_s = poll_ms / 1000.0
        self._timeout_s = timeout_s
        self._after = after
        self._clock = clock
        self._seen: dict[str, _Seen] = {}
        self._dirs: dict[str, _Listing] = {}
        self._grouped: dict[SetKey, dict[Light, str]] | None = None
        self._grouped_dirs = 0
        self._last_recheck = time.monotonic()
        self._consumed: dict[str, tuple[int, int]] = {}
        self._last: CaptureSet | None = None
        self._calibration = calibration
        self._check_folder()
        if skip_existing:
            for files in self._scan().values():
                for e in files.values():
                    self._consumed[e.path] = (e.size, e.mtime_ns)

    # -- protocol ---------------------------------------------------------------------------
    @property
    def folder(self) -> Path:
        return self._folder

    def _do_set_light(self, light: Light | None) -> None:
        """The vendor's reader switches its own lamps; nothing to do here."""

    def _do_frame(self, light: Light | None) -> Image:
        """The latest capture's image under ``light`` (black when none or all off)."""
        last = self._last
        if last is None:
            return np.zeros((480, 640, 3), dtype=np.uint8)
        if light is None or light not in last.images:
            h, w = last.size
            return np.zeros((h, w, 3), dtype=np.uint8)
        return last.images[light].copy()

    def capture_all(self, lights: Sequence[Light] | None = None,
                    progress: ProgressCallback | None = None) -> CaptureSet:
        """Wait for the next complete, fully written set and return it.

        Raises:
            DeviceError: the folder is gone, no set arrived within ``timeout_s``,
                or a set's images are unreadable or of different sizes.
        """
        self._check_open()
        wanted = self._wanted_lights(lights)
        deadline = self._clock() + self._timeout_s
        while True:
            started = time.perf_counter()
            capture = self.poll_capture(wanted, progress)
            scan_s = time.perf_counter() - started
            if capture is not None:
                return capture
            if self._clock() >= deadline:
                names = ", ".join(map(str, self._lights))
                raise DeviceError(self._name, f"no complete capture ({names}) appeared in "
                                              f"{self._folder} within {self._timeout_s:g} s")
            # a folder that keeps thousands of files must not eat a core: look at most
            # a fifth of the time
            time.sleep(max(self._poll_s, 4 * scan_s))

    def poll_capture(self, lights: Sequence[Light] | None = None,
                     progress: ProgressCallback | None = None) -> CaptureSet | None:
        """The oldest complete, fully written set not handed over yet, or ``None`` (no wait)."""
        self._check_open()
        wanted = self._lights if lights is None else tuple(lights)
        with self._lock:
            ready = self.ready_sets()
            if not ready:
                return None
            for fs in ready:
                capture = self._load(fs, wanted, progress)
                if capture is not None:
                    break
            else:
                return None
            self._mark_consumed(fs)
            self._dispose(fs)
            self._last = capture
            return capture

    # -- scanning ---------------------------------------------------------------------------
    def _check_folder(self) -> None:
        if not self._folder.is_dir():
            raise DeviceError(self._name, f"folder {self._folder} does not exist or is not "
                                          "reachable (is the share mounted?)")

    def _listing(self, rel_dir: str, abs_dir: str) -> _Listing:
        """Sub-folders and matching files of one folder, re-read only when it changed.

        A folder's listing is reused while its modification time is unchanged
        and more than :data:`_DIR_SETTLE_S` old (file systems with coarse times,
        such as SMB shares, could otherwise hide a file added in the same tick).
        """
        st = os.stat(abs_dir)
        cached = self._dirs.get(abs_dir)
        if cached is not None and cached.mtime_ns == st.st_mtime_ns and \
                time.time() - st.st_mtime > _DIR_SETTLE_S:
            return cached
        listing = _Listing(st.st_mtime_ns)
        with os.scandir(abs_dir) as it:
            for entry in it:
                name = entry.name
                try:
                    is_dir = entry.is_dir(follow_symlinks=False)
                except OSError:
                    continue
                if is_dir:
                    if not name.startswith(".") and not (rel_dir == "" and name == "done"):
                        listing.dirs.append((f"{rel_dir}/{name}" if rel_dir else name,
                                             entry.path))
                    continue
                hit = self._map.match_name(rel_dir, name)
                if hit is not None:
                    listing.files.append((entry.path, name, hit[0], hit[1]))
        self._dirs[abs_dir] = listing
        return listing

    def _groups(self) -> dict[SetKey, dict[Light, str]]:
        """Every matching file's path, grouped by set (rebuilt only when a folder changed)."""
        self._check_folder()
        fresh = self._grouped is None
        listings: list[_Listing] = []
        stack = [("", str(self._folder))]
        while stack:
            rel_dir, abs_dir = stack.pop()
            before = self._dirs.get(abs_dir)
            try:
                listing = self._listing(rel_dir, abs_dir)
            except (FileNotFoundError, NotADirectoryError):
                fresh = fresh or self._dirs.pop(abs_dir, None) is not None
                if rel_dir == "":
                    self._check_folder()
                continue
            except OSError as exc:
                raise DeviceError(self._name, f"cannot list {abs_dir}: "
                                              f"{exc.strerror or exc}") from None
            fresh = fresh or listing is not before
            listings.append(listing)
            stack.extend(listing.dirs)
        if not fresh and len(listings) == self._grouped_dirs and self._grouped is not None:
            return self._grouped
        groups: dict[SetKey, dict[Light, str]] = {}
        for listing in listings:
            for path, name, light, key in listing.files:
                files = groups.setdefault(key, {})
                prev = files.get(light)
                if prev is None or name < os.path.basename(prev):
                    files[light] = path
        self._grouped, self._grouped_dirs = groups, len(listings)
        return groups

    def _scan(self) -> dict[SetKey, dict[Light, _Entry]]:
        """The matching files of every set not wholly handed over yet, with their stats.

        Files already handed over are looked at again (stat) only every
        :data:`_RECHECK_S`, so a folder keeping thousands of old files stays cheap;
        a vendor overwriting ``WHITE.jpg`` in place is still noticed.
        """
        now = time.monotonic()
        recheck = now - self._last_recheck >= _RECHECK_S
        if recheck:
            self._last_recheck = now
        consumed = self._consumed
        sets: dict[SetKey, dict[Light, _Entry]] = {}
        for key, files in self._groups().items():
            if not recheck and all(path in consumed for path in files.values()):
                continue  # handed over, and not due for a re-check
            entries: dict[Light, _Entry] = {}
            for light, path in files.items():
                old = consumed.get(path)
                if old is not None and not recheck:
                    entries[light] = _Entry(path, old[0], old[1])
                    continue
                try:
                    st = os.stat(path)
                except OSError:
                    continue  # removed while we looked
                entries[light] = _Entry(path, st.st_size, st.st_mtime_ns)
            if entries and not all(self._consumed_entry(e) for e in entries.values()):
                sets[key] = entries
        return sets

    def _consumed_entry(self, e: _Entry) -> bool:
        return self._consumed.get(e.path) == (e.size, e.mtime_ns)

    def _stable(self, e: _Entry, now: float) -> bool:
        seen = self._seen.get(e.path)
        if seen is None or (seen.size, seen.mtime_ns) != (e.size, e.mtime_ns):
            self._seen[e.path] = _Seen(e.size, e.mtime_ns, now)
            return self._stable_s == 0 and e.size > 0 and _readable(Path(e.path))
        return e.size > 0 and now - seen.since >= self._stable_s and _readable(Path(e.path))

    def ready_sets(self) -> list[FolderSet]:
        """Complete sets whose files are all fully written and not handed over yet."""
        now = self._clock()
        ready: list[tuple[int, str, FolderSet]] = []
        for key, files in self._scan().items():
            if any(lt not in files for lt in self._lights):
                continue
            entries = [files[lt] for lt in self._lights]
            if any(self._consumed_entry(e) for e in entries):
                continue
            # every file's clock must start now, so no short-cut here
            stable = [self._stable(e, now) for e in entries]
            if all(stable):
                fs = FolderSet(key, {lt: Path(files[lt].path) for lt in self._lights})
                ready.append((max(e.mtime_ns for e in entries), fs.describe(), fs))
        ready.sort(key=lambda t: (t[0], t[1]))
        return [fs for _, _, fs in ready]

    def pending(self) -> list[str]:
        """Sets seen but not complete yet (for the window's status line)."""
        out = []
        for key, files in sorted(self._scan().items()):
            missing = [lt.value for lt in self._lights if lt not in files]
            if missing:
                name = FolderSet(key).describe()
                out.append(f"{name}: waiting for {', '.join(missing)}")
        return out

    # -- handing over -----------------------------------------------------------------------
    def _load(self, fs: FolderSet, wanted: Sequence[Light],
              progress: ProgressCallback | None) -> CaptureSet | None:
        """Decode a set; ``None`` while a file does not decode yet (a writer paused)."""
        images: dict[Light, Image] = {}
        for i, light in enumerate(wanted):
            if progress is not None:
                progress(i, len(wanted), light)
            path = fs.files[light]
            try:
                data = read_image_bytes(path, root=self._folder)
                images[light] = decode_image(data, str(path))
            except FormatError as exc:
                seen = self._seen.get(str(path))
                if seen is not None and self._clock() - seen.since < self._broken_after_s:
                    return None
                self._mark_consumed(fs)
                raise DeviceError(self._name, f"capture {fs.describe()}: {exc}") from None
            except OSError as exc:
                raise DeviceError(self._name, f"cannot read {path}: "
                                              f"{exc.strerror or exc}") from None
        sizes = {(img.shape[0], img.shape[1]) for img in images.values()}
        if len(sizes) > 1:
            self._mark_consumed(fs)
            desc = ", ".join(f"{fs.files[lt].name} {img.shape[1]}x{img.shape[0]}"
                             for lt, img in images.items())
            raise DeviceError(self._name, f"capture {fs.describe()}: images of different "
                                          f"sizes ({desc})")
        flat = False
        if self._calibration is not None:
            for light in list(images):
                cal = self._calibration.lights.get(light)
                if cal is not None and cal.gain is not None and cal.gain.shape == images[
                        light].shape:
                    images[light] = cal.apply(images[light])
                    flat = True
        dpi = self._dpi or _image_dpi(fs.files[Light.WHITE])
        try:
            stamp = dt.datetime.fromtimestamp(fs.files[Light.WHITE].stat().st_mtime, dt.UTC)
        except OSError:
            stamp = dt.datetime.now(dt.UTC)
        return CaptureSet(
            images=images, dpi=dpi, device=self._name, captured_at=stamp,
            metadata={"reader": {"kind": "folder", "set": fs.describe(),
                                 "files": {lt.value: fs.files[lt].name for lt in wanted},
                                 "flat_field": flat}},
        )

    def _mark_consumed(self, fs: FolderSet) -> None:
        for path in fs.files.values():
            with contextlib.suppress(OSError):
                st = path.stat()
                self._consumed[str(path)] = (st.st_size, st.st_mtime_ns)

    def _dispose(self, fs: FolderSet) -> None:
        if self._after == "keep":
            return
        for path in fs.files.values():
            try:
                if self._after == "delete":
                    path.unlink()
                else:
                    target = self._folder / "done" / path.relative_to(self._folder)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.move(str(path), str(target))
            except OSError as exc:
                raise DeviceError(self._name, f"cannot {self._after} {path}: "
                                              f"{exc.strerror or exc}") from None
            self._consumed.pop(str(path), None)
            self._seen.pop(str(path), None)


def _image_dpi(path: Path) -> float | None:
    """The density recorded in an image file (PNG pHYs, JPEG JFIF/EXIF, TIFF), if any."""
    import warnings

    from PIL import Image as PILImage

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with PILImage.open(path) as im:
                value = im.info.get("dpi")
    except Exception:
        return None
    if isinstance(value, tuple) and value and isinstance(value[0], int | float):
        dpi = float(value[0])
        return dpi if 50.0 <= dpi <= 4800.0 else None
    return None


def flat_field_from_capture(folder: str | Path, *, smooth_fraction: float = 0.02
                            ) -> RigCalibration:
    """The reader's flat field from a capture folder of a blank white card (as its
    vendor software exports one): a smoothed per-pixel gain per light.

    Raises:
        FormatError: the folder is not a readable capture.
        ValueError: a card image is black (lamp off?).
    """
    from workstation.capture import load_capture

    card = load_capture(folder)
    cal = RigCalibration(created_at=dt.datetime.now(dt.UTC))
    for light, img in card.images.items():
        cal.for_light(light).gain = flat_gain(img, smooth_fraction=smooth_fraction)
    return cal


def reader_calibration_dir(name: str) -> Path:
    """Where a named reader's calibration is stored with the device:
    ``data_dir()/readers/<name>/``."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "reader"
    return data_dir() / "readers" / safe


def open_folder_reader(config: ReaderConfig) -> FolderReader:
    """Open a folder reader from its configuration.

    Options: ``folder`` (required), ``lights``, ``patterns`` (light -> list of
    patterns), ``stable_ms``, ``poll_ms``, ``timeout_s``, ``skip_existing``,
    ``after``, ``dpi``, ``name``, ``flat_field`` (a capture folder of a blank white
    card from this reader: its flat field is computed, stored with the device in
    :func:`reader_calibration_dir` and applied to every frame; once stored it is
    used without the option).

    Raises:
        DeviceError: bad options or the folder does not exist.
    """
    opts = dict(config.options)
    folder = opts.pop("folder", None)
    name = opts.get("name")
    label = str(name or f"export folder {folder}")
    if not folder:
        raise DeviceError(label, "no 'folder' configured")
    try:
        lights = [Light.parse(str(x)) for x in opts["lights"]] if opts.get("lights") else None
        patterns = None
        if opts.get("patterns"):
            raw = opts["patterns"]
            if not isinstance(raw, Mapping):
                raise ValueError("'patterns' must map light names to lists of patterns")
            patterns = {Light.parse(str(k)): [v] if isinstance(v, str) else list(v)
                        for k, v in raw.items()}
        kwargs: dict[str, Any] = {}
        for key in ("stable_ms", "poll_ms", "timeout_s", "dpi"):
            if opts.get(key) is not None:
                kwargs[key] = float(opts[key])
        if "skip_existing" in opts:
            kwargs["skip_existing"] = _as_bool(opts["skip_existing"])
        if opts.get("after"):
            kwargs["after"] = str(opts["after"])
        store = reader_calibration_dir(label)
        if opts.get("flat_field"):
            calibration = flat_field_from_capture(str(opts["flat_field"]))
            calibration.save(store)
            kwargs["calibration"] = calibration
        elif (store / CALIBRATION_JSON).is_file():
            kwargs["calibration"] = RigCalibration.load(store)
        return FolderReader(folder, lights=lights, patterns=patterns, name=name, **kwargs)
    except (ValueError, TypeError) as exc:
        raise DeviceError(label, f"bad settings: {exc}") from None
    except FormatError as exc:
        raise DeviceError(label, f"flat field: {exc}") from None


def _as_bool(value: Any) -> bool:
    if isinstance(value, str):
        if value.lower() in ("1", "true", "yes", "on"):
            return True
        if value.lower() in ("0", "false", "no", "off"):
            return False
        raise ValueError(f"not a yes/no value: {value!r}")
    return bool(value)


register_reader("folder", open_folder_reader)
