"""Work started ahead of the checks that need it (the printed fields' OCR, the barcodes):
done once, waited for by the check, never left running after the examination, and a
failure there is the check's to report."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from workstation.examination import ocr
from workstation.examination.pipeline import examine
from workstation.examination.registry import ExamContext
from workstation.types import CaptureSet

Sim = Callable[..., CaptureSet]


def _ctx(simulate: Sim) -> ExamContext:
    capture = simulate("UTO-P-2020", seed=3)
    return ExamContext(capture=capture, lights=capture.lights)


def test_settle_waits_for_the_work_and_keeps_its_failure_to_itself(simulate: Sim) -> None:
    ctx = _ctx(simulate)
    done = threading.Event()

    def slow() -> None:
        time.sleep(0.2)
        done.set()

    ctx.prefetch("slow", slow)
    ctx.prefetch("slow", lambda: pytest.fail("started twice"))  # the same name: once
    ctx.prefetch("broken", lambda: 1 / 0)
    ctx.settle("slow")
    assert done.is_set() and "slow" not in ctx.pending
    ctx.settle()  # the ZeroDivisionError is not raised here
    assert ctx.pending == {}


def test_an_examination_reads_the_printed_fields_once_ahead_of_its_check(
        simulate: Sim, shared_library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = ocr.read_fields

    def counted(crops: Any, **kw: Any) -> Any:
        if len(crops) > 1:  # the fields' reading (a doubtful field is read again alone)
            calls.append(threading.current_thread().name)
        return real(crops, **kw)

    monkeypatch.setattr(ocr, "read_fields", counted)
    ex = examine(simulate("UTO-P-2020", forgery="viz_data_altered", seed=7),
                 library=shared_library)
    assert len(calls) == 1 and calls[0].startswith("exam-prefetch")
    assert any(c.id == "mrz.viz" and c.status.value == "fail" for c in ex.checks)


def test_a_failing_read_ahead_is_reported_by_its_check(
        simulate: Sim, shared_library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(crops: Any, **kw: Any) -> Any:
        raise RuntimeError("the OCR model is damaged")

    monkeypatch.setattr(ocr, "read_fields", broken)
    ex = examine(simulate("UTO-P-2020", seed=7), library=shared_library)
    errors = [c for c in ex.checks if c.code == "CHECK_ERROR"]
    assert errors and all("the OCR model is damaged" in c.message for c in errors)
