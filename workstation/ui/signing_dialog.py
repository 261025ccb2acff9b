"""Before anything is signed: the report's pages and who will sign it.

:class:`SigningDialog` shows a :class:`~workstation.session.reporting.SigningPreview`
— every page of the report as it will be signed, and the signer's certificate (name,
issuing CA, serial, SHA-256 fingerprint, validity, where the key is) — with a
button that says exactly what happens ("Sign and submit for review", "Countersign
and approve", "Sign and write the report") and Cancel. It opens window-modal (no
nested event loop); the caller connects ``accepted``/``rejected``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workstation.session.reporting import SigningPreview
from workstation.ui.texts import T, date_text, tx

#: What the confirm button says, per purpose of the signature.
ACTIONS = {"submit": T("signing", "Sign and submit for review"),
           "approve": T("signing", "Countersign and approve"),
           "report": T("signing", "Sign and write the report")}
INTROS = {
    "submit": T("signing", "Check the report. Confirming signs it with the key below, "
                "concludes the examination and submits it for review; the findings are then "
                "final."),
    "approve": T("signing", "Check the examiner's report. Confirming adds your "
                 "countersignature with the key below and records the approval."),
    "report": T("signing", "Check the report. Confirming signs it with the key below, "
                "records it with the examination and writes the file."),
}
TITLES = {"submit": T("signing", "Conclude and submit for review"),
          "approve": T("signing", "Approve and countersign"),
          "report": T("signing", "Sign the report")}


class SigningDialog(QDialog):
    """The preview and the confirmation (see the module docstring)."""

    def __init__(self, preview: SigningPreview, parent: QWidget | None = None, *,
                 destination: str = "") -> None:
        super().__init__(parent)
        self.preview = preview
        self.setObjectName("signing_dialog")
        title = TITLES.get(preview.purpose)
        self.setWindowTitle(title.tr() if title is not None else tx("signing", "Sign"))
        layout = QVBoxLayout(self)
        text = INTROS.get(preview.purpose)
        intro = QLabel(text.tr() if text is not None else "")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        pages = QWidget()
        row = QHBoxLayout(pages)
        row.setContentsMargins(6, 6, 6, 6)
        row.setSpacing(10)
        self.page_labels: list[QLabel] = []
        for n, png in enumerate(preview.pages, start=1):
            pix = QPixmap()
            pix.loadFromData(png, "PNG")
            label = QLabel()
            label.setPixmap(pix)
            label.setFixedSize(pix.size())
            label.setToolTip(tx("signing", "Page {n} of {total}").format(
                n=n, total=len(preview.pages)))
            label.setStyleSheet("border: 1px solid #888; background: white;")
            row.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
            self.page_labels.append(label)
        if not preview.pages:
            row.addWidget(QLabel(tx("signing", "The pages cannot be shown here: {problem}")
                                 .format(problem=preview.problem)))
        row.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setWidgetResizable(False)
        scroll.setMinimumHeight(360)
        layout.addWidget(scroll, 1)

        signer = preview.signer
        facts = [(tx("signing", "Signed by"), signer.name),
                 (tx("signing", "Certificate issued by"), signer.issuer),
                 (tx("signing", "Serial"), signer.serial),
                 (tx("signing", "Valid until"), date_text(signer.valid_until)),
                 ("SHA-256", signer.fingerprint), (tx("signing", "Key"), signer.source),
                 (tx("signing", "Signature field"), preview.field)]
        if destination:
            facts.append((tx("signing", "Written to"), destination))
        self.signer_label = QLabel("<br/>".join(
            f"<b>{k}:</b> {html.escape(str(v))}" for k, v in facts))  # a name may hold "<"
        self.signer_label.setObjectName("signer_label")
        self.signer_label.setWordWrap(True)
        self.signer_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.signer_label)

        buttons = QDialogButtonBox()
        action = ACTIONS.get(preview.purpose)
        self.confirm_button = buttons.addButton(action.tr() if action is not None
                                                else tx("signing", "Sign"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button.setAutoDefault(False)  # signing is never the default
        self.cancel_button.setAutoDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(980, 720)

    def showEvent(self, event: QShowEvent) -> None:
        """Enter never signs: Cancel is the default button (set again once shown, since
        showing a dialog picks its own default)."""
        super().showEvent(event)
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()
