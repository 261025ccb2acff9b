"""Specimen packages (``workstation.specimen/1``, formats.md §3): folder or ``.zip``.

:func:`load_specimen` reads and validates ``specimen.json``; images are decoded
lazily (``verify_images=True`` decodes and checks them all at once, as an import
does). :func:`save_specimen` writes a folder or a zip atomically.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
import stat
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from workstation.capture import DPI_RANGE, MAX_MEMBER_NAME, check_member_name
from workstation.errors import FormatError
from workstation.fsutil import atomic_dir, atomic_open
from workstation.imageio import decode_image, encode_images
from workstation.limits import Limits, describe
from workstation.limits import current as current_limits
from workstation.printable import printable
from workstation.safeio import check_id, check_text, load_json_object, read_regular_file
from workstation.types import (
    VARIES_VALUES,
    Expect,
    Image,
    Light,
    MeasureStat,
    Specimen,
    SpecimenStatistics,
    Stat,
    Zone,
    ZoneCheck,
)

SPECIMEN_FORMAT = "workstation.specimen/1"
SPECIMEN_JSON = "specimen.json"
MRZ_FORMATS = ("TD1", "TD2", "TD3", "MRVA", "MRVB")
_KNOWN_KEYS = {
    "format", "id", "title", "issuing_state", "document_code", "mrz_format", "series",
    "valid_from", "valid_until", "size_mm", "dpi", "images", "zones", "statistics",
}
#: Bounds of the learned statistics (formats.md §3): values are finite and within
#: ±STAT_LIMIT, counts at most STAT_MAX_N, names short identifiers.
STAT_LIMIT = 1e6
STAT_MAX_N = 1_000_000
MAX_SOURCES = 100_000
_MEASURE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
#: Images may differ from ``size_mm`` at ``dpi`` by this fraction (cropping tolerance).
SIZE_TOLERANCE = 0.03


#: Files a package may carry besides ``specimen.json`` and its images (copied on import).
EXTRA_MEMBERS = ("specimen.sig", "signature.json", "README.txt")
#: Members larger than this are held to the compression-ratio limit (bytes).
RATIO_FLOOR = 1 << 20


class _Source:
    """Reads member files of a package folder or zip, within the input limits.

    A folder's members are read only as regular files that do not lead out of
    the folder through a symbolic link; a zip's members are checked for count,
    size, total size and compression ratio before anything is read, and path
    traversal, links and control characters in member names are refused.
    """

    def __init__(self, path: Path, limits: Limits | None = None) -> None:
        self.path = path
        self.limits = limits or current_limits()
        self.is_zip = path.is_file()
        self.prefix = ""
        if self.is_zip:
            try:
                with zipfile.ZipFile(path) as zf:
                    infos = zf.infolist()
            except zipfile.BadZipFile as exc:
                raise FormatError(path, f"not a readable zip file ({exc})") from None
            except OSError as exc:
                raise FormatError(path, f"cannot read: {exc.strerror or exc}") from None
            self._check_zip(infos)
            names = [i.filename for i in infos]
            if SPECIMEN_JSON not in names:
                tops = {n.split("/", 1)[0] for n in names}
                if len(tops) == 1 and f"{next(iter(tops))}/{SPECIMEN_JSON}" in names:
                    self.prefix = next(iter(tops)) + "/"
                else:
                    raise FormatError(path, f"no {SPECIMEN_JSON} in the zip")
            self.names = set(names)
        elif not path.is_dir():
            raise FormatError(path, "no such specimen package (folder or .zip)")

    def _check_zip(self, infos: list[zipfile.ZipInfo]) -> None:
        lim = self.limits
        if len(infos) > lim.zip_members:
            raise FormatError(self.path, f"zip of {len(infos)} members; the limit is "
                                         f"{lim.zip_members} (limits.json: zip_members)")
        total = 0
        for info in infos:
            name = info.filename
            where = f"{printable(self.path)}!{printable(name)}"
            if name.startswith(("/", "\\")) or ".." in PurePosixPath(name).parts:
                raise FormatError(where, "member path points outside the package")
            check_text(name, where, "member name", max_length=MAX_MEMBER_NAME)
            mode = (info.external_attr >> 16) & 0o170000
            if mode and mode not in (stat.S_IFREG, stat.S_IFDIR):
                raise FormatError(where, "member is a link or special file: refused")
            if info.file_size > lim.zip_member_bytes:
                raise FormatError(where, f"member of {describe(info.file_size)} is larger than "
                                         f"the limit of {describe(lim.zip_member_bytes)} "
                                         "(limits.json: zip_member_bytes)")
            if info.file_size > RATIO_FLOOR and (
                    info.compress_size == 0
                    or info.file_size / info.compress_size > lim.zip_ratio):
                ratio = info.file_size / max(1, info.compress_size)
                raise FormatError(where, f"member compressed {ratio:.0f} to 1, more than the "
                                         f"limit of {lim.zip_ratio} (limits.json: zip_ratio): "
                                         "a zip bomb?")
            total += info.file_size
        if total > lim.zip_total_bytes:
            raise FormatError(self.path, f"zip members add up to {describe(total)}, more than "
                                         f"the limit of {describe(lim.zip_total_bytes)} "
                                         "(limits.json: zip_total_bytes)")

    def where(self, name: str) -> str:
        return f"{self.path}!{name}" if self.is_zip else str(self.path / name)

    def exists(self, name: str) -> bool:
        if self.is_zip:
            return self.prefix + name in self.names
        return (self.path / name).exists()

    def read(self, name: str, *, max_bytes: int | None = None, limit_name: str = "") -> bytes:
        """A member's bytes (at most ``max_bytes``, default the image limit)."""
        check_member_name(name, str(self.path))
        if max_bytes is None:
            max_bytes, limit_name = self.limits.image_bytes, "image_bytes"
        if self.is_zip:
            member = self.prefix + name
            if member not in self.names:
                raise FormatError(self.where(name), "file not found in the package")
            try:
                with zipfile.ZipFile(self.path) as zf, zf.open(member) as fh:
                    data = fh.read(max_bytes + 1)
            except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
                raise FormatError(
                    self.where(name), f"truncated or corrupt zip member ({exc})"
                ) from None
            if len(data) > max_bytes:
                raise FormatError(self.where(name), f"member larger than the limit of "
                                                    f"{describe(max_bytes)} "
                                                    f"(limits.json: {limit_name})")
            return data
        return read_regular_file(self.path / name, max_bytes=max_bytes, root=self.path,
                                 limit_name=limit_name)

    def read_json(self) -> bytes:
        return self.read(SPECIMEN_JSON, max_bytes=self.limits.json_bytes,
                         limit_name="json_bytes")


def _str(meta: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = meta.get(key)
    if value is None and not required:
        return ""
    return check_text(value, where, key, required=required)


def _code(meta: dict[str, Any], key: str, where: str, length: int) -> str:
    value = meta.get(key)
    if not isinstance(value, str) or not re.fullmatch(rf"[A-Za-z<]{{1,{length}}}", value):
        raise FormatError(where, f"'{key}' must be 1 to {length} letters as printed in the "
                                 f"MRZ, got {printable(value)[:20]!r}")
    return value.upper()


def _date(meta: dict[str, Any], key: str, where: str) -> dt.date | None:
    value = meta.get(key)
    if value is None:
        return None
    try:
        if not isinstance(value, str) or len(value) > 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise FormatError(where, f"'{key}' must be an ISO date (YYYY-MM-DD) or null") from None


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) \
        and math.isfinite(value)


#: Largest document face a specimen may describe (mm).
MAX_SIZE_MM = 1000.0
#: Most checks one zone may carry.
MAX_ZONE_CHECKS = 32


def _parse_zone(raw: Any, index: int, size_mm: tuple[float, float], lights: set[Light],
                where: str) -> Zone:
    if not isinstance(raw, dict):
        raise FormatError(where, f"zone #{index + 1} must be an object")
    zid = raw.get("id")
    if not isinstance(zid, str) or not zid:
        raise FormatError(where, f"zone #{index + 1} needs a string 'id'")
    check_text(zid, where, f"zone #{index + 1} id", max_length=64)
    rect = raw.get("rect_mm")
    if not (isinstance(rect, list) and len(rect) == 4 and all(_number(v) for v in rect)):
        raise FormatError(where, f"zone {zid!r}: 'rect_mm' must be [x, y, width, height] in mm, "
                                 "four finite numbers")
    x, y, w, h = (float(v) for v in rect)
    width, height = size_mm
    eps = 0.5
    if w <= 0 or h <= 0 or x < -eps or y < -eps or x + w > width + eps or y + h > height + eps:
        raise FormatError(
            where,
            f"zone {zid!r} {[x, y, w, h]} lies outside the document ({width} x {height} mm)",
        )
    role = raw.get("role")
    if role is not None:
        check_text(role, where, f"zone {zid!r} role", max_length=64)
    label = check_text(raw.get("label", ""), where, f"zone {zid!r} label")
    checks: list[ZoneCheck] = []
    raw_checks = raw.get("checks", [])
    if not isinstance(raw_checks, list):
        raise FormatError(where, f"zone {zid!r}: 'checks' must be a list")
    if len(raw_checks) > MAX_ZONE_CHECKS:
        raise FormatError(where, f"zone {zid!r}: more than {MAX_ZONE_CHECKS} checks")
    for chk in raw_checks:
        if not isinstance(chk, dict):
            raise FormatError(where, f"zone {zid!r}: each check must be an object")
        try:
            light = Light.parse(str(chk.get("light"))[:40])
        except ValueError as exc:
            raise FormatError(where, f"zone {zid!r}: {printable(exc)}") from None
        try:
            expect, of = ZoneCheck.parse_expect(str(chk.get("expect")))
        except ValueError as exc:
            known = ", ".join(e.value + (":<role>" if e is Expect.GHOST_OF else "")
                              for e in Expect)
            raise FormatError(
                where, f"zone {zid!r}: unknown expect {printable(chk.get('expect'))[:40]!r} "
                       f"({exc}; known: {known})"
            ) from None
        if light not in lights:
            raise FormatError(where, f"zone {zid!r} checks the {light} light but the package "
                                     f"has no {light} image")
        checks.append(ZoneCheck(light, expect, of))
    face = raw.get("face", "front")
    if face not in ("front", "back"):
        raise FormatError(where, f"zone {zid!r}: 'face' must be \"front\" or \"back\", "
                                 f"got {face!r}")
    varies = raw.get("varies")
    if varies is not None and varies not in VARIES_VALUES:
        raise FormatError(where, f"zone {zid!r}: 'varies' must be one of "
                                 f"{', '.join(VARIES_VALUES)} or absent, got {varies!r}")
    stats = parse_stats(raw.get("stats"), lights, where, f"zone {zid!r}")
    return Zone(id=zid, rect_mm=(x, y, w, h), role=role, label=label, checks=tuple(checks),
                face=face, varies=varies, stats=stats)


def _stat(raw: Any, where: str, what: str) -> Stat:
    if not isinstance(raw, dict):
        raise FormatError(where, f"{what} must be an object {{n, mean, sd, min, max}}")
    missing = [k for k in ("n", "mean", "sd", "min", "max") if k not in raw]
    if missing:
        raise FormatError(where, f"{what} lacks {', '.join(missing)}")
    n = raw["n"]
    if not (isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= STAT_MAX_N):
        raise FormatError(where, f"{what}: 'n' must be a whole number 1..{STAT_MAX_N}")
    vals: dict[str, float] = {}
    for key in ("mean", "sd", "min", "max"):
        v = raw[key]
        if not _number(v) or not math.isfinite(float(v)) or abs(float(v)) > STAT_LIMIT:
            raise FormatError(where, f"{what}: '{key}' must be a finite number within "
                                     f"±{STAT_LIMIT:g}, got {v!r}")
        vals[key] = float(v)
    tol = 1e-6 * max(1.0, abs(vals["min"]), abs(vals["max"]))
    if vals["sd"] < 0:
        raise FormatError(where, f"{what}: 'sd' must not be negative")
    if not vals["min"] - tol <= vals["mean"] <= vals["max"] + tol:
        raise FormatError(where, f"{what}: needs min <= mean <= max, got {vals['min']:g}, "
                                 f"{vals['mean']:g}, {vals['max']:g}")
    if n == 1 and (vals["sd"] > tol or vals["max"] - vals["min"] > tol):
        raise FormatError(where, f"{what}: a single value has sd 0 and min = max")
    return Stat(n=n, mean=vals["mean"], sd=vals["sd"], min=vals["min"], max=vals["max"])


def parse_stats(raw: Any, lights: set[Light], where: str, what: str) -> tuple[MeasureStat, ...]:
    """Validate ``{"<light>": {"<measure>": {n, mean, sd, min, max}}}`` (absent: none)."""
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        raise FormatError(where, f"{what}: 'stats' must be an object of lights")
    out: list[MeasureStat] = []
    for light_name, measures in raw.items():
        try:
            light = Light.parse(str(light_name))
        except ValueError as exc:
            raise FormatError(where, f"{what}: stats: {exc}") from None
        if light not in lights:
            raise FormatError(where, f"{what}: stats for the {light} light but the package has "
                                     f"no {light} image")
        if not isinstance(measures, dict):
            raise FormatError(where, f"{what}: stats of {light}: must be an object of measures")
        for name, value in measures.items():
            if not isinstance(name, str) or not _MEASURE_NAME.match(name):
                raise FormatError(where, f"{what}: measure name {name!r} must be a short "
                                         f"lower-case identifier")
            out.append(MeasureStat(light, name, _stat(value, where, f"{what} {light}/{name}")))
    return tuple(out)


def parse_statistics(raw: Any, lights: set[Light], where: str) -> SpecimenStatistics:
    """Validate the top-level ``statistics`` object (absent: none learned)."""
    if raw is None:
        return SpecimenStatistics()
    if not isinstance(raw, dict):
        raise FormatError(where, "'statistics' must be an object")
    count = raw.get("exemplars", 0)
    if not (isinstance(count, int) and not isinstance(count, bool) and 0 <= count <= STAT_MAX_N):
        raise FormatError(where, "statistics: 'exemplars' must be a whole number >= 0")
    sources = raw.get("sources", [])
    if not isinstance(sources, list) or len(sources) > MAX_SOURCES or not all(
            isinstance(v, str) and _SHA256.match(v) for v in sources):
        raise FormatError(where, "statistics: 'sources' must be a list of SHA-256 hex digests")
    updated = raw.get("updated_at")
    if updated is not None:
        try:
            dt.datetime.fromisoformat(str(updated))
        except ValueError:
            raise FormatError(where, f"statistics: 'updated_at' must be ISO 8601, "
                                     f"got {updated!r}") from None
    page = parse_stats(raw.get("page"), lights, where, "statistics: page")
    return SpecimenStatistics(exemplars=count, sources=tuple(sources), page=page,
                              updated_at=None if updated is None else str(updated))


def stats_json(stats: tuple[MeasureStat, ...]) -> dict[str, dict[str, Any]]:
    """``{"<light>": {"<measure>": {n, mean, sd, min, max}}}`` for ``stats``."""
    out: dict[str, dict[str, Any]] = {}
    for ms in stats:
        out.setdefault(ms.light.value, {})[ms.measure] = ms.stat.to_json()
    return out


def _provenance(value: Any, where: str) -> dict[str, Any]:
    """``provenance``: an object of short texts (and numbers) saying where the specimen
    comes from — the issuing authority, the exemplars it was made from, its author."""
    if not isinstance(value, dict):
        raise FormatError(where, "'provenance' must be an object")
    if len(value) > 32:
        raise FormatError(where, "'provenance' has more than 32 entries")
    out: dict[str, Any] = {}
    for key, item in value.items():
        check_text(key, where, "provenance key", max_length=64)
        if isinstance(item, list | dict):
            # a list of short texts (zones blurred...) or an object of them (image
            # digests per light), one level deep, bounded
            values = list(item.values()) if isinstance(item, dict) else item
            if len(values) > 256:
                raise FormatError(where, f"provenance {key!r} has more than 256 entries")
            if isinstance(item, dict):
                for sub in item:
                    check_text(sub, where, f"provenance {key!r} key", max_length=64)
            for sub in values:
                _provenance_scalar(sub, where, key)
        else:
            _provenance_scalar(item, where, key)
        out[key] = item
    return out


def _provenance_scalar(item: Any, where: str, key: str) -> None:
    if isinstance(item, str):
        check_text(item, where, f"provenance {key!r}", multiline=True)
    elif not (_number(item) or item is None or isinstance(item, bool)):
        raise FormatError(where, f"provenance {key!r} must be texts or numbers")


def parse_specimen_json(meta: dict[str, Any], where: str) -> tuple[Specimen, dict[Light, str]]:
    """Validate a ``specimen.json`` object; returns the specimen (no loader) and its image files.

    Every number must be finite and in range, ids printable ASCII within the
    ``id_length`` limit, texts free of control and direction-override characters.
    """
    where = printable(where)
    limits = current_limits()
    fmt = meta.get("format")
    if fmt != SPECIMEN_FORMAT:
        raise FormatError(where, f"'format' must be {SPECIMEN_FORMAT!r}, "
                                 f"got {printable(fmt)[:60]!r}")
    sid = check_id(meta.get("id"), where, "id")
    title = _str(meta, "title", where, required=False) or sid
    state = _code(meta, "issuing_state", where, 3)
    code = _code(meta, "document_code", where, 2)
    mrz_format = meta.get("mrz_format")
    if mrz_format is not None and mrz_format not in MRZ_FORMATS:
        raise FormatError(where, f"'mrz_format' must be one of {', '.join(MRZ_FORMATS)} or null")
    series = meta.get("series", "")
    if isinstance(series, int) and not isinstance(series, bool):
        series = str(series)
    series = check_text(series, where, "series", max_length=64) if series is not None else ""
    valid_from = _date(meta, "valid_from", where)
    valid_until = _date(meta, "valid_until", where)
    size = meta.get("size_mm")
    if not (isinstance(size, list) and len(size) == 2
            and all(_number(v) and 0 < v <= MAX_SIZE_MM for v in size)):
        raise FormatError(where, f"'size_mm' must be [width, height] in mm, both finite, "
                                 f"above 0 and at most {MAX_SIZE_MM:g}")
    size_mm = (float(size[0]), float(size[1]))
    dpi: Any = meta.get("dpi")
    if not (_number(dpi) and DPI_RANGE[0] <= dpi <= DPI_RANGE[1]):
        raise FormatError(where, f"'dpi' must be a number from {DPI_RANGE[0]:g} to "
                                 f"{DPI_RANGE[1]:g}, got {printable(dpi)[:40]}")
    from workstation.capture import parse_lights_map

    images = meta.get("images")
    files = parse_lights_map(images, where) if images is not None else {}
    if isinstance(images, dict) and not images:
        files = {}
    if Light.WHITE not in files:
        raise FormatError(where, "'images' must include a 'white' image")
    zones_raw = meta.get("zones", [])
    if not isinstance(zones_raw, list):
        raise FormatError(where, "'zones' must be a list")
    if len(zones_raw) > limits.zones:
        raise FormatError(where, f"{len(zones_raw)} zones; the limit is {limits.zones} "
                                 "(limits.json: zones)")
    zones = [_parse_zone(z, i, size_mm, set(files), where) for i, z in enumerate(zones_raw)]
    ids = [z.id for z in zones]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise FormatError(where, f"zone ids repeated: {', '.join(sorted(dup))}")
    extra = {k: _provenance(v, where) if k == "provenance" else v
             for k, v in meta.items() if k not in _KNOWN_KEYS}
    statistics = parse_statistics(meta.get("statistics"), set(files), where)
    spec = Specimen(
        id=sid, title=title, issuing_state=state, document_code=code, mrz_format=mrz_format,
        series=series, valid_from=valid_from, valid_until=valid_until, size_mm=size_mm,
        dpi=float(dpi), image_lights=tuple(files), zones=tuple(zones), extra=extra,
        statistics=statistics,
    )
    return spec, files


def load_specimen(path: str | Path, *, verify_images: bool = False) -> Specimen:
    """Load a specimen package from a folder or a ``.zip``.

    With ``verify_images`` every image is decoded now and checked to have one
    size that matches ``size_mm`` at ``dpi`` (within 3%); otherwise images are
    decoded on first use.

    Raises:
        FormatError: naming the file and the problem.
    """
    src = _Source(Path(path))
    raw = src.read_json()
    meta = load_json_object(src.where(SPECIMEN_JSON), data=raw, limits=src.limits)
    spec, files = parse_specimen_json(meta, src.where(SPECIMEN_JSON))
    spec.source = str(src.path)

    def loader(light: Light) -> Image:
        fname = files[light]
        return decode_image(src.read(fname), src.where(fname))

    spec.loader = loader
    if verify_images:
        expected_h, expected_w = spec.size_px
        sizes: dict[tuple[int, int], str] = {}
        for light in spec.image_lights:
            img = spec.image(light)
            sizes.setdefault((img.shape[0], img.shape[1]), files[light])
        if len(sizes) > 1:
            desc = ", ".join(f"{f} is {w}x{h}" for (h, w), f in sizes.items())
            raise FormatError(src.where(SPECIMEN_JSON), f"images of different sizes: {desc}")
        (h, w), fname = next(iter(sizes.items()))
        if (abs(h - expected_h) > SIZE_TOLERANCE * expected_h
                or abs(w - expected_w) > SIZE_TOLERANCE * expected_w):
            raise FormatError(
                src.where(fname),
                f"image is {w}x{h} px but size_mm {list(spec.size_mm)} at {spec.dpi:g} dpi "
                f"means {expected_w}x{expected_h} px",
            )
    return spec


def copy_package(path: str | Path, dest: Path) -> list[str]:
    """Copy a package (folder or zip) into the empty folder ``dest``: ``specimen.json``,
    the images it names and the optional :data:`EXTRA_MEMBERS` — nothing else.

    Every member is read as :class:`_Source` reads it (regular files only, no
    symbolic link out of the package, zip limits), so a package cannot smuggle a
    link to a secret, a device or a huge unreferenced file into the library.
    Returns the member names written.
    """
    src = _Source(Path(path))
    raw = src.read_json()
    meta = load_json_object(src.where(SPECIMEN_JSON), data=raw, limits=src.limits)
    _spec, files = parse_specimen_json(meta, src.where(SPECIMEN_JSON))
    members = [SPECIMEN_JSON, *dict.fromkeys(files.values())]
    members += [m for m in EXTRA_MEMBERS if m not in members and src.exists(m)]
    for name in members:
        data = raw if name == SPECIMEN_JSON else src.read(name)
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "xb") as fh:
            fh.write(data)
    return members


def specimen_identity(spec: Specimen) -> dict[str, Any]:
    """The fields of ``specimen.json`` that identify a specimen and its geometry."""
    return {
        "id": spec.id,
        "title": spec.title,
        "issuing_state": spec.issuing_state,
        "document_code": spec.document_code,
        "mrz_format": spec.mrz_format,
        "series": spec.series,
        "valid_from": spec.valid_from.isoformat() if spec.valid_from else None,
        "valid_until": spec.valid_until.isoformat() if spec.valid_until else None,
        "size_mm": list(spec.size_mm),
        "dpi": spec.dpi,
    }


def specimen_json(spec: Specimen, files: dict[Light, str]) -> dict[str, Any]:
    """The ``specimen.json`` object for ``spec`` with images in ``files``."""
    meta: dict[str, Any] = {
        "format": SPECIMEN_FORMAT,
        **specimen_identity(spec),
        "images": {light.value: files[light] for light in spec.image_lights},
        "zones": [],
    }
    for z in spec.zones:
        zone: dict[str, Any] = {"id": z.id}
        if z.role:
            zone["role"] = z.role
        if z.label:
            zone["label"] = z.label
        if z.face != "front":
            zone["face"] = z.face
        zone["rect_mm"] = [round(v, 3) for v in z.rect_mm]
        if z.checks:
            zone["checks"] = [{"light": c.light.value, "expect": c.text} for c in z.checks]
        if z.varies:
            zone["varies"] = z.varies
        if z.stats:
            zone["stats"] = stats_json(z.stats)
        meta["zones"].append(zone)
    st = spec.statistics
    if st.exemplars or st.sources or st.page:
        meta["statistics"] = {"exemplars": st.exemplars, "sources": list(st.sources),
                              "updated_at": st.updated_at, "page": stats_json(st.page)}
    meta.update({k: v for k, v in spec.extra.items() if k not in meta})
    return meta


def save_specimen(spec: Specimen, path: str | Path) -> Path:
    """Write ``spec`` (with its images) as a package folder, or a zip when ``path`` ends in .zip.

    Written atomically: nothing appears at ``path`` unless the whole package was
    written. ``path`` must not exist yet for a folder; a zip is replaced.
    """
    path = Path(path)
    files = {light: f"{light.value}.png" for light in spec.image_lights}
    text = json.dumps(specimen_json(spec, files), indent=2, ensure_ascii=False) + "\n"
    if path.suffix.lower() == ".zip":
        with atomic_open(path, "wb") as fh:
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
                zf.writestr(SPECIMEN_JSON, text)
                for light, data in encode_images(dict(spec.images()), ".png").items():
                    zf.writestr(files[light], data)
            fh.write(buf.getvalue())
        return path
    with atomic_dir(path) as tmp:
        for light, data in encode_images(dict(spec.images()), ".png").items():
            (tmp / files[light]).write_bytes(data)
        (tmp / SPECIMEN_JSON).write_text(text, encoding="utf-8")
    return path
