"""The sign-in dialog: an account and its password (or the operating-system account).

A dialog over :func:`workstation.identity.sign_in` (or the window's
:meth:`workstation.session.desk.Desk.sign_in`, given as ``sign_in``), which the window
shows before anything is signed when nobody is signed in. The key derivation (Argon2id, about half a
second) runs in a worker, so the window never freezes; a wrong password is said
on the dialog, which stays open. ``signedIn`` carries the
:class:`workstation.identity.SignedIn` (its unsealed key stays in memory only).

Usage::

    dialog = LoginDialog(repository, name="anna", sign_in=desk.sign_in, parent=window)
    dialog.signedIn.connect(then_sign)
    dialog.open()
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workstation.ui.texts import tx
from workstation.ui.workers import ProgressFn, Task, TaskRunner


class LoginDialog(QDialog):
    """Sign in: account name and password; ``signedIn(object)`` on success.

    An account that signs in as the operating-system account needs no password: the
    field is disabled once the name is known to be one (``repository`` ``None``: not
    known yet, the password field stays). ``sign_in(name, secret)`` does the sign-in
    in the worker (default :func:`workstation.identity.sign_in` on ``repository``).
    ``runner`` defaults to a private :class:`TaskRunner`.
    """

    signedIn = Signal(object)

    def __init__(self, repository: Any, *, name: str = "", purpose: str = "",
                 sign_in: Callable[[str, str | None], object] | None = None,
                 runner: TaskRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tx("login", "Sign in"))
        self.setModal(True)
        self.repository = repository
        self._sign_in = sign_in
        self.runner = runner or TaskRunner(parent=self)
        self.task: Task | None = None
        self.result_user: Any | None = None

        self.name_edit = QLineEdit(name)
        self.name_edit.setToolTip(tx("login", "Your account on this workstation"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setToolTip(tx("login", "Your password: it unseals your signing "
                                         "key; it is never stored"))
        self.message = QLabel(purpose)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tx("login", "Sign in"))
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.editingFinished.connect(self._method_changed)

        form = QFormLayout()
        form.addRow(tx("login", "Account"), self.name_edit)
        form.addRow(tx("login", "Password"), self.password_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.password_edit if name else self.name_edit).setFocus()
        self._method_changed()

    def _method_changed(self) -> None:
        """Disable the password for an account that signs in as the operating-system one."""
        name = self.name_edit.text().strip()
        method = None
        if name and self.repository is not None:
            try:
                found = self.repository.credential(name)
            except Exception:  # the database is checked again on sign-in
                found = None
            method = found[1].method if found is not None else None
        uses_os = method == "os"
        self.password_edit.setEnabled(not uses_os)
        if uses_os:
            self.password_edit.clear()
            self.password_edit.setPlaceholderText(tx("login", "signs in as the operating-system "
                                                     "account"))
        else:
            self.password_edit.setPlaceholderText("")

    def sign_in(self) -> None:
        """Check the password in a worker; on success emit ``signedIn`` and close."""
        if self.task is not None:
            return
        name = self.name_edit.text().strip()
        if not name:
            self.message.setText(tx("login", "Enter your account."))
            return
        password = self.password_edit.text() if self.password_edit.isEnabled() else None
        self.ok_button.setEnabled(False)
        self.message.setText(tx("login", "Signing in {name}...").format(name=name))

        def work(progress: ProgressFn, cancel: threading.Event) -> object:
            if self._sign_in is not None:
                return self._sign_in(name, password)
            from workstation.identity import sign_in

            return sign_in(self.repository, name, password)

        self.task = self.runner.start(Task(f"sign in {name}", work), on_done=self._done,
                                      on_error=self._failed)

    def _done(self, signed_in: object) -> None:
        self.task = None
        self.password_edit.clear()
        self.result_user = signed_in
        self.signedIn.emit(signed_in)
        self.accept()

    def _failed(self, message: str, _tb: str) -> None:
        self.task = None
        self.ok_button.setEnabled(True)
        self.password_edit.clear()
        self.password_edit.setFocus()
        self.message.setText(message.split(": ", 1)[-1] if message.startswith("sign in")
                             else message)


class SignInGate:
    """The window's way to a signature when nobody is signed in: shows the
    :class:`LoginDialog` for the session's user over the desk
    (:meth:`workstation.session.desk.Desk.sign_in`, in ``runner``), then runs what was
    asked (``then``) once the account has signed in. Cancelling signs nothing and runs
    nothing; a sign-in that ends after a cancel still signs the desk in, but asks
    nothing further.

    Args:
        desk: the window's :class:`~workstation.session.desk.Desk`.
        runner: the window's task runner (its progress bar shows the sign-in).
        parent: the window.
        status: where "Signed in as …" is said.
    """

    def __init__(self, desk: Any, runner: TaskRunner, parent: QWidget,
                 status: Callable[[str], None] | None = None) -> None:
        self.desk = desk
        self.runner = runner
        self.parent = parent
        self.status = status or (lambda _text: None)
        self.dialog: LoginDialog | None = None

    def ask(self, then: Callable[[], None] | None = None) -> None:
        """Show the sign-in dialog (raised again when it is open already)."""
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        desk = self.desk
        name = desk.user.name if desk.user is not None else desk.user_name
        purpose = (tx("login", "Sign in to sign: your signing key opens only with your "
                      "password (or your operating-system account).") if then is not None
                   else "")
        dialog = LoginDialog(desk.repository, name=name, purpose=purpose,
                             sign_in=desk.sign_in, runner=self.runner, parent=self.parent)
        cancelled: list[bool] = []

        def signed_in(me: Any) -> None:
            desk.announce()  # the session's user is the account signed in now
            self.status(tx("login", "Signed in as {name}").format(name=getattr(me, "name", me)))
            if then is not None and not cancelled:
                then()

        def finished(result: int) -> None:
            if result != int(QDialog.DialogCode.Accepted):
                cancelled.append(True)
            self.dialog = None
            if dialog.task is None:
                dialog.deleteLater()

        dialog.signedIn.connect(signed_in)
        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()
