"""The names of the report's signature fields (cheap to import: no PDF library)."""

from __future__ import annotations

#: The examiner's signature box.
EXAMINER_FIELD = "ExaminerSignature"
#: The supervisor's countersignature box.
SUPERVISOR_FIELD = "SupervisorSignature"
