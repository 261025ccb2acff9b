"""Identification, registration onto the specimen, the security-feature checks, verdict.

Public API:

* :func:`examine` — one call from a :class:`~workstation.types.CaptureSet` to an
  :class:`~workstation.types.Examination` with every intermediate result in
  ``extra`` (see :mod:`workstation.examination.pipeline`).
* :func:`run_examination` — load a capture folder and examine it against the data
  folder's library (what ``workstation examine`` runs).
* :func:`all_checks` / :data:`REGISTRY` — the registered checks.
* :mod:`workstation.examination.thresholds` — every threshold and the result codes.
"""

from __future__ import annotations

from workstation.examination.cli import run_examination
from workstation.examination.pipeline import examine, prepare_specimen
from workstation.examination.registry import REGISTRY, CheckSpec, ExamContext, all_checks

__all__ = ["REGISTRY", "CheckSpec", "ExamContext", "all_checks", "examine", "prepare_specimen",
           "run_examination"]
