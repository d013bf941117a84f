"""What the identified ODM file says of each visit from the audit trail and the
signatures (app.reports.odm): read from the export's one snapshot. Never called for the
de-identified profile, which carries neither staff names nor dates."""

from __future__ import annotations

from sqlalchemy import Connection, select

from app.db.models import AuditEntry, Visit
from app.db.signatures import DEFAULT_MEANING, SIGNATURE_MEANINGS
from app.reports.fields import Catalogue
from app.reports.odm import Change, Trails, VisitTrail

# Audit fields of a visit that are not an instrument: the visit form's own.
VISIT_FORM_FIELDS = ("visit_date", "status")


def read_trails(connection: Connection, catalogue: Catalogue) -> Trails:
    """Per visit: its last audited change, each form's last change (the audit trail has
    one entry per changed instrument), and its signature; the users in order of first
    appearance (USR.1, USR.2 ...) and the signature meanings."""
    form_of = {spec.instrument: spec.form for spec in catalogue.item_fields}
    form_of["medications"] = "medications"
    form_of.update(dict.fromkeys(VISIT_FORM_FIELDS, "visit"))
    trails = Trails(meanings=dict(SIGNATURE_MEANINGS))
    entries = connection.execute(
        select(AuditEntry.entity_id, AuditEntry.field, AuditEntry.user_name,
               AuditEntry.occurred_at, AuditEntry.reason)
        .where(AuditEntry.entity == "visit").order_by(AuditEntry.id))
    for visit_id, field, user, at, reason in entries:
        if visit_id is None or not visit_id.isdigit():
            continue
        trail = trails.visits.setdefault(int(visit_id), VisitTrail())
        change = Change(user, at, reason)
        trail.last = change  # in id order: the last one wins
        form = form_of.get(field or "")
        if form is not None:
            trail.forms[form] = change
        trails.user_oid(user)
    signed = connection.execute(
        select(Visit.id, Visit.signed_by, Visit.signed_at, Visit.signature_meaning)
        .where(Visit.signed_at.is_not(None)).order_by(Visit.id))
    for visit_id, user, at, meaning in signed:
        if not user:
            continue
        code = meaning or DEFAULT_MEANING
        trails.meanings.setdefault(code, code)
        trails.visits.setdefault(visit_id, VisitTrail()).signed = (user, at, code)
        trails.user_oid(user)
    return trails
