"""The Trends view and the alert banner, offscreen: the view's figures agree with a
direct count, bars drill down, charts save as PNG and SVG."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from tests.accounts import supervisor_account
from tests.examination.conftest import shared_library, simulate  # noqa: F401
from tests.trends.conftest import Population, direct_count
from workstation.trends import TrendStore
from workstation.trends.series import OTHER

SINCE, UNTIL = dt.date(2026, 1, 1), dt.date(2026, 3, 1)
SHOTS = Path(os.environ.get("WORKSTATION_SCREENSHOTS", "/tmp/trends-screens"))


def _label(value: str) -> str:
    return value if value else "(none)"


def test_the_view_agrees_with_a_direct_count_and_drills_down(
        qtbot: QtBot, population: Population, tmp_path: Path) -> None:
    from workstation.ui.trend_chart import save_chart
    from workstation.ui.trends import TrendsWidget

    repo = next(iter(population.repos.values()))
    widget = TrendsWidget(TrendStore(repo), user=population.supervisor, today=UNTIL)
    qtbot.addWidget(widget)
    widget.resize(1400, 860)
    widget.show()
    shown: list[int] = []
    widget.figuresShown.connect(shown.append)
    for dimension in ("state", "check", "point", "kind"):
        shown.clear()
        widget.set_category(dimension)
        widget.set_period(SINCE, UNTIL)
        qtbot.waitUntil(lambda dim=dimension: bool(shown) and shown[-1] >= 0  # type: ignore[misc]
                        and widget.query().by[1:] == (dim,)
                        and widget.table_result is not None
                        and widget.table_result.query == widget.query(), timeout=20000)
        figures = widget.figure_rows()
        direct = direct_count(repo, (dimension,), since=SINCE, until=UNTIL)
        assert {k: v for k, v in figures.items() if k != "All examinations"} == {
            _label(k[0]): v for k, v in direct.items()}, dimension
        assert figures["All examinations"][0] == sum(
            1 for _ in population.examination_ids) or dimension == "check"
        # the bars hold the same numbers (the top categories, the rest as "other")
        series = widget.series
        assert series is not None
        per = dict(zip(series.categories, series.values.sum(axis=1), strict=True))
        for cat, total in per.items():
            if cat != OTHER:
                assert total == direct[(cat,)][0]
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / "trends-view-check.png"))

    # a bar: the examinations behind it
    widget.set_category("state")
    qtbot.waitUntil(lambda: widget.table_result is not None
                    and widget.table_result.query == widget.query(), timeout=20000)
    series = widget.series
    assert series is not None
    col = int(np.argmax(series.values.sum(axis=0)))
    row = int(np.argmax(series.values[:, col]))
    bucket, state = series.buckets[col], series.categories[row]
    drilled: list[int] = []
    widget.drillShown.connect(drilled.append)
    widget.drill_down(bucket, state)
    qtbot.waitUntil(lambda: bool(drilled), timeout=20000)
    expected = direct_count(repo, (series.bucket, "state"), since=SINCE, until=UNTIL)
    assert drilled[-1] == expected[(bucket, state)][0] == series.values[row, col]
    assert {s.issuing_state for s in widget.drill.rows} == {state}
    opened: list[int] = []
    widget.examinationOpened.connect(opened.append)
    widget.drill.table.selectRow(0)
    widget.drill.open_button.click()
    assert opened == [widget.drill.rows[0].id]
    widget.grab().save(str(SHOTS / "trends-view-state.png"))

    png, svg = save_chart(widget.chart, tmp_path / "c.png"), save_chart(widget.chart,
                                                                        tmp_path / "c.svg")
    from workstation.imageio import decode_image

    assert decode_image(png.read_bytes()).shape[:2] == (widget.chart.height(),
                                                        widget.chart.width())
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    bars = int((series.values > 0).sum())
    assert "<image" not in text and text.count("<rect") >= bars  # vectors, not a bitmap


def test_an_examiner_sees_the_figures_but_not_the_examinations(
        qtbot: QtBot, population: Population) -> None:
    from workstation.ui.trends import TrendsWidget

    repo = next(iter(population.repos.values()))
    widget = TrendsWidget(TrendStore(repo), user=population.examiner, today=UNTIL)
    qtbot.addWidget(widget)
    shown: list[int] = []
    widget.figuresShown.connect(shown.append)
    widget.set_period(SINCE, UNTIL)
    qtbot.waitUntil(lambda: bool(shown) and shown[-1] >= 0, timeout=20000)
    assert not widget.may_drill_down and not widget.drill.table.isEnabled()
    widget.drill_down(None, None)
    assert widget.drill.rows == []


@pytest.mark.slow
def test_the_alert_banner_crops_and_publish_dialog(qtbot: QtBot, tmp_path: Path,
                                                   simulate, shared_library) -> None:  # noqa: F811
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from tests.trends.test_alerts import _concluded, _forged_examination
    from workstation.cases import CaseRepository
    from workstation.findings import Conclusion
    from workstation.trends.alerts import AlertStore
    from workstation.trends.crops import evidence_crops
    from workstation.ui.alerts import AlertBanner, AlertCropsPanel, PublishAlertDialog

    ex = _forged_examination(simulate, shared_library, "portrait_substituted")
    crops = evidence_crops(ex)  # type: ignore[arg-type]
    dialog = PublishAlertDialog(document="UTO P (UTO-P-2020)", crops=crops)
    qtbot.addWidget(dialog)
    assert not dialog.publish_button.isEnabled()
    dialog.feature_edit.setText("Substituted portrait: cut edge inside the frame")
    dialog.description_edit.setPlainText("A photo pasted over the original; the cut edge "
                                         "shows as a thin dark line inside the frame.")
    assert dialog.publish_button.isEnabled()
    dialog.crop_checks[0].setChecked(False)
    request = dialog.request()
    assert [c.label for c in request.crops] == [c.label for c in crops[1:]]
    dialog.resize(900, 520)
    dialog.show()
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "alert-publish-dialog.png"))

    with CaseRepository.open(f"sqlite:///{tmp_path / 'a.db'}", location="Zamyn-Uud") as repo:
        boss = supervisor_account(repo, "sara")
        eid = _concluded(repo, ex, forgery_kind="photo_substitution",
                         conclusion=Conclusion.FORGED)
        store = AlertStore(repo)
        alert = store.publish(eid, user=boss, feature=request.feature,
                              description=request.description, crops=request.crops,
                              series=request.series, days=request.days)
        matching = store.matching_examination(ex)  # type: ignore[arg-type]
        decoded = store.crop_images(alert)
    host = QWidget()
    qtbot.addWidget(host)
    banner, panel = AlertBanner(), AlertCropsPanel()
    layout = QVBoxLayout(host)
    layout.addWidget(banner)
    layout.addWidget(panel, 1)
    announced: list[int] = []
    wanted: list[int] = []
    banner.shown.connect(announced.append)
    banner.cropsRequested.connect(wanted.append)
    banner.set_alerts(matching, document=41)
    banner.set_alerts(matching, document=41)
    assert announced == [alert.id] and banner.isVisibleTo(host)
    assert banner.lines()[0].startswith(f"Alert #{alert.id} for UTO P (UTO-P-2020): "
                                        "Substituted portrait")
    panel.set_alert(alert, decoded)
    assert panel._grid.count() == 2 * len(decoded)
    host.resize(1100, 480)
    host.show()
    qtbot.waitExposed(host)
    host.grab().save(str(SHOTS / "alert-banner-crops.png"))
    banner.set_alerts([], document=42)
    assert not banner.isVisibleTo(host)
