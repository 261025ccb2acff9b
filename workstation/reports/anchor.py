"""The audit checkpoint a report carries (issue 19: evidence that cannot be rewritten).

When a report is built for an examination stored in the case database, it carries
the audit chain's head at that moment — ``{"chain", "seq", "hash"}`` from
:meth:`workstation.cases.CaseRepository.audit_checkpoint` — in its attached
``examination.json`` (``audit_checkpoint``) and printed in its integrity section.
The examiner's signature covers it, and the report travels to supervisors and
other offices: whoever holds it can later check that the workstation's chain still
contains event ``seq`` with that hash (``workstation audit verify --checkpoint
SEQ:HASH``), so rewriting or truncating the chain before that event is found.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_HEX64 = re.compile(r"[0-9a-f]{64}\Z")


def checkpoint_payload(checkpoint: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The ``audit_checkpoint`` object of ``examination.json`` (``None`` without one);
    ``ValueError`` when ``checkpoint`` is not a chain head."""
    if checkpoint is None:
        return None
    seq, digest = checkpoint.get("seq"), checkpoint.get("hash")
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0 \
            or not isinstance(digest, str) or not _HEX64.match(digest):
        raise ValueError("an audit checkpoint is {chain, seq, hash}")
    return {"chain": str(checkpoint.get("chain", "")), "seq": seq, "hash": digest}


def checkpoint_line(checkpoint: Mapping[str, Any] | None) -> str:
    """The sentence the report prints about its checkpoint (empty without one)."""
    payload = checkpoint_payload(checkpoint)
    if payload is None:
        return ""
    return (f"Audit chain when this report was made: event {payload['seq']}, hash "
            f"{payload['hash']} (chain {payload['chain'] or '-'}). Check it with "
            f"<i>workstation audit verify --checkpoint {payload['seq']}:{payload['hash']}</i>.")
