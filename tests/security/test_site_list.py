"""Issue 15: the site list an administrator keeps, and the patient dialog's choice from it.

The list is changed only with the settings permission (checked in the service, so the GUI
and any other caller alike), each change is in the audit trail, and the patient dialog
offers its names with one "other" entry whose text is kept in the record (and exported
only when identified: tests/security/test_deidentified_export.py)."""

from __future__ import annotations

import pytest
from database_fixtures import add_people
from sqlalchemy import select

from app.db.models import AuditEntry
from app.db.sites import add_site, list_sites, set_site_active
from app.domain.errors import InputError
from app.domain.permissions import PermissionDenied
from app.forms.patient_dialog import PatientDialog


def test_only_an_administrator_changes_the_site_list_and_each_change_is_audited(database):
    people = add_people(database)
    database.actor = people["admin"]
    with database.session() as s:
        toronto = add_site(s, "  Toronto   SickKids ", user="admin")
    with database.session() as s:
        set_site_active(s, toronto, False, user="admin")
    with database.reading() as s:
        assert [(x.name, x.active) for x in list_sites(s)] == [("Toronto SickKids", False)]
        assert list_sites(s, active_only=True) == []
        trail = s.execute(select(AuditEntry.action, AuditEntry.entity, AuditEntry.user_name)
                          .where(AuditEntry.entity == "site")).all()
    assert [tuple(t) for t in trail] == [("create", "site", "admin"),
                                         ("update", "site", "admin")]
    for name, person in people.items():
        if name == "admin" or person.may("change_settings"):
            continue
        database.actor = person
        with pytest.raises(PermissionDenied), database.session() as s:
            add_site(s, "Hamilton", user=name)
    database.actor = people["admin"]
    for bad in ("", "a | b", "x" * 101, "toronto sickkids".title().replace("Sickkids",
                                                                            "SickKids")):
        with pytest.raises(InputError), database.session() as s:
            add_site(s, bad, user="admin")
    with database.reading() as s:
        assert len(list_sites(s)) == 1


def test_the_patient_dialog_offers_the_sites_and_keeps_other_text(qtbot):
    saved = []
    dialog = PatientDialog(lambda data: saved.append(data), sites=("Hamilton", "Toronto"))
    qtbot.addWidget(dialog)
    box = dialog.site.box
    assert [box.itemText(i) for i in range(box.count())][1:3] == ["Hamilton", "Toronto"]
    assert not dialog.site.other.isVisibleTo(dialog)
    dialog.site.setText("Toronto")
    assert dialog.entered().site == "Toronto"
    # A site typed before the list existed opens as "other" with its text, unchanged.
    dialog.site.setText("12 Elm Street clinic")
    assert dialog.site.is_other() and dialog.site.other.isVisibleTo(dialog)
    assert dialog.entered().site == "12 Elm Street clinic"
    box.setCurrentIndex(0)
    assert dialog.entered().site == ""
