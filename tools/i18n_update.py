"""Extract the translatable texts into the catalogues: ``python tools/i18n_update.py``.

Runs Qt's ``pyside6-lupdate`` over ``workstation/`` (and ``main.py``) into
``resources/i18n/workstation_<lang>.ts`` for Mongolian and Russian, and the English
catalogue, which holds only the plural forms. New texts arrive ``unfinished`` for the
translators; texts the code no longer uses are dropped (``-no-obsolete``).

One repair lupdate needs for Python: it marks a message as plural only for
``self.tr(text, "", n)``, not for ``QCoreApplication.translate(context, text, "", n)``
nor for ``QT_TRANSLATE_NOOP`` templates, and on its next run it drops the plural forms
of a message it did not mark. So every message whose source counts with ``%n`` is
made plural here, with the language's number of forms (Qt's: English and Mongolian
2, Russian 3; a Mongolian noun after a numeral does not change, ``1 мөр``, ``5 мөр``,
so its two forms read the same), keeping the forms the catalogue already had.

Compile afterwards with ``make translations`` (``python -m workstation.i18n.build``).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workstation.i18n.build import read_ts  # noqa: E402

FORMS = {"en": 2, "mn": 2, "ru": 3}
SOURCES = [ROOT / "workstation", ROOT / "main.py"]


def lupdate() -> str:
    here = Path(sys.executable).parent
    tool = here / "pyside6-lupdate"
    return str(tool) if tool.is_file() else "pyside6-lupdate"


def update(language: str) -> None:
    ts = ROOT / "resources" / "i18n" / f"workstation_{language}.ts"
    old: dict[tuple[str, str, str], tuple[str, ...]] = {}
    if ts.is_file():
        _lang, messages = read_ts(ts)
        old = {(m.context, m.source, m.comment): m.translations
               for m in messages if m.numerus and not m.unfinished}
    ts.parent.mkdir(parents=True, exist_ok=True)
    cmd = [lupdate(), "-silent", "-no-obsolete", "-locations", "none", "-extensions", "py",
           "-target-language", language,
           # workstation.ui.texts: tx("context", "text") translates, T(...) marks
           "-tr-function-alias", "translate+=tx,QT_TRANSLATE_NOOP+=T",
           *map(str, SOURCES), "-ts", str(ts)]
    subprocess.run(cmd, check=True)
    tree = ET.parse(ts)
    root = tree.getroot()
    for ctx in list(root.iter("context")):
        name = ctx.findtext("name") or ""
        for m in list(ctx.iter("message")):
            for extra in m.findall("extracomment"):
                # lupdate takes a "#:" comment before a call for a translator's note; in
                # this code base "#:" documents attributes, which would mislead translators
                m.remove(extra)
            source = m.findtext("source") or ""
            plural = "%n" in source or "%Ln" in source
            if language == "en" and not plural:
                ctx.remove(m)
                continue
            if not plural or (m.get("numerus") == "yes" and len(
                    m.findall("translation/numerusform")) == FORMS[language]):
                continue
            m.set("numerus", "yes")
            tr = m.find("translation")
            if tr is None:
                tr = ET.SubElement(m, "translation")
            for child in list(tr):
                tr.remove(child)
            tr.text = None
            kept = old.get((name, source, m.findtext("comment") or ""))
            if kept is not None and len(kept) == FORMS[language]:
                tr.attrib.pop("type", None)
            else:
                tr.set("type", "unfinished")
                kept = ("",) * FORMS[language]
            for form in kept:
                ET.SubElement(tr, "numerusform").text = form
        if not ctx.findall("message"):
            root.remove(ctx)
    ET.indent(tree, space="    ")
    data = ET.tostring(root, encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + data + "\n",
                  encoding="utf-8")
    _lang, messages = read_ts(ts)
    unfinished = sum(1 for m in messages if m.unfinished)
    print(f"{ts.relative_to(ROOT)}: {len(messages)} messages, {unfinished} unfinished")


def main() -> int:
    for language in ("mn", "ru", "en"):
        update(language)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
