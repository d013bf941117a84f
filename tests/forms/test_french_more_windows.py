"""The windows test_french_every_window does not walk as a nurse, walked in French (issue
21): the administrator's windows (settings, user accounts, encryption, audit trail, sites,
language, about), each opened as the role that may open it; the visit form with every
section shown and a stored value out of range (its message at the field read too), as a
draft and as a signed visit; the message shown for an unexpected error."""

from __future__ import annotations

from datetime import date

import pytest
from database_fixtures import STAFF_PASSWORD, add_people
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from test_french import WORD, assert_french, english_only_words, shoot
from test_french_visit import visible_texts_with_cells
from workstation_windows import TODAY, administrator_windows, clinic, stored_problem_visit

from app import paths
from app.forms.language import INTERFACE
from app.forms.main_window import MainWindow
from app.logs import LOG_NAME, error_message

pytestmark = pytest.mark.usefixtures("system_actor")

ADMIN_NAMES = [name for name, _factory in administrator_windows(None, None)]
DATA = ("JDM-001", "JDM-002", "Zoé", "Nguyễn", "Ada Admin", "admin", "nurse", "dr.ito")
# a visit's form also shows its name and who signed it
VISIT_DATA = (*DATA, "Baseline", "Doc", "doc")


def main_window_as(qtbot, database, user: str, **options) -> MainWindow:
    main = MainWindow(database, user=user, today=TODAY, **options)
    qtbot.addWidget(main)
    return main


def as_administrator(qtbot, database, tmp_path) -> MainWindow:
    people = add_people(database)
    clinic(database)
    database.actor = people["admin"]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return main_window_as(qtbot, database, "admin", settings=settings)


def visit_form_as(qtbot, database, user: str, visit_pk: int):
    """The visit form as ``user`` opens it from the main window."""
    window = main_window_as(qtbot, database, user).open_visit_form(visit_pk)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def filled_visit(database) -> int:
    """The enrolled patient's baseline saved with every section filled in, no problem."""
    return stored_problem_visit(database, clinic(database)["enrolled"], problem=False)


@pytest.fixture
def signed_visit(database, filled_visit) -> int:
    """``filled_visit`` marked complete by the nurse and signed by the doctor, who is
    signed in."""
    from app.db.signatures import sign_visit_committing
    from app.db.visit_completion import mark_complete

    people = add_people(database)
    database.actor = people["nurse"]
    with database.session() as session:
        mark_complete(session, filled_visit, [], user="nurse")
    database.actor = people["doc"]
    sign_visit_committing(database, people["doc"], filled_visit, STAFF_PASSWORD)
    return filled_visit


@pytest.mark.parametrize("name", ADMIN_NAMES)
def test_every_administrator_window_is_french(qtbot, database, tmp_path, french, name):
    main = as_administrator(qtbot, database, tmp_path)
    window = dict(administrator_windows(main, tmp_path))[name]()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # the database's file and the backup folder: where this machine keeps them
    data = (database.display_name, str(paths.data_dir()), str(tmp_path), *DATA)
    if name == "settings":
        data = (window.default_button.toolTip(), window.backup_folder.text(), *data)
    if name == "audit trail":
        # the trail as recorded: its accounts' names and its record types are its codes
        # (test_french.test_audit_view_in_french)
        data = (*data, *trail_codes(database))
    if name == "language":
        data = (*data, "English")  # each language named in its own words
    assert_french(window, data=data)
    shoot(window, name.replace(" ", "-"))


def trail_codes(database) -> tuple[str, ...]:
    from app.db import audit_queries

    with database.reading() as session:
        return (*audit_queries.distinct_users(session),
                *audit_queries.distinct_entities(session))


def test_encryption_problems_are_said_at_their_field_in_french(qtbot, database, tmp_path,
                                                              french):
    """The passphrase checks are the storage's (app.db.encryption, English for the command
    line); the dialog shows them in French at the field each names."""
    main = as_administrator(qtbot, database, tmp_path)
    dialog = main.make_encryption_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new.setText("short")
    dialog.repeated.setText("short")
    dialog.apply()
    assert dialog.errors["new"].isVisibleTo(dialog)
    assert not dialog.errors["repeated"].isVisibleTo(dialog)
    assert dialog.errors["new"].text() == (
        "La phrase de passe de la base de données doit compter au moins 10 caractères. "
        "Une courte phrase est facile à retenir et difficile à deviner.")
    dialog.new.setText("a long enough passphrase")
    dialog.repeated.setText("a long enough passphrasf")
    dialog.apply()
    assert not dialog.errors["new"].isVisibleTo(dialog)
    assert dialog.errors["repeated"].text() == (
        "Les deux phrases de passe ne sont pas identiques\u202f; tapez-les de nouveau.")
    dialog.new.setText(" spaced passphrase here")
    dialog.repeated.setText(" spaced passphrase here")
    dialog.apply()
    assert dialog.errors["new"].text().startswith(
        "La phrase de passe de la base de données ne peut ni commencer ni finir par une "
        "espace")
    # the longer French sentence is shown whole: the dialog grew to hold it (it was cut)
    message = dialog.errors["new"]
    assert message.height() >= message.heightForWidth(message.width())
    assert_french(dialog, data=(database.display_name,))
    shoot(dialog, "encryption-problem")
    assert not database.encrypted  # nothing was changed


def test_the_unexpected_error_message_is_french(qapp, french):
    from app.forms.error_box import unexpected_error_box

    box = unexpected_error_box(RuntimeError("boom"))
    assert box.windowTitle() == "Erreur inattendue"
    assert_french(box, "Une erreur inattendue s'est produite", "fichier journal",
                  data=("boom", str(paths.log_dir() / LOG_NAME)))
    assert box.text().startswith("Une erreur inattendue s'est produite : boom\n\nCe que vous")
    # the English, for the log reader and the tests, as it always read
    assert str(error_message(RuntimeError("boom"))).startswith(
        "Something unexpected went wrong: boom\n\nWhat you entered stays")
    box.deleteLater()


# ------------------------------------------------------------------------ the visit form

def walk_visit_form(window, data: tuple[str, ...]) -> list[str]:
    """Every section shown in turn, each read as test_french reads a window, and the
    cells of its tables and the section list too."""
    english = english_only_words()
    walked = []
    for key in window.section_keys:
        window.show_section(key)
        assert_french(window, data=data)
        cells = visible_texts_with_cells(window)
        for value in data:
            cells = [text.replace(value, " ") for text in cells]
        left = [text for text in cells if {w.lower() for w in WORD.findall(text)} & english]
        assert not left, f"{key}: English left in cells:\n" + "\n".join(left)
        walked.append(key)
    return walked


def schedule_words() -> tuple[str, ...]:
    """The plans' schedules as their files name them, and the schedules' and doses'
    sources: the dose re-check quotes them (the plan-text catalogue has no French for the
    schedules yet; sources are cited as published)."""
    from app.catalog import protocol_catalog
    from app.domain.source_words import source_in_words

    plans = protocol_catalog().protocols.values()
    return (*(text for plan in plans for spec in plan.schedules
              for text in (source_in_words(spec.source), spec.label)),
            *(source_in_words(rule.source) for plan in plans for arm in plan.arms
              for rule in arm.doses))


def test_the_visit_form_with_a_stored_problem_is_french(qtbot, database, tmp_path, french):
    """As a nurse opens it from the patient page: a stored MMT8 value out of range shows
    its message at the field, in French, in every section's walk."""
    visit_pk = stored_problem_visit(database, clinic(database)["enrolled"])
    window = visit_form_as(qtbot, database, "nurse", visit_pk)
    window.resize(1366, 768)
    qtbot.waitExposed(window)
    message = window.section("mmt8").fields["mmt_quadriceps"].message
    walked = walk_visit_form(window, (*DATA, "Baseline", *schedule_words()))
    assert {"globals", "cmas", "chaq", "mmt8", "enzymes", "skin", "medications",
            "adverse_events"} <= set(walked)
    # the arm in the header and the dose re-check name the drug in French
    assert window.title.text().endswith(" · Bras A — IgIV")  # was "Arm A — IVIG"
    assert "<b>IgIV</b> : " in window.section("medications").recheck.text()
    window.show_section("mmt8")
    assert message.isVisibleTo(window)
    assert message.text() == (
        'MMT8 : quadriceps doit être un nombre entier de 0 à 10\u202f; « 11 » a été saisi.')


def test_a_signed_visit_form_is_french(qtbot, database, signed_visit, french):
    """The bar of a signed visit (locked: unlock, history) and its sections."""
    window = visit_form_as(qtbot, database, "doc", signed_visit)
    window.resize(1366, 768)
    qtbot.waitExposed(window)
    walk_visit_form(window, (*VISIT_DATA, *schedule_words()))
    assert window.unlock_button.isVisibleTo(window)
    assert_french(window, "Déverrouiller", data=VISIT_DATA)


def test_recorded_medicines_are_named_in_french(french):
    """The printed summary's "Medications recorded" finding names each drug as the
    interface writes it, not by the code it is stored under, and a chosen frequency in
    words; the English stays as it always printed (the codes, the stored words)."""
    from app.domain.instruments.registry import instrument
    from app.domain.visit_values import ItemEntry
    from app.forms import terms

    values = {"medications": {
        "mycophenolate_mofetil_dose": ItemEntry(value_num=600.0, unit="mg"),
        "mycophenolate_mofetil_frequency": ItemEntry(value_text="twice daily"),
        "ivig_dose": ItemEntry(value_num=40.0, unit="g"),
        "prednisone_dose": ItemEntry(value_num=5.0, unit="mg"),
        "prednisone_frequency": ItemEntry(value_text="daily")}}  # typed: as typed
    (finding,) = instrument("medications").findings(values)
    assert str(finding.text) == ("Medications recorded: mycophenolate_mofetil 600 mg twice "
                                 "daily; ivig 40 g; prednisone 5 mg daily")
    assert terms.phrases(terms.FINDING, finding.text) == (
        "Médicaments consignés : mycophénolate mofétil 600 mg deux fois par jour\u202f; "
        "IgIV 40 g\u202f; prednisone 5 mg daily")


def test_the_medications_table_shows_french_words_and_keeps_the_stored_ones(qtbot, database,
                                                                           filled_visit,
                                                                           french):
    """The drug, unit and frequency lists in French; what is kept is the plans' drug and
    the coded value's English, as before."""
    window = visit_form_as(qtbot, database, "nurse", filled_visit)
    section = window.section("medications")
    shown = [[section.table.cellWidget(r, c).currentText() for c in (0, 2, 3)]
             for r in range(section.table.rowCount())]
    assert shown == [["hydroxychloroquine", "mg", "une fois par jour"],
                     ["méthotrexate", "mg", "chaque semaine"]]
    values = window.collect_values()["medications"]
    assert values["methotrexate_frequency"].value_text == "weekly"
    assert values["hydroxychloroquine_frequency"].value_text == "once daily"
    section.add_row("mycophenolate mofetil", "600", "mg", "twice daily")
    assert section.table.cellWidget(2, 0).currentText() == "mycophénolate mofétil"
    section.table.cellWidget(2, 3).setCurrentText("deux fois par jour")
    values = window.collect_values()["medications"]
    assert values["mycophenolate_mofetil_frequency"].value_text == "twice daily"
    assert values["mycophenolate_mofetil_dose"].value_num == 600.0


# ------------------------------------------------------------ the response's agreement

@pytest.mark.parametrize(("category", "french_words", "english_words"), [
    ("none", "aucune réponse", "no response"),  # was "réponse aucun(e)", "none response"
    ("minimal", "réponse minime", "minimal response"),
    ("moderate", "réponse modérée", "moderate response"),
    ("major", "réponse majeure", "major response"),
])
def test_the_response_category_is_said_whole_and_agrees(qapp, category, french_words,
                                                        english_words):
    """The TIS headline says the category as one phrase in each language (the form's
    response section and the printed summary), so French agrees "réponse" with its
    adjective and says "aucune réponse"; every category of the domain has its phrase."""
    from app.domain.response.total_improvement import TisCategory
    from app.forms.print_words import print_words
    from app.forms.visit_sections import response
    from app.reports import visit_summary_pdf

    assert {c.value for c in TisCategory} == set(response.RESPONSE_WORDS) == set(
        visit_summary_pdf.RESPONSE_WORDS)
    INTERFACE.switch("fr")
    try:
        assert response.response_words(category) == french_words
        assert visit_summary_pdf.response_words(print_words("fr"), category) == french_words
    finally:
        INTERFACE.switch("en")
    assert response.response_words(category) == english_words
    assert visit_summary_pdf.response_words(print_words("en"), category) == english_words


def test_the_skin_answers_need_no_agreement_in_french(french):
    """The skin findings are mostly feminine ("Éruption héliotrope", "Calcinose"), some
    plural ("Mains de mécanicien"): their presence and change answers are said as nouns
    ("présence", "aggravation"), which agree with none, instead of "présent", "nouveau"."""
    from app.domain.instruments.registry import instrument
    from app.domain.instruments.skin import CHANGE_ANSWERS, PRESENCE_ANSWERS
    from app.domain.visit_values import ItemEntry
    from app.forms import terms

    assert [terms.item_words(a.label) for a in (*PRESENCE_ANSWERS, *CHANGE_ANSWERS)] == [
        "Absence", "Présence", "En amélioration", "Stable", "Aggravation", "Apparition"]
    values = {"skin": {"skin_heliotrope": ItemEntry(value_text="present"),
                       "skin_heliotrope_change": ItemEntry(value_text="worse"),
                       "skin_mechanic_hands": ItemEntry(value_text="absent")}}
    (finding,) = [f for f in instrument("skin").findings(values) if f.heading]
    said = terms.phrases(terms.FINDING, finding.text)
    assert "Éruption héliotrope : présence (aggravation)" in said
    assert "Mains de mécanicien : absence" in said


# ---------------------------------------------- the visit form's dialogs and questions

def test_the_visit_forms_dialogs_are_french(qtbot, database, filled_visit, french):
    """Mark complete with items missing, sign, unlock and the close question, as each is
    shown from the visit form (their words were English)."""
    from app.forms.visit_form import KEEP_DRAFT, MissingReasonsDialog

    visit_pk = filled_visit
    database.actor = add_people(database)["doc"]
    main = main_window_as(qtbot, database, "doc")
    window = main.open_visit_form(visit_pk)  # deleted when closed below
    data = VISIT_DATA
    missing = MissingReasonsDialog(list(window.unmet()), window, window.requirement_words)
    missing.show()
    missing._accept()  # no reason chosen: the message under the list
    assert_french(missing, "Éléments requis non saisis", "Tout mettre à :", "Non fait",
                  "Donnez un motif pour chaque élément", data=data)
    shoot(missing, "required-items")
    asked = []
    window.ask_close = lambda _parent, title, text, buttons: asked.append(
        (title, text, buttons)) or buttons[1]
    window.section("globals").fields["pga_activity"].edit.setText("5")
    window.close()
    ((title, text, buttons),) = asked
    assert title == "Fermer la visite" and text.startswith("Cette visite a des modifications")
    assert buttons == ["Enregistrer", "Garder comme brouillon", "Abandonner les modifications",
                       "Annuler"]
    qtbot.waitUntil(lambda: visit_pk not in main.visit_windows)  # closed, draft kept
    assert KEEP_DRAFT == "Keep as draft"  # what "Garder comme brouillon" stood for
    window = main.open_visit_form(visit_pk)
    qtbot.addWidget(window)
    sign = window.make_sign_dialog()
    qtbot.addWidget(sign)
    sign.show()
    sign.try_sign()  # no password
    assert_french(sign, "Signer la visite", "Vous signez la visite", "Révisée et approuvée",
                  "Entrez votre mot de passe pour signer.", data=data)
    shoot(sign, "sign")
    statement = sign.findChildren(QLabel)[0]
    assert statement.text().startswith("Vous signez")
    assert statement.height() >= statement.heightForWidth(statement.width())  # not cut


def test_the_unlock_dialog_is_french(qtbot, database, signed_visit, french):
    window = visit_form_as(qtbot, database, "doc", signed_visit)
    assert window.banner.text().startswith(
        "Cette visite est signée : elle est affichée en lecture seule. Signée par Doc (doc) le ")
    assert window.banner.text().endswith(": Révisée et approuvée — signature valide.")
    unlock = window.make_unlock_dialog()
    qtbot.addWidget(unlock)
    unlock.show()
    unlock.try_unlock()  # no reason
    assert_french(unlock, "Déverrouiller la visite signée", "Motif",
                  "Donnez le motif du déverrouillage", data=VISIT_DATA)


def test_the_database_passphrase_question_is_french(qtbot, french):
    from pathlib import Path

    from app.forms.passphrase_dialog import DatabasePassphraseDialog

    dialog = DatabasePassphraseDialog(Path("clinic.sqlite3"), "")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._accept_if_typed()  # nothing typed
    assert_french(dialog, "Base de données chiffrée", "est chiffrée",
                  "Tapez la phrase de passe de la base de données, ou Annuler pour fermer.",
                  data=("clinic.sqlite3",))


def test_the_response_summary_and_measures_are_spaced_in_french(qtbot, database, french):
    """French puts a space before ":" and a narrow one before ";" (test_french_typography):
    the response's summary line and its measure names were glued in English fashion."""
    from datetime import date as day

    from test_french_visit import BASELINE, MONTH_1
    from visit_fixtures import enrolled_patient, open_form

    from app.db.visit_saving import save_visit
    from app.db.visits import load_visit

    _pid, _eid, visits = enrolled_patient(database)
    for visit, values, on in (("baseline", BASELINE, day(2026, 5, 4)),
                              ("month_1", MONTH_1, day(2026, 6, 4))):
        with database.session() as s:
            version = load_visit(s, visits[visit]).header.version_id
            save_visit(s, visits[visit], values, [], user="nurse", expected_version=version,
                       visit_date=on)
    window = open_form(qtbot, database, visits["month_1"])
    response = window.section("response")
    assert response.score.text() == (
        "TIS 87,5 majeure\u202f; PRINTO : non inactive\u202f; IMACS : amélioration")
    measures = [response.table.item(row, 0).text() for row in range(response.table.rowCount())]
    assert "Force musculaire (MMT8 ou CMAS) : MMT8 (unilatéral, 0-80)" in measures
    assert "Enzyme musculaire la plus anormale : CK × LSN" in measures


def test_a_grouped_limit_is_not_read_as_a_decimal_in_french(french):
    """"10,000,000" in a French message reads as ten with six decimals: the enzyme's limits
    are grouped with a narrow no-break space in French; the English keeps its commas."""
    from app.domain.instruments.enzymes import EnzymeMeasurement, validate_enzyme
    from app.forms import terms

    problems = validate_enzyme(EnzymeMeasurement("ck", "x", "U/L", "0", "U/L"))
    assert "from 0 to 10,000,000;" in problems["value"]
    assert "from 0.001 to 100,000;" in problems["uln"]
    assert "de 0 à 10\u202f000\u202f000\u202f;" in terms.phrases(terms.MESSAGE, problems["value"])
    assert "de 0,001 à 100\u202f000\u202f;" in terms.phrases(terms.MESSAGE, problems["uln"])


def test_the_lock_screen_is_french(qtbot, main_window_stand_in, database, french):
    """What covers the windows after the idle minutes (every user sees it)."""
    from app.forms.inactivity_lock import LockCover

    people = add_people(database)
    window = main_window_stand_in
    cover = LockCover(window, people["nurse"], with_form=True)
    cover.fit()
    cover.show()
    assert_french(cover, "jdm-ctp est verrouillé", "Personne connectée", "Déverrouiller",
                  data=("Nurse", "nurse"))
    other = LockCover(window, people["nurse"], with_form=False)
    other.fit()
    other.show()
    assert_french(other, "Déverrouillez-le dans la fenêtre principale.")


def test_the_enroll_refusal_is_said_in_french(qtbot, database, french):
    """Patient → Enroll on a patient already enrolled: the status bar says why, in French."""
    clinic(database)
    main = main_window_as(qtbot, database, "nurse")
    main.show()
    qtbot.waitUntil(lambda: main.selected_patient_id() is not None or main.painted)
    main.select_study_id("JDM-001")  # enrolled on arm A
    main.enroll_selected_patient()
    assert main.statusBar().currentMessage().startswith(
        "Aucune évaluation d'admissibilité favorable")


def test_a_database_check_that_cannot_run_is_said_in_french(database, monkeypatch, french):
    from app.forms import startup_checks

    def cannot(_database):
        raise OSError("disk gone")

    monkeypatch.setattr(startup_checks, "check_open_database", cannot)
    check = startup_checks.DatabaseHealthCheck(database)
    check.run()  # on this thread: the worker's own code
    assert check.problem == ("Le fichier de la base de données n'a pas pu être vérifié "
                             "(disk gone). Si l'enregistrement échoue, restaurez la sauvegarde "
                             "la plus récente.")


def test_the_audit_trail_says_blank_and_its_tooltip_in_french(qtbot, french):
    """An entry's missing value and the time tooltip, in French; the values as recorded."""
    from datetime import UTC, datetime

    from PySide6.QtCore import Qt

    from app.db.audit_queries import AuditFilter, AuditRow
    from app.forms.audit_view import AuditView

    row = AuditRow(7, datetime(2026, 11, 21, 15, 0, tzinfo=UTC), "nurse", "update", "visit",
                   "3", "pga_activity", None, "5", None)
    view = AuditView(lambda _criteria: [row], AuditFilter(), users=("nurse",),
                     entities=("visit",), today=TODAY)
    qtbot.addWidget(view)
    view.refresh()
    model = view.model
    assert model.index(0, 6).data() == "(vide)" and model.index(0, 7).data() == "5"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        "Entrée d'audit 7\u202f; UTC 2026-11-21T15:00:00+00:00")


def test_the_site_other_box_is_french(qtbot, french):
    """The patient dialog's site, "Other" chosen: its text box's hint in French."""
    from app.forms.patient_dialog import PatientDialog

    dialog = PatientDialog(lambda _data: None, today=TODAY, sites=("Toronto",))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.site.box.setCurrentIndex(dialog.site.box.count() - 1)  # Other
    assert dialog.site.other.isVisibleTo(dialog)
    assert dialog.site.other.placeholderText() == (
        "autre — reste dans les dossiers de cette clinique")
    assert dialog.site.other.accessibleName() == "Site, autre"
    assert_french(dialog, data=("Toronto",))


def test_the_kendall_scale_note_is_spaced_in_french(qtbot, french):
    """The MMT8 section's scale note joins its grades with the French "\u202f; "."""
    from app.forms.visit_sections.registry import SectionContext, make_section

    section = make_section("mmt8", SectionContext(follow_up=False, shown=None, today=TODAY,
                                                  enrollment_date=date(2026, 5, 4)))
    qtbot.addWidget(section)
    notes = [label.text() for label in section.findChildren(QLabel)
             if label.text().startswith("Échelle de Kendall")]
    assert len(notes) == 1 and "perçue\u202f; " in notes[0] and "perçue; " not in notes[0]


def test_the_change_passphrase_dialog_and_its_report_are_french(qtbot, database, tmp_path,
                                                                 french):
    """An encrypted database: the dialog offers change / stop encrypting, says a wrong
    current passphrase and a mistyped new one at their fields, in French; the report of
    the change too."""
    from app.forms.encryption_dialog import ENCRYPT, change_encryption

    main = as_administrator(qtbot, database, tmp_path)
    passphrase = "violet kestrel over the ward"
    report = change_encryption(database, database.actor, ENCRYPT, "", passphrase, passphrase)
    text = main.encryption_report_text(report)
    assert text.startswith("La base de données ") and "est maintenant chiffrée" in text
    dialog = main.make_encryption_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.change_choice.isChecked()
    dialog.current.setText("not the passphrase")
    dialog.new.setText("a brand new passphrase")
    dialog.repeated.setText("a brand new passphrase")
    dialog.apply()
    assert dialog.errors["current"].text() == (
        "Ce n'est pas la phrase de passe actuelle de la base de données.")
    dialog.current.setText(passphrase)
    dialog.repeated.setText("a brand new passphrasf")
    dialog.apply()
    assert dialog.errors["repeated"].text().startswith("Les deux phrases de passe ne sont pas")
    assert_french(dialog, "Changer la phrase de passe", "Ne plus chiffrer",
                  data=(database.display_name, str(tmp_path)))
    assert database.encrypted and database.passphrase == passphrase  # nothing changed


def test_account_checks_are_said_in_french(qtbot, french):
    """The new-user and first-administrator windows say a refused name or password in
    French (app.domain.permissions writes them once, in English, as Sentences)."""
    from app.domain.permissions import password_problem
    from app.forms.login_dialog import FirstAdministratorDialog
    from app.forms.users_dialog import NewUserDialog

    assert str(password_problem("short")) == "The password must be at least 10 characters long."
    new = NewUserDialog()
    qtbot.addWidget(new)
    new.show()
    new.password.setText("short")
    new._check()
    assert new.error.text() == "Le mot de passe doit compter au moins 10 caractères."
    first = FirstAdministratorDialog(lambda *_a: None)
    qtbot.addWidget(first)
    first.show()
    first.user_name.setText("ada admin")
    assert first.problem() == "Le nom d'utilisateur ne peut pas contenir d'espaces."
    first.user_name.setText("ada")
    first.password.setText("ada")
    assert first.problem() == "Le mot de passe doit compter au moins 10 caractères."


def test_every_section_line_fits_its_list_in_french(qtbot, database, filled_visit, french):
    """At the size the form opens on a 1366×768 screen each section's line with its
    summary ("Exposition aux corticoïdes — 10,5 mg/jour") is read whole, and the widened
    list leaves the sections room: neither scrolls sideways."""
    window = visit_form_as(qtbot, database, "nurse", filled_visit)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() <= 1366
    listing = window.section_list
    metrics = listing.fontMetrics()
    room = listing.viewport().width()
    cut = [listing.item(row).text() for row in range(listing.count())
           if metrics.horizontalAdvance(listing.item(row).text()) + 24 > room]
    assert cut == [], (room, cut)
    assert not listing.horizontalScrollBar().isVisible()
    wide = []
    for key in window._areas:  # every section, the CHAQ's long aids included
        window.show_section(key)
        qtbot.wait(10)
        if window._areas[key].horizontalScrollBar().isVisible():
            wide.append((key, window.section(key).sizeHint().width(),
                         window._areas[key].viewport().width()))
    assert wide == [], wide
