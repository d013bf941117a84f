"""Everything `jdm-ctp audit verify` checks, on one read-only session, as plain problems.

1. The hash chain (app.db.audit): no entry changed or removed from the middle.
2. The database's id is the one its trail recorded (app.db.audit_anchor).
3. This computer's anchor: no entries removed from the end, the trail not recomputed.
4. Every value the trail recorded is the value stored now (app.db.record_states): a
   clinical value changed directly in the file is named by table, record and field.
5. Every signature is bound to what was signed (app.db.signatures): "signature valid" or
   "content changed after signing", and a visit marked signed without a signature.

A broken chain stops there (nothing after it can be trusted); the other checks all run
and each problem is reported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import audit
from app.db.audit_anchor import check_head, identity_problem
from app.db.models import AuditEntry, Visit
from app.db.record_states import check_states
from app.db.signatures import signature_problems
from app.domain.display_words import counted

MAX_REPORTED = 200


@dataclass
class TrailReport:
    entries: int
    head: tuple[int, str] | None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # facts that are not problems

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        tail = f", newest entry {self.head[0]} hash {self.head[1]}" if self.head else ""
        text = f"OK: the audit trail is intact ({counted(self.entries, 'entry', 'entries')}{tail})."
        for note in self.notes:
            text += f"\n{note}"
        return text


def check_trail(session: Session, label: str,
                progress: Callable[[int, int], None] | None = None) -> TrailReport:
    """``progress(entries checked, entries)`` while the hash chain is checked (the longest
    part); the checks of the data against the trail follow."""
    count = session.execute(select(func.count(AuditEntry.id))).scalar_one()
    report = TrailReport(count, audit.head(session))
    ok, first_bad = audit.verify_chain(session, progress, count)
    if progress is not None:
        progress(count, count)
    if not ok:
        assert first_bad is not None
        report.problems.append(audit.broken_chain_message(session, first_bad))
        return report
    for problem in (identity_problem(session), check_head(session, label)):
        if problem is not None:
            report.problems.append(problem)
    states = check_states(session)
    divergences = states.divergences or []
    for divergence in divergences[:MAX_REPORTED]:
        report.problems.append(f"the data does not match the audit trail: {divergence}")
    if len(divergences) > MAX_REPORTED:
        report.problems.append(f"… and {len(divergences) - MAX_REPORTED} more differences "
                               "between the data and the audit trail")
    report.problems.extend(signature_problems(session))
    matched = ("1 record matches" if states.records == 1
               else f"{states.records} records match")
    note = f"{matched} the values the audit trail recorded."
    if states.not_covered:
        older = ("1 record written before this version recorded values is checked from its"
                 if states.not_covered == 1 else
                 f"{states.not_covered} records written before this version recorded values "
                 "are checked from their")
        note += f" {older} next change."
    report.notes.append(note)
    signed = session.scalar(select(func.count(Visit.id)).where(Visit.status == "signed")) or 0
    if signed:
        report.notes.append(f"{counted(signed, 'signed visit')}: every signature valid.")
    return report
