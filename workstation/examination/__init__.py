"""Identification, registration onto the specimen, the security-feature checks, verdict.

Public API (import from the modules; this package imports nothing heavy, so the
result types are cheap to import for the cases and reports packages):

* :func:`workstation.examination.pipeline.examine` — one call from a
  :class:`~workstation.types.CaptureSet` to an
  :class:`~workstation.examination.results.Examination` with typed stage results.
* :func:`workstation.examination.pipeline.run_examination` — load a capture folder
  and examine it against the data folder's library.
* :mod:`workstation.examination.results` — the typed, frozen results.
* :mod:`workstation.examination.registry` — ``@check``, :class:`ExamContext`, and
  :func:`workstation.examination.checks.all_checks` (every registered check).
* :mod:`workstation.examination.thresholds` — every threshold and the result codes.
"""
