"""The sign-in dialog: a wrong password is said on the dialog, which stays open; the
right one emits the SignedIn; an operating-system account needs no password."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from tests.accounts import PASSWORD, enrol
from workstation.cases import CaseRepository
from workstation.ui.login import LoginDialog


def test_sign_in_dialog(qtbot: QtBot) -> None:
    with CaseRepository.open() as repo:
        enrol(repo, "anna", display_name="Anna Eriksson")
        enrol(repo, "ops", method="os")
        got: list[Any] = []
        dialog = LoginDialog(repo, name="anna", purpose="Sign in to sign the report.")
        qtbot.addWidget(dialog)
        dialog.signedIn.connect(got.append)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.password_edit.isEnabled()
        dialog.password_edit.setText("not her password")
        dialog.sign_in()
        qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
        assert "wrong password" in dialog.message.text() and not got
        assert dialog.isVisible() and dialog.password_edit.text() == ""
        shot = Path(os.environ["WORKSTATION_HOME"]) / "login.png"
        assert dialog.grab().save(str(shot))
        dialog.password_edit.setText(PASSWORD)
        dialog.sign_in()
        qtbot.waitUntil(lambda: bool(got), timeout=30000)
        assert got[0].name == "anna" and got[0].identity.name == "Anna Eriksson"
        assert dialog.result() == int(dialog.DialogCode.Accepted)

        other = LoginDialog(repo, name="ops")
        qtbot.addWidget(other)
        assert not other.password_edit.isEnabled()
        done: list[Any] = []
        other.signedIn.connect(done.append)
        other.sign_in()
        qtbot.waitUntil(lambda: bool(done), timeout=30000)
        assert done[0].method == "os"
        dialog.runner.wait()
        other.runner.wait()
