"""The desk (user and case database) and the runners the session's work goes through."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from tests.accounts import PASSWORD
from tests.session.conftest import Events
from workstation.cases import CaseRepository
from workstation.identity import AuthError
from workstation.paths import login_name
from workstation.session.desk import Desk
from workstation.session.jobs import QueueRunner, ThreadRunner, failure_message


def test_a_given_user_is_made_sure_of_when_the_database_opens(runner: QueueRunner,
                                                              repo: CaseRepository) -> None:
    desk = Desk(runner, user_name="frank")
    events = Events(desk, "databaseOpened", "userChanged")
    desk.open_database()
    assert events.names() == []  # opened off the home thread
    runner.settle()
    assert events.names() == ["databaseOpened", "userChanged"]
    assert desk.user is not None and desk.user.name == "frank"
    assert desk.label() == "frank (examiner)"
    desk.close()


def test_no_account_is_made_behind_the_chooser(runner: QueueRunner,
                                               repo: CaseRepository) -> None:
    desk = Desk(runner, ask_user=True)
    events = Events(desk, "databaseOpened", "userChanged")
    desk.open_database()
    runner.settle()
    assert events.names() == ["databaseOpened"] and desk.user is None
    assert repo.get_user(login_name()) is None
    assert desk.label() == "no user chosen"
    desk.user_or_login()  # the chooser was cancelled at start
    runner.settle()
    assert desk.user is not None and desk.user.name == login_name()
    sue = repo.get_user("sue")
    assert sue is not None
    desk.set_user(sue)
    assert desk.is_supervisor and desk.examiner_name() == "Sue Supervisor"
    assert events.of("userChanged")[-1] == sue
    desk.close()


def test_the_signing_identity_is_the_users_own_after_signing_in(
        runner: QueueRunner, repo: CaseRepository) -> None:
    desk = Desk(runner, user_name="anna")
    events = Events(desk, "signedIn", "signInFailed", "signedOut", "userChanged")
    desk.open_database()
    runner.settle()
    assert desk.needs_sign_in()
    with pytest.raises(AuthError, match="sign in first"):  # a name alone signs nothing
        desk.identity()
    assert desk.sign_in_method("anna") == "password" and desk.sign_in_method("nobody") is None
    desk.sign_in_async("anna", "not her password")
    desk.sign_in_async("anna", PASSWORD)  # refused: one sign-in at a time
    runner.settle()
    assert events.of("signInFailed") == ["Already signing in: wait for it to finish",
                                         "wrong password for anna"]
    assert desk.signed_in is None and desk.needs_sign_in()
    desk.sign_in_async("anna", PASSWORD)
    runner.settle()
    (me,) = events.of("signedIn")
    assert me.name == "anna" and desk.signed_in is me and not desk.needs_sign_in()
    identity, source = desk.identity()
    assert identity.name == "Anna Examiner" and "account anna" in source
    assert identity.key_der == me.identity.key_der
    actions = [e.action for e in repo.audit_events(subjects=("user:anna",))]
    assert actions.count("user.sign_in_failed") == 1 and "user.signed_in" in actions
    sue = repo.get_user("sue")
    assert sue is not None
    desk.set_user(sue)  # another user at the desk: anna's key is let go
    assert desk.signed_in is None and events.names()[-2:] == ["signedOut", "userChanged"]
    with pytest.raises(AuthError, match="sign in first: sue"):
        desk.identity()
    desk.close()


def test_queue_runner_runs_in_order_and_reports_failures_in_one_line() -> None:
    runner = QueueRunner()
    seen: list[Any] = []
    runner.submit("first", lambda p, c: 1, done=seen.append)
    runner.submit("second", lambda p, c: 1 / 0, failed=lambda m, d: seen.append((m, d)))
    runner.later(500, lambda: seen.append("timer"))
    assert seen == [] and not runner.idle
    runner.run_pending()
    assert seen[0] == 1
    message, details = seen[1]
    assert message == "second failed: ZeroDivisionError: division by zero"
    assert "Traceback" in details
    runner.advance(499)
    assert "timer" not in seen
    runner.advance(1)
    assert seen[-1] == "timer"
    assert failure_message("x", ValueError("a\nb")) == "x failed: ValueError: a"


def test_a_cancelled_job_stops_at_its_next_progress() -> None:
    runner = ThreadRunner()
    started, results = threading.Event(), []

    def long(progress: Any, cancel: threading.Event) -> None:
        started.set()
        for i in range(1000):
            progress(i, 1000, "working")
            cancel.wait(0.005)

    job = runner.submit("Slow job", long, failed=lambda m, d: results.append(m))
    assert started.wait(5)
    job.cancel()
    assert runner.wait(lambda: bool(results), timeout_s=10)
    assert results == ["Slow job failed: Slow job cancelled"]
    runner.close()


def test_thread_runner_calls_back_on_the_home_thread() -> None:
    runner = ThreadRunner()
    where: list[threading.Thread] = []

    def work(progress: Any, cancel: threading.Event) -> threading.Thread:
        progress(1, 2, "half")
        return threading.current_thread()

    runner.submit("w", work, done=lambda t: where.extend([t, threading.current_thread()]),
                  progress=lambda d, t, s: where.append(threading.current_thread()))
    assert runner.wait(lambda: len(where) == 3)
    worker, done_on, progress_on = where[1], where[2], where[0]
    assert worker is not threading.main_thread()
    assert done_on is threading.main_thread() and progress_on is threading.main_thread()
    runner.close()
