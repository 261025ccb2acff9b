"""The session's words in the window's language (issue 23 follow-ups): why an action
cannot be done now (the ``why_not_*`` reasons the window shows as tooltips and
messages) and the names of the tasks the runner runs (in a failure's message) are
session messages (:func:`workstation.i18n.said`), rendered in the window's language."""

from __future__ import annotations

import ast
import threading
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.ui.fakes import FakeReader, fake_examine
from workstation.errors import WorkstationError
from workstation.i18n import QT_TRANSLATE_NOOP, render, said
from workstation.session.jobs import QueueRunner
from workstation.ui.bridge import QtRunner
from workstation.ui.language import LanguageSwitch
from workstation.ui.main_window import MainWindow
from workstation.ui.texts import QT

SESSION = Path(__file__).resolve().parents[2] / "workstation" / "session"
#: The examination's stages, shown in the status bar as it runs.
PIPELINE = SESSION.parent / "examination" / "pipeline.py"



def _is_said(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
        and node.func.id == "said"


def _plain_words(node: ast.expr | None) -> bool:
    """An English text written straight (a literal, an f-string, a concatenation or a
    conditional of them), which no catalogue can translate."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _plain_words(node.left) or _plain_words(node.right)
    if isinstance(node, ast.IfExp):
        return _plain_words(node.body) or _plain_words(node.orelse)
    if isinstance(node, ast.BoolOp):
        return any(_plain_words(v) for v in node.values)
    return False


def test_why_not_reasons_and_task_names_are_session_messages() -> None:
    """Every ``why_not_*`` of the session returns ``None`` or a :func:`said` message, and
    no task is given to the runner under a name, reports its progress or sends a message
    with a text written in English only."""
    reasons = names = texts = 0
    found: list[str] = []
    for path in [*sorted(SESSION.rglob("*.py")), PIPELINE]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef) and fn.name.startswith("why_not_"):
                for ret in ast.walk(fn):
                    if not isinstance(ret, ast.Return) or ret.value is None or (
                            isinstance(ret.value, ast.Constant) and ret.value.value is None):
                        continue
                    reasons += 1
                    if not _is_said(ret.value):
                        found.append(f"{path.name}:{ret.lineno} {fn.name} returns "
                                     f"{ast.unparse(ret.value)[:60]}")
            if isinstance(fn, ast.Call) and isinstance(fn.func, ast.Attribute) \
                    and fn.func.attr in ("submit", "_decide") and fn.args:
                names += 1
                if _plain_words(fn.args[0]):
                    found.append(f"{path.name}:{fn.lineno} task {ast.unparse(fn.args[0])}")
            if isinstance(fn, ast.Call) and isinstance(fn.func, ast.Attribute) \
                    and fn.func.attr == "emit":  # a message to people (details may be "")
                found += [f"{path.name}:{fn.lineno} {ast.unparse(fn)[:70]}" for a in fn.args
                          if _plain_words(a) and not (isinstance(a, ast.Constant)
                                                      and a.value == "")]
            if isinstance(fn, ast.Call) and isinstance(fn.func, ast.Name) \
                    and fn.func.id in ("progress", "stage") and len(fn.args) >= 2 \
                    and path.name != "warmup.py":  # warm-up: logged, not shown
                texts += 1
                text = fn.args[2] if fn.func.id == "progress" and len(fn.args) == 3 \
                    else fn.args[1]
                if _plain_words(text):
                    found.append(f"{path.name}:{fn.lineno} progress {ast.unparse(text)}")
    assert reasons > 30 and names > 30 and texts > 25
    assert found == [], "\n".join(found)


def test_the_scan_finds_english_written_straight() -> None:
    tree = ast.parse('runner.submit("Looking" if a else f"Doc {i}", work)\n'
                     'runner.submit(said(QT_TRANSLATE_NOOP("session", "Looking")), work)')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)
             and isinstance(n.func, ast.Attribute)]
    assert [_plain_words(c.args[0]) for c in calls] == [True, False]


def _window(qtbot: QtBot, tmp_path: Path, language: LanguageSwitch) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    w = MainWindow(FakeReader(), examine=fake_examine, settings=settings, language=language)
    qtbot.addWidget(w)
    w.show()
    return w


def test_why_not_tooltips_follow_the_window_language(qtbot: QtBot, tmp_path: Path,
                                                     switch: LanguageSwitch) -> None:
    w = _window(qtbot, tmp_path, switch)
    submit, chip = w.file_actions["submit"], w.file_actions["chip"]
    read = w.documents.chip_panel.read_button
    english = submit.toolTip()
    assert english == "Nothing to conclude: capture and examine a document first"
    assert chip.toolTip() == read.toolTip() == (
        "Capture the document first: the chip is opened with its MRZ")
    switch.apply("pseudo")  # every translated text bracketed: nothing bypasses it
    for tip in (submit.toolTip(), chip.toolTip(), read.toolTip(),
                w.file_actions["sign"].toolTip(), w.file_actions["back"].toolTip(),
                w.file_actions["publish"].toolTip()):
        assert tip.startswith("[") and tip.endswith("]"), tip
    switch.apply("mn")
    assert submit.toolTip() == ("Дүгнэх зүйл алга: эхлээд баримт бичгийн зураг авч "
                                "шинжилнэ үү")
    assert read.toolTip().startswith("Эхлээд баримт бичгийн зураг авна уу")
    switch.apply("ru")
    assert chip.toolTip() == "Сначала снимите документ: чип открывается по его МСЗ"
    switch.apply("en")
    assert submit.toolTip() == english
    # the reason stays the session's English text for logs and tests
    assert w.signing.why_not_submit() == english


def test_a_failed_tasks_message_names_it_in_the_window_language(
        qtbot: QtBot, switch: LanguageSwitch) -> None:
    runner = QtRunner()
    failures: list[str] = []

    def work(_progress: object, _cancel: threading.Event) -> None:
        raise WorkstationError("the database is locked")

    switch.apply("mn")
    runner.submit(said(QT_TRANSLATE_NOOP("session", "Looking for alerts")), work,
                  failed=lambda m, _d: failures.append(m))
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    assert failures == ["Сэрэмжлүүлэг хайж байна амжилтгүй: the database is locked"]
    assert runner.wait(5000)


def test_the_queue_runners_failure_is_a_session_message(switch: LanguageSwitch) -> None:
    runner = QueueRunner()
    failures: list[str] = []

    def work(_progress: object, _cancel: threading.Event) -> None:
        raise WorkstationError("no card reader")

    runner.submit(said(QT_TRANSLATE_NOOP("session", "Reading the chip")), work,
                  failed=lambda m, _d: failures.append(m))
    runner.run_pending()
    assert failures == ["Reading the chip failed: no card reader"]  # English for the log
    switch.apply("ru")
    assert render(failures[0], QT) == "Чтение чипа: ошибка: no card reader"


def test_progress_reaches_the_window_as_a_message(qtbot: QtBot, switch: LanguageSwitch,
                                                  tmp_path: Path) -> None:
    """A task's progress text crosses from the pool's thread as the session's message,
    and the status bar shows it in the window's language."""
    w = _window(qtbot, tmp_path, switch)
    qtbot.waitUntil(lambda: not w.runner.running, timeout=20000)
    seen: list[object] = []
    release = threading.Event()

    def work(progress, _cancel: threading.Event) -> None:  # type: ignore[no-untyped-def]
        progress(1, 5, said(QT_TRANSLATE_NOOP("session", "Building the report")))
        release.wait(10)

    def progressed(done: int, total: int, text: str) -> None:
        seen.append(text)
        w._progress(done, total, text)  # the status bar, as the session's progress shows

    switch.apply("ru")
    w.runner.submit(said(QT_TRANSLATE_NOOP("session", "Report")), work, progress=progressed)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    release.set()
    assert seen == ["Building the report"] and hasattr(seen[0], "message")
    assert w.status.text() == "Формирование отчёта"
    qtbot.waitUntil(lambda: not w.runner.running, timeout=10000)


def test_an_examination_stage_renders_inside_the_sessions_progress(
        switch: LanguageSwitch) -> None:
    from workstation.examination.pipeline import _step

    stage = _step(QT_TRANSLATE_NOOP("examination", "running the checks"))
    shown = said(QT_TRANSLATE_NOOP("session", "Examining: {step}"), step=stage)
    assert shown == "Examining: running the checks"
    switch.apply("mn")
    assert render(shown, QT) == "Шинжилж байна: шалгалтуудыг ажиллуулж байна"
    switch.apply("ru")
    assert render(shown, QT) == "Исследование: выполнение проверок"
