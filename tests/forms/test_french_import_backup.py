"""The last English of an import's record-by-record checks and of the backups' messages
(issue 21), walked in French: a conflicting patient, a record missing what it needs, the
site ids of a pooled export, and what backing up, verifying and restoring say when they
refuse. The storage layer writes each once, in English, as a Sentence: the command line
and ``str()`` read exactly the words they always read."""

from __future__ import annotations

import csv
import io
import re
from argparse import Namespace

import pytest
from database_fixtures import STAFF_PASSWORD, password_file, reseal
from test_french import assert_french, shoot
from test_french_file_windows import import_shown
from test_french_more_windows import DATA, as_administrator

from app.domain.phrases import sentence
from app.forms.language import INTERFACE

pytestmark = pytest.mark.usefixtures("system_actor", "french")


def flat(text: str) -> str:
    """French spaces before ":" ";" (no-break, narrow) read as plain spaces."""
    return re.sub("[\u00a0\u202f]", " ", text)


# ------------------------------------------------------------------------ an import

def _exported(database, tmp_path):
    """The clinic's identified export, made by its coordinator."""
    from app.db.users import verify_credentials
    from app.exports.export import export_database

    folder = tmp_path / "export"
    admin = database.actor
    with database.reading() as session:
        database.actor = verify_credentials(session, "coord", STAFF_PASSWORD)
    try:
        export_database(database, folder, profile="identified", user="coord")
    finally:
        database.actor = admin
    return folder


def _rewrite(folder, change) -> None:
    """The data file's rows changed by ``change(header, rows)``, the manifest resealed (as
    someone who edits an export on purpose would)."""
    path = folder / "redcap_data.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    change(rows[0], rows[1:])
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    reseal(folder)


def test_a_conflicting_patient_is_said_in_french(qtbot, database, tmp_path):
    """The database holds another sex for JDM-001 than the file (a field the de-identified
    export keeps, so its values are quoted): refused, in French; the command line's English
    as it always read."""
    from app.db.models import Patient
    from app.exports.importing import ImportRejected, import_directory
    from app.forms.import_result import import_result_box

    main = as_administrator(qtbot, database, tmp_path)
    with database.session() as session:
        assert session.query(Patient).filter_by(study_id="JDM-001").one().sex == "female"
    folder = _exported(database, tmp_path)
    with database.session() as session:
        session.query(Patient).filter_by(study_id="JDM-001").one().sex = "male"
    ((title, text, ok),) = import_shown(main, folder)
    assert title == "Importation refusée" and not ok
    line = flat(text).splitlines()[0]
    assert line.startswith("L'importation a été refusée ; rien n'a été modifié : "
                           "redcap_data.csv, ligne 2, colonne pt_sex : conflit : le patient "
                           "JDM-001 est déjà dans la base de données avec 'male' à cet "
                           "endroit, le fichier a 'female' ; rien n'a été écrasé"), line
    box = import_result_box(main, title, text, ok=ok)
    qtbot.addWidget(box)
    box.show()
    assert_french(box, "conflit", data=(*DATA, "redcap_data.csv", "pt_sex", "female", "male"))
    shoot(box, "import-conflict")
    with pytest.raises(ImportRejected) as rejected:
        import_directory(database, folder, user="admin")
    assert str(rejected.value.problems[0]) == (
        "redcap_data.csv, row 2, column pt_sex: conflict: patient JDM-001 is already in "
        "the database with 'male' here, the file has 'female'; nothing was overwritten")


def test_a_conflicting_name_is_said_in_french_without_either_name(qtbot, database, tmp_path):
    """A conflict on an identifying field (the family name) names the column, in French,
    and repeats neither the stored name nor the file's."""
    from app.db.models import Patient

    main = as_administrator(qtbot, database, tmp_path)
    folder = _exported(database, tmp_path)
    with database.session() as session:
        patient = session.query(Patient).filter_by(study_id="JDM-001").one()
        stored, patient.identity.family_name = patient.identity.family_name, "Quillfeather"
    ((title, text, ok),) = import_shown(main, folder)
    assert title == "Importation refusée" and not ok
    assert flat(text).splitlines()[0] == (
        "L'importation a été refusée ; rien n'a été modifié : redcap_data.csv, ligne 2, "
        "colonne pt_family_name : conflit : le patient JDM-001 est déjà dans la base de "
        "données avec une autre valeur dans cette colonne (non reproduite : elle pourrait "
        "identifier le patient) ; rien n'a été écrasé")
    assert "Quillfeather" not in text and stored not in text


def test_a_conflict_in_the_number_of_rows_counts_in_french(qapp):
    """Rows the database holds and the file's, counted with the plural forms; the English
    reads as it always did ("1 rows")."""
    from app.exports.importing import _conflict
    from app.forms.import_result import ImportResult

    header = ("record_id", "redcap_event_name")
    one = _conflict("JDM-001", [["JDM-001", "a"], ["JDM-001", "b"]], [["JDM-001", "a"]],
                    header, 2)
    two = _conflict("JDM-001", [["JDM-001", "a"]], [["JDM-001", "a"], ["JDM-001", "b"]],
                    header, 2)
    assert str(one.reason) == ("conflict: patient JDM-001 is already in the database with 1 "
                               "rows, the file has 2; nothing was overwritten")
    words = ImportResult()
    assert [flat(words.problem(p)) for p in (one, two)] == [
        "redcap_data.csv, ligne 2 : conflit : le patient JDM-001 est déjà dans la base de "
        "données avec 1 ligne, le fichier en a 2 ; rien n'a été écrasé",
        "redcap_data.csv, ligne 2 : conflit : le patient JDM-001 est déjà dans la base de "
        "données avec 2 lignes, le fichier en a 1 ; rien n'a été écrasé"]
    INTERFACE.switch("en")  # the window's English counts its rows too
    assert [words.problem(p) for p in (one, two)] == [
        "redcap_data.csv, row 2: conflict: patient JDM-001 is already in the database with "
        "1 row, the file has 2; nothing was overwritten",
        "redcap_data.csv, row 2: conflict: patient JDM-001 is already in the database with "
        "2 rows, the file has 1; nothing was overwritten"]


def test_a_record_missing_its_sex_is_said_in_french_and_in_english_on_the_cli(
        qtbot, database, tmp_path, capsys):
    """The checks of a whole record (the file's values each read well): in French in the
    window; the command line prints its English, exactly."""
    from app.cli.importing import run as run_import

    main = as_administrator(qtbot, database, tmp_path)
    folder = _exported(database, tmp_path)

    def no_sex(header, rows):
        sex = header.index("pt_sex")
        for row in rows:
            if row[0].endswith("JDM-002"):
                row[sex] = ""

    _rewrite(folder, no_sex)
    ((_title, text, _ok),) = import_shown(main, folder)
    assert flat(text) == ("L'importation a été refusée ; rien n'a été modifié : "
                          "redcap_data.csv, colonne pt_sex : JDM-002 : le sexe est obligatoire")
    args = Namespace(db=str(database.file_path), directory=str(folder), user="admin",
                     password_file=str(password_file(tmp_path)), db_passphrase=None)
    assert run_import(args) == 1
    assert capsys.readouterr().err == (
        "jdm-ctp: The import was rejected; nothing was changed: redcap_data.csv, column "
        "pt_sex: JDM-002: sex is required\n")


def test_every_record_check_is_a_sentence_listed_for_translation():
    """Each check of a record, a pooled export's site ids and a conflict is a Sentence the
    window translates."""
    from app.exports import importing
    from app.exports.import_files import DATA as DATA_FILE
    from app.exports.import_files import ImportProblem
    from app.exports.import_sentences import RECORD_SENTENCES
    from app.forms import terms
    from app.forms.refusal_words import import_words

    listed = terms.LISTED[terms.IMPORT_CHECK]
    assert not [t for t in RECORD_SENTENCES if t not in listed]
    assert [t for t in RECORD_SENTENCES if terms.term(terms.IMPORT_CHECK, t) == t] == []
    problems: list[ImportProblem] = []
    data = [["record_id", "event", "instrument", "instance", "dag"],
            ["jdm-001", "registration_arm_1", "", "", "tor"],
            ["TOR-JDM-002", "registration_arm_1", "", "", "sick"],
            ["SICK-JDM-003", "registration_arm_1", "", "", "sick"]]
    importing.site_ids_read_back(data, problems)
    assert [p.file for p in problems] == [DATA_FILE] * 3
    assert [str(p.reason) for p in problems] == [
        "'jdm-001' is not SITE-studyid (a site code of capitals and digits, a hyphen, the study "
        "id)",
        "the data access group 'sick' is not the record's site code TOR in lower case",
        "records of several sites (SICK, TOR) in one export"]
    assert [flat(import_words(p.reason)) for p in problems] == [
        "'jdm-001' n'est pas de la forme SITE-identifiant (un code de site en majuscules et "
        "chiffres, un trait d'union, l'identifiant d'étude)",
        "le groupe d'accès aux données 'sick' n'est pas le code de site TOR du dossier en "
        "minuscules",
        "des dossiers de plusieurs sites (SICK, TOR) dans une seule exportation"]


# ------------------------------------------------------------------------- backups

def test_back_up_now_into_a_path_that_cannot_be_made_says_its_technical_detail(
        qtbot, database, tmp_path, monkeypatch):
    """Tools → Back up now into a folder that is a file: the operating system's words stay
    as they came, after a French sentence saying they are technical detail."""
    from PySide6.QtWidgets import QMessageBox

    main = as_administrator(qtbot, database, tmp_path)
    (tmp_path / "a file").write_text("x", encoding="utf-8")
    target = tmp_path / "a file" / "backup.sqlite3"
    warned = []
    monkeypatch.setattr(main, "choose_backup_path", lambda: str(target))
    monkeypatch.setattr(main, "warn", lambda title, text: warned.append((title, text)))
    main.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(warned), timeout=30_000)
    ((title, text),) = warned
    detail = re.fullmatch(r"La sauvegarde n'a pas pu être écrite \(détail technique : (.+)\)",
                          flat(text))
    assert title == "Échec de la sauvegarde" and detail, text
    assert "Errno" in detail[1] and str(target.parent) in detail[1]
    box = QMessageBox(QMessageBox.Icon.Warning, title, text)
    qtbot.addWidget(box)
    box.show()
    assert_french(box, "détail technique", data=(detail[1],))
    shoot(box, "backup-technical-detail")


def _refusal(call, *args, **kwargs):
    from app.db.backup import BackupError

    with pytest.raises(BackupError) as refused:
        call(*args, **kwargs)
    return refused.value


def test_a_backup_refused_verified_or_restored_is_said_in_french(qtbot, database, tmp_path):
    """What backing up, verifying and restoring say when they refuse, each a Sentence: in
    French in the error box, in its English word for word where ``str()`` reads it (the
    command line, the log)."""
    from app.db import backup
    from app.db.automatic_backups import rotate_backups
    from app.db.backup import (
        BackupVerificationError,
        WrongPassphraseError,
        backup_database,
        encrypt_bytes,
    )
    from app.db.backup_check import verify_backup
    from app.forms.error_box import error_box

    sealed = backup_database(database.file_path, tmp_path / "b.jdmbak", "right horse",
                             actor=database.actor)
    cut = tmp_path / "cut.jdmbak"
    cut.write_bytes(sealed.read_bytes()[:20])
    damaged = tmp_path / "damaged.jdmbak"
    damaged.write_bytes(sealed.read_bytes()[:8] + bytes([1, 40, 8, 1]) + sealed.read_bytes()[12:])
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database", encoding="utf-8")
    missing = tmp_path / "missing.sqlite3"
    paths = (*(str(p) for p in (sealed, cut, damaged, text, missing)), str(tmp_path))
    cases = [
        (_refusal(verify_backup, sealed, "wrong horse"), WrongPassphraseError,
         "The passphrase is wrong, or the backup file has been damaged or cut short: it could "
         "not be decrypted. Nothing has been changed.",
         "La phrase de passe est erronée, ou le fichier de sauvegarde a été endommagé ou "
         "tronqué : il n'a pas pu être déchiffré. Rien n'a été modifié."),
        (_refusal(verify_backup, cut, "right horse"), BackupVerificationError,
         "The encrypted backup is truncated (too short).",
         "La sauvegarde chiffrée est tronquée (trop courte)."),
        (_refusal(verify_backup, damaged, "right horse"), BackupVerificationError,
         "The encrypted backup's header is damaged.",
         "L'en-tête de la sauvegarde chiffrée est endommagé."),
        (_refusal(verify_backup, missing), backup.BackupError,
         f"There is no backup file at {missing}.",
         f"Il n'y a aucun fichier de sauvegarde à {missing}."),
        (_refusal(verify_backup, sealed), backup.BackupError,
         f"{sealed} is an encrypted backup; give its passphrase (--passphrase-file) to restore "
         "it.",
         f"{sealed} est une sauvegarde chiffrée ; donnez sa phrase de passe "
         "(--passphrase-file) pour la restaurer."),
        (_refusal(rotate_backups, database.file_path, 0), backup.BackupError,
         "At least one automatic backup must be kept.",
         "Au moins une sauvegarde automatique doit être conservée."),
        (_refusal(encrypt_bytes, b"x", ""), backup.BackupError,
         "The backup passphrase cannot be empty.",
         "La phrase de passe de la sauvegarde ne peut pas être vide."),
    ]
    # not a database: what opening its private copy said, in French too
    refused = _refusal(verify_backup, text)
    opened = refused.args[0].phrase.values[1]  # the opening's own sentence
    copy = opened.phrase.values[0]  # the private copy opened (removed since)
    assert str(refused) == (f"The backup {text} is not usable: The file {copy} is not a "
                            "jdm-ctp database (it is not a SQLite file). It has not been "
                            "changed. Choose a different file.")
    for error, kind, english, french_words in cases:
        assert type(error) is kind and str(error) == english
        box = error_box(error.args[0])
        qtbot.addWidget(box)
        assert flat(box.text()) == french_words
        assert_french(box, data=paths)
    box = error_box(refused.args[0])
    qtbot.addWidget(box)
    assert flat(box.text()) == (f"La sauvegarde {text} est inutilisable : Le fichier {copy} "
                                "n'est pas une base de données de jdm-ctp (ce n'est pas un fichier "
                                "SQLite). Il n'a pas été modifié. Choisissez un autre fichier.")
    assert_french(box, data=(copy, *paths))


def test_a_restore_from_no_backup_keeps_its_english_on_the_command_line(database, tmp_path,
                                                                         capsys):
    from database_fixtures import add_people

    from app.cli import main

    add_people(database)
    database.dispose()  # a restore replaces a database no one has open
    missing = tmp_path / "missing.sqlite3"
    code = main(["restore", "--db", str(database.file_path), str(missing), "--user", "admin",
                 "--password-file", str(password_file(tmp_path))])
    assert code == 1
    assert capsys.readouterr().err == f"jdm-ctp: There is no backup file at {missing}.\n"


# ---------------------------------------------------------------------- encryption

def test_the_encryption_changes_refusals_are_said_in_french(qtbot, database, tmp_path,
                                                            monkeypatch):
    """Tools → Database encryption: the same passphrase again, a database another program
    holds and a failed conversion, in French (the system's words as technical detail); the
    English of ``str()`` as the command line prints it."""
    from app.db import encryption_setup, opening, opening_sentences
    from app.forms import encryption_dialog
    from app.forms.encryption_dialog import (
        CHANGE,
        ENCRYPT,
        EncryptionChangeError,
        change_encryption,
    )

    main = as_administrator(qtbot, database, tmp_path)
    passphrase = "a long enough passphrase"
    change_encryption(database, database.actor, ENCRYPT, "", passphrase, passphrase)
    with pytest.raises(EncryptionChangeError) as same:
        change_encryption(database, database.actor, CHANGE, passphrase, passphrase, passphrase)
    assert same.value.field == "new"
    assert str(same.value) == ("La nouvelle phrase de passe est identique à la phrase de passe "
                               "actuelle.")
    with pytest.raises(encryption_setup.encryption.PassphraseError) as english:
        encryption_setup.change_database_passphrase(database.file_path, passphrase, passphrase,
                                                    actor=database.actor)
    assert str(english.value) == "The new passphrase is the same as the current one."

    def held(path, passphrase=None):
        raise opening.DatabaseInUseError(sentence(opening_sentences.BEING_CHANGED, str(path)))

    monkeypatch.setattr(encryption_dialog, "change_database_passphrase",
                        lambda path, *_a, **_k: held(path))
    new = "another long passphrase"
    with pytest.raises(EncryptionChangeError) as in_use:
        change_encryption(database, database.actor, CHANGE, passphrase, new, new)
    assert flat(str(in_use.value)) == (
        f"La base de données {database.file_path} est en cours de modification par un autre "
        "programme ou une autre copie de jdm-ctp. Fermez-la à cet endroit et réessayez. Rien n'a "
        "été modifié.")

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(encryption_dialog, "change_database_passphrase", full_disk)
    with pytest.raises(EncryptionChangeError) as failed:
        change_encryption(database, database.actor, CHANGE, passphrase, new, new)
    assert flat(str(failed.value)) == ("Le chiffrement n'a pas pu être modifié (détail "
                                       "technique : [Errno 28] No space left on device).")
    dialog = main.make_encryption_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_error(failed.value)
    assert_french(dialog, "détail technique", data=(database.display_name,
                                                    "[Errno 28] No space left on device"))
    shoot(dialog, "encryption-failed")


# ------------------------------------------------------------------------ opening

def test_a_file_that_is_no_database_keeps_its_english_on_the_command_line(capsys, tmp_path):
    from app.cli import main

    path = tmp_path / "clinic.sqlite3"
    path.write_text("a letter, not a database", encoding="utf-8")
    assert main(["db", "upgrade", "--db", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"jdm-ctp: The file {path} is not a jdm-ctp database (it is not a SQLite file). It "
        "has not been changed. Choose a different file.\n")
