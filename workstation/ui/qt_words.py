"""Words Qt writes itself (standard buttons, the message box's details button), put in
the workstation's catalogues so that they follow the window's language too.

Qt translates them with ``QCoreApplication.translate`` in its own contexts
(``QPlatformTheme`` for the standard buttons, ``QMessageBox``); Qt ships no Mongolian
catalogue of its own, so the workstation's translator, installed app-wide, answers
these look-ups. The markers below only put the texts into the catalogues
(``tools/i18n_update.py`` keeps what the code marks).
"""

from __future__ import annotations

from workstation.i18n import QT_TRANSLATE_NOOP

#: Standard buttons (``QDialogButtonBox``, ``QMessageBox``) and the details button.
QT_WORDS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "OK"),
)
