"""The user chooser shown at start: pick a local account or create one.

``UserDialog(repository, last_user=None)`` lists the active local accounts
(examiner, forensic examiner, supervisor) and lets the operator add one (name,
display name, role; audited as ``user.created``). After ``exec()`` returns
``Accepted``, :meth:`UserDialog.selected_user` is the session's user; the window
shows it and hands it to every repository call that writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.cases.records import Role, User
from workstation.errors import WorkstationError
from workstation.ui.texts import role_word, tx, user_label

if TYPE_CHECKING:
    from workstation.cases import CaseRepository


class UserDialog(QDialog):
    """Choose the session's user (see the module docstring)."""

    def __init__(self, repository: CaseRepository, *, last_user: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tx("users", "Who is examining?"))
        self.repository = repository
        self._users: list[User] = []

        self.user_list = QListWidget()
        self.user_list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.user_list.currentRowChanged.connect(lambda _row: self._update_buttons())

        self.name_edit = QLineEdit()
        self.name_edit.setToolTip(tx("users", "Login name, e.g. aeriksson"))
        self.display_edit = QLineEdit()
        self.display_edit.setToolTip(tx("users", "Full name as shown in reports, e.g. Anna "
                                        "Eriksson"))
        self.role_combo = QComboBox()
        for role in Role:
            self.role_combo.addItem(role_word(role), role)
        self.create_button = QPushButton(tx("users", "Add account"))
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self.create_user)
        self.name_edit.textChanged.connect(
            lambda text: self.create_button.setEnabled(bool(text.strip())))
        self.message = QLabel("")
        self.message.setWordWrap(True)

        new_box = QGroupBox(tx("users", "New local account"))
        form = QFormLayout(new_box)
        form.addRow(tx("users", "Name"), self.name_edit)
        form.addRow(tx("users", "Display name"), self.display_edit)
        form.addRow(tx("users", "Role"), self.role_combo)
        form.addRow("", self.create_button)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tx("users", "Choose your account:")))
        layout.addWidget(self.user_list, 1)
        layout.addWidget(new_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.reload(select=last_user)

    def reload(self, select: str | None = None) -> None:
        """Read the accounts again; select the one called ``select`` if present."""
        try:
            self._users = self.repository.list_users()
        except WorkstationError as exc:
            self._users = []
            self.message.setText(str(exc))
        self.user_list.clear()
        for user in self._users:
            item = QListWidgetItem(user_label(user))
            item.setData(Qt.ItemDataRole.UserRole, user.name)
            self.user_list.addItem(item)
        names = [u.name for u in self._users]
        if select in names:
            self.user_list.setCurrentRow(names.index(select))
        elif len(names) == 1:
            self.user_list.setCurrentRow(0)
        self._update_buttons()

    def selected_user(self) -> User | None:
        """The chosen account, or ``None``."""
        row = self.user_list.currentRow()
        return self._users[row] if 0 <= row < len(self._users) else None

    def create_user(self) -> User | None:
        """Add the account described in the form and select it."""
        role = self.role_combo.currentData()
        try:
            user = self.repository.create_user(self.name_edit.text(), role,
                                               self.display_edit.text())
        except WorkstationError as exc:
            self.message.setText(str(exc))
            return None
        self.message.setText(tx("users", "Added {user}.").format(user=user_label(user)))
        self.name_edit.clear()
        self.display_edit.clear()
        self.reload(select=user.name)
        return user

    def accept(self) -> None:
        if self.selected_user() is None:
            self.message.setText(tx("users", "Choose an account or add one."))
            return
        super().accept()

    def _update_buttons(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.selected_user() is not None)
