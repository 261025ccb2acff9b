"""The specimen library window (Tools ▸ Specimen library): every specimen, searchable by
state, type and series, with its lights, zones, provenance and package signature."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from workstation.labels import light_label
from workstation.types import Specimen
from workstation.ui.texts import QT, T, bind, live, tx

COLUMNS = (T("library", "Id"), T("library", "State"), T("library", "Type"),
           T("library", "Series"), T("library", "Lights"), T("library", "Zones"),
           T("library", "Exemplars"), T("library", "Signature"), T("library", "Title"))


def matches(spec: Specimen, query: str) -> bool:
    """Whether ``spec`` matches every word of ``query`` (in its id, state, document code,
    series or title; case-insensitive)."""
    hay = " ".join((spec.id, spec.issuing_state, spec.document_code, spec.series,
                    spec.title)).lower()
    return all(word in hay for word in query.lower().split())


class LibraryWindow(QDialog):
    """The library: a search box, a table, and the selected specimen's details."""

    def __init__(self, specimens: list[Specimen], parent: QWidget | None = None,
                 signature: Any = None) -> None:
        super().__init__(parent)
        bind(self.setWindowTitle, T("library", "Specimen library"))
        self.specimens = specimens
        self.signature = signature  # spec -> {"signature": {...}} (session), or None
        self.search = QLineEdit()
        bind(self.search.setPlaceholderText, T("library", "search: state, type, series… "
                                                  "(e.g. MNG P 2021)"))
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.table = QTableWidget(0, len(COLUMNS))
        live(self.table, lambda: self.table.setHorizontalHeaderLabels(
            [c.tr() for c in COLUMNS]), "header")
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.currentCellChanged.connect(lambda r, *_: self._details(r))
        self.details = QTextEdit()
        self.details.setReadOnly(True)
        self.count = QLabel("")
        lay = QVBoxLayout(self)
        lay.addWidget(self.search)
        lay.addWidget(self.table, 2)
        lay.addWidget(self.count)
        lay.addWidget(self.details, 1)
        self.shown: list[Specimen] = []
        self._sig: dict[str, dict[str, Any]] = {}
        self.resize(1000, 640)
        self.refresh()

    def _signature(self, spec: Specimen) -> dict[str, Any]:
        if spec.id not in self._sig:
            self._sig[spec.id] = (self.signature(spec).get("signature", {})
                                  if self.signature is not None else {})
        return self._sig[spec.id]

    def refresh(self) -> None:
        """Show the specimens matching the search."""
        self.shown = [s for s in self.specimens if matches(s, self.search.text())]
        self.table.setRowCount(len(self.shown))
        for r, s in enumerate(self.shown):
            sig = self._signature(s)
            cells = (s.id, s.issuing_state, s.document_code, s.series,
                     ", ".join(lt.value for lt in s.image_lights), str(len(s.zones)),
                     str(s.statistics.exemplars), sig.get("status", "-"),
                     tx("specimens", s.title))
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        total = len(self.specimens)
        self.count.setText(tx("library", "{shown} of %n specimen(s)", None,
                              total).format(shown=len(self.shown)))
        if self.shown:
            self.table.selectRow(0)
            self._details(0)
        else:
            self.details.clear()

    def _details(self, row: int) -> None:
        if not 0 <= row < len(self.shown):
            return
        s = self.shown[row]
        prov = s.extra.get("provenance") if isinstance(s.extra.get("provenance"), dict) else {}
        sig = self._signature(s)
        exemplars = s.statistics.exemplars
        lines = [f"<b>{s.id}</b> — {tx('specimens', s.title)}",
                 tx("library", "{state} · code {code} · MRZ {mrz} · series {series} · "
                    "{width} × {height} mm").format(
                     state=s.issuing_state, code=s.document_code,
                     mrz=s.mrz_format or tx("library", "none"), series=s.series or "-",
                     width=f"{s.size_mm[0]:g}", height=f"{s.size_mm[1]:g}"),
                 tx("library", "lights: {lights}; statistics from %n genuine exemplar(s)",
                    None, exemplars).format(
                     lights=", ".join(light_label(lt, QT) for lt in s.image_lights)),
                 tx("library", "package signature: {signature}").format(
                     signature=sig.get("text", tx("library", "not checked")))]
        if prov:
            lines.append(tx("library", "authored by {who} at {when}; blurred: {zones}").format(
                who=prov.get("authored_by") or "-", when=prov.get("authored_at"),
                zones=", ".join(prov.get("blurred_zones") or []) or tx("library", "nothing")))
        lines.append(tx("library", "zones:") + " " + ", ".join(
            f"{z.id}" + (f" ({z.role})" if z.role else "") for z in s.zones))
        self.details.setHtml("<br>".join(lines))


def open_library_window(window: Any) -> LibraryWindow:
    """Tools ▸ Specimen library: the data folder's library, signatures checked."""
    from workstation.session.specimen_sharing import signature_summary
    from workstation.specimens.library import SpecimenLibrary

    dialog = LibraryWindow(SpecimenLibrary().specimens(), window, signature=signature_summary)
    window.library_window = dialog
    dialog.show()
    return dialog
