"""A document type the project never shipped, imported as a specimen package.

The test designs a new card (a residence permit with the portrait on the right,
the features elsewhere), renders its specimen and captures with the project's
renderer, saves the specimen as an ordinary package, imports it next to the
bundled specimens and examines captures of it: identification must pick it
(two TD1 cards of the same state fit the MRZ: registration quality decides),
a genuine capture must pass and a forgery must fail.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from workstation.examination.pipeline import examine
from workstation.types import CheckStatus, Verdict

NEW_ID = "UTO-RP-2022"
TODAY = dt.date(2026, 11, 28)


@pytest.fixture
def new_design(monkeypatch: pytest.MonkeyPatch) -> str:
    from workstation.specimens import render
    from workstation.specimens.documents import DESIGNS, ID_CARD, FieldSpec

    design = dataclasses.replace(
        ID_CARD, id=NEW_ID, title="Utopia residence permit, 2022 series", series="2022",
        valid_from=dt.date(2022, 1, 1), subtitle="RESIDENCE PERMIT", subtitle_x_mm=4.0,
        header_zone=(58.0, 2.5, 23.0, 4.5),
        portrait=(61.6, 9.0, 20.0, 26.0),
        emblem_centre=(20.0, 19.5), pattern_centre=(61.6, 28.5),
        ir_mark_centre=(6.0, 33.0), rosette_centre=(16.0, 32.0),
        background_zone=(27.0, 31.4, 12.0, 6.6), blank_zone=(3.0, 31.0, 18.0, 5.0),
        signature=(40.0, 31.0, 17.0, 6.0),
        fields=(
            FieldSpec("surname", "Surname / Nom", 4.0, 10.0, 13.1, 33.0, "field:surname"),
            FieldSpec("given_names", "Given names", 4.0, 15.4, 18.5, 33.0,
                      "field:given_names"),
            FieldSpec("sex", "Sex", 4.0, 20.8, 23.9, 6.0, "field:sex"),
            FieldSpec("nationality", "Nationality", 12.0, 20.8, 23.9, 10.0,
                      "field:nationality"),
            FieldSpec("birth_date", "Date of birth", 26.0, 20.8, 23.9, 16.0,
                      "field:birth_date"),
            FieldSpec("document_number", "Document No.", 4.0, 26.2, 29.3, 20.0,
                      "field:document_number"),
            FieldSpec("expiry_date", "Date of expiry", 28.0, 26.2, 29.3, 16.0,
                      "field:expiry_date"),
        ),
    )
    monkeypatch.setitem(DESIGNS, NEW_ID, design)
    monkeypatch.setattr(render, "DOCUMENTS", (*render.DOCUMENTS, NEW_ID))
    # the simulator draws every document of ALL_DOCUMENTS (those without a bundled specimen too)
    monkeypatch.setattr(render, "ALL_DOCUMENTS", (*render.ALL_DOCUMENTS, NEW_ID))
    return NEW_ID


def _capture(doc: str, forgery: str | None, seed: int) -> Any:
    from workstation.hardware.simulated import SimulatedReader

    reader = SimulatedReader(document=doc, forgery=forgery, seed=seed)
    try:
        return reader.capture_all()
    finally:
        reader.close()


@pytest.mark.slow
def test_imported_new_document_type(new_design: str, library: Any, tmp_path: Path) -> None:
    from workstation.specimens.package import save_specimen
    from workstation.specimens.render import specimen_for

    spec = specimen_for(new_design, dpi=300.0)
    spec.extra.pop("generator", None)  # an ordinary package, not a bundled one
    package = save_specimen(spec, tmp_path / "new-permit.zip")
    imported = library.import_package(package)
    assert imported.id == NEW_ID
    assert set(library.ids()) == {"UTO-P-2020", "UTO-ID-2021", NEW_ID}

    genuine = examine(_capture(new_design, None, 31), library=library, today=TODAY)
    not_passed = [(c.id, c.zone, c.status.value, c.score) for c in genuine.checks
                  if c.status not in (CheckStatus.PASS, CheckStatus.SKIPPED)]
    assert genuine.specimen_id == NEW_ID
    assert not_passed == []
    assert genuine.verdict is Verdict.PASS
    assert genuine.identification is not None
    ranked = {c.specimen_id: c.quality for c in genuine.identification.candidates}
    assert ranked[NEW_ID] > ranked["UTO-ID-2021"]

    forged = examine(_capture(new_design, "uv_feature_missing", 32), library=library,
                     today=TODAY)
    assert forged.specimen_id == NEW_ID
    assert forged.verdict is Verdict.FAIL
    assert any(c.id == "uv.luminescent" and c.status is CheckStatus.FAIL
               for c in forged.checks)

    # The bundled card is still told apart from the new one.
    card = examine(_capture("UTO-ID-2021", None, 33), library=library, today=TODAY)
    assert card.specimen_id == "UTO-ID-2021"
