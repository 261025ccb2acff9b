"""Alerts at the desk without a window: a supervisor publishes an alert from a concluded
forgery; another workstation on the same database is shown it when it examines a document
of that type; shown and expired alerts are recorded in the audit trail."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import numpy as np

from tests.session.conftest import Events, examined, user
from tests.ui.fakes import FakeReader, fake_examine
from workstation.cases import CaseRepository
from workstation.examination.results import Examination
from workstation.findings import Conclusion, Findings
from workstation.mrz.result import MrzResult
from workstation.session.alerts import AlertsSession, PublishDraft
from workstation.session.desk import Desk
from workstation.session.examination import ExaminationSession
from workstation.session.jobs import QueueRunner


def typed_examine(capture: Any, **kwargs: Any) -> Examination:
    """The synthetic examination, its MRZ naming a document type (state and code)."""
    exam = fake_examine(capture, **kwargs)
    assert exam.mrz is not None
    mrz = MrzResult(found=True, format="TD3", fields={**exam.mrz.fields,
                                                      "document_code": "P"})
    return dataclasses.replace(exam, mrz=mrz)


def desk_of(runner: QueueRunner, name: str) -> tuple[Desk, ExaminationSession, AlertsSession]:
    desk = Desk(runner, user_name=name, open_repository=CaseRepository.open)
    work = ExaminationSession(desk, runner, examine=typed_examine)
    return desk, work, AlertsSession(desk, work, runner)


def concluded_forgery(work: ExaminationSession, runner: QueueRunner,
                      repo: CaseRepository) -> int:
    """An examination concluded forged, opened on ``work``'s desk."""
    examined(work, runner)
    assert work.record is not None
    exam_id = work.record.id
    work.edit(Findings(conclusion=Conclusion.FORGED, forgery_kind="substitution",
                       text="emblem missing"))
    work.save_now()
    runner.settle()
    rec = repo.open_examination(exam_id)
    repo.conclude(exam_id, expected_version=rec.version, user="sue")
    work.open(exam_id)
    runner.settle()
    return exam_id


def test_publish_then_another_workstation_is_alerted(runner: QueueRunner,
                                                     repo: CaseRepository) -> None:
    desk, work, alerts = desk_of(runner, "sue")
    exam_id = concluded_forgery(work, runner, repo)
    assert desk.is_supervisor and alerts.why_not_publish() is None
    events = Events(alerts, "publishReady", "published", "failed", "refused", "matched")
    alerts.prepare_publish()
    runner.settle()
    assert not events.of("failed") and not events.of("refused")
    (draft,) = events.of("publishReady")
    assert isinstance(draft, PublishDraft) and draft.examination_id == exam_id
    assert draft.document == "UTO P (FAKE-1)" and draft.check_code == "VISIBLE_ELEMENT_ABSENT"
    assert draft.crops and all(c.image.dtype == np.uint8 for c in draft.crops)
    alerts.publish(draft, feature="UV emblem missing", description="The emblem stays dark",
                   days=30, any_series=False, crops=draft.crops[:1])
    runner.settle()
    (alert,) = events.of("published")
    assert alert.feature == "UV emblem missing" and len(alert.crops) == 1
    # another workstation on the same database examines a document of that type
    desk2, work2, alerts2 = desk_of(runner, "anna")
    seen = Events(alerts2, "matched", "cropsLoaded")
    work2.capture(FakeReader())
    runner.settle()
    matched = [a for a in seen.of("matched") if a]
    assert matched and [a.id for a in matched[-1]] == [alert.id]
    alerts2.record_shown(alert.id)
    alerts2.load_crops(alert.id)
    runner.settle()
    ((got, crops),) = [args for name, args in seen.seen if name == "cropsLoaded"]
    assert got.id == alert.id and crops[0][1].shape == draft.crops[0].image.shape
    actions = [e.action for e in repo.audit_events(subjects=(f"alert:{alert.id}",))]
    assert actions == ["alert.published", "alert.shown"]
    # a new capture clears the alerts until it is examined
    work2.take(FakeReader().capture_all(), examine=False)
    assert alerts2.alerts == ()
    for d in (desk, desk2):
        d.close()


def test_only_a_supervisor_publishes_and_only_a_concluded_forgery(runner: QueueRunner,
                                                                  repo: CaseRepository
                                                                  ) -> None:
    desk, work, alerts = desk_of(runner, "anna")
    examined(work, runner)
    events = Events(alerts, "refused", "publishReady")
    assert alerts.why_not_publish() == "Only a supervisor publishes alerts"
    alerts.prepare_publish()
    assert events.of("refused") == ["Only a supervisor publishes alerts"]
    desk.set_user(user(repo, "sue"))
    assert "concluded" in (alerts.why_not_publish() or "")  # still open
    assert not events.of("publishReady")
    desk.close()


def test_expiries_are_recorded_when_the_database_opens(runner: QueueRunner,
                                                       repo: CaseRepository) -> None:
    desk, work, _alerts = desk_of(runner, "sue")
    concluded_forgery(work, runner, repo)
    from workstation.trends.alerts import AlertStore

    store = AlertStore(repo)
    sue = user(repo, "sue")
    alert = store.publish(work.record.id if work.record else 0, user=sue, feature="seal",
                          description="seal missing", days=10)
    store.set_expiry(alert.id, user=sue, expires_at=dt.datetime.now(dt.UTC)
                     - dt.timedelta(seconds=1))
    desk2, _work2, alerts2 = desk_of(runner, "anna")
    events = Events(alerts2, "expiriesRecorded")
    desk2.open_database()
    runner.settle()
    assert events.of("expiriesRecorded") == [1]
    actions = [e.action for e in repo.audit_events(subjects=(f"alert:{alert.id}",))]
    assert actions[-1] == "alert.expired"
    for d in (desk, desk2):
        d.close()
