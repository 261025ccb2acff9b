"""The ``.qm`` reader (used without Qt by reports and check messages) finds exactly
what Qt's own ``QTranslator`` finds, for every message of every catalogue."""

from __future__ import annotations

import struct

import pytest
from PySide6.QtCore import QTranslator

from workstation.errors import FormatError
from workstation.i18n.build import ensure_compiled, read_ts
from workstation.i18n.catalogue import LANGUAGES, PSEUDO, source_path
from workstation.i18n.qm import MAGIC, QmCatalogue, elf_hash

COUNTS = (0, 1, 2, 3, 4, 5, 7, 11, 12, 14, 21, 22, 25, 101, 111, 112, 1000, 1001, 2024)


@pytest.mark.parametrize("language", [*LANGUAGES, PSEUDO])
def test_every_message_as_qtranslator_finds_it(language: str) -> None:
    qm = ensure_compiled(language)
    ours = QmCatalogue.load(qm)
    qt = QTranslator()
    assert qt.load(str(qm))
    _lang, messages = read_ts(source_path("mn" if language == PSEUDO else language))
    assert messages
    checked = 0
    for m in messages:
        for n in (COUNTS if m.numerus else (-1,)):
            expected = qt.translate(m.context, m.source, m.comment or None, n)
            got = ours.translate(m.context, m.source, m.comment, n)
            assert (got or "") == (expected or ""), (language, m.context, m.source, n)
            checked += 1
    # a text no catalogue has: both say nothing
    assert ours.translate("checks", "no such text anywhere") is None
    assert not qt.translate("checks", "no such text anywhere")
    assert ours.translate("no such context", messages[0].source) is None
    assert checked >= len(messages)


def test_plural_forms_follow_the_language() -> None:
    ru = QmCatalogue.load(ensure_compiled("ru"))
    src = "{where}: %n field(s) agree with the {against}"
    forms = {n: ru.translate("checks", src, "", n) for n in (1, 2, 5, 11, 21, 22, 25)}
    assert forms[1] == forms[21] != forms[2]
    assert forms[2] == forms[22] != forms[5]
    assert forms[5] == forms[11] == forms[25]
    mn = QmCatalogue.load(ensure_compiled("mn"))
    assert len({mn.translate("checks", src, "", n) for n in (1, 2, 5)}) == 1


def test_elf_hash_is_qts() -> None:
    # values of Qt's elfHash (qtranslator.cpp) computed by hand for short inputs
    assert elf_hash(b"a") == 0x61
    assert elf_hash(b"ab") == (0x61 << 4) + 0x62
    assert elf_hash(b"") == 1


@pytest.mark.parametrize("data", [
    b"", b"not a catalogue at all", MAGIC + b"\x42\x00\x00\x00\x10short",
    MAGIC + b"\x42" + struct.pack(">I", 3) + b"abc",
])
def test_malformed_files_are_refused(data: bytes) -> None:
    with pytest.raises(FormatError):
        QmCatalogue(data, name="test")


def test_missing_file_is_a_format_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FormatError):
        QmCatalogue.load(tmp_path / "absent.qm")
