"""The REDCap project file: CDISC ODM 1.3.2 metadata with REDCap's extensions, the file a
coordinator uploads with "Create new project > Upload a REDCap project XML file" to get
the whole project (arms, events with day offsets and windows, instrument designations,
repeating instruments and events, forms, fields, choices, identifiers) in one step.

Its shape follows the project XML REDCap itself writes (REDCap's ODM class, as published
in public copies of REDCap's source, and the project files REDCapR keeps as test data):
``GlobalVariables`` with ``redcap:RepeatingInstrumentsAndEvents``; ``MetaDataVersion``
with ``redcap:RecordIdField``; a ``Protocol`` of ``StudyEventRef``; one ``StudyEventDef``
per event (``redcap:UniqueEventName``, ``redcap:ArmNum``, ``redcap:DayOffset``,
``redcap:OffsetMin``, ``redcap:OffsetMax``) holding ``FormRef``s; ``FormDef`` ->
``ItemGroupDef`` (one per section, plus "Form Status") -> ``ItemDef`` (REDCap's back-end
field type and validation names: ``select``, ``textarea``, ``int``, ``float``;
``redcap:Identifier="y"``; ``RangeCheck`` for limits); ``CodeList`` per choice field and
per checkbox column; the ``{form}_complete`` field of every form. Everything comes from
the same catalogue and rows as the CSV files (app.reports.redcap), so the two cannot
disagree; the tests read the XML back into those rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from app.reports import redcap
from app.reports.fields import REGISTRATION_EVENT, Catalogue, event_name
from app.reports.redcap_rules import parse_choices

ODM_NS = "http://www.cdisc.org/ns/odm/v1.3"
REDCAP_NS = "https://projectredcap.org"
XML_NAME = "redcap_project.xml"
STUDY_NAME = "JDM consensus treatment plans (jdm-ctp)"
STUDY_OID = "Project.JDMCTP"

# The dictionary's field types and validations as REDCap stores them internally (and
# writes them in its project XML).
BACKEND_TYPE = {"dropdown": "select", "notes": "textarea"}
BACKEND_VALIDATION = {"integer": "int", "number": "float"}
ODM_DATA_TYPE = {"integer": "integer", "number": "float", "date_ymd": "date",
                 "datetime_seconds_ymd": "datetime"}
COMPLETE_CHOICES = (("0", "Incomplete"), ("1", "Unverified"), ("2", "Complete"))

ET.register_namespace("", ODM_NS)
ET.register_namespace("redcap", REDCAP_NS)


def _o(tag: str) -> str:
    return f"{{{ODM_NS}}}{tag}"


def _r(name: str) -> str:
    return f"{{{REDCAP_NS}}}{name}"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    ET.SubElement(element, _o("TranslatedText")).text = text
    return element


def project_xml(catalogue: Catalogue, arms: int, *, version: str, created: str,
                groups: Sequence[str] = ()) -> bytes:
    """The project XML of ``catalogue`` with ``arms`` REDCap arms; ``version`` names the
    data dictionary, ``created`` is the ISO time written as the file's creation time,
    ``groups`` the data access groups (site codes in lower case) the data file names."""
    odm = ET.Element(_o("ODM"), {
        "ODMVersion": "1.3.2", "FileOID": f"jdm-ctp-dictionary-{version}",
        "FileType": "Snapshot", "CreationDateTime": created,
        "Description": f"{STUDY_NAME}: data dictionary version {version}",
        "SourceSystem": "jdm-ctp"})
    study = ET.SubElement(odm, _o("Study"), {"OID": STUDY_OID})
    gv = ET.SubElement(study, _o("GlobalVariables"))
    ET.SubElement(gv, _o("StudyName")).text = STUDY_NAME
    ET.SubElement(gv, _o("StudyDescription")).text = (
        f"Data dictionary version {version} of jdm-ctp: the CARRA JDM consensus treatment "
        "plans, one record per patient.")
    ET.SubElement(gv, _o("ProtocolName")).text = STUDY_NAME
    ET.SubElement(gv, _r("RecordAutonumberingEnabled")).text = "0"
    ET.SubElement(gv, _r("Purpose")).text = "2"  # research
    repeating = ET.SubElement(gv, _r("RepeatingInstrumentsAndEvents"))
    grouped: dict[str, list[list[str]]] = {}
    for row in redcap.repeating_rows(arms, catalogue):
        grouped.setdefault(row[0], []).append(row)
    for event, rows in grouped.items():
        if rows[0][1] == "":
            ET.SubElement(repeating, _r("RepeatingEvent"), {_r("UniqueEventName"): event})
            continue
        instruments = ET.SubElement(repeating, _r("RepeatingInstruments"))
        for _event, form, label in rows:
            ET.SubElement(instruments, _r("RepeatingInstrument"), {
                _r("UniqueEventName"): event, _r("RepeatInstrument"): form,
                _r("CustomLabel"): label})

    if groups:
        # REDCap's project XML lists the data access groups in GlobalVariables, one
        # element per group named by its group_name; the unique name REDCap derives from a
        # lower-case code of letters and digits is the code itself.
        dags = ET.SubElement(gv, _r("DataAccessGroupsGroup"))
        for group in groups:
            ET.SubElement(dags, _r("DataAccessGroups"), {"group_name": group})
    mdv = ET.SubElement(study, _o("MetaDataVersion"), {
        "OID": f"Metadata.JDMCTP_{version}", "Name": STUDY_NAME,
        _r("RecordIdField"): "record_id"})
    _events(mdv, catalogue, arms)
    _forms(mdv, catalogue)
    ET.indent(odm, space="\t")
    return ET.tostring(odm, encoding="utf-8", xml_declaration=True) + b"\n"


def _events(mdv: ET.Element, catalogue: Catalogue, arms: int) -> None:
    protocol = ET.SubElement(mdv, _o("Protocol"))
    events = redcap.events_rows(arms, catalogue)
    mapping = redcap.mapping_rows(arms, catalogue)
    labels = {v.code: v.label for v in catalogue.visits}
    kinds = [kind for arm in range(1, arms + 1) for kind in redcap.event_kinds(catalogue)
             if not (kind == REGISTRATION_EVENT and arm > 1)]
    for order, (row, kind) in enumerate(zip(events, kinds, strict=True), 1):
        unique = event_name(kind, int(row[1]))
        ET.SubElement(protocol, _o("StudyEventRef"), {
            "StudyEventOID": f"Event.{unique}", "OrderNumber": str(order),
            "Mandatory": "No"})
    for (name, arm, offset, low, high), kind in zip(events, kinds, strict=True):
        unique = event_name(kind, int(arm))
        definition = ET.SubElement(mdv, _o("StudyEventDef"), {
            "OID": f"Event.{unique}", "Name": name, "Type": "Common", "Repeating": "No",
            _r("EventName"): name, _r("CustomEventLabel"): labels.get(kind, ""),
            _r("UniqueEventName"): unique, _r("ArmNum"): arm,
            _r("ArmName"): redcap.arm_name(int(arm)), _r("DayOffset"): offset,
            _r("OffsetMin"): low, _r("OffsetMax"): high})
        forms = [form for _arm, event, form in mapping if event == unique]
        for order, form in enumerate(forms, 1):
            ET.SubElement(definition, _o("FormRef"), {
                "FormOID": f"Form.{form}", "OrderNumber": str(order), "Mandatory": "No",
                _r("FormName"): form})


def item_groups(catalogue: Catalogue) -> list[tuple[str, str, list[list[str]]]]:
    """(form, group OID, dictionary rows) per section of each form, as REDCap groups
    them: a new group at each form and each section header."""
    groups: list[tuple[str, str, list[list[str]]]] = []
    for row in redcap.dictionary_rows(catalogue):
        name, form, section = row[0], row[1], row[2]
        if not groups or groups[-1][0] != form or section:
            groups.append((form, f"{form}.{name}", []))
        groups[-1][2].append(row)
    return groups


def _forms(mdv: ET.Element, catalogue: Catalogue) -> None:
    groups = item_groups(catalogue)
    labels = {form.name: form.label for form in catalogue.forms}
    defs: dict[str, ET.Element] = {}
    for form, oid, _rows in groups:
        if form not in defs:
            defs[form] = ET.SubElement(mdv, _o("FormDef"), {
                "OID": f"Form.{form}", "Name": labels[form], "Repeating": "No",
                _r("FormName"): form})
        ET.SubElement(defs[form], _o("ItemGroupRef"), {"ItemGroupOID": oid,
                                                       "Mandatory": "No"})
    for form in defs:
        ET.SubElement(defs[form], _o("ItemGroupRef"), {
            "ItemGroupOID": f"{form}.{form}_complete", "Mandatory": "No"})
    item_defs: list[ET.Element] = []
    code_lists: list[ET.Element] = []
    for form, oid, rows in groups:
        group = ET.SubElement(mdv, _o("ItemGroupDef"), {
            "OID": oid, "Name": rows[0][2] or labels[form], "Repeating": "No"})
        for row in rows:
            for item, choices in _items(row):
                ET.SubElement(group, _o("ItemRef"), {
                    "ItemOID": item.get("OID", ""), "Mandatory": "No",
                    _r("Variable"): row[0]})
                item_defs.append(item)
                if choices is not None:
                    code_lists.append(choices)
    for form in defs:
        name = f"{form}_complete"
        group = ET.SubElement(mdv, _o("ItemGroupDef"), {
            "OID": f"{form}.{name}", "Name": "Form Status", "Repeating": "No"})
        ET.SubElement(group, _o("ItemRef"), {"ItemOID": name, "Mandatory": "No",
                                             _r("Variable"): name})
        item = ET.Element(_o("ItemDef"), {
            "OID": name, "Name": name, "DataType": "text", "Length": "1",
            _r("Variable"): name, _r("FieldType"): "select",
            _r("SectionHeader"): "Form Status"})
        _text(item, _o("Question"), "Complete?")
        ET.SubElement(item, _o("CodeListRef"), {"CodeListOID": f"{name}.choices"})
        item_defs.append(item)
        code_lists.append(_code_list(name, name, COMPLETE_CHOICES))
    mdv.extend(item_defs)
    mdv.extend(code_lists)


def _items(row: list[str]) -> list[tuple[ET.Element, ET.Element | None]]:
    (name, _form, section, kind, label, choices, note, validation, low, high,
     identifier) = row[:11]
    annotation = row[17]
    attributes = {_r("Variable"): name, _r("FieldType"): BACKEND_TYPE.get(kind, kind)}
    if validation:
        attributes[_r("TextValidationType")] = BACKEND_VALIDATION.get(validation, validation)
    if note:
        attributes[_r("FieldNote")] = note
    if section:
        attributes[_r("SectionHeader")] = section
    if identifier == "y":
        attributes[_r("Identifier")] = "y"
    if annotation:
        attributes[_r("FieldAnnotation")] = annotation
    parsed = parse_choices(choices) if kind in ("dropdown", "radio", "checkbox") else []
    if kind == "checkbox":
        out = []
        for code, _text_label in parsed:
            column = f"{name}___{code}"
            item = ET.Element(_o("ItemDef"), {"OID": column, "Name": column,
                                              "DataType": "boolean", "Length": "1",
                                              **attributes})
            _text(item, _o("Question"), label)
            ET.SubElement(item, _o("CodeListRef"), {"CodeListOID": f"{column}.choices"})
            code_list = _code_list(column, name, (("1", "Checked"), ("0", "Unchecked")))
            code_list.set(_r("CheckboxChoices"), choices)  # the whole field's options
            out.append((item, code_list))
        return out
    data_type = ODM_DATA_TYPE.get(validation, "boolean" if kind == "yesno" else "text")
    item = ET.Element(_o("ItemDef"), {"OID": name, "Name": name, "DataType": data_type,
                                      "Length": "999", **attributes})
    _text(item, _o("Question"), label)
    code_list = None
    if parsed or kind == "yesno":
        ET.SubElement(item, _o("CodeListRef"), {"CodeListOID": f"{name}.choices"})
        code_list = _code_list(name, name, parsed or (("1", "Yes"), ("0", "No")))
    for comparator, bound in (("GE", low), ("LE", high)):
        if bound:
            check = ET.SubElement(item, _o("RangeCheck"), {"Comparator": comparator,
                                                          "SoftHard": "Soft"})
            ET.SubElement(check, _o("CheckValue")).text = bound
            _text(check, _o("ErrorMessage"),
                  f"The value is outside the range {low or '-'} to {high or '-'}.")
    return [(item, code_list)]


def _code_list(oid: str, variable: str, choices) -> ET.Element:  # noqa: ANN001
    code_list = ET.Element(_o("CodeList"), {"OID": f"{oid}.choices", "Name": oid,
                                            "DataType": "text", _r("Variable"): variable})
    for code, label in choices:
        entry = ET.SubElement(code_list, _o("CodeListItem"), {"CodedValue": code})
        _text(entry, _o("Decode"), label)
    return code_list


# ------------------------------------------------------------------ reading it back


def read_project(data: bytes) -> dict[str, list[list[str]]]:
    """The set-up of a project XML as the CSV rows REDCap's other uploads take (header
    rows included): ``dictionary`` (fields in order, choices, validation, limits,
    identifiers), ``events``, ``arms``, ``mapping``, ``repeating``. What the tests and a
    coordinator's checks compare with the CSV files."""
    root = ET.fromstring(data)  # noqa: S314 - our own file, read back in the tests
    ns = {"odm": ODM_NS, "redcap": REDCAP_NS}
    mdv = root.find("odm:Study/odm:MetaDataVersion", ns)
    assert mdv is not None
    r = _r
    events = [list(redcap.EVENTS_HEADER)]
    arms: dict[str, str] = {}
    mapping = [list(redcap.MAPPING_HEADER)]
    for ev in mdv.findall("odm:StudyEventDef", ns):
        events.append([ev.get(r("EventName"), ""), ev.get(r("ArmNum"), ""),
                       ev.get(r("DayOffset"), ""), ev.get(r("OffsetMin"), ""),
                       ev.get(r("OffsetMax"), "")])
        arms[ev.get(r("ArmNum"), "")] = ev.get(r("ArmName"), "")
        for ref in ev.findall("odm:FormRef", ns):
            mapping.append([ev.get(r("ArmNum"), ""), ev.get(r("UniqueEventName"), ""),
                            ref.get(r("FormName"), "")])
    repeating = [list(redcap.REPEATING_HEADER)]
    setup = root.find("odm:Study/odm:GlobalVariables/redcap:RepeatingInstrumentsAndEvents", ns)
    for element in (setup if setup is not None else []):
        if element.tag == r("RepeatingEvent"):
            repeating.append([element.get(r("UniqueEventName"), ""), "", ""])
        else:
            for inst in element:
                repeating.append([inst.get(r("UniqueEventName"), ""),
                                  inst.get(r("RepeatInstrument"), ""),
                                  inst.get(r("CustomLabel"), "")])
    item_defs = {item.get("OID"): item for item in mdv.findall("odm:ItemDef", ns)}
    code_lists = {c.get("OID"): c for c in mdv.findall("odm:CodeList", ns)}
    back_type = {v: k for k, v in BACKEND_TYPE.items()}
    back_validation = {v: k for k, v in BACKEND_VALIDATION.items()}
    dictionary = [list(redcap.DICTIONARY_HEADER)]
    form_of_group = {}
    for form in mdv.findall("odm:FormDef", ns):
        for ref in form.findall("odm:ItemGroupRef", ns):
            form_of_group[ref.get("ItemGroupOID")] = form.get(r("FormName"))
    seen: set[str] = set()
    for group in mdv.findall("odm:ItemGroupDef", ns):
        for ref in group.findall("odm:ItemRef", ns):
            variable = ref.get(r("Variable"), "")
            if variable in seen or variable.endswith("_complete") and \
                    group.get("Name") == "Form Status":
                continue
            seen.add(variable)
            item = item_defs[ref.get("ItemOID")]
            kind = back_type.get(item.get(r("FieldType"), ""), item.get(r("FieldType"), ""))
            choices = ""
            if kind == "checkbox":
                choices = code_lists[f"{ref.get('ItemOID')}.choices"].get(
                    r("CheckboxChoices"), "")
            elif kind in ("dropdown", "radio"):
                code_list = code_lists[f"{variable}.choices"]
                choices = " | ".join(
                    f"{entry.get('CodedValue')}, "
                    f"{entry.findtext('odm:Decode/odm:TranslatedText', '', ns)}"
                    for entry in code_list.findall("odm:CodeListItem", ns))
            low = high = ""
            for check in item.findall("odm:RangeCheck", ns):
                value = check.findtext("odm:CheckValue", "", ns)
                if check.get("Comparator") == "GE":
                    low = value
                else:
                    high = value
            validation = item.get(r("TextValidationType"), "")
            dictionary.append([
                variable, form_of_group[group.get("OID")], item.get(r("SectionHeader"), ""),
                kind, item.findtext("odm:Question/odm:TranslatedText", "", ns), choices,
                item.get(r("FieldNote"), ""), back_validation.get(validation, validation),
                low, high, item.get(r("Identifier"), ""), "", "", "", "", "", "",
                item.get(r("FieldAnnotation"), "")])
    groups = [[element.get("group_name", "")] for element in root.findall(
        "odm:Study/odm:GlobalVariables/redcap:DataAccessGroupsGroup/redcap:DataAccessGroups",
        ns)]
    return {"dictionary": dictionary, "events": events, "groups": groups,
            "arms": [list(redcap.ARMS_HEADER), *([n, name] for n, name in arms.items())],
            "mapping": mapping, "repeating": repeating}

