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

from workstation.types import Specimen

COLUMNS = ("Id", "State", "Type", "Series", "Lights", "Zones", "Exemplars", "Signature",
           "Title")


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
        self.setWindowTitle("Specimen library")
        self.specimens = specimens
        self.signature = signature  # spec -> {"signature": {...}} (session), or None
        self.search = QLineEdit()
        self.search.setPlaceholderText("search: state, type, series… (e.g. MNG P 2021)")
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
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
                     str(s.statistics.exemplars), sig.get("status", "-"), s.title)
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.count.setText(f"{len(self.shown)} of {len(self.specimens)} specimens")
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
        lines = [f"<b>{s.id}</b> — {s.title}",
                 f"{s.issuing_state} · code {s.document_code} · MRZ {s.mrz_format or 'none'}"
                 f" · series {s.series or '-'} · {s.size_mm[0]:g} × {s.size_mm[1]:g} mm",
                 f"lights: {', '.join(lt.value for lt in s.image_lights)}; "
                 f"statistics from {s.statistics.exemplars} genuine exemplar(s)",
                 f"package signature: {sig.get('text', 'not checked')}"]
        if prov:
            lines.append(f"authored by {prov.get('authored_by') or '-'} at "
                         f"{prov.get('authored_at')}; blurred: "
                         f"{', '.join(prov.get('blurred_zones') or []) or 'nothing'}")
        lines.append("zones: " + ", ".join(
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
