"""Alerts: published from a concluded forgery, matched on every workstation sharing the
database, expired, withdrawn, audited; evidence crops with personal data blurred."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from tests.accounts import supervisor_account
from tests.cases.conftest import db_url, repo  # noqa: F401
from tests.examination.conftest import shared_library, simulate  # noqa: F401
from tests.trends.conftest import examination as synthetic_examination
from workstation.cases import CaseRepository, Role
from workstation.errors import InputError
from workstation.findings import Conclusion, Findings
from workstation.trends.alerts import AlertStore, CropImage
from workstation.types import CaptureSet, Light

ROOT = Path(__file__).resolve().parents[2]


def _concluded(cases: CaseRepository, examination: object, *, forgery_kind: str | None,
               conclusion: Conclusion = Conclusion.FORGED) -> int:
    examiner = cases.ensure_user("anna", Role.EXAMINER)
    stored = cases.store_examination(examination, user=examiner)  # type: ignore[arg-type]
    rec = cases.save_findings(stored.examination_id,
                              Findings(conclusion=conclusion, forgery_kind=forgery_kind),
                              expected_version=stored.version, user=examiner)
    cases.conclude(stored.examination_id, expected_version=rec.version, user=examiner)
    return stored.examination_id


def _synthetic(state: str = "UTO", failed: tuple[str, ...] = ("UV_DULL_PAPER",)) -> object:
    import random

    person = {"surname": "DORJ", "given": "BOLD", "number": "E1234567",
              "birth": "1980-01-02", "expiry": "2031-02-03"}
    return synthetic_examination(random.Random(1), state, person, failed)


def test_publish_match_expire_withdraw_and_audit(repo: CaseRepository) -> None:  # noqa: F811
    boss = supervisor_account(repo, "sara")
    examiner = repo.ensure_user("anna", Role.EXAMINER)
    store = AlertStore(repo)
    ex = _synthetic()
    eid = _concluded(repo, ex, forgery_kind="data_alteration")
    summary = repo.summaries([eid])[0]
    crop = CropImage("emblem (uv)", "uv", np.full((20, 30, 3), 7, np.uint8))
    with pytest.raises(InputError, match="only a supervisor"):
        store.publish(eid, user=examiner, feature="UV emblem", description="x")
    with pytest.raises(InputError, match="feature"):
        store.publish(eid, user=boss, feature=" ", description="x")
    alert = store.publish(eid, user=boss, feature="UV emblem missing",
                          description="Counterfeit data pages without the UV emblem.",
                          crops=[crop], check_code="VISIBLE_ELEMENT_ABSENT", days=30)
    assert alert.status() == "active" and alert.forgery_kind == "data_alteration"
    assert (alert.issuing_state, alert.document_code) == (summary.issuing_state,
                                                          summary.document_code)
    assert alert.series == (summary.specimen_id or "")
    [(ref, img)] = store.crop_images(alert)
    assert ref.label == "emblem (uv)" and np.array_equal(img, crop.image)
    assert [a.id for a in store.matching_examination(ex)] == [alert.id]  # type: ignore[arg-type]
    state, code, series = summary.issuing_state, summary.document_code, summary.specimen_id
    assert [a.id for a in store.matching(state, code, series)] == [alert.id]
    assert store.matching("KAZ", "P", None) == []
    # expiry: moved to now, it no longer matches; the expiry is recorded once
    later = alert.expires_at + dt.timedelta(seconds=1)
    assert store.matching(state, code, series, now=later) == []
    assert store.record_expiries(user=boss, now=later) == 1
    assert store.record_expiries(user=boss, now=later) == 0
    alert = store.set_expiry(alert.id, user=boss, expires_at=dt.datetime.now(dt.UTC)
                             + dt.timedelta(days=2))
    assert store.matching(state, code, series)
    with pytest.raises(InputError, match="why"):
        store.withdraw(alert.id, user=boss, reason="")
    alert = store.withdraw(alert.id, user=boss, reason="a genuine variant, not a forgery")
    assert alert.status() == "withdrawn"
    assert store.matching(state, code, series) == []
    assert store.alerts() == [] and [a.id for a in store.alerts(include_inactive=True)] == [
        alert.id]
    actions = [e.action for e in repo.audit_events(subjects=(f"alert:{alert.id}",))]
    assert actions == ["alert.published", "alert.expired", "alert.expiry_changed",
                       "alert.withdrawn"]
    assert repo.verify_audit().ok


def test_alerts_come_only_from_concluded_forgeries(repo: CaseRepository) -> None:  # noqa: F811
    boss = supervisor_account(repo, "sara")
    store = AlertStore(repo)
    genuine = _concluded(repo, _synthetic(), forgery_kind=None,
                         conclusion=Conclusion.NO_ANOMALY)
    with pytest.raises(InputError, match="alerts are for forgeries"):
        store.publish(genuine, user=boss, feature="f", description="d")
    stored = repo.store_examination(_synthetic(), user="anna")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="concluded examinations"):
        store.publish(stored.examination_id, user=boss, feature="f", description="d")


def _forged_examination(simulate: Callable[..., CaptureSet], library: object,  # noqa: F811
                        forgery: str, seed: int = 5) -> object:
    from workstation.examination.pipeline import examine

    return examine(simulate("UTO-P-2020", forgery, seed), library=library)  # type: ignore[arg-type]


@pytest.mark.slow
def test_evidence_crops_blur_the_holders_data_and_nothing_else(
        simulate: Callable[..., CaptureSet], shared_library: object) -> None:  # noqa: F811
    from workstation.imaging.redact import is_personal
    from workstation.mrz import read_mrz
    from workstation.trends.crops import MARGIN_MM, evidence_crops
    from workstation.types import mm_to_px

    ex = _forged_examination(simulate, shared_library, "mrz_ir_transparent")
    crops = evidence_crops(ex)  # type: ignore[arg-type]
    assert [c.light for c in crops] == ["ir", "white"]
    registered = ex.registration.registered  # type: ignore[attr-defined]
    dpi, spec = ex.registration.work_dpi, ex.specimen  # type: ignore[attr-defined]
    x, y, _w, _h = spec.zone("mrz").rect_mm
    x0, y0 = max(0.0, x - MARGIN_MM), max(0.0, y - MARGIN_MM)
    r0, c0 = round(mm_to_px(y0, dpi)), round(mm_to_px(x0, dpi))
    white = crops[1].image
    raw = registered[Light.WHITE][r0:r0 + white.shape[0], c0:c0 + white.shape[1]]
    # the raw crop's MRZ reads; the published one does not
    assert read_mrz(np.ascontiguousarray(raw)).found
    blurred = read_mrz(white)
    assert not blurred.found or not blurred.valid
    # outside every personal zone the crop is the capture itself
    mask = np.ones(white.shape[:2], bool)
    for zone in spec.zones:
        if is_personal(zone):
            zx, zy, zw, zh = zone.rect_mm
            mask[max(0, round(mm_to_px(zy - y0, dpi))):round(mm_to_px(zy + zh - y0, dpi)),
                 max(0, round(mm_to_px(zx - x0, dpi))):round(mm_to_px(zx + zw - x0, dpi))] = 0
    assert mask.any() and np.array_equal(white[mask], raw[mask])
    assert not np.array_equal(white, raw)

    # a substituted portrait: whichever failed check's crop shows the holder's face (the
    # portrait zone itself, or a luminescent zone across its edge), the face is blurred
    ex2 = _forged_examination(simulate, shared_library, "portrait_substituted")
    spec2 = ex2.specimen  # type: ignore[attr-defined]
    px, py, pw, ph = spec2.zone("portrait").rect_mm
    fx0, fx1, fy0, fy1 = px + 0.3 * pw, px + 0.7 * pw, py + 0.3 * ph, py + 0.6 * ph  # the face
    by_label = {(z.label or z.id): z for z in spec2.zones}
    registered2 = ex2.registration.registered  # type: ignore[attr-defined]

    def detail(a: np.ndarray) -> float:
        return float(np.abs(np.diff(a, axis=0)).mean() + np.abs(np.diff(a, axis=1)).mean())

    seen = 0
    for crop in evidence_crops(ex2):  # type: ignore[arg-type]
        zone = by_label[crop.label.rsplit(" (", 1)[0]]
        zx, zy, _zw, _zh = zone.rect_mm
        ox, oy = max(0.0, zx - MARGIN_MM), max(0.0, zy - MARGIN_MM)
        cx0, cx1 = max(fx0, ox), min(fx1, ox + crop.image.shape[1] * 25.4 / dpi)
        cy0, cy1 = max(fy0, oy), min(fy1, oy + crop.image.shape[0] * 25.4 / dpi)
        if cx1 - cx0 < 1.5 or cy1 - cy0 < 1.5:
            continue  # this crop does not show the face
        rows = slice(round(mm_to_px(cy0 - oy, dpi)), round(mm_to_px(cy1 - oy, dpi)))
        cols = slice(round(mm_to_px(cx0 - ox, dpi)), round(mm_to_px(cx1 - ox, dpi)))
        raw2 = registered2[Light(crop.light)][round(mm_to_px(oy, dpi)):,
                                              round(mm_to_px(ox, dpi)):]
        face = crop.image[rows, cols].astype(float)
        raw_face = raw2[rows, cols].astype(float)
        # white light keeps < 25 % of the face's detail; a dim UV crop is mostly sensor
        # noise, of which the blur removes about two thirds
        limit = 0.25 if crop.light == "white" else 0.4
        assert detail(face) < limit * detail(raw_face), crop.label
        seen += 1
    if not seen:
        # no failed check's crop shows the face (the check that caught it names a zone
        # beside it): the blur every crop goes through still wipes the face out
        from workstation.imaging.redact import blur_personal

        ox, oy = max(0.0, px - MARGIN_MM), max(0.0, py - MARGIN_MM)
        r0 = round(mm_to_px(oy, dpi))
        c0 = round(mm_to_px(ox, dpi))
        raw_crop = np.ascontiguousarray(registered2[Light.WHITE][
            r0:round(mm_to_px(py + ph + MARGIN_MM, dpi)),
            c0:round(mm_to_px(px + pw + MARGIN_MM, dpi))])
        blurred_crop = blur_personal(raw_crop, spec2.zones, dpi=dpi, origin_mm=(ox, oy))
        rows = slice(round(mm_to_px(fy0 - oy, dpi)), round(mm_to_px(fy1 - oy, dpi)))
        cols = slice(round(mm_to_px(fx0 - ox, dpi)), round(mm_to_px(fx1 - ox, dpi)))
        assert detail(blurred_crop[rows, cols].astype(float)) < \
            0.25 * detail(raw_crop[rows, cols].astype(float))


@pytest.mark.postgres
@pytest.mark.slow
def test_an_alert_published_on_one_workstation_shows_on_another(
        postgres_admin_url: str, tmp_path: Path, bundled_root: Path,
        simulate: Callable[..., CaptureSet], shared_library: object) -> None:  # noqa: F811
    from tests.databases import throwaway_database
    from workstation.trends.crops import evidence_crops

    with throwaway_database(postgres_admin_url) as url:
        # Workstation A (this process) at Zamyn-Uud finds a forgery and publishes it.
        with CaseRepository.open(url, location="Zamyn-Uud road") as repo_a:
            boss = supervisor_account(repo_a, "sara")
            ex = _forged_examination(simulate, shared_library, "uv_feature_missing")
            eid = _concluded(repo_a, ex, forgery_kind=None,
                             conclusion=Conclusion.COUNTERFEIT)
            crops = evidence_crops(ex)  # type: ignore[arg-type]
            assert crops
            alert = AlertStore(repo_a).publish(
                eid, user=boss, feature="UV state emblem missing",
                description="Counterfeits of the 2020 passport: no luminescent emblem.",
                crops=crops)
        # Workstation B, another process with its own data folder at another border
        # point, examines a document of that type and gets the alert with its crops.
        env = dict(os.environ, WORKSTATION_HOME=str(tmp_path / "b-home"),
                   WORKSTATION_LOCATION="Altanbulag rail")
        # workstations sharing one database share its audit chain key (formats.md §7)
        shared_key = repo_a.anchor.chain_key_path
        (tmp_path / "b-home" / "audit").mkdir(parents=True)
        (tmp_path / "b-home" / "audit" / "config.json").write_text(
            json.dumps({"chain_key_file": str(shared_key)}))

        def workstation_b(document: str, seed: int) -> dict[str, object]:
            proc = subprocess.run(
                [sys.executable, "-m", "tests.trends.alert_worker", url, str(bundled_root),
                 document, str(seed)], cwd=ROOT, env=env, capture_output=True, text=True,
                timeout=600, check=False)
            assert proc.returncode == 0, proc.stderr[-2000:]
            return json.loads(proc.stdout)  # type: ignore[no-any-return]

        seen = workstation_b("UTO-P-2020", 21)
        assert seen["border_point"] == "Altanbulag rail"
        [shown] = seen["alerts"]  # type: ignore[misc]
        assert shown["id"] == alert.id and shown["feature"] == "UV state emblem missing"
        assert [c["sha256"] for c in shown["crops"]] == [c.sha256 for c in alert.crops]
        assert [tuple(c["shape"]) for c in shown["crops"]] == [c.image.shape for c in crops]
        # a document of another type shows nothing
        assert workstation_b("UTO-ID-2021", 22)["alerts"] == []
        with CaseRepository.open(url) as repo:
            actions = [e.action for e in repo.audit_events(subjects=(f"alert:{alert.id}",))]
            assert actions == ["alert.published", "alert.shown"]
            shown_event = repo.audit_events(subjects=(f"alert:{alert.id}",))[1]
            assert shown_event.actor == "bold"
            AlertStore(repo).withdraw(alert.id, user=repo.ensure_user("sara"),
                                      reason="test over")
            assert repo.verify_audit().ok
        assert workstation_b("UTO-P-2020", 23)["alerts"] == []
