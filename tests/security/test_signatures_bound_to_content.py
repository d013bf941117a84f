"""Issue 14, item 6: a signature is bound to what was signed.

The issue's attacks: 98 CMAS values of completed, signed visits zeroed directly in the
file, and ``status='signed'`` set by hand: neither was noticed (audit verify OK, the
application started without a word). A signature now records a digest of the visit's
content (item values, adverse events, scores, signer, meaning, time) in the chained
trail, and the visit page, the PDF and ``audit verify`` each say "signature valid" or
what is wrong.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest
from database_fixtures import STAFF_PASSWORD, db_argument
from sqlalchemy import select, text

from app.db import signatures
from app.db.engine import Database
from app.db.models import AuditEntry, Visit
from app.exports.visit_report_data import gather_visit_report
from app.reports.documents import write_pdf

sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))
from pdf_text import pdf_text  # noqa: E402


def _visit(database: Database, code: str) -> int:
    with database.reading() as session:
        return session.scalar(select(Visit.id).where(Visit.visit_code == code))


@pytest.fixture
def signed(clinic: Database, people) -> int:
    """The baseline visit (complete), signed by the clinician with her password."""
    clinic.actor = people["doc"]
    visit_pk = _visit(clinic, "baseline")
    signatures.sign_visit_committing(clinic, people["doc"], visit_pk, STAFF_PASSWORD)
    return visit_pk


def _verdict(database: Database, visit_pk: int) -> str:
    with database.reading() as session:
        info = signatures.signature_of(session, visit_pk)
    assert info is not None
    return info.verdict


def _pdf(database: Database, tmp_path: Path) -> str:
    with database.reading() as session:
        report = gather_visit_report(session, "JDM-001", "baseline")
    # Words only: where the PDF wraps a line does not matter.
    return " ".join(pdf_text(write_pdf(report, "summary", tmp_path / "baseline.pdf",
                                       "letter")).split())


def _zero_cmas_in_the_file(database: Database, visit_pk: int) -> int:
    """What the issue did: UPDATE the stored items, bypassing the application."""
    with database.session() as session:
        changed = session.execute(text(
            "UPDATE instrument_value SET value_num = 0 WHERE visit_id = :v "
            "AND instrument = 'cmas' AND value_num <> 0"), {"v": visit_pk}).rowcount
    return changed


def test_the_signature_records_a_digest_of_the_signed_content(clinic, signed):
    with clinic.reading() as session:
        entry = session.execute(select(AuditEntry.__table__).where(
            AuditEntry.action == "sign", AuditEntry.field == "signature",
            AuditEntry.entity_id == str(signed))).one()
        content = signatures.signed_content(session, signed)
    recorded = json.loads(entry.new_value)
    assert recorded["digest"] == signatures.content_digest(content)
    assert recorded["signer"] == "doc" and recorded["meaning"] == "reviewed_approved"
    # The scores the signer saw: baseline CMAS, maximum 52 less item 1 (5 - 2), item 3
    # (5 - 2), item 11 (4 - 1) and item 12 (4 - 2): 52 - 3 - 3 - 3 - 2 = 41.
    assert recorded["scores"]["cmas_total"] == 41
    assert content["items"]["cmas"]["cmas_1"] == 2.0
    assert _verdict(clinic, signed) == signatures.SIGNATURE_VALID


def test_values_changed_in_the_file_after_signing_are_shown_everywhere(
        clinic, signed, people, cli, tmp_path, secret, qtbot):
    assert "signature valid" in _pdf(clinic, tmp_path)
    assert _zero_cmas_in_the_file(clinic, signed) > 0
    assert _verdict(clinic, signed) == signatures.CONTENT_CHANGED
    # The PDF ...
    printed = _pdf(clinic, tmp_path)
    assert "NOT VALID: content changed after signing" in printed
    # ... the visit page ...
    from app.forms.visit_form import VisitFormWindow

    clinic.actor = people["doc"]
    window = VisitFormWindow(clinic, signed, "doc", today=date(2025, 8, 1))
    qtbot.addWidget(window)
    assert "NOT VALID: content changed after signing" in window.banner.text()
    # ... and audit verify, which fails.
    code, out, _err = cli("audit", "verify", "--db", db_argument(clinic), "--user", "doc",
                          "--password-file", secret)
    assert code == 1
    assert f"BROKEN: visit record {signed} (Baseline): content changed after signing" in out


def test_a_visit_marked_signed_by_hand_has_no_signature(clinic, people, cli, secret):
    visit_pk = _visit(clinic, "unscheduled")  # complete, never signed
    with clinic.session() as session:
        session.execute(text("UPDATE visit SET status = 'signed', signed_by = 'doc', "
                             "signature_meaning = 'reviewed_approved' WHERE id = :v"),
                        {"v": visit_pk})
    assert _verdict(clinic, visit_pk) == signatures.NO_SIGNATURE
    code, out, _err = cli("audit", "verify", "--db", db_argument(clinic), "--user", "doc",
                          "--password-file", secret)
    assert code == 1
    assert f"visit record {visit_pk} (Unscheduled): no signature was made in jdm-ctp" in out


def test_an_unlocked_visit_signed_again_is_valid_again(clinic, signed, people):
    clinic.actor = people["doc"]
    with clinic.session() as session:
        signatures.unlock_signed_visit(session, people["doc"], signed, "typo in CMAS 3")
    with clinic.reading() as session:
        assert signatures.signature_of(session, signed) is None
        assert signatures.recorded_signature(session, signed) is None  # unlock ends it
    signatures.sign_visit_committing(clinic, people["doc"], signed, STAFF_PASSWORD)
    assert _verdict(clinic, signed) == signatures.SIGNATURE_VALID
