"""Compile the catalogues: ``resources/i18n/workstation_<lang>.ts`` ->
``workstation_<lang>.qm`` with Qt's ``pyside6-lrelease``, and the pseudo-language.

``python -m workstation.i18n.build`` (``make translations``) compiles every catalogue
whose ``.qm`` is missing or older than its ``.ts``; the installer build and the test
set-up run it too. Each file is written under a temporary name and renamed into
place, so parallel test workers and a window starting meanwhile never read half a
catalogue.

The pseudo-language (``pseudo``) is made from the Mongolian catalogue's messages:
every translation is its English source in brackets (``[File]``), so a window shown
in it shows every text that bypasses translation without brackets.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workstation.errors import FormatError, WorkstationError
from workstation.i18n.catalogue import LANGUAGES, PSEUDO, compiled_path, source_path

#: The catalogue the pseudo-language brackets (it holds every message).
PSEUDO_FROM = "mn"


@dataclass(frozen=True)
class TsMessage:
    """One message of a ``.ts`` file.

    Attributes:
        context: the context's name.
        source: the English source text.
        comment: the disambiguation (``<comment>``), or ``""``.
        numerus: whether it has plural forms.
        translations: the translation, or one per plural form.
        unfinished: whether a translator still has to finish it (``type="unfinished"``).
        obsolete: whether the code no longer uses it (``vanished``/``obsolete``).
    """

    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]
    unfinished: bool
    obsolete: bool


def read_ts(path: str | Path) -> tuple[str, list[TsMessage]]:
    """The language and the messages of a ``.ts`` file (``FormatError`` if unreadable)."""
    p = Path(path)
    try:
        root = ET.parse(p).getroot()
    except (OSError, ET.ParseError) as exc:
        raise FormatError(p, f"unreadable catalogue: {exc}") from None
    if root.tag != "TS":
        raise FormatError(p, "not a Qt catalogue (<TS> expected)")
    out: list[TsMessage] = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            kind = tr.get("type", "") if tr is not None else "unfinished"
            numerus = m.get("numerus") == "yes"
            if tr is None:
                forms: tuple[str, ...] = ()
            elif numerus:
                forms = tuple(f.text or "" for f in tr.iter("numerusform"))
            else:
                forms = (tr.text or "",)
            out.append(TsMessage(name, m.findtext("source") or "", m.findtext("comment") or "",
                                 numerus, forms, kind == "unfinished",
                                 kind in ("vanished", "obsolete")))
    return root.get("language", ""), out


def pseudo_ts(messages: Sequence[TsMessage]) -> bytes:
    """A ``.ts`` (language English, for its plural rule) translating every message to
    its source in brackets."""
    root = ET.Element("TS", version="2.1", language="en")
    by_context: dict[str, ET.Element] = {}
    for m in messages:
        if m.obsolete:
            continue
        ctx = by_context.get(m.context)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = m.context
            by_context[m.context] = ctx
        el = ET.SubElement(ctx, "message")
        ET.SubElement(el, "source").text = m.source
        if m.comment:
            ET.SubElement(el, "comment").text = m.comment
        tr = ET.SubElement(el, "translation")
        if m.numerus:
            el.set("numerus", "yes")
            for _ in range(2):
                ET.SubElement(tr, "numerusform").text = f"[{m.source}]"
        else:
            tr.text = f"[{m.source}]"
    return b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(
        root, encoding="utf-8", xml_declaration=False)


def lrelease() -> str:
    """The ``pyside6-lrelease`` of this environment (``WorkstationError`` when absent)."""
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (here / name).is_file():
            return str(here / name)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        raise WorkstationError("pyside6-lrelease not found (it comes with PySide6): the "
                               "catalogues cannot be compiled")
    return found


def _compile(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{qm.stem}-", suffix=".qm", dir=qm.parent)
    os.close(fd)
    try:
        proc = subprocess.run([lrelease(), "-silent", "-nounfinished", str(ts), "-qm", tmp],
                              capture_output=True, text=True, timeout=120, check=False)
        if proc.returncode != 0 or not Path(tmp).stat().st_size:
            raise WorkstationError(f"pyside6-lrelease failed on {ts}: "
                                   f"{(proc.stderr or proc.stdout).strip()[-400:]}")
        os.replace(tmp, qm)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _stale(qm: Path, *sources: Path) -> bool:
    if not qm.is_file():
        return True
    built = qm.stat().st_mtime
    return any(s.is_file() and s.stat().st_mtime > built for s in sources)


def ensure_compiled(language: str, *, force: bool = False) -> Path:
    """Compile ``language``'s catalogue when its ``.qm`` is missing or older than its
    source; returns the ``.qm``."""
    qm = compiled_path(language)
    if language == PSEUDO:
        src = source_path(PSEUDO_FROM)
        if force or _stale(qm, src, Path(__file__)):
            _lang, messages = read_ts(src)
            with tempfile.TemporaryDirectory(prefix="workstation-pseudo-") as tmp:
                ts = Path(tmp) / "workstation_pseudo.ts"
                ts.write_bytes(pseudo_ts(messages))
                _compile(ts, qm)
        return qm
    src = source_path(language)
    if not src.is_file():
        raise WorkstationError(f"no catalogue for {language!r}: {src} is missing")
    if force or _stale(qm, src):
        _compile(src, qm)
    return qm


def compile_all(*, force: bool = False) -> list[Path]:
    """Compile every language's catalogue and the pseudo-language; returns the files."""
    return [ensure_compiled(lang, force=force) for lang in (*LANGUAGES, PSEUDO)]


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m workstation.i18n.build [--force]``."""
    parser = argparse.ArgumentParser(description="compile the message catalogues (.ts -> .qm)")
    parser.add_argument("--force", action="store_true", help="compile even when up to date")
    args = parser.parse_args(argv)
    try:
        for path in compile_all(force=args.force):
            print(f"translations: {path}")
    except WorkstationError as exc:
        print(f"translations: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
