"""Courses: what a trainer session puts on the platen (formats.md §9).

A course is a JSON file an instructor writes (or the course editor saves) and
offices share. It names the document types (specimen ids of the library), the
forgery kinds (:data:`workstation.specimens.edits.KINDS`, forgeries made by
editing a genuine capture the way forgers do), the lights the trainee may use,
the difficulty, how many documents and how long. Reading is strict: an unknown
document, forgery kind, light or key is refused with a one-line reason naming
the file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workstation.errors import FormatError, InputError
from workstation.paths import resource
from workstation.specimens.edits import KINDS
from workstation.types import Light

#: The ``format`` value of a course file.
COURSE_FORMAT = "workstation-course/1"
#: Largest course file read (bytes).
MAX_COURSE_BYTES = 256 * 1024
#: Most documents one course may hold.
MAX_DOCUMENTS = 200
#: Longest time limit (s): eight hours.
MAX_TIME_LIMIT_S = 8 * 3600

_KEYS = {"format", "id", "title", "description", "documents", "forgeries", "genuine_share",
         "lights", "difficulty", "count", "time_limit_s", "checks_unlocked", "debrief",
         "seed"}
_REQUIRED = ("format", "id", "title", "documents", "forgeries", "count")


@dataclass(frozen=True)
class Course:
    """A training course.

    Attributes:
        id: short identifier (letters, digits, ``-`` and ``_``).
        title: what the trainee sees.
        description: what the course teaches.
        documents: specimen ids the documents are drawn from.
        forgeries: forgery kinds (edit kinds) the forged documents are drawn from.
        genuine_share: fraction of genuine documents (0..1).
        lights: the lights the trainee may use (white always).
        difficulty: 0 (obvious) .. 1 (subtle): the forgery's strength, sensor noise
            and wear.
        count: how many documents.
        time_limit_s: seconds for the whole course (0: no limit).
        checks_unlocked: the automated checks are shown while examining.
        debrief: ``"each"`` (after every document) or ``"end"``.
        seed: the course's random choices (the same seed, the same documents).
    """

    id: str
    title: str
    documents: tuple[str, ...]
    forgeries: tuple[str, ...]
    count: int
    description: str = ""
    genuine_share: float = 0.3
    lights: tuple[Light, ...] = (Light.WHITE, Light.UV, Light.IR)
    difficulty: float = 0.3
    time_limit_s: int = 0
    checks_unlocked: bool = False
    debrief: str = "each"
    seed: int = 1
    source: str = field(default="", compare=False)

    def to_json(self) -> dict[str, Any]:
        """The course file's JSON object."""
        return {"format": COURSE_FORMAT, "id": self.id, "title": self.title,
                "description": self.description, "documents": list(self.documents),
                "forgeries": list(self.forgeries), "genuine_share": self.genuine_share,
                "lights": [light.value for light in self.lights],
                "difficulty": self.difficulty, "count": self.count,
                "time_limit_s": self.time_limit_s, "checks_unlocked": self.checks_unlocked,
                "debrief": self.debrief, "seed": self.seed}


def _need(cond: bool, source: str, problem: str) -> None:
    if not cond:
        raise FormatError(source, problem)


def _text(obj: Mapping[str, Any], key: str, source: str, *, max_len: int) -> str:
    value = obj.get(key, "")
    _need(isinstance(value, str), source, f"{key} must be text")
    _need(len(value) <= max_len, source, f"{key} is longer than {max_len} characters")
    _need(value.isprintable(), source, f"{key} holds control characters")
    return str(value)


def _number(obj: Mapping[str, Any], key: str, source: str, default: float, lo: float,
            hi: float) -> float:
    value = obj.get(key, default)
    _need(isinstance(value, int | float) and not isinstance(value, bool)
          and math.isfinite(value) and lo <= value <= hi, source,
          f"{key} must be a number from {lo:g} to {hi:g}")
    return float(value)


def _names(obj: Mapping[str, Any], key: str, source: str) -> tuple[str, ...]:
    value = obj.get(key)
    if not isinstance(value, list) or not value:
        raise FormatError(source, f"{key} must be a non-empty list")
    _need(all(isinstance(v, str) for v in value), source, f"{key} must list names")
    _need(len(set(value)) == len(value), source, f"{key} lists a name twice")
    return tuple(value)


def parse_course(obj: Any, source: str, *, documents: Collection[str]) -> Course:
    """The course in ``obj`` (a parsed course file).

    Args:
        obj: the JSON object.
        source: names the file in errors.
        documents: the specimen ids that exist (the library's).

    Raises:
        FormatError: anything that does not follow formats.md §9, with a one-line reason.
    """
    _need(isinstance(obj, dict), source, "a course file holds one JSON object")
    unknown = sorted(set(obj) - _KEYS)
    _need(not unknown, source, f"unknown key {unknown[0]!r}" if unknown else "")
    missing = [k for k in _REQUIRED if k not in obj]
    _need(not missing, source, f"{missing[0]} is missing" if missing else "")
    _need(obj["format"] == COURSE_FORMAT, source,
          f"format must be {COURSE_FORMAT!r}, not {obj['format']!r}")
    cid = _text(obj, "id", source, max_len=64)
    _need(bool(cid) and all(c.isascii() and (c.isalnum() or c in "-_") for c in cid), source,
          "id must be letters, digits, '-' or '_'")
    title = _text(obj, "title", source, max_len=200)
    _need(bool(title.strip()), source, "title is empty")
    docs = _names(obj, "documents", source)
    for doc in docs:
        _need(doc in documents, source,
              f"unknown document {doc!r} (known: {', '.join(sorted(documents))})")
    kinds = _names(obj, "forgeries", source)
    for kind in kinds:
        _need(kind in KINDS, source,
              f"unknown forgery kind {kind!r} (known: {', '.join(KINDS)})")
    light_names = obj.get("lights", ["white", "uv", "ir"])
    _need(isinstance(light_names, list) and all(isinstance(v, str) for v in light_names),
          source, "lights must list light names")
    lights: list[Light] = []
    for name in light_names:
        try:
            lights.append(Light(name))
        except ValueError:
            raise FormatError(source, f"unknown light {name!r} (known: "
                                      f"{', '.join(light.value for light in Light)})") from None
    _need(Light.WHITE in lights, source, "lights must include white")
    count = obj["count"]
    _need(isinstance(count, int) and not isinstance(count, bool) and 1 <= count <= MAX_DOCUMENTS,
          source, f"count must be a whole number from 1 to {MAX_DOCUMENTS}")
    limit = obj.get("time_limit_s", 0)
    _need(isinstance(limit, int) and not isinstance(limit, bool)
          and 0 <= limit <= MAX_TIME_LIMIT_S, source,
          f"time_limit_s must be a whole number of seconds from 0 to {MAX_TIME_LIMIT_S}")
    unlocked = obj.get("checks_unlocked", False)
    _need(isinstance(unlocked, bool), source, "checks_unlocked must be true or false")
    debrief = obj.get("debrief", "each")
    _need(debrief in ("each", "end"), source, "debrief must be 'each' or 'end'")
    seed = obj.get("seed", 1)
    _need(isinstance(seed, int) and not isinstance(seed, bool) and 0 <= seed < 2 ** 31,
          source, "seed must be a whole number from 0 to 2147483647")
    return Course(
        id=cid, title=title, description=_text(obj, "description", source, max_len=2000),
        documents=docs, forgeries=kinds, count=int(count),
        genuine_share=_number(obj, "genuine_share", source, 0.3, 0.0, 1.0),
        lights=tuple(dict.fromkeys(lights)),
        difficulty=_number(obj, "difficulty", source, 0.3, 0.0, 1.0),
        time_limit_s=int(limit), checks_unlocked=bool(unlocked), debrief=str(debrief),
        seed=int(seed), source=source)


def load_course(path: str | Path, *, documents: Collection[str]) -> Course:
    """Read and check one course file.

    Raises:
        InputError: the file cannot be read.
        FormatError: it is not a valid course (one-line reason).
    """
    path = Path(path)
    try:
        if not path.is_file():
            raise InputError(f"{path}: not a file")
        if path.stat().st_size > MAX_COURSE_BYTES:
            raise FormatError(path, f"larger than {MAX_COURSE_BYTES // 1024} KiB")
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise FormatError(path, "not UTF-8 text") from None
    try:
        obj = json.loads(text, parse_constant=lambda c: float("nan"))
    except (json.JSONDecodeError, RecursionError) as exc:
        raise FormatError(path, f"not JSON ({exc})") from None
    return parse_course(obj, str(path), documents=documents)


def write_course(course: Course, path: str | Path) -> Path:
    """Write ``course`` to ``path`` atomically (the course editor's save)."""
    from workstation.fsutil import atomic_write_text

    path = Path(path)
    atomic_write_text(path, json.dumps(course.to_json(), ensure_ascii=False, indent=2) + "\n")
    return path


def ready_course_files() -> list[Path]:
    """The ready courses shipped with the program (``resources/courses/*.json``)."""
    folder = resource("courses")
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def ready_courses(*, documents: Collection[str]) -> list[Course]:
    """Every ready course, checked (a broken shipped course raises, it is a bug)."""
    return [load_course(p, documents=documents) for p in ready_course_files()]
