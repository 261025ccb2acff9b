"""The window's seams: the session's user, signing with audit and PKCS#12, the About box,
live frames of a reader that was switched away."""

from __future__ import annotations

import platform
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from tests.ui.fakes import FakeReader, find_action, shown_window, sign_in_window
from workstation import __version__
from workstation.errors import DeviceError
from workstation.paths import data_dir
from workstation.types import Image, Light
from workstation.ui.app import build_parser, session_user
from workstation.ui.main_window import MainWindow


def _window(qtbot: QtBot, reader: Any = None, **kwargs: Any) -> MainWindow:
    w: MainWindow = shown_window(qtbot, reader, **kwargs)
    return w


def _action(w: MainWindow, text: str) -> QAction:
    act: QAction = find_action(w, text)
    return act


def _close_cases(w: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not w.runner.running, timeout=30000)
    w.desk.close()


def _confirm(qtbot: QtBot, w: MainWindow) -> None:
    """Confirm the signing preview once it shows."""
    qtbot.waitUntil(lambda: (w.signing_dialog is not None and w.signing_dialog.isVisible())
                    or w.last_error is not None, timeout=120000)
    assert w.last_error is None, w.last_error
    assert w.signing_dialog is not None
    w.signing_dialog.confirm_button.click()


# -- the session's user ---------------------------------------------------------------------

def test_user_comes_from_the_command_line_or_the_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKSTATION_USER", raising=False)
    parse = build_parser().parse_args
    assert session_user(parse(["--user", "anna"])) == "anna"
    assert session_user(parse([])) is None  # chosen in the window
    assert session_user(parse(["--screenshot", "/tmp/x.png"])) not in (None, "")
    monkeypatch.setenv("WORKSTATION_USER", "bob")
    assert session_user(parse([])) == "bob"
    assert session_user(parse(["--user", "carl"])) == "carl"


def test_user_chosen_at_start_and_switched_from_the_menu(qtbot: QtBot) -> None:
    from tests.accounts import enrol
    from workstation.cases import CaseRepository, Role

    with CaseRepository.open() as repo:  # an administrator enrolled the supervisor
        enrol(repo, "sue", Role.SUPERVISOR.value, display_name="Sue Supervisor")
    w = _window(qtbot, ask_user=True)
    assert "no user chosen" in w.user_button.text()
    w.open_cases_async()
    qtbot.waitUntil(lambda: w.panels.user_dialog is not None, timeout=30000)
    dialog = w.panels.user_dialog
    assert dialog is not None and dialog.isVisible()
    # nobody makes themself a supervisor in the dialog (issue 19)...
    dialog.name_edit.setText("mallory")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.SUPERVISOR))
    dialog.create_user()
    assert "only an administrator" in dialog.message.text()
    # ...the supervisor an administrator enrolled is chosen
    names = [dialog.user_list.item(i).text() for i in range(dialog.user_list.count())]
    dialog.user_list.setCurrentRow(names.index("Sue Supervisor (supervisor)"))
    dialog.accept()
    qtbot.waitUntil(lambda: w.user is not None and w.user.name == "sue", timeout=10000)
    assert w.panels.user_dialog is None
    assert w.user_button.text() == "User: Sue Supervisor (supervisor)"
    # the supervisor gets the review queue, fed from the case database
    panel = w.panels.review_panel
    assert panel is not None and w.views.pages.get("review") is panel  # a centre view
    assert w.views.buttons["review"].isVisibleTo(w) and w.views.has_view("trends")
    assert w.panels.review is not None and w.panels.review.desk.user is not None
    assert w.panels.review.desk.user.name == "sue"
    cases_panel = w.panels.cases_panel
    assert cases_panel is not None and not cases_panel.review_check.isHidden()

    # switch to an examiner from the File menu
    assert w.cases is not None
    w.cases.create_user("eve", Role.EXAMINER, "Eve Examiner")
    _action(w, "Switch user…").trigger()
    qtbot.waitUntil(lambda: w.panels.user_dialog is not None, timeout=10000)
    dialog = w.panels.user_dialog
    assert dialog is not None
    names = [dialog.user_list.item(i).text() for i in range(dialog.user_list.count())]
    dialog.user_list.setCurrentRow(names.index("Eve Examiner (examiner)"))
    dialog.accept()
    qtbot.waitUntil(lambda: w.user is not None and w.user.name == "eve", timeout=10000)
    assert w.user_name == "eve"
    assert "Eve Examiner" in w.user_button.text()
    assert w.panels.review_panel is None
    assert not w.views.has_view("review") and not w.views.has_view("trends")
    assert not w.views.buttons["review"].isVisibleTo(w)
    assert cases_panel.review_check.isHidden()
    _close_cases(w, qtbot)


def test_a_given_user_is_not_asked_for(qtbot: QtBot) -> None:
    w = _window(qtbot, user="frank")
    assert w.user_button.text() == "User: frank"
    w.open_cases_async()
    qtbot.waitUntil(lambda: w.user is not None, timeout=30000)
    qtbot.waitUntil(lambda: not w.runner.running, timeout=30000)
    assert w.panels.user_dialog is None
    assert w.user is not None and w.user.name == "frank"
    assert "frank (examiner)" in w.user_button.text()
    _close_cases(w, qtbot)


# -- signing ----------------------------------------------------------------------------

def _examined(qtbot: QtBot, w: MainWindow) -> None:
    w.capture_async()
    qtbot.waitUntil(lambda: w.examination is not None, timeout=10000)
    qtbot.waitUntil(lambda: not w.runner.running, timeout=10000)


def test_a_signed_report_goes_into_the_audit_trail(qtbot: QtBot, tmp_path: Path) -> None:
    w = _window(qtbot, user="anna")
    sign_in_window(w, "anna")
    _examined(qtbot, w)
    out = tmp_path / "report.pdf"
    w.sign_report(out)
    assert not out.exists()  # not before the confirmation
    _confirm(qtbot, w)
    qtbot.waitUntil(lambda: out.exists() or w.last_error is not None, timeout=120000)
    assert w.last_error is None, w.last_error
    qtbot.waitUntil(lambda: not w.runner.running, timeout=10000)
    assert w.cases is not None
    events = [e for e in w.cases.audit_events() if e.action == "report.signed"]
    assert len(events) == 1
    import hashlib

    assert events[0].actor == "anna"
    assert events[0].sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    # the report signed from the window carries the audit chain's head, recorded with it
    from workstation.reports.review import embedded_examination

    carried = embedded_examination(out.read_bytes())
    assert carried is not None and "audit_checkpoint" in carried
    head = carried["audit_checkpoint"]
    assert events[0].details["checkpoint"] == {"seq": head["seq"], "hash": head["hash"]}
    assert w.cases.verify_audit().ok
    _close_cases(w, qtbot)


def test_signing_asks_for_the_sign_in_first(qtbot: QtBot, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19: naming the user signs nothing. Sign report… with nobody signed in
    shows the sign-in dialog; a wrong password is said there and signs nothing; the
    right one goes on to the preview, and the report is signed by that account."""
    from PySide6.QtWidgets import QFileDialog

    from tests.accounts import PASSWORD, enrol
    from workstation.cases import CaseRepository
    from workstation.reports.verify import verify_bytes

    with CaseRepository.open() as repo:
        enrol(repo, "anna", display_name="Anna Examiner")
    w = _window(qtbot, user="anna")
    _examined(qtbot, w)
    assert w.desk.needs_sign_in()
    out = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    _action(w, "Sign report…").trigger()
    dialog = w.sign_in_gate.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.name_edit.text() == "anna" and "Sign in to sign" in dialog.message.text()
    assert w.signing_dialog is None and not w.signing.busy  # nothing prepared yet
    dialog.password_edit.setText("not her password")
    dialog.sign_in()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    assert "wrong password" in dialog.message.text() and dialog.isVisible()
    assert w.desk.needs_sign_in() and w.signing_dialog is None
    dialog.password_edit.setText(PASSWORD)
    dialog.sign_in()
    _confirm(qtbot, w)  # signed in: the preview of what was asked follows
    qtbot.waitUntil(lambda: out.exists() or w.last_error is not None, timeout=120000)
    assert w.last_error is None, w.last_error
    assert w.sign_in_gate.dialog is None and not w.desk.needs_sign_in()
    report = verify_bytes(out.read_bytes())
    assert [sig.signer for sig in report.signatures] == ["Anna Examiner"]
    assert report.intact and report.trusted
    _close_cases(w, qtbot)


def test_cancelling_the_sign_in_signs_nothing(qtbot: QtBot, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from tests.accounts import enrol
    from workstation.cases import CaseRepository

    with CaseRepository.open() as repo:
        enrol(repo, "anna", display_name="Anna Examiner")
    w = _window(qtbot, user="anna")
    _examined(qtbot, w)
    out = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    _action(w, "Sign report…").trigger()
    dialog = w.sign_in_gate.dialog
    assert dialog is not None
    dialog.reject()
    assert w.sign_in_gate.dialog is None
    qtbot.waitUntil(lambda: not w.runner.running, timeout=10000)
    assert not out.exists() and w.signing_dialog is None and w.desk.needs_sign_in()
    assert w.cases is None or all(e.action != "report.signed" for e in w.cases.audit_events())
    _close_cases(w, qtbot)


def _pkcs12(tmp_path: Path, password: str) -> tuple[Path, str]:
    from workstation.reports.ca import CertificateAuthority, write_pkcs12

    ca = CertificateAuthority.generate("Another office CA")
    identity = ca.issue("Paula Pkcs", user="paula")
    return write_pkcs12(identity, tmp_path / "paula.p12", password), identity.name


def _answer_dialogs(monkeypatch: pytest.MonkeyPatch, p12: Path, out: Path,
                    password: str) -> list[Any]:
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

    asked: list[Any] = []

    def get_text(*args: Any, **kwargs: Any) -> tuple[str, bool]:
        asked.append(args[3] if len(args) > 3 else kwargs.get("echo"))
        return password, True

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(p12), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(QInputDialog, "getText", get_text)
    assert QLineEdit.EchoMode.Password  # what the password prompt must use
    return asked


def test_sign_with_a_pkcs12_file(qtbot: QtBot, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QLineEdit

    p12, signer = _pkcs12(tmp_path, "s3cret")
    out = tmp_path / "p12-report.pdf"
    asked = _answer_dialogs(monkeypatch, p12, out, "s3cret")
    w = _window(qtbot, user="anna")
    _examined(qtbot, w)
    _action(w, "Sign with PKCS#12 file…").trigger()
    _confirm(qtbot, w)
    qtbot.waitUntil(lambda: out.exists() or w.last_error is not None, timeout=120000)
    assert w.last_error is None, w.last_error
    assert asked == [QLineEdit.EchoMode.Password]
    qtbot.waitUntil(lambda: not w.runner.running, timeout=10000)
    assert w.cases is not None
    signed = [e for e in w.cases.audit_events() if e.action == "report.signed"]
    assert [e.details.get("signer") for e in signed] == [signer]
    # the password is used once and kept nowhere
    w.settings.sync()
    assert "s3cret" not in (data_dir() / "ui.ini").read_text(encoding="utf-8")
    assert all(v != "s3cret" for v in vars(w).values() if isinstance(v, str))
    _close_cases(w, qtbot)


def test_a_wrong_pkcs12_password_is_a_one_line_error(qtbot: QtBot, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    p12, _ = _pkcs12(tmp_path, "s3cret")
    out = tmp_path / "never.pdf"
    _answer_dialogs(monkeypatch, p12, out, "wrong")
    w = _window(qtbot, user="anna")
    _examined(qtbot, w)
    _action(w, "Sign with PKCS#12 file…").trigger()
    qtbot.waitUntil(lambda: w.last_error is not None, timeout=60000)
    message = w.last_error or ""
    assert "wrong password" in message
    assert "\n" not in message and "Traceback" not in message
    assert w.banner.isVisible() and w.banner_label.text() == message
    assert not out.exists() and w.signing_dialog is None  # nothing to confirm
    assert not list(tmp_path.glob("never.pdf*"))  # no half-written file either
    _close_cases(w, qtbot)


# -- About -------------------------------------------------------------------------------

def test_about_box_shows_versions_data_folder_and_font_licences(qtbot: QtBot) -> None:
    w = _window(qtbot)
    _action(w, "About").trigger()
    qtbot.waitUntil(lambda: w.about_box is not None and w.about_box.isVisible(), timeout=5000)
    assert w.about_box is not None
    text = w.about_box.text()
    assert f"workstation {__version__}" in text
    assert f"Python {platform.python_version()}" in text
    assert f"Qt {qVersion()}" in text
    assert str(data_dir()) in text
    assert "DejaVu" in text and "OCR-B" in text and "public domain" in text
    w.about_box.accept()
    qtbot.waitUntil(lambda: w.about_box is not None and not w.about_box.isVisible())


# -- live view across a reader switch ---------------------------------------------------

class GatedReader(FakeReader):
    """A reader whose live frame waits for ``gate`` (to hold a request in flight)."""

    def __init__(self, name: str, value: int) -> None:
        super().__init__()
        self._name = name
        self.value = value
        self.gate = threading.Event()
        self.entered = threading.Event()
        self.frames = 0

    def live_frame(self) -> Image:
        self.entered.set()
        self.gate.wait(10)
        frame = super().live_frame()
        self.frames += 1
        return frame

    def _do_frame(self, light: Light | None) -> Image:
        return np.full((40, 60, 3), self.value, np.uint8)


def _record_live(w: MainWindow) -> list[int]:
    seen: list[int] = []
    original = w.state.set_live_frame

    def record(light: Light | None, frame: Image | None) -> None:
        if frame is not None:
            seen.append(int(frame[0, 0, 0]))
        original(light, frame)

    w.state.set_live_frame = record  # type: ignore[method-assign]
    return seen


def test_a_closed_reader_failing_before_the_switch_shows_no_error(qtbot: QtBot) -> None:
    old, new = GatedReader("Old reader", 11), GatedReader("New reader", 222)
    new.gate.set()
    w = _window(qtbot, reader=old)
    seen = _record_live(w)
    w.reader_panel.live.setChecked(True)
    qtbot.waitUntil(old.entered.is_set, timeout=5000)
    old.close()          # DeviceSession.use() closes the old reader first ...
    old.gate.set()       # ... so the request in flight fails with "the reader is closed"
    qtbot.waitUntil(lambda: w.reader_control.live_task is not None
                    and w.reader_control.live_task.done, timeout=5000)
    qtbot.wait(50)
    assert w.last_error is None and not w.banner.isVisible()
    assert w.live_timer.isActive() and w.reader_panel.live.isChecked()
    w.set_reader(new)    # ... and readerChanged arrives afterwards
    qtbot.waitUntil(lambda: new.frames >= 2 and bool(seen) and seen[-1] == 222, timeout=5000)
    assert 11 not in seen
    assert w.last_error is None and not w.banner.isVisible()
    w.reader_panel.live.setChecked(False)


def test_a_frame_of_the_previous_reader_is_dropped(qtbot: QtBot) -> None:
    old, new = GatedReader("Old reader", 11), GatedReader("New reader", 222)
    new.gate.set()
    w = _window(qtbot, reader=old)
    seen = _record_live(w)
    w.reader_panel.live.setChecked(True)
    qtbot.waitUntil(old.entered.is_set, timeout=5000)
    w.set_reader(new)    # the switch arrives while the old request is in flight
    old.gate.set()       # the old reader (still open) answers with its frame
    qtbot.waitUntil(lambda: old.frames == 1, timeout=5000)
    qtbot.waitUntil(lambda: new.frames >= 2 and bool(seen) and seen[-1] == 222, timeout=5000)
    assert 11 not in seen  # never shown
    assert w.last_error is None
    w.reader_panel.live.setChecked(False)


def test_a_live_failure_of_the_current_reader_is_still_shown(qtbot: QtBot) -> None:
    class Broken(FakeReader):
        def live_frame(self) -> Image:
            raise DeviceError(self.name, "camera unplugged")

    w = _window(qtbot, reader=Broken())
    w.reader_panel.live.setChecked(True)
    qtbot.waitUntil(lambda: w.last_error is not None, timeout=5000)
    assert "camera unplugged" in (w.last_error or "")
    assert w.banner.isVisible() and not w.live_timer.isActive()


@pytest.mark.slow
def test_supervisor_returns_an_examiners_report_from_the_window(qtbot: QtBot,
                                                                tmp_path: Path) -> None:
    from workstation.cases import Role, Status
    from workstation.findings import Conclusion

    w = _window(qtbot, user="anna")
    sign_in_window(w, "anna")
    _examined(qtbot, w)
    fp = w.findings_panel
    fp.conclusion.setCurrentIndex(fp.conclusion.findData(Conclusion.COUNTERFEIT.value))
    _action(w, "Conclude and submit for review…").trigger()
    _confirm(qtbot, w)
    qtbot.waitUntil(lambda: "submitted for review" in w.status.text()
                    or w.last_error is not None, timeout=120000)
    assert w.last_error is None, w.last_error
    qtbot.waitUntil(lambda: not w.runner.running, timeout=30000)
    repo, record = w.cases, w.case_record
    assert repo is not None and record is not None

    from tests.accounts import enrol

    sue = enrol(repo, "sue", Role.SUPERVISOR.value, display_name="Sue Supervisor").user
    w.set_session_user(sue)
    panel = w.panels.review_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=30000)  # read in a worker
    assert panel.select(record.id)
    qtbot.waitUntil(lambda: panel.return_button.isEnabled(), timeout=60000)
    panel.comment_edit.setPlainText("portrait check needs a second capture")
    panel.return_report()
    qtbot.waitUntil(lambda: repo.open_examination(record.id).status is Status.RETURNED,
                    timeout=30000)
    qtbot.waitUntil(lambda: "Returned by Sue Supervisor" in panel.status_label.text(),
                    timeout=30000)
    assert not panel.return_button.isEnabled()  # decided: the buttons say so
    assert repo.open_examination(record.id).reviewed_by == "sue"
    actors = {e.action: e.actor for e in repo.audit_events()}
    assert actors["report.signed"] == "anna" and actors["review.returned"] == "sue"
    assert repo.verify_audit().ok
    _close_cases(w, qtbot)
