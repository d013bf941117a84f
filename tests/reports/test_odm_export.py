"""CDISC ODM 1.3.2 clinical data (issue 17, ``--format odm``): validated against the ODM
1.3.2 schema that odmlib ships (a broken copy is rejected by the same check), every OID
defined in the ``redcap_project.xml`` written beside it, the same values as the REDCap
import file, audit records and signatures from the audit trail in the identified profile,
and no identity in the de-identified one (tests/security/test_deidentified_export.py runs
its attacks on this format too)."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime
from xml.etree import ElementTree as ET

import pytest
from clinic_data import fill_clinic
from odmlib.odm_parser import ODMSchemaValidator
from sqlalchemy import select

from app.cli import main
from app.db.demo import fill_demo_database
from app.db.models import AuditEntry, PatientIdentity, Visit
from app.db.opening import open_database
from app.db.visit_saving import save_visit
from app.db.visits import load_visit
from app.domain.visit_form import ItemEntry
from app.exports.export import export_database
from app.reports.redcap_xml import XML_NAME

pytestmark = pytest.mark.usefixtures("system_actor")

NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3", "redcap": "https://projectredcap.org"}
ODM_FILE = "odm_clinical_data.xml"
SCHEMA = ODMSchemaValidator(standard="odm", version="1.3.2")


def schema_errors(path) -> list[str]:
    """Every ODM 1.3.2 schema violation of the file (empty: it validates)."""
    return [str(error.reason) for error in SCHEMA.xsd.iter_errors(str(path))]


@pytest.fixture
def demo(tmp_path, migrated_sqlite_file):
    db = open_database(migrated_sqlite_file(tmp_path / "demo.sqlite3"))
    fill_demo_database(db, patients=12, seed=5, as_of=date(2026, 6, 1))
    yield db
    db.dispose()


@pytest.fixture
def clinic(tmp_path, migrated_sqlite_file):
    db = open_database(migrated_sqlite_file(tmp_path / "clinic.sqlite3"))
    fill_clinic(db)
    yield db
    db.dispose()


@pytest.fixture
def audited(clinic):
    """The clinic with one visit changed through the visit service (audited, with a reason
    for change) and then signed: (database, visit id, visit code)."""
    with clinic.session() as s:
        visit = s.scalars(select(Visit).where(Visit.visit_date.is_not(None))
                          .order_by(Visit.id)).first()
        visit_id, code, on = visit.id, visit.visit_code, visit.visit_date
        values = load_visit(s, visit_id)
        changed = {k: dict(v) for k, v in values.values.items()}
        changed.setdefault("global", {})["pga_skin"] = ItemEntry(value_num=2.5)
        save_visit(s, visit_id, changed, list(values.adverse_events), user="nurse.kim",
                   expected_version=values.header.version_id, visit_date=on,
                   reason="Skin global added from the paper sheet")
    with clinic.session() as s:
        visit = s.get(Visit, visit_id)
        visit.status, visit.signed_by = "signed", "dr.sign"
        visit.signed_at = datetime(2025, 7, 1, 14, 30, tzinfo=UTC)
        visit.signature_meaning = "reviewed_approved"
    return clinic, visit_id, code


def _export(db, out, profile="deidentified"):
    return export_database(db, out, profile=profile, fmt="odm", user="t",
                           now=datetime(2026, 6, 2, 9, 0, tzinfo=UTC))


@pytest.mark.parametrize("profile", ["deidentified", "identified"])
def test_the_odm_file_validates_against_the_odm_1_3_2_schema(clinic, tmp_path, profile):
    result = _export(clinic, tmp_path / "out", profile)
    path = tmp_path / "out" / ODM_FILE
    assert schema_errors(path) == []
    assert {f.name for f in result.files} == {ODM_FILE, XML_NAME}
    assert result.manifest["format"] == "odm"
    root = ET.parse(path).getroot()
    assert root.get("ODMVersion") == "1.3.2"
    assert len(root.findall("odm:ClinicalData/odm:SubjectData", NS)) == 2


BROKEN = [
    # (what is broken, text replaced, replacement)
    ("a subject without its key", '<SubjectData SubjectKey="TEST-JDM-001"', "<SubjectData"),
    ("an item outside an item group", "<ItemGroupData ",
     '<ItemData ItemOID="x" /><ItemGroupData '),
    ("an attribute ODM does not define", "<FormData ", '<FormData Colour="red" '),
    ("a transaction type ODM does not define", '<SubjectData SubjectKey="TEST-JDM-001"',
     '<SubjectData SubjectKey="TEST-JDM-001" TransactionType="Sometimes"'),
    ("an ODM version that is not 1.3.2's", 'ODMVersion="1.3.2"', 'ODMVersion="9.9"'),
    ("an audit record without its time", "<DateTimeStamp>", "<!-- <DateTimeStamp>"),
]


@pytest.mark.parametrize(("broken", "old", "new"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_copy_is_rejected_by_the_same_check(audited, tmp_path, broken, old, new):
    _export(audited[0], tmp_path / "out", "identified")
    path = tmp_path / "out" / ODM_FILE
    text = path.read_text("utf-8")
    assert old in text, broken
    assert schema_errors(path) == []
    copy = tmp_path / "broken.xml"
    broken_text = text.replace(old, new, 1)
    if new.startswith("<!--"):  # an element left out: commented out up to its end tag
        end = old.replace("<", "</", 1)
        at = broken_text.index(end, broken_text.index(new)) + len(end)
        broken_text = broken_text[:at] + " -->" + broken_text[at:]
    copy.write_text(broken_text, "utf-8")
    assert schema_errors(copy) != [], broken


def _metadata(out):
    root = ET.parse(out / XML_NAME).getroot()
    study = root.find("odm:Study", NS)
    mdv = study.find("odm:MetaDataVersion", NS)
    events = {e.get("OID"): {f.get("FormOID") for f in e.findall("odm:FormRef", NS)}
              for e in mdv.findall("odm:StudyEventDef", NS)}
    forms = {f.get("OID"): {g.get("ItemGroupOID") for g in f.findall("odm:ItemGroupRef", NS)}
             for f in mdv.findall("odm:FormDef", NS)}
    groups = {g.get("OID"): {i.get("ItemOID") for i in g.findall("odm:ItemRef", NS)}
              for g in mdv.findall("odm:ItemGroupDef", NS)}
    items = {i.get("OID") for i in mdv.findall("odm:ItemDef", NS)}
    return study.get("OID"), mdv.get("OID"), events, forms, groups, items


@pytest.mark.parametrize("profile", ["deidentified", "identified"])
def test_every_oid_is_defined_in_the_project_xml_written_beside_it(demo, tmp_path, profile):
    out = tmp_path / "out"
    _export(demo, out, profile)
    study, version, events, forms, groups, items = _metadata(out)
    data = ET.parse(out / ODM_FILE).getroot().find("odm:ClinicalData", NS)
    assert (data.get("StudyOID"), data.get("MetaDataVersionOID")) == (study, version)
    seen = 0
    for event in data.iter(f"{{{NS['odm']}}}StudyEventData"):
        event_oid = event.get("StudyEventOID")
        assert event_oid in events
        for form in event.findall("odm:FormData", NS):
            assert form.get("FormOID") in events[event_oid]
            for group in form.findall("odm:ItemGroupData", NS):
                assert group.get("ItemGroupOID") in forms[form.get("FormOID")]
                oids = [item.get("ItemOID") for item in group.findall("odm:ItemData", NS)]
                assert len(oids) == len(set(oids))  # each item once
                for item in group.findall("odm:ItemData", NS):
                    assert item.get("ItemOID") in groups[group.get("ItemGroupOID")]
                    assert item.get("ItemOID") in items
                    seen += 1
    assert seen > 1000  # the 12-patient demo: every visit's items
    assert schema_errors(out / ODM_FILE) == []


def _redcap_cells(out):
    rows = list(csv.reader(io.StringIO((out / "redcap_data.csv").read_text("utf-8"))))
    header = rows[0]
    cells = set()
    for row in rows[1:]:
        record, event, instrument, instance = row[:4]
        key = (record, event, instance)
        for column, value in zip(header[4:], row[4:], strict=True):
            # The data access group is REDCap's own column, not an item of the project:
            # in the ODM file the site is the subject key's prefix (SITE-studyid).
            if value != "" and column != "redcap_data_access_group":
                cells.add((*key, column, value))
        if instrument == "" and event == "registration_arm_1":
            cells.add((*key, "record_id", record))  # the patient form's first item
    return cells


def _odm_cells(out):
    cells = set()
    data = ET.parse(out / ODM_FILE).getroot().find("odm:ClinicalData", NS)
    for subject in data.findall("odm:SubjectData", NS):
        for event in subject.findall("odm:StudyEventData", NS):
            for form in event.findall("odm:FormData", NS):
                instance = form.get("FormRepeatKey") or event.get("StudyEventRepeatKey") or ""
                for item in form.iter(f"{{{NS['odm']}}}ItemData"):
                    cells.add((subject.get("SubjectKey"),
                               event.get("StudyEventOID").removeprefix("Event."), instance,
                               item.get("ItemOID"), item.get("Value")))
    return cells


@pytest.mark.parametrize("profile", ["deidentified", "identified"])
def test_the_values_are_exactly_those_of_the_redcap_import_file(demo, tmp_path, profile):
    export_database(demo, tmp_path / "csv", profile=profile, user="t")
    _export(demo, tmp_path / "odm", profile)
    redcap, odm = _redcap_cells(tmp_path / "csv"), _odm_cells(tmp_path / "odm")
    assert odm == redcap
    assert len(odm) > 1000


def test_identified_audit_records_and_signatures_come_from_the_trail(audited, tmp_path):
    clinic, visit_id, code = audited
    with clinic.reading() as s:
        last = s.scalars(select(AuditEntry).where(AuditEntry.entity == "visit",
                                                  AuditEntry.entity_id == str(visit_id))
                         .order_by(AuditEntry.id.desc())).first()
        who, at = last.user_name, last.occurred_at
    out = tmp_path / "out"
    _export(clinic, out, "identified")
    assert schema_errors(out / ODM_FILE) == []
    root = ET.parse(out / ODM_FILE).getroot()
    users = {u.get("OID"): u.findtext("odm:LoginName", "", NS)
             for u in root.findall("odm:AdminData/odm:User", NS)}
    event = next(e for e in root.iter(f"{{{NS['odm']}}}StudyEventData")
                 if e.get("StudyEventOID") == f"Event.{code}_arm_1")
    signature = event.find("odm:Signature", NS)
    assert users[signature.find("odm:UserRef", NS).get("UserOID")] == "dr.sign"
    assert signature.findtext("odm:DateTimeStamp", "", NS) == "2025-07-01T14:30:00+00:00"
    assert signature.find("odm:SignatureRef", NS).get("SignatureOID") == "SIG.reviewed_approved"
    assert root.find("odm:AdminData/odm:SignatureDef[@OID='SIG.reviewed_approved']/"
                     "odm:Meaning", NS).text == "Reviewed and approved"
    # The visit's last audited change (the save above): who, when, why.
    assert who == "nurse.kim"
    record = event.find("odm:AuditRecord", NS)
    assert users[record.find("odm:UserRef", NS).get("UserOID")] == "nurse.kim"
    stamp = datetime.fromisoformat(record.findtext("odm:DateTimeStamp", "", NS))
    assert stamp == (at if at.tzinfo else at.replace(tzinfo=UTC)).replace(microsecond=0)
    assert record.findtext("odm:ReasonForChange", "", NS) == (
        "Skin global added from the paper sheet")
    # ... and the global assessments form's own last change.
    form = event.find("odm:FormData[@FormOID='Form.globals']", NS)
    assert form is not None
    assert users[form.find("odm:AuditRecord/odm:UserRef", NS).get("UserOID")] == "nurse.kim"


def test_the_deidentified_file_holds_no_identity_no_staff_and_no_dates(audited, tmp_path):
    clinic = audited[0]
    out = tmp_path / "out"
    _export(clinic, out)
    text = (out / ODM_FILE).read_text("utf-8")
    with clinic.reading() as s:
        identities = [(p.given_name, p.family_name, p.mrn,
                       p.date_of_birth.isoformat() if p.date_of_birth else None)
                      for p in s.scalars(select(PatientIdentity))]
        staff = {v.signed_by for v in s.scalars(select(Visit)) if v.signed_by} | {
            e.user_name for e in s.scalars(select(AuditEntry))}
    assert identities
    for person in identities:
        for word in person:
            if word:  # as a word ("Ada" is in "MetaDataVersion")
                assert not re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE), word
    for name in staff:
        assert f'"{name}"' not in text and f">{name}<" not in text
    for tag in ("AuditRecord", "Signature", "AdminData", "LoginName", "ReasonForChange"):
        assert f"<{tag}" not in text
    # No calendar date in any value: days since enrollment only.
    values = re.findall(r'Value="([^"]*)"', text)
    assert values and not [v for v in values if re.fullmatch(r"\d{4}-\d\d-\d\d.*", v)]


def test_the_command_line_writes_odm(clinic, tmp_path, capsys):
    from database_fixtures import add_people, db_argument, password_file

    add_people(clinic)
    code = main(["export", "--db", db_argument(clinic), "--out", str(tmp_path / "out"),
                 "--format", "odm", "--user", "coord",
                 "--password-file", str(password_file(tmp_path))])
    assert code == 0, capsys.readouterr().err
    assert schema_errors(tmp_path / "out" / ODM_FILE) == []


REDCAP = "{https://projectredcap.org}"


def _odm_core(root: ET.Element) -> int:
    """Remove REDCap's extension attributes and elements (its own namespace) in place;
    how many there were."""
    removed = 0
    for element in root.iter():
        for name in [n for n in element.attrib if n.startswith(REDCAP)]:
            del element.attrib[name]
            removed += 1
        for child in [c for c in element if c.tag.startswith(REDCAP)]:
            element.remove(child)
            removed += 1
    return removed


@pytest.mark.parametrize("profile", ["deidentified", "identified"])
def test_the_redcap_project_xml_is_odm_1_3_2_apart_from_redcaps_extensions(demo, tmp_path,
                                                                           profile):
    """Exactly what validates: the project XML with REDCap's extensions (attributes and
    elements in REDCap's namespace, which the ODM 1.3.2 schema admits only through a
    schema redefinition we do not have) taken out. With them, every error the schema
    reports is about one of them, none about the ODM itself."""
    export_database(demo, tmp_path / "out", profile=profile, user="t")
    path = tmp_path / "out" / XML_NAME
    errors = [str(e.reason) for e in SCHEMA.xsd.iter_errors(str(path))]
    assert errors and all("projectredcap.org" in e or "'redcap:" in e for e in errors)
    root = ET.parse(path).getroot()
    assert _odm_core(root) > 1000
    assert [str(e.reason) for e in SCHEMA.xsd.iter_errors(root)] == []
    # The check is not vacuous: an item definition without its data type is refused.
    root.find("odm:Study/odm:MetaDataVersion/odm:ItemDef", NS).attrib.pop("DataType")
    assert [str(e.reason) for e in SCHEMA.xsd.iter_errors(root)] != []
