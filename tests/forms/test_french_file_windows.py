"""The last English of the administrator's and the file windows (issue 21), walked in
French: the site list's, the site code's, the settings' and the user accounts' refusals,
an import's summary and its refusal file by file, Back up now refused, and what is said about
the database file (a folder, damaged, upgraded, a full disk) at start-up, in the error box
and at a refused save. The storage layer writes each once, in English, as a Sentence: the
command line and ``str()`` read exactly the words they always read."""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from test_french import assert_french, shoot
from test_french_more_windows import DATA, as_administrator

from app import paths
from app.db import file_health
from app.db.file_health import HealthReport
from app.domain.errors import InputError
from app.logs import LOG_NAME

pytestmark = pytest.mark.usefixtures("system_actor", "french")


def flat(text: str) -> str:
    """French spaces before ":" ";" (no-break, narrow) read as plain spaces."""
    return re.sub("[\u00a0\u202f]", " ", text)


# --------------------------------------------------------------------- the site list

def test_the_site_lists_refusals_are_said_in_french(qtbot, database, tmp_path):
    from app.forms.site_list_dialog import SiteListDialog

    main = as_administrator(qtbot, database, tmp_path)
    dialog = SiteListDialog(database, "admin", main)
    qtbot.addWidget(dialog)
    dialog.show()
    said = {}
    for typed in ("   ", "Nord | Sud", "x" * 101, "Toronto", "Toronto"):
        dialog.name.setText(typed)
        dialog.add()
        said[typed] = flat(dialog.message.text())
        if typed != "Toronto":
            assert_french(dialog, data=(*DATA, database.display_name))
            assert dialog.name.text() == typed  # what was typed stays
            for label in dialog.findChildren(QLabel):  # shown whole, not cut
                if label.isVisibleTo(dialog):
                    assert label.height() >= label.heightForWidth(label.width()), label.text()
    assert said == {
        "   ": "Saisissez le nom du site.",
        "Nord | Sud": "Un nom de site ne peut pas contenir le caractère |.",
        "x" * 101: "Un nom de site compte au plus 100 caractères.",
        "Toronto": "Toronto figure déjà dans la liste des sites.",  # the name as typed
    }
    assert_french(dialog, data=(*DATA, database.display_name, "Toronto"))


def test_the_site_lists_refusals_keep_their_english(database, people):
    """What any other caller reads (str(), the message) is the English as it was."""
    from app.db.sites import add_site, set_site_active
    from app.forms.refusal_words import site_words

    database.actor = people["admin"]
    with database.session() as session:
        add_site(session, "Toronto", user="admin")
    english = []
    for action in (lambda s: add_site(s, " ", user="admin"),
                   lambda s: add_site(s, "a|b", user="admin"),
                   lambda s: add_site(s, "x" * 101, user="admin"),
                   lambda s: add_site(s, "Toronto", user="admin"),
                   lambda s: set_site_active(s, 99, False, user="admin")):
        with pytest.raises(InputError) as refused, database.session() as session:
            action(session)
        assert refused.value.field == "site" and str(refused.value) == refused.value.message
        english.append(refused.value.message)
    assert english == ["Enter the site's name.", "A site name cannot contain the character |.",
                       "A site name has at most 100 characters.",
                       "Toronto is already on the site list.", "There is no site number 99."]
    assert flat(site_words(english[-1])) == "Il n'y a aucun site numéro 99."


def test_the_site_codes_refusals_are_said_in_french(qtbot, database, tmp_path,
                                                   monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.db.site_code import set_site_code
    from app.forms.site_code_dialog import SiteCodeDialog

    main = as_administrator(qtbot, database, tmp_path)
    dialog = SiteCodeDialog(database, "admin", main)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.code.setText("1A")
    dialog.save()
    assert flat(dialog.message.text()) == (
        "Un code de site compte de 2 à 10 lettres et chiffres et commence par une lettre "
        "(par exemple TOR ou SICK2).")
    assert_french(dialog, data=(*DATA, "1A"))
    # the longer French shown whole: the window grew to hold its wrapped text (it was cut)
    for label in dialog.findChildren(QLabel):
        if label.isVisibleTo(dialog):
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    shoot(dialog, "site-code-refused")
    # a change after an export asks, in French; the English is what the command line says
    with database.session() as session:
        set_site_code(session, "TOR", user="admin")
        audit_export(session)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda _parent, title, text: asked.append((title, text)) or QMessageBox.No))
    dialog.code.setText("SICK")
    dialog.save()
    ((_title, text),) = asked
    assert flat(text) == ("Des exportations (1) nomment déjà ce site TOR ; les dossiers "
                          "exportés sous SICK ne leur correspondront pas chez le "
                          "coordonnateur. Confirmez le changement si c'est voulu.")


def test_the_settings_refusals_are_said_in_french(qtbot, database, tmp_path):
    """Tools → Settings: a backup folder refused says why in French, at its field."""
    from app.forms.clinic_settings import BACKUP_FOLDER_KEY

    main = as_administrator(qtbot, database, tmp_path)
    dialog = main.make_settings_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    for typed, said in (
            ("backups", "Donnez l'emplacement complet du dossier des sauvegardes, à partir du "
                        "lecteur ou du dossier de premier niveau, et non seulement « backups »."),
            ("", "Choisissez un dossier pour les sauvegardes automatiques.")):
        dialog.backup_folder.setText(typed)
        dialog._save()
        assert flat(dialog.error_text(BACKUP_FOLDER_KEY)) == said
        assert dialog.backup_folder.text() == typed  # what was typed stays
        assert_french(dialog, data=(*DATA, dialog.default_button.toolTip(), "backups",
                                    database.display_name, str(paths.data_dir()), str(tmp_path)))
    (tmp_path / "a file").write_text("x", encoding="utf-8")
    dialog.backup_folder.setText(str(tmp_path / "a file"))
    dialog._save()
    assert flat(dialog.error_text(BACKUP_FOLDER_KEY)) == (
        f"{tmp_path / 'a file'} est un fichier, pas un dossier. Choisissez un dossier.")
    shoot(dialog, "settings-refused")


def test_the_user_accounts_refusals_are_said_in_french(qtbot, database, tmp_path):
    """Deactivating one's own account, adding a name already taken: refused in French."""
    from app.db import users
    from app.forms.users_dialog import UserAdministration, UsersDialog

    main = as_administrator(qtbot, database, tmp_path)
    dialog = UsersDialog(UserAdministration(database, database.actor), main)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ask_text = lambda _title, _prompt: "leaving"
    dialog.select_user("admin")
    dialog.deactivate()
    assert dialog.message.text() == "Vous ne pouvez pas désactiver votre propre compte."
    dialog.ask_new_user = lambda: ("nurse", "Nia", "data_entry", "long enough secret")
    dialog.add_user()
    assert dialog.message.text() == "Il existe déjà un utilisateur nommé 'nurse'."
    assert_french(dialog, data=DATA)
    # the English, as the command line says it
    with pytest.raises(users.UserExistsError) as refused, database.session() as session:
        users.create_user(session, database.actor, "nurse", "Nia", "data_entry",
                          "long enough secret")
    assert str(refused.value) == "There is already a user called 'nurse'."


def audit_export(session) -> None:
    """One export in the audit trail, as an export records it (app.db.site_code counts
    them)."""
    from app.db import audit

    audit.record(session, user="admin", action="export", entity="export", entity_id="1",
                 new={"profile": "deidentified"})


# ------------------------------------------------------------------------ an import

def _folder_with_changed_files(folder):
    """An export folder changed after it was written: a file its manifest does not list,
    a listed file missing, another that is not what was exported."""
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps({
        "format": "redcap", "profile": "identified",
        "files": [{"name": name, "sha256": "0" * 64}
                  for name in ("redcap_data.csv", "redcap_data_dictionary.csv")]}),
        encoding="utf-8")
    (folder / "redcap_data_dictionary.csv").write_text("changed\n", encoding="utf-8")
    (folder / "notes.txt").write_text("hello", encoding="utf-8")
    return folder


def import_shown(main, folder) -> list[tuple[str, str, bool]]:
    """Import ``folder`` from the main window's menu: what the result box showed (title,
    text, ok), instead of showing it."""
    shown = []
    main.choose_import_folder = lambda: str(folder)
    main.show_import_result = lambda title, text, *, ok: shown.append((title, text, ok))
    main.import_export_folder().wait_in_event_loop()  # the import runs on a worker thread
    return shown


def test_a_refused_import_is_said_in_french_file_by_file(qtbot, database, tmp_path):
    from app.exports.importing import ImportRejected, import_directory
    from app.forms.import_result import import_result_box

    main = as_administrator(qtbot, database, tmp_path)
    folder = _folder_with_changed_files(tmp_path / "export")
    ((title, text, ok),) = import_shown(main, folder)
    assert title == "Importation refusée" and not ok
    assert flat(text).splitlines() == [
        "L'importation a été refusée ; rien n'a été modifié : notes.txt : ce fichier ne "
        "figure pas dans manifest.json (une exportation ne contient que les fichiers que son "
        "manifeste énumère) (et 2 autres problèmes)",
        "  redcap_data.csv : figure dans manifest.json mais est absent",
        "  redcap_data_dictionary.csv : le fichier a été modifié après l'exportation (son "
        "SHA-256 diffère de celui de manifest.json)"]
    box = import_result_box(main, title, text, ok=ok)
    qtbot.addWidget(box)
    box.show()
    assert_french(box, "L'importation a été refusée", data=("notes.txt", "manifest.json"))
    shoot(box, "import-refused")
    # the command line's English, word for word as before
    with pytest.raises(ImportRejected) as rejected:
        import_directory(database, folder, user="admin")
    assert str(rejected.value).splitlines() == [
        "The import was rejected; nothing was changed: notes.txt: this file is not listed in "
        "manifest.json (an export holds only the files its manifest lists) (and 2 more "
        "problems)",
        "  redcap_data.csv: listed in manifest.json but missing",
        "  redcap_data_dictionary.csv: the file was changed after export (SHA-256 differs "
        "from manifest.json)"]


def test_a_refused_manifest_is_said_in_french_key_by_key(qtbot, database, tmp_path):
    main = as_administrator(qtbot, database, tmp_path)
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps(
        {"format": "csv", "profile": "deidentified", "files": []}), encoding="utf-8")
    ((_title, text, _ok),) = import_shown(main, folder)
    assert flat(text).splitlines() == [
        "L'importation a été refusée ; rien n'a été modifié : manifest.json, colonne format : "
        "seul le format redcap peut être importé (et 2 autres problèmes)",
        "  manifest.json, colonne profile : seule une exportation identifiée peut être "
        "importée (une exportation dépersonnalisée n'a ni dates ni noms à restaurer)",
        "  manifest.json, colonne files : n'énumère pas redcap_data.csv ni "
        "redcap_data_dictionary.csv : chaque fichier de l'exportation doit y figurer avec "
        "son SHA-256"]


def test_an_import_folder_that_is_no_folder_is_said_in_french(qtbot, database, tmp_path):
    main = as_administrator(qtbot, database, tmp_path)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    ((_title, text, _ok),) = import_shown(main, tmp_path / "file")
    assert flat(text) == (f"L'importation a été refusée ; rien n'a été modifié : "
                          f"{tmp_path / 'file'} : n'est pas un dossier")


def test_an_import_summary_counts_in_french_and_in_english(qapp):
    from app.exports.importing import ImportSummary
    from app.forms.import_result import summary_words
    from app.forms.language import INTERFACE

    one, two = ImportSummary(["JDM-003"], ["JDM-001", "JDM-002"]), ImportSummary([], ["A"])
    assert [flat(summary_words(s)) for s in (one, two)] == [
        "1 nouveau patient importé ; 2 étaient déjà présents avec des données identiques.",
        "0 nouveau patient importé ; 1 était déjà présent avec des données identiques."]
    INTERFACE.switch("en")
    assert [summary_words(s) for s in (one, two)] == [
        "Imported 1 new patient; 2 were already present with identical data.",
        "Imported 0 new patients; 1 was already present with identical data."]
    # the command line's summary as it always read
    assert one.describe() == ("Imported 1 new patients; 2 were already present with "
                              "identical data.")


def test_a_large_import_is_counted_with_the_languages_digit_grouping(qapp):
    """« 1000 nouveaux patients importés » beside « 1 000 patients » on the status bar: on a
    French-Canadian computer both group the digits as its locale does (%Ln)."""
    from PySide6.QtCore import QLocale

    from app.exports.importing import ImportSummary
    from app.forms.import_result import summary_words
    from app.forms.language import INTERFACE

    thousand = ImportSummary([f"JDM-{n:04d}" for n in range(1000)], [])
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.French, QLocale.Canada))
    try:
        grouped = QLocale().toString(1000)
        assert grouped != "1000"
        assert summary_words(thousand).startswith(f"{grouped} nouveaux patients importés")
        INTERFACE.switch("en")
        assert summary_words(thousand).startswith(f"Imported {grouped} new patients;")
    finally:
        QLocale.setDefault(before)


def test_every_import_reason_is_listed_for_translation():
    from app.exports.import_sentences import (
        IMPORT_SENTENCES,
        RECORD_SENTENCES,
        ROW_SENTENCES,
        VALUE_SENTENCES,
    )
    from app.forms import terms

    listed = (*IMPORT_SENTENCES, *VALUE_SENTENCES, *ROW_SENTENCES, *RECORD_SENTENCES)
    assert sorted(listed) == sorted(terms.LISTED[terms.IMPORT_CHECK])
    untranslated = [t for t in listed if terms.term(terms.IMPORT_CHECK, t) == t]
    assert untranslated == []


# -------------------------------------------------------------- the database file

def test_every_file_health_sentence_is_listed_for_translation():
    from app.db.backup_sentences import BACKUP_SENTENCES
    from app.db.fallback_drafts import FALLBACK_SENTENCES
    from app.db.file_health_sentences import FILE_HEALTH_SENTENCES
    from app.db.site_code import SITE_CODE_SENTENCES
    from app.db.sites import SITE_SENTENCES
    from app.forms import terms

    health = (*FILE_HEALTH_SENTENCES, *FALLBACK_SENTENCES)
    assert sorted(health) == sorted(terms.LISTED[terms.FILE_HEALTH])
    site = (*SITE_SENTENCES, *SITE_CODE_SENTENCES)
    assert sorted(site) == sorted(terms.LISTED[terms.SITE_CHECK])
    assert sorted(BACKUP_SENTENCES) == sorted(terms.LISTED[terms.BACKUP_CHECK])
    untranslated = [t for t in (*health, *site, *BACKUP_SENTENCES)
                    if t == terms.term(terms.FILE_HEALTH, t) == terms.term(terms.SITE_CHECK, t)
                    == terms.term(terms.BACKUP_CHECK, t)]
    assert untranslated == []


def start_refusals(monkeypatch, path) -> list[tuple[str, str]]:
    """run_gui on ``path`` with the interface in French: what its critical boxes said
    (French spaces read as plain ones)."""
    import sys

    from PySide6.QtWidgets import QMessageBox

    from app.forms.language import LANGUAGE_KEY
    from app.gui import run_gui

    settings = QSettings(str(paths.config_dir() / "settings.ini"), QSettings.IniFormat)
    settings.setValue(LANGUAGE_KEY, "fr")
    settings.sync()
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(
        lambda parent, title, text: told.append((title, flat(text)))))
    assert run_gui(str(path)) == 1
    return told


def test_a_folder_given_as_the_database_is_said_in_french_at_start(qapp, tmp_path,
                                                                   monkeypatch):
    path = tmp_path / "clinic.sqlite3"
    path.mkdir()
    assert start_refusals(monkeypatch, path) == [(
        "Impossible d'ouvrir la base de données",
        f"aucune base de données à {path} : c'est un dossier ; rien n'y a été créé")]
    assert path.is_dir()

def test_the_command_line_says_a_folder_in_english(capsys, tmp_path):
    from app.cli import main

    path = tmp_path / "clinic.sqlite3"
    path.mkdir()
    assert main(["db", "upgrade", "--db", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"jdm-ctp: no database at {path}: it is a folder; nothing was created there\n")


def test_a_damaged_file_found_at_start_is_said_in_french(qtbot, database, monkeypatch,
                                                         tmp_path):
    """The start-up check's message, the error box of a refused write and a refused save
    in French; the refusal the database keeps is the English, for the command line's and
    the log's words."""
    from app.forms import startup_checks
    from app.forms.error_box import unexpected_error_box

    monkeypatch.setattr(startup_checks, "check_open_database", lambda _database: HealthReport(
        ("*** in database main ***\nPage 7: btree page has a bad cell",)))
    check = startup_checks.DatabaseHealthCheck(database)
    check.run()  # on this thread: the worker's own code
    assert check.damaged
    path = database.file_path
    assert flat(check.problem) == (
        f"La base de données {path} est endommagée (la vérification de SQLite a trouvé : "
        "Page 7: btree page has a bad cell). jdm-ctp n'y écrit plus rien. Il n'y en a aucune "
        "sauvegarde automatique dans le dossier des sauvegardes : demandez à votre "
        "personne-ressource en informatique de restaurer la sauvegarde la plus récente dont "
        "vous disposez.")
    refusal = file_health.write_refusal(database)
    assert refusal == (
        f"The database {path} is damaged (SQLite's check found: Page 7: btree page has a "
        "bad cell). jdm-ctp writes nothing to it. There is no automatic backup of it in the "
        "backups folder: ask your IT contact to restore the newest backup you have.")
    with pytest.raises(file_health.DamagedDatabaseError) as refused:
        file_health.require_writable(database)
    box = unexpected_error_box(refused.value)
    qtbot.addWidget(box)
    assert flat(box.text()).startswith(f"La base de données {path} est endommagée")
    assert_french(box, data=(str(path), "Page 7: btree page has a bad cell",
                             str(paths.log_dir() / LOG_NAME)))
    shoot(box, "damaged-file")


def test_back_up_now_over_the_database_is_refused_in_french(qtbot, database, tmp_path,
                                                          monkeypatch):
    """Tools → Back up now, the database file itself chosen: refused, in French; the daily
    backup's failure too. The English stays what the command line prints."""
    from app.db.automatic_backups import FAILED, BackupOutcome
    from app.db.backup import BackupError, backup_database
    from app.forms.backup_status import daily_outcome_text

    main = as_administrator(qtbot, database, tmp_path)
    warned = []
    monkeypatch.setattr(main, "choose_backup_path", lambda: str(database.file_path))
    monkeypatch.setattr(main, "warn", lambda title, text: warned.append((title, text)))
    main.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(warned), timeout=30_000)
    assert [(title, flat(text)) for title, text in warned] == [(
        "Échec de la sauvegarde", "La sauvegarde n'a pas pu être écrite : La sauvegarde ne "
        "peut pas être écrite par-dessus la base de données elle-même.")]
    with pytest.raises(BackupError) as refused:
        backup_database(database.file_path, database.file_path, actor=database.actor)
    assert str(refused.value) == "The backup cannot be written over the database itself."
    outcome = BackupOutcome(FAILED, "daily", problem=refused.value.args[0])
    assert flat(daily_outcome_text(outcome)) == (
        "La sauvegarde quotidienne a échoué : La sauvegarde ne peut pas être écrite "
        "par-dessus la base de données elle-même.")


def test_a_save_refused_by_the_disk_is_said_in_french():
    """A full disk, a read-only file: the visit form says the storage's sentence (with the
    window's "press Save again") in French; the command line passes its own retry words."""
    from app.forms.refusal_words import file_words

    full = file_health.disk_full_message()
    assert full == "The disk is full: free space, then press Save again; nothing was saved."
    assert flat(file_words(full)) == ("Le disque est plein : libérez de l'espace, puis "
                                      "appuyez de nouveau sur Enregistrer ; rien n'a été "
                                      "enregistré.")
    cli = file_health.disk_full_message("run the command again")
    assert cli == "The disk is full: free space, then run the command again; nothing was saved."


def test_a_save_on_a_full_disk_is_said_in_french_in_the_visit_form(qtbot, database):
    """The storage's sentence and where (or whether) a copy was kept, both in French: the
    copy's sentence was English after the French one."""
    from full_disk import FullDatabaseDisk
    from visit_fixtures import enrolled_patient, open_form, type_in

    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["month_1"], autosave_ms=60_000)
    window.show()
    type_in(window.section("globals").fields["pga_activity"], "6.4")
    FullDatabaseDisk(database)
    assert window.save() is False
    assert flat(window.message.text()) == (
        "Le disque est plein : libérez de l'espace, puis appuyez de nouveau sur Enregistrer ; "
        "rien n'a été enregistré. Aucune copie n'a pu être gardée ailleurs : votre dossier de "
        f"données ({paths.data_dir()}) est sur le même disque plein. Gardez cette fenêtre "
        "ouverte.")
    assert window.section("globals").fields["pga_activity"].text() == "6.4"


def test_the_start_ups_upgrade_message_is_french(qapp):
    """The status bar after the first start or an upgrade: the window's words from the
    report's facts; the command line keeps the report's English."""
    from pathlib import Path

    from app.db.opening import UpgradeReport
    from app.forms.language import INTERFACE
    from app.forms.startup_checks import upgrade_words

    created = UpgradeReport(None, "0042", None)
    upgraded = UpgradeReport("0041", "0042", Path("before.sqlite3"))
    assert [upgrade_words(r) for r in (created, upgraded)] == [
        "Nouvelle base de données créée (schéma 0042).",
        "Base de données mise à niveau du schéma 0041 au schéma 0042. Une copie de la base de "
        "données telle qu'elle était est enregistrée dans before.sqlite3."]
    INTERFACE.switch("en")
    assert [upgrade_words(r) for r in (created, upgraded)] == [
        created.describe(), upgraded.describe()]


def test_sqlites_findings_beyond_the_first_are_counted_in_french():
    from app.forms.refusal_words import file_words

    summary = HealthReport(("Page 3: bad", "Page 4: bad", "Page 5: bad", "Page 6: bad")
                           ).summary()
    assert summary == "Page 3: bad; Page 4: bad (and 2 more)"  # the command line's
    assert flat(file_words(summary)) == "Page 3: bad; Page 4: bad (et 2 autres)"
