"""Signing from the window: where the report goes, the PKCS#12 password, the preview
to confirm (a part of :class:`~workstation.ui.main_window.MainWindow`, kept in its own
room)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from workstation.session.reporting import SigningPreview
from workstation.ui.signing_dialog import SigningDialog
from workstation.ui.texts import tx

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from workstation.session.desk import Desk
    from workstation.session.signing import SigningSession
    from workstation.ui.findings_panel import FindingsPanel
    from workstation.ui.login import SignInGate


class SigningActions:
    """*Sign report…*, *Sign with PKCS#12 file…*, *Conclude and submit…*: a mixin of the
    window (it uses the window's signing session, desk and error display)."""

    if TYPE_CHECKING:
        signing: SigningSession
        desk: Desk
        tabs: QTabWidget
        findings_panel: FindingsPanel
        signing_dialog: SigningDialog | None
        sign_in_gate: SignInGate

        def show_error(self, message: str, details: str = "") -> None: ...

    def _parent(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def ask_report_path(self) -> None:
        """File → Sign report…: where to write it, then the preview to confirm."""
        reason = self.signing.why_not_report()
        if reason is not None:
            self._refused(reason)
            return
        path, _ = QFileDialog.getSaveFileName(self._parent(), tx("signing", "Sign report"),
                                              "report.pdf", "PDF (*.pdf)")
        if not path:
            return
        asked = self._ask_configured_password(then=lambda: self.sign_report(path))
        if asked is not None:
            self.sign_report(path, pkcs12=asked[0], password=asked[1])

    def ask_pkcs12_report(self) -> None:
        """Sign the report with a PKCS#12 file: its file, its password (used for this
        report only, never stored), where to write the PDF, then the preview."""
        reason = self.signing.why_not_report()
        if reason is not None:
            self._refused(reason)
            return
        p12, _ = QFileDialog.getOpenFileName(self._parent(),
                                             tx("signing", "Sign with PKCS#12 file"), "",
                                             tx("signing", "PKCS#12 (*.p12 *.pfx);;All files "
                                                           "(*)"))
        if not p12:
            return
        password = self._ask_password(p12)
        if password is None:
            return
        path, _ = QFileDialog.getSaveFileName(self._parent(), tx("signing", "Sign report"),
                                              "report.pdf", "PDF (*.pdf)")
        if path:
            self.sign_report(path, pkcs12=p12, password=password)

    def sign_report(self, path: str | Path, *, pkcs12: str | Path | None = None,
                    password: str | None = None) -> None:
        """Build the report, show its pages and signer to confirm, then sign, record and
        write it to ``path``."""
        self.signing.prepare_report(path, pkcs12=pkcs12, password=password)

    def ask_conclude_and_submit(self) -> None:
        """File → Conclude and submit for review: the PKCS#12 password when one is
        configured, then the preview to confirm."""
        reason = self.signing.why_not_submit()
        if reason is not None:
            self._refused(reason)
            return
        def submit() -> None:
            self.signing.prepare_submission(pkcs12=None, password=None)

        asked = self._ask_configured_password(then=submit)
        if asked is not None:
            self.signing.prepare_submission(pkcs12=asked[0], password=asked[1])

    def _ask_configured_password(self, then: Callable[[], None] | None = None
                                 ) -> tuple[str | None, str | None] | None:
        """``(pkcs12, password)`` when a PKCS#12 file is configured, ``(None, None)``
        when the signed-in account signs, ``None`` when the user cancels — or when
        nobody is signed in yet: the sign-in dialog shows, and ``then`` runs once the
        session's user has signed in (issue 19: a name alone signs nothing)."""
        try:
            configured = self.desk.pkcs12_path()
        except Exception as exc:
            self.show_error(tx("signing", "Not signed: {error}").format(error=exc))
            return None
        if not configured:
            if self.desk.needs_sign_in():
                self.sign_in_gate.ask(then=then)
                return None
            return None, None
        password = self._ask_password(configured)
        return None if password is None else (configured, password)

    def _ask_password(self, pkcs12: str | Path) -> str | None:
        password, ok = QInputDialog.getText(self._parent(), tx("signing", "Sign with PKCS#12"),
                                            tx("signing", "Password of {file}:").format(
                                                file=Path(pkcs12).name),
                                            QLineEdit.EchoMode.Password)
        return password if ok else None

    def _confirm_signing(self, preview: SigningPreview) -> None:
        pending = self.signing.pending
        where = str(pending.path) if pending is not None and pending.path else ""
        dialog = SigningDialog(preview, self._parent(), destination=where)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.signing.confirm)
        dialog.rejected.connect(self.signing.cancel)
        dialog.finished.connect(lambda _r: setattr(self, "signing_dialog", None))
        self.signing_dialog = dialog
        dialog.open()

    def _refused(self, reason: str) -> None:
        self.show_error(reason)
        if "conclusion" in reason:
            self.tabs.setCurrentWidget(self.findings_panel)

