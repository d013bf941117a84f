"""CDISC ODM 1.3.2 clinical data (``--format odm``): the same records and values as the
REDCap import file, as ``ODM`` -> ``ClinicalData`` -> ``SubjectData`` (the study id) ->
``StudyEventData`` (one per REDCap event; the repeating unscheduled visit with its
``StudyEventRepeatKey``) -> ``FormData`` (a repeating form with its ``FormRepeatKey``) ->
``ItemGroupData`` -> ``ItemData``.

Every OID is the one ``redcap_project.xml`` (app.reports.redcap_xml, written beside it)
defines in its ``MetaDataVersion``: ``Event.<unique event name>``, ``Form.<form>``, the
item groups of each form's sections, one item per field (one per checkbox column), and
the form status group and item. The values are the REDCap rows themselves
(``redcap.record_rows``), so the two formats cannot disagree, and the de-identified
profile's identity guard checks those rows before anything is written.

Audit records and signatures: each visit's ``StudyEventData`` carries an ``AuditRecord``
of the visit's last change in the audit trail and each of its forms one of that form's
last change (who, when, the reason given), and a signed visit its ``Signature`` (who,
when, meaning). ODM requires a full date and time in each; HIPAA Safe Harbor allows no
date but the year in a de-identified file, and staff names are not exported either: so
they are written in the identified profile only, with the users and signature meanings
in ``AdminData``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from app.reports import redcap, redcap_xml
from app.reports.dataset import PatientRecord, VisitRecord
from app.reports.fields import ENROLLMENT_EVENT, REGISTRATION_EVENT, Catalogue, event_name
from app.reports.redcap_rules import parse_choices

ODM_NAME = "odm_clinical_data.xml"
ODM_NS = redcap_xml.ODM_NS
LOCATION_OID = "LOC.site"


def _o(tag: str) -> str:
    return f"{{{ODM_NS}}}{tag}"


@dataclass(frozen=True)
class Change:
    """The last change of a visit or of one of its forms, from the audit trail."""

    user: str
    at: datetime
    reason: str | None = None


@dataclass
class VisitTrail:
    """What the identified ODM file says of one visit: its last change, each form's last
    change, and its signature (who, when, meaning code)."""

    last: Change | None = None
    forms: dict[str, Change] = field(default_factory=dict)
    signed: tuple[str, datetime, str] | None = None


@dataclass
class Trails:
    """Audit records and signatures for the identified profile (None when de-identified):
    visit id -> its trail, and the signature meanings (code -> words)."""

    visits: dict[int, VisitTrail] = field(default_factory=dict)
    meanings: dict[str, str] = field(default_factory=dict)
    users: dict[str, str] = field(default_factory=dict)  # user name -> USR.n

    def user_oid(self, name: str) -> str:
        oid = self.users.get(name)
        if oid is None:
            oid = self.users[name] = f"USR.{len(self.users) + 1}"
        return oid


@dataclass(frozen=True)
class OdmLayout:
    """Per form: its item groups (OID, the columns they hold); per event kind: its forms."""

    data: redcap.DataLayout
    groups: dict[str, list[tuple[str, list[str]]]]
    forms_of_event: dict[str, list[str]]
    metadata_oid: str


def _kind(event: str) -> str:
    """The event's kind: "month_6_arm_2" -> "month_6" (its forms are the same in every arm)."""
    return event.rsplit("_arm_", 1)[0]


def odm_layout(catalogue: Catalogue, version: str) -> OdmLayout:
    groups: dict[str, list[tuple[str, list[str]]]] = {}
    for form, oid, rows in redcap_xml.item_groups(catalogue):
        columns: list[str] = []
        for row in rows:
            name, kind, choices = row[0], row[3], row[5]
            if kind == "checkbox":
                columns += [f"{name}___{code}" for code, _label in parse_choices(choices)]
            else:
                columns.append(name)
        groups.setdefault(form, []).append((oid, columns))
    for form in groups:
        groups[form].append((f"{form}.{form}_complete", [f"{form}_complete"]))
    forms_of_event: dict[str, list[str]] = {}
    for _arm, event, form in redcap.mapping_rows(1, catalogue):
        forms_of_event.setdefault(_kind(event), []).append(form)
    return OdmLayout(redcap.DataLayout(catalogue), groups, forms_of_event,
                     f"Metadata.JDMCTP_{version}")


def _stamp(at: datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).isoformat(timespec="seconds")


def _audit_record(parent: ET.Element, change: Change, trails: Trails) -> None:
    record = ET.SubElement(parent, _o("AuditRecord"))
    ET.SubElement(record, _o("UserRef"), {"UserOID": trails.user_oid(change.user)})
    ET.SubElement(record, _o("LocationRef"), {"LocationOID": LOCATION_OID})
    ET.SubElement(record, _o("DateTimeStamp")).text = _stamp(change.at)
    if change.reason:
        ET.SubElement(record, _o("ReasonForChange")).text = change.reason


def _signature(parent: ET.Element, signed: tuple[str, datetime, str], trails: Trails) -> None:
    user, at, meaning = signed
    signature = ET.SubElement(parent, _o("Signature"))
    ET.SubElement(signature, _o("UserRef"), {"UserOID": trails.user_oid(user)})
    ET.SubElement(signature, _o("LocationRef"), {"LocationOID": LOCATION_OID})
    ET.SubElement(signature, _o("SignatureRef"), {"SignatureOID": f"SIG.{meaning}"})
    ET.SubElement(signature, _o("DateTimeStamp")).text = _stamp(at)


def _visits_in_row_order(patient: PatientRecord) -> Iterator[VisitRecord]:
    """The visits in the order ``record_rows`` writes their rows (each enrollment's last)."""
    for enrollment in patient.enrollments:
        yield from enrollment.visits


def subject_element(layout: OdmLayout, patient: PatientRecord, rows: list[list[str]],
                    trails: Trails | None) -> ET.Element:
    """One patient's ``SubjectData`` from the REDCap rows of the patient (``record_rows``,
    already checked by the identity guard when de-identified)."""
    index = layout.data.index
    subject = ET.Element(_o("SubjectData"), {"SubjectKey": patient.study_id})
    not_visits = {event_name(REGISTRATION_EVENT, 1)} | {
        event_name(ENROLLMENT_EVENT, arm) for arm in range(1, len(patient.enrollments) + 1)}
    visits = _visits_in_row_order(patient)
    events: dict[tuple[str, str], ET.Element] = {}
    for row in rows:
        event, instrument, instance = row[1], row[2], row[3]
        is_visit = instrument == "" and event not in not_visits
        visit = next(visits) if is_visit else None
        key = (event, instance if is_visit else "")
        element = events.get(key)
        if element is None:
            attributes = {"StudyEventOID": f"Event.{event}"}
            if is_visit and instance:
                attributes["StudyEventRepeatKey"] = instance
            element = events[key] = ET.SubElement(subject, _o("StudyEventData"), attributes)
        trail = None
        if trails is not None and visit is not None and visit.visit_id is not None:
            trail = trails.visits.get(visit.visit_id)
            if trail is not None and trail.last is not None:
                _audit_record(element, trail.last, trails)
            if trail is not None and trail.signed is not None:
                _signature(element, trail.signed, trails)
        forms = [instrument] if instrument else [
            form for form in layout.forms_of_event.get(_kind(event), ())
            if row[index[f"{form}_complete"]] != ""]
        for form in forms:
            attributes = {"FormOID": f"Form.{form}"}
            if instrument:
                attributes["FormRepeatKey"] = instance
            form_element = ET.SubElement(element, _o("FormData"), attributes)
            if trail is not None and form in trail.forms:
                _audit_record(form_element, trail.forms[form], trails)
            for group_oid, columns in layout.groups[form]:
                items = [(column, row[index[column]]) for column in columns
                         if column in index and row[index[column]] != ""]
                if not items:
                    continue
                group = ET.SubElement(form_element, _o("ItemGroupData"),
                                      {"ItemGroupOID": group_oid})
                for column, value in items:
                    ET.SubElement(group, _o("ItemData"), {"ItemOID": column, "Value": value})
    if next(visits, None) is not None:  # the rows and the record no longer agree
        raise ValueError(f"{patient.study_id}: a visit has no row")
    return subject


def _xml(element: ET.Element, level: int) -> str:
    ET.indent(element, space="\t", level=level)
    return "\t" * level + ET.tostring(element, encoding="unicode").replace(
        f' xmlns="{ODM_NS}"', "", 1) + "\n"


def subject_xml(layout: OdmLayout, patient: PatientRecord, rows: list[list[str]],
                trails: Trails | None) -> str:
    return _xml(subject_element(layout, patient, rows, trails), 2)


def document_start(layout: OdmLayout, trails: Trails | None, *, created: str,
                   file_oid: str, description: str) -> str:
    """The file up to the first ``SubjectData`` (the rest is written block by block):
    in the identified profile the ``AdminData`` the audit records and signatures refer
    to (the users, this site, the signature meanings)."""
    out = (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        f'<ODM xmlns="{ODM_NS}" ODMVersion="1.3.2" FileOID="{_attr(file_oid)}" '
        f'FileType="Snapshot" CreationDateTime="{_attr(created)}" '
        f'Description="{_attr(description)}" SourceSystem="jdm-ctp">\n'
    )
    if trails is not None:
        admin = ET.Element(_o("AdminData"), {"StudyOID": redcap_xml.STUDY_OID})
        for name, oid in trails.users.items():
            user = ET.SubElement(admin, _o("User"), {"OID": oid, "UserType": "Other"})
            ET.SubElement(user, _o("LoginName")).text = name
        location = ET.SubElement(admin, _o("Location"), {
            "OID": LOCATION_OID, "Name": "The clinic that exported this file",
            "LocationType": "Site"})
        ET.SubElement(location, _o("MetaDataVersionRef"), {
            "StudyOID": redcap_xml.STUDY_OID, "MetaDataVersionOID": layout.metadata_oid,
            "EffectiveDate": created[:10]})
        for code, words in trails.meanings.items():
            definition = ET.SubElement(admin, _o("SignatureDef"), {
                "OID": f"SIG.{code}", "Methodology": "Electronic"})
            ET.SubElement(definition, _o("Meaning")).text = words
            ET.SubElement(definition, _o("LegalReason")).text = (
                "Signed in jdm-ctp by re-entering the signer's password")
        out += _xml(admin, 1)
    return out + (f'\t<ClinicalData StudyOID="{redcap_xml.STUDY_OID}" '
                  f'MetaDataVersionOID="{layout.metadata_oid}">\n')


DOCUMENT_END = "\t</ClinicalData>\n</ODM>\n"


def _attr(text: str) -> str:
    return (text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
            .replace(">", "&gt;"))
