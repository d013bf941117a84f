"""The installation's site code (issue 17, "Sites and pooling"): set by an administrator
only, validated, audited; a change after exports asks for confirmation and is audited;
no export without it; every exported record id is ``SITE-studyid`` with the site's data
access group, and the import reads the ids back."""

from __future__ import annotations

import csv
import io

import pytest
from database_fixtures import add_people, db_argument, password_file, reseal
from sqlalchemy import delete, select

from app.cli import main
from app.db.models import AuditEntry, InstallationSetting
from app.db.site_code import (
    SiteCodeChangeNeedsConfirmation,
    SiteCodeMissing,
    set_site_code,
    site_code,
)
from app.domain.permissions import PermissionDenied
from app.exports.export import export_database
from app.exports.importing import ImportRejected, import_directory


def _data(folder) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO((folder / "redcap_data.csv").read_text("utf-8"),
                                       newline="")))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def _trail(db) -> list[tuple]:
    with db.reading() as s:
        return [tuple(r) for r in s.execute(
            select(AuditEntry.action, AuditEntry.user_name, AuditEntry.old_value,
                   AuditEntry.new_value, AuditEntry.reason)
            .where(AuditEntry.entity == "site_code").order_by(AuditEntry.id)).all()]


def _cli(db, tmp_path, user, *args) -> int:
    return main(["site-code", *args, "--db", db_argument(db), "--user", user,
                 "--password-file", str(password_file(tmp_path))])


@pytest.mark.parametrize("user", ["doc", "coord", "nurse"])
def test_only_an_administrator_sets_the_site_code(database, tmp_path, capsys, user):
    people = add_people(database)
    assert _cli(database, tmp_path, user, "set", "TOR") == 1
    assert "may not" in capsys.readouterr().err
    with database.session() as s:  # the service checks, whoever calls it
        s.info["actor"] = people[user]
        with pytest.raises(PermissionDenied):
            set_site_code(s, "TOR", user=user)
    with database.reading() as s:
        assert site_code(s) == "TEST"  # the fixture's installation code, unchanged


@pytest.mark.parametrize("bad", ["", "T", "1TOR", "TOR-1", "TO R", "ABCDEFGHIJK", "tör",
                                 "TOR;DROP", "=CMD"])
def test_a_malformed_code_is_refused_in_plain_words(database, tmp_path, capsys, bad):
    add_people(database)
    assert _cli(database, tmp_path, "admin", "set", bad) in (1, 2)
    assert "site code" in capsys.readouterr().err
    with database.reading() as s:
        assert site_code(s) == "TEST"


def test_setting_is_audited_and_a_change_after_exports_needs_confirmation(database, tmp_path,
                                                                           capsys):
    people = add_people(database)
    with database.session() as s:  # a new installation: no code yet
        s.execute(delete(InstallationSetting))
    assert _cli(database, tmp_path, "admin", "set", " tor ") == 0  # stored in capitals
    assert "Site code set to TOR" in capsys.readouterr().out
    database.actor = people["doc"]
    export_database(database, tmp_path / "e1", user="doc")
    assert _cli(database, tmp_path, "admin", "set", "SICK") == 1
    assert "--confirm-change" in capsys.readouterr().err
    with database.session() as s:
        s.info["actor"] = people["admin"]
        with pytest.raises(SiteCodeChangeNeedsConfirmation):
            set_site_code(s, "SICK", user="admin")
    with database.reading() as s:
        assert site_code(s) == "TOR"
    assert _cli(database, tmp_path, "admin", "set", "SICK", "--confirm-change") == 0
    trail = _trail(database)
    assert [(a, u) for a, u, *_ in trail] == [("create", "admin"), ("update", "admin")]
    assert "TOR" in trail[1][2] and "SICK" in trail[1][3]
    assert "1 exports" in trail[1][4] and "confirmed" in trail[1][4]
    assert _cli(database, tmp_path, "admin", "set", "SICK") == 0  # the same code: no entry
    assert len(_trail(database)) == 2


def test_no_export_without_a_site_code_and_the_message_says_how(database, tmp_path, capsys,
                                                                patient_input):
    people = add_people(database)
    with database.session() as s:
        s.execute(delete(InstallationSetting))
    database.actor = people["doc"]
    with pytest.raises(SiteCodeMissing) as refused:
        export_database(database, tmp_path / "none", user="doc")
    assert "jdm-ctp site-code set" in str(refused.value)
    assert not (tmp_path / "none").exists()
    assert main(["export", "--db", db_argument(database), "--out", str(tmp_path / "cli"),
                 "--user", "doc", "--password-file", str(password_file(tmp_path))]) == 1
    err = capsys.readouterr().err
    assert "no site code" in err and "site-code set" in err
    assert not (tmp_path / "cli").exists()


@pytest.mark.usefixtures("system_actor")
def test_record_ids_carry_the_site_and_the_import_reads_them_back(database, empty, tmp_path,
                                                                  patient_input):
    from app.db.patients import create_patient

    with database.session() as s:
        create_patient(s, patient_input("DEMO-00001"), user="t")
        set_site_code(s, "TOR", user="t")
    export_database(database, tmp_path / "id", profile="identified", user="t")
    export_database(database, tmp_path / "de", user="t")
    for folder in ("id", "de"):
        rows = _data(tmp_path / folder)
        assert {r["record_id"] for r in rows} == {"TOR-DEMO-00001"}
        assert {r["redcap_data_access_group"] for r in rows} == {"tor"}
        assert next(r for r in rows if r["pt_site"])["pt_site"] == "TOR"
        header = (tmp_path / folder / "redcap_data.csv").read_text("utf-8").split("\r\n")[0]
        assert header.split(",")[:5] == ["record_id", "redcap_event_name",
                                         "redcap_repeat_instrument", "redcap_repeat_instance",
                                         "redcap_data_access_group"]
    xml = (tmp_path / "de" / "redcap_project.xml").read_text("utf-8")
    assert '<redcap:DataAccessGroups group_name="tor" />' in xml
    summary = import_directory(empty, tmp_path / "id", user="t")
    assert summary.added == ["DEMO-00001"]  # the study id, read back without the prefix
    # The same export again: already present, compared with its prefix read back.
    assert import_directory(empty, tmp_path / "id", user="t").already_present == [
        "DEMO-00001"]


@pytest.mark.usefixtures("system_actor")
@pytest.mark.parametrize(("old", "new", "words"), [
    (b"TOR-DEMO-00001,registration", b"DEMO-00001,registration", "site code DEMO"),
    (b",tor,", b",mtl,", "not the record's site code"),
])
def test_an_import_whose_ids_and_groups_disagree_is_refused(database, empty, tmp_path,
                                                            patient_input, old, new, words):
    from app.db.patients import create_patient


    with database.session() as s:
        create_patient(s, patient_input("DEMO-00001"), user="t")
        set_site_code(s, "TOR", user="t")
    export_database(database, tmp_path / "id", profile="identified", user="t")
    path = tmp_path / "id" / "redcap_data.csv"
    path.write_bytes(path.read_bytes().replace(old, new, 1))
    reseal(tmp_path / "id")
    with pytest.raises(ImportRejected) as rejected:
        import_directory(empty, tmp_path / "id", user="t")
    assert any(words in p.reason for p in rejected.value.problems), rejected.value.problems
