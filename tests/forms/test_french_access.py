"""The last English of the sign-in, the permissions, the start, the dosing and the drug names
(issue 21), walked in French: an action refused for the role or for nobody signed in, the
sign-in window's and the lock screen's refusals, a database that cannot be opened at start,
a corticosteroid dose refused on the enrollment's concomitant page, every drug the shipped
plans name, and a prior therapy's dates refused. The domain and the storage layer write each
once, in English, as a Sentence: the command line reads exactly the words it always read."""

from __future__ import annotations

import re
import sqlite3

import pytest
from database_fixtures import STAFF_PASSWORD, add_people, db_argument, password_file
from test_french import (
    WORD,
    assert_french,
    english_only_words,
    enrollment_wizard_at_details,
    fill_details,
    shoot,
)
from test_french_file_windows import start_refusals

from app.catalog import protocol_catalog
from app.domain.permissions import AccountNotActive, Permission
from app.domain.protocol.vocabulary import plan_drug_names
from app.forms import terms
from app.forms.language import INTERFACE

pytestmark = pytest.mark.usefixtures("system_actor", "french")

WORKSTATION = ("Ada Admin", "admin", "Nurse", "nurse", "Doc", "doc")


def flat(text: str) -> str:
    """French spaces before ":" ";" (no-break, narrow) read as plain spaces."""
    return re.sub("[\u00a0\u202f]", " ", text)


def no_english(text: str, data: tuple[str, ...] = ()) -> str:
    """``text`` holds no English word of the .ts (once ``data`` is taken out)."""
    for value in data:
        text = text.replace(value, " ")
    left = {w.lower() for w in WORD.findall(text)} & english_only_words()
    assert not left, f"English left: {sorted(left)} in {text!r}"
    return text


def told(main) -> list[tuple[str, str]]:
    """What the main window's warning boxes say, instead of showing them."""
    said: list[tuple[str, str]] = []
    main.warn = lambda title, text: said.append((title, text))
    return said


# ------------------------------------------------------------------ permissions refused

def test_a_nurse_refused_an_administrators_action_is_told_in_french(qtbot, database):
    from app.forms.main_window import MainWindow

    people = add_people(database)
    database.actor = people["nurse"]
    main = MainWindow(database, user="nurse")
    qtbot.addWidget(main)
    said = told(main)
    main.change_encryption()  # the menu's own check
    main.manage_users()  # the service's refusal (app.db.access)
    assert [(title, flat(text)) for title, text in said] == [
        ("Non autorisé", "La session de Nurse a le rôle Saisie des données, qui ne peut "
         "pas chiffrer ou déchiffrer la base de données, ou en changer la clé. Adressez-vous à "
         "une personne qui a le rôle voulu."),
        ("Non autorisé", "La session de Nurse a le rôle Saisie des données, qui ne peut "
         "pas gérer les comptes d'utilisateur. Adressez-vous à une personne qui a le rôle "
         "voulu.")]
    for _title, text in said:
        no_english(text, WORKSTATION)


def test_an_export_refused_for_the_role_is_said_in_french(qtbot, database, tmp_path):
    """The export runs off the GUI thread; its refusal is said when it comes back."""
    from app.forms.export_dialog import ExportDialog

    people = add_people(database)
    database.actor = people["nurse"]
    dialog = ExportDialog(database, user="nurse")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.export_failed, timeout=20000) as failed:
        assert dialog.start_export()
    assert flat(failed.args[0]) == (
        "La session de Nurse a le rôle Saisie des données, qui ne peut pas exporter des "
        "données dépersonnalisées. Adressez-vous à une personne qui a le rôle voulu.")
    assert_french(dialog, data=(*WORKSTATION, str(tmp_path / "out")))
    assert not (tmp_path / "out").exists()


def test_nobody_signed_in_and_a_withdrawn_account_are_said_in_french():
    from app.forms.main_window import _refusal
    from app.forms.refusal_words import access_words

    assert flat(_refusal(None, Permission.BACKUP)) == (
        "Aucune session n'est ouverte ; connectez-vous pour sauvegarder la base de données.")
    gone = AccountNotActive("nurse", Permission.ENTER_DATA)
    assert flat(access_words(gone)) == (
        "Le compte nurse a été désactivé par un administrateur : il ne peut donc pas saisir "
        "ou modifier des données cliniques. Rien n'a été modifié.")
    every = [access_words(AccountNotActive("nurse", permission, missing=missing))
             for permission in Permission for missing in (False, True)]
    for text in every:
        no_english(text, ("nurse",))


# "connecté" agreeing with a person would give them a gender; with the noun "personne"
# ("la personne connectée") it agrees with the word, whoever is signed in.
GENDERED = re.compile(r"(?<!personne )\bconnecté(?:e|s|es)?\b", re.IGNORECASE)


def test_no_french_sentence_gives_the_person_signed_in_a_gender():
    """Whoever is signed in, or whose account it is, the French says it the same way: the
    session or the account, never "connecté" or "le seul administrateur" agreeing with
    the person (issue 21). The English stays word for word."""
    import xml.etree.ElementTree as ET

    from PySide6.QtCore import QCoreApplication

    from app.db.users import LAST_ADMINISTRATOR, ONLY_ADMINISTRATOR
    from app.forms.language import translations_dir

    root = ET.parse(translations_dir() / "jdm_ctp_fr.ts").getroot()
    french = [node.text or "" for node in root.iter("translation")]
    french += [node.text or "" for node in root.iter("numerusform")]
    assert [text for text in french if GENDERED.search(text)] == []
    assert [text for text in french if "seul administrateur" in text] == []
    assert flat(terms.term(terms.USERS_CHECK, ONLY_ADMINISTRATOR)) == (
        "Le compte %1 est le seul compte administrateur actif ; donnez d'abord le rôle "
        "Administrateur à un autre compte.")
    assert flat(terms.term(terms.USERS_CHECK, LAST_ADMINISTRATOR)) == (
        "Le compte %1 est le seul compte administrateur actif : il ne peut pas être "
        "désactivé.")
    assert QCoreApplication.translate("UsersDialog", "%1 is unlocked.") == (
        "Le compte %1 est déverrouillé.")
    assert (ONLY_ADMINISTRATOR, LAST_ADMINISTRATOR) == (
        "%1 is the only active administrator; make someone else an administrator first.",
        "%1 is the only active administrator and cannot be deactivated.")


def test_the_refusals_keep_their_english_for_the_command_line(database, tmp_path, capsys):
    """The command line (and str()) say the English, word for word."""
    from app.cli import main
    from app.forms.main_window import _refusal

    people = add_people(database)
    INTERFACE.switch("en")
    assert _refusal(people["nurse"], Permission.MANAGE_USERS) == (
        "Nurse is signed in as Data entry, which may not manage user accounts. Ask a user with "
        "the right role.")
    assert str(AccountNotActive("nurse", Permission.VIEW_DATA, missing=True)) == (
        "The account nurse no longer exists, so it may not view patient data. Nothing was "
        "changed.")
    INTERFACE.switch("fr")
    code = main(["export", "--db", db_argument(database), "--out", str(tmp_path / "out"),
                 "--profile", "identified", "--confirm-identified", "--user", "nurse",
                 "--password-file", str(password_file(tmp_path))])
    assert code == 1
    assert capsys.readouterr().err == (
        "jdm-ctp: Nurse is signed in as Data entry, which may not export identified data "
        "(names, MRN, dates of birth). Ask a user with the right role.\n")
    code = main(["export", "--db", db_argument(database), "--out", str(tmp_path / "out"),
                 "--user", "nobody", "--password-file", str(password_file(tmp_path))])
    assert code == 1
    assert "The user name or password is not correct." in capsys.readouterr().err


def test_every_access_sentence_is_listed_and_said_in_french():
    from app.db.users import SIGN_IN_SENTENCES
    from app.domain.permissions import ACCESS_SENTENCES, PERMISSION_ACTIONS

    listed = (*ACCESS_SENTENCES, *PERMISSION_ACTIONS.values(), *SIGN_IN_SENTENCES)
    assert sorted(listed) == sorted(terms.LISTED[terms.ACCESS_CHECK])
    assert [t for t in listed if terms.term(terms.ACCESS_CHECK, t) == t] == []


# ------------------------------------------------------------------- signing in, unlocking

def test_the_sign_in_windows_refusals_are_french(qtbot, database):
    from app.forms.login_dialog import LoginDialog, database_sign_in

    people = add_people(database)
    dialog = LoginDialog(database_sign_in(database), database_name="clinic.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    said = {}
    for name, password in (("nobody", STAFF_PASSWORD), ("nurse", "wrong password"),
                           *[("doc", "wrong password")] * 5):
        dialog.user_name.setText(name)
        dialog.password.setText(password)
        dialog.try_sign_in()
        said[name] = flat(dialog.error.text())
        assert_french(dialog, data=("clinic.sqlite3", name))
        assert dialog.user_name.text() == name and dialog.password.text() == ""
    assert said["nobody"] == said["nurse"] == (
        "Le nom d'utilisateur ou le mot de passe est incorrect.")
    assert re.fullmatch(r"Le compte doc est verrouillé jusqu'à \d\d? h \d\d après 5 mots de passe "
                        r"erronés\. Réessayez à ce moment-là, ou demandez à un administrateur "
                        r"de le déverrouiller\.", said["doc"]), said["doc"]
    label = dialog.error  # the longer French message shown whole, not cut
    assert label.height() >= label.heightForWidth(label.width())
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
    shoot(dialog, "sign-in-locked")
    from app.db import users

    with database.session() as session:
        session.info["actor"] = people["admin"]
        users.deactivate_user(session, people["admin"], "nurse", "left the clinic",
                              expected_version=_version(session, "nurse"))
    dialog.user_name.setText("nurse")
    dialog.password.setText(STAFF_PASSWORD)
    dialog.try_sign_in()
    assert flat(dialog.error.text()) == (
        "Le compte nurse a été désactivé. Adressez-vous à un administrateur.")
    assert dialog.actor is None


def _version(session, user_name: str) -> int:
    from app.db import users

    return next(u.version_id for u in users.list_users(session) if u.user_name == user_name)


def test_the_lock_screens_wrong_password_is_french(qtbot, main_window_stand_in, database):
    from app.forms.inactivity_lock import inactivity_lock_for

    people = add_people(database)
    window = main_window_stand_in
    lock = inactivity_lock_for(window, database, people["nurse"], minutes=5)
    lock.lock()
    try:
        assert not lock.try_unlock("wrong password")
        assert lock.cover.error.text() == "Le nom d'utilisateur ou le mot de passe est incorrect."
        assert_french(lock.cover, data=WORKSTATION)
    finally:
        lock.stop()


# --------------------------------------------------------------- a database refused at start

def _too_new(tmp_path, database):
    """A copy of a jdm-ctp database whose schema a newer version wrote."""
    path = tmp_path / "newer.sqlite3"
    source = database.file_path
    assert source is not None  # the forms' database fixture is always a SQLite file
    with sqlite3.connect(source) as old, sqlite3.connect(path) as new:
        old.backup(new)
        new.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    return path


def test_a_database_too_new_is_said_in_french_at_start(qapp, database, tmp_path,
                                                       monkeypatch, capsys):
    from app.db.migrate import head_revision

    path = _too_new(tmp_path, database)
    said = start_refusals(monkeypatch, path)
    assert said == [(
        "Impossible d'ouvrir la base de données",
        f"La base de données {path} a été créée ou mise à niveau par une version plus récente "
        f"de jdm-ctp (schéma ffff9999 ; cette version connaît les schémas jusqu'à "
        f"{head_revision()}). Elle n'a pas été modifiée. Installez la version plus récente de "
        "jdm-ctp pour l'ouvrir.")]
    # the terminal and the log keep the English
    assert "was created or upgraded by a newer version of jdm-ctp" in capsys.readouterr().err


def test_a_file_that_is_no_database_is_said_in_french_at_start(qapp, tmp_path, monkeypatch):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"These are not the droids you are looking for. " * 40)
    said = start_refusals(monkeypatch, path)
    assert said == [(
        "Impossible d'ouvrir la base de données",
        f"Le fichier {path} n'est pas une base de données de jdm-ctp (ce n'est pas un fichier "
        "SQLite). Il n'a pas été modifié. Choisissez un autre fichier.")]
    no_english(said[0][1], (str(path), "jdm-ctp", "SQLite"))


def test_the_command_line_says_a_database_too_new_in_english(database, tmp_path, capsys):
    from app.cli import main
    from app.db.migrate import head_revision

    path = _too_new(tmp_path, database)
    assert main(["db", "upgrade", "--db", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"jdm-ctp: The database {path} was created or upgraded by a newer version of jdm-ctp "
        f"(schema ffff9999; this version knows up to {head_revision()}). It has not been "
        "changed. Install the newer version of jdm-ctp to open it.\n")


def test_every_opening_sentence_is_listed_and_said_in_french():
    from app.db.opening_sentences import OPENING_SENTENCES

    assert sorted(OPENING_SENTENCES) == sorted(terms.LISTED[terms.OPENING])
    assert [t for t in OPENING_SENTENCES if terms.term(terms.OPENING, t) == t] == []


def test_a_failed_upgrade_says_the_refusal_inside_it_in_french(tmp_path):
    """A refusal inside another (a file in use, inside a failed upgrade) keeps its words."""
    from app.db.opening import DatabaseInUseError, DatabaseUpgradeError
    from app.db.opening_sentences import NOT_REPLACED, OPEN_ELSEWHERE
    from app.domain.phrases import said_by, sentence
    from app.forms.refusal_words import opening_words

    inner = DatabaseInUseError(sentence(OPEN_ELSEWHERE, "/clinic/db.sqlite3"))
    outer = DatabaseUpgradeError(sentence(NOT_REPLACED, "/clinic/db.sqlite3", said_by(inner),
                                          "/backups/b.sqlite3"))
    assert str(outer) == (
        "The upgraded database could not replace /clinic/db.sqlite3 (/clinic/db.sqlite3 is open "
        "in another program or another copy of jdm-ctp; close it and try again). The database "
        "has not been changed. A backup taken before the attempt is at /backups/b.sqlite3.")
    assert flat(opening_words(outer)) == (
        "La base de données mise à niveau n'a pas pu remplacer /clinic/db.sqlite3 "
        "(/clinic/db.sqlite3 est ouvert dans un autre programme ou une autre copie de jdm-ctp ; "
        "fermez-le et réessayez). La base de données n'a pas été modifiée. Une sauvegarde faite "
        "avant la tentative se trouve à /backups/b.sqlite3.")


# ------------------------------------------------------------- a corticosteroid dose refused

def test_a_corticosteroid_dose_refused_on_the_concomitant_page_is_french(qtbot, database):
    wizard = enrollment_wizard_at_details(qtbot, database)
    fill_details(wizard)  # 20 kg: at most 40 mg/day
    wizard.next()
    wizard.arm_page.choose("A")
    wizard.next()
    wizard.next()
    page = wizard.concomitant_page
    assert wizard.currentPage() is page
    page.steroid.setText("45.5")
    assert flat(page.steroid_message.text()) == (
        "La dose de prednisone ne peut pas dépasser le maximum de ce protocole, soit 40 mg/jour "
        "pour 20 kg ; 45,5 mg/jour a été saisi.")
    plan = wizard.protocol
    notes = tuple(limit.note for limit in plan.concomitant_limits if limit.note)
    assert_french(wizard, data=(plan.title, plan.named_version, "JDM-002", *notes))
    shoot(wizard, "enrollment-steroid-refused")
    assert page.steroid.text() == "45.5"  # what was typed stays
    INTERFACE.switch("en")
    page.steroid.setText("45")
    assert page.steroid_message.text() == (
        "The prednisone dose cannot be above this protocol's maximum of 40 mg/day for 20 kg; "
        "45 mg/day was entered.")


# ------------------------------------------------------------------------------ drug names

def test_every_drug_of_the_shipped_plans_is_listed_with_a_french_name():
    """The drug catalogue walked: each drug the shipped plans name is listed for
    translation and has its French name (most are spelt the same: anakinra, rituximab)."""
    from app.domain.display_words import drug_name

    drugs = {drug_name(d) for d in plan_drug_names(protocol_catalog().protocols.values())}
    assert drugs <= set(terms.LISTED[terms.DRUG])
    from test_french import FR_TS, messages, translations

    french_of = {m.find("source").text: translations(m) for m in messages(FR_TS)
                 if m.find("source").text in drugs}
    assert sorted(french_of) == sorted(drugs) and all(french_of[d] for d in drugs)
    assert [terms.drug_words(d) for d in ("mycophenolic acid", "certolizumab_pegol",
                                          "etanercept", "mycophenolate mofetil")] == [
        "acide mycophénolique", "certolizumab pégol", "étanercept", "mycophénolate mofétil"]


def test_the_prior_therapy_dialog_names_every_drug_in_french(qtbot, database):
    from app.db.patients import PatientInput, create_patient
    from app.forms.prior_therapy_dialog import PriorTherapyDialog

    with database.session() as session:
        patient = create_patient(session, PatientInput("JDM-007", "Noor", "Haddad",
                                                       _day("2014-03-02"), "female"),
                                 user="nurse")
    dialog = PriorTherapyDialog(database, patient, "dr.ito",
                                protocol_catalog().protocols.values(), _day("2026-11-21"),
                                "JDM-007")
    qtbot.addWidget(dialog)
    dialog.show()
    offered = [dialog.drug.itemText(i) for i in range(dialog.drug.count())]
    assert "acide mycophénolique" in offered and "certolizumab pégol" in offered
    assert "mycophenolic acid" not in offered and "certolizumab pegol" not in offered
    # a refused date in the French date format, as the table writes it
    dialog.drug.setCurrentIndex(dialog.drug.findData("abatacept"))
    dialog.start.set_iso("2026-11-22")
    assert dialog.messages["start_date"].text() == (
        "La date de début 22 nov. 2026 est dans le futur (nous sommes le 21 nov. 2026).")
    dialog.start.set_iso("2026-03-01")
    dialog.stop.set_iso("2026-02-01")
    dialog.reason.setCurrentIndex(dialog.reason.findData("toxicity"))
    assert dialog.messages["stop_date"].text() == (
        "La date d'arrêt 01 févr. 2026 est antérieure à la date de début 01 mars 2026.")
    assert_french(dialog, data=("JDM-007", "Noor", "Haddad"))
    shoot(dialog, "prior-therapy-dates")


def _day(iso: str):
    from datetime import date

    return date.fromisoformat(iso)


# ------------------------------------------------------------------ the visit form

def test_a_visit_save_and_draft_refused_to_a_deactivated_account_are_french(qtbot, database):
    """The form's account was deactivated elsewhere while it was open: the save and the
    draft are refused (what was typed stays), and said in French."""
    from sqlalchemy import select
    from visit_fixtures import enrolled_patient, open_form, type_in

    from app.db import users
    from app.db.models import User

    people = add_people(database)
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["baseline"])
    field = window.section("globals").fields["pga_activity"]
    type_in(field, "7")
    with database.session() as s:  # an administrator elsewhere deactivates the nurse
        s.info["actor"] = people["admin"]
        version = s.scalar(select(User.version_id).where(User.user_name == "nurse"))
        users.deactivate_user(s, people["admin"], "nurse", "left", expected_version=version)
    database.actor = people["nurse"]
    assert window.save() is False
    saved = flat(window.message.text())
    window.autosave_now()
    draft = flat(window.message.text())
    assert field.text() == "7" and window.dirty
    for text in (saved, draft):
        assert "Le compte nurse a été désactivé par un administrateur" in text, text
        no_english(text, ("nurse",))
    assert draft.startswith("Brouillon non enregistré")
