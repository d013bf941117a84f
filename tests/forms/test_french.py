"""The French interface: every .ts entry translated, and each translated window walked in
French looking for any English left on screen.

"English left" is found with the words of the .ts sources themselves: a word that occurs
in some English source and in no French translation (e.g. "patient" is French too, so it
does not count; "enrolled", "choose", "screening" do) must not appear in a visible text of a
French window. A string that was never wrapped in tr() therefore fails as well, as long as
it shares a word with one that was. Widgets marked ``plan_text`` (a plan file's text the
plan-text catalogue has no French for, as a site's own plan file; the instruments' items)
and what a person typed are skipped; every other visible text is read. The screening
wizard of a shipped plan is walked with its plan texts read too (``plan_texts=True``): its
criteria are translated. A tooltip that gives the plan's English of a translated text on
purpose (terms.PLAN_ENGLISH_PROPERTY) is not read.
"""

from __future__ import annotations

import html
import os
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QWidget,
    QWizard,
)
from screening_answers import eligible_answers
from visit_fixtures import enrolled_patient, open_form

from app.catalog import protocol_catalog
from app.db.models import VISIT_STATUSES
from app.db.patients import PatientInput, create_patient
from app.domain import age as age_domain
from app.domain import body as body_domain
from app.domain import (
    dose_sentences,
    enrollment_sentences,
    growth,
    prior_therapy_sentences,
    screening_sentences,
)
from app.domain import patient as patient_domain
from app.domain import screening as screening_domain
from app.domain import treatment_course_record as course_record
from app.domain.arm_switch import SWITCH_REASONS
from app.domain.concomitant_medicines import continuing_choices
from app.domain.display_words import code_words, drug_name
from app.domain.measurements import measurement_problems
from app.domain.permissions import ROLE_LABELS
from app.domain.protocol import key_refusals, table_refusals
from app.domain.protocol import loading as plan_loading
from app.domain.protocol.prior_therapy_rules import REASONS_STOPPED
from app.domain.protocol.vocabulary import plan_drug_names
from app.domain.response.total_improvement import BAND_SENTENCES
from app.domain.visit_form import SECTION_LABELS
from app.forms import terms, treatment_plans_dialog
from app.forms.enrollment import check_words
from app.forms.enrollment.wizard import DISCARD
from app.forms.language import INTERFACE, translations_dir
from app.forms.login_dialog import FirstAdministratorDialog, LoginDialog
from app.forms.main_window import MainWindow
from app.forms.patient_dialog import PatientDialog
from app.forms.screening_wizard import ScreeningWizard

pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)
FR_TS = translations_dir() / "jdm_ctp_fr.ts"
EN_TS = translations_dir() / "jdm_ctp_en.ts"
SHOTS = os.environ.get("JDM_CTP_SCREENSHOTS")  # a folder for screenshots, to look at
PLACEHOLDER = re.compile(r"%L?(?:\d|n)")
WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")


def messages(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("message"))


def translations(message: ET.Element) -> list[str]:
    node = message.find("translation")
    forms = node.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [node.text or ""]


# ------------------------------------------------------------------------ the .ts files

@pytest.mark.parametrize("path", [FR_TS, EN_TS], ids=["fr", "en"])
def test_every_ts_entry_is_finished(path):
    problems = []
    entries = messages(path)
    assert entries, f"{path.name} holds no entry"
    for message in entries:
        source = message.find("source").text or ""
        state = message.find("translation").get("type")
        texts = translations(message)
        if state in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{state}: {source!r}")
        if any(not text.strip() for text in texts):
            problems.append(f"empty: {source!r}")
        for text in texts:
            # %1, %2, %n… must all survive translation (or a value silently disappears).
            if sorted(set(PLACEHOLDER.findall(text))) != sorted(set(PLACEHOLDER.findall(source))):
                problems.append(f"placeholders differ: {source!r} → {text!r}")
            # A keyboard shortcut in English keeps one in French (test_mnemonics checks
            # they stay unique per window).
            if ("&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
                problems.append(f"mnemonic lost or added: {source!r} → {text!r}")
    assert not problems, "\n".join(problems)


def test_french_plurals_have_the_french_forms():
    """French: one form for 0 and 1, the other from 2; English: 1 against everything else."""
    def count_text(n: int) -> str:
        return QCoreApplication.translate("MainWindow", "%Ln patient(s)", "", n)

    INTERFACE.switch("fr")
    assert [count_text(n) for n in (0, 1, 2)] == ["0 patient", "1 patient", "2 patients"]
    # %Ln: the digits grouped as the current locale groups them ("10,000" in the tests'
    # C/English locale); the plural form is French whatever the grouping.
    assert count_text(10000).endswith(" patients")
    INTERFACE.switch("en")
    assert [count_text(n) for n in (0, 1, 2)] == ["0 patients", "1 patient", "2 patients"]


def test_compiled_files_are_built_from_the_current_sources():
    for ts in (FR_TS, EN_TS):
        qm = ts.with_suffix(".qm")
        assert qm.exists(), f"{qm.name} missing: run make setup"
        assert qm.stat().st_mtime >= ts.stat().st_mtime, f"{qm.name} is older than {ts.name}"


def test_every_domain_label_shown_is_listed_for_translation():
    """A label added to the domain tables cannot stay English by accident."""
    wanted = {
        terms.SEX: [label for _code, label in patient_domain.SEX_CHOICES],
        terms.ANSWER: list(screening_domain.ANSWER_LABELS.values()),
        terms.GROUP: list(screening_domain.GROUP_SHORT.values()),
        terms.PAGE: list(screening_domain.GROUP_TITLES.values()),
        terms.VERDICT: list(screening_domain.VERDICT_LABELS.values()),
        terms.PATIENT_CHECK: sorted({message for fields in (
            patient_domain.PatientFields("", "", "", None, "?"),
            patient_domain.PatientFields("JDM 1", "A", "B", TODAY, "female"))
            for message in patient_domain.validate_patient_fields(fields, TODAY).values()}),
        terms.SECTION: list(SECTION_LABELS.values()),
        terms.REASON: sorted({"Initial", *SWITCH_REASONS.values(), "Other",
                              *(code_words(code) for code in REASONS_STOPPED),
                              *(label for _code, label in course_record.END_REASONS),
                              course_record.OTHER_REASON}),
        terms.VISIT_STATUS: [code_words(status) for status in VISIT_STATUSES],
        terms.ROLE: list(ROLE_LABELS.values()),
        terms.ARM_CHOICE: [*course_record.ARM_CHOICE_GROUPS.values(),
                           *(r.label for r in course_record.ARM_CHOICE_REASONS),
                           course_record.OTHER_REASON, "; "],  # chosen_phrase's own words
        terms.MEASUREMENT_CHECK: list(measurement_problems("", "kg", "", "cm", "", None,
                                                          True).values()),
        terms.DOSE_DERIVATION: [*dose_sentences.SENTENCES, *body_domain.SENTENCES,
                                *age_domain.SENTENCES,
                                "; "],  # the separator of a derivation's steps (Joined)
        terms.GROWTH: list(growth.SENTENCES),
        terms.SCREENING: [*screening_sentences.SENTENCES, *prior_therapy_sentences.SENTENCES],
        terms.PLAN_FILE: list(plan_loading.SENTENCES),
        check_words.ENROLLMENT_CHECK: list(enrollment_sentences.SENTENCES),
        treatment_plans_dialog.PLAN_FILE_KEY: [*key_refusals.SENTENCES,
                                               *table_refusals.SENTENCES],
        terms.TIS_BAND: list(BAND_SENTENCES),
        terms.CONTINUING: sorted(terms.LISTED[terms.CONTINUING]),
        # every drug the shipped plans name (doses, rules, drug lists: the prior therapies
        # offered), the continuing medicines offered too
        terms.DRUG: sorted({drug_name(drug) for plan in protocol_catalog().protocols.values()
                            for drug in (*plan_drug_names([plan]),
                                         *(c.drug for arm in plan.arms
                                           for c in continuing_choices(plan, arm, {})))}),
    }
    for context, labels in wanted.items():
        assert sorted(labels) == sorted(terms.LISTED[context]), context
    # every reason the shipped plans give for not offering a current medicine is listed
    assert {choice.why_not for plan in protocol_catalog().protocols.values()
            for arm in plan.arms for facts in ({}, {"ivig_use": "current"})
            for choice in continuing_choices(plan, arm, facts) if choice.why_not} <= set(
        terms.LISTED[terms.CONTINUING])
    INTERFACE.switch("fr")
    # Most drug names are the same in French (abatacept, rituximab): only listed.
    untranslated = [label for context, labels in wanted.items() for label in labels
                    if context != terms.DRUG
                    and terms.term(context, label) == label and not label.isupper()
                    and label not in ("CMAS", "CHAQ", "MMT8", ", ", "%1 (%2)")]
    assert untranslated == []
    assert [terms.drug_words(d) for d in ("ivig", "methylprednisolone", "mycophenolate mofetil")
            ] == ["IgIV", "méthylprednisolone", "mycophénolate mofétil"]


def test_qt_own_buttons_are_french():
    """qtbase_fr.qm: Qt's standard buttons and dialogs."""
    INTERFACE.switch("fr")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    assert QCoreApplication.translate("QPlatformTheme", "Save") == "Enregistrer"


# ------------------------------------------------------------------- walking the windows

def english_only_words() -> set[str]:
    english, french = set(), set()
    for message in messages(FR_TS):
        english |= {w.lower() for w in WORD.findall((message.find("source").text or "")
                                                    .replace("&", ""))}
        for text in translations(message):
            french |= {w.lower() for w in WORD.findall(text.replace("&", ""))}
    return english - french


def plain(text: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("&", "")
    # (French no-break spaces before ":" ";" "?" kept: test_french_typography)
    return re.sub(r"[^\S\u00a0\u202f]+", " ", text).strip()


def skipped(widget: QWidget, top: QWidget, plan_texts: bool = False) -> bool:
    if plan_texts:
        return False
    while widget is not None and widget is not top:
        if widget.property(terms.PLAN_TEXT_PROPERTY):
            return True
        widget = widget.parentWidget()
    return False


def visible_texts(top: QWidget, plan_texts: bool = False) -> list[tuple[str, str]]:
    """(where, text) for every text a person sees in ``top`` as it is shown now; with
    ``plan_texts``, the plan files' texts too."""
    found = [("window title", top.windowTitle())]
    for widget in [top, *top.findChildren(QWidget)]:
        if (not widget.isVisibleTo(top) and widget is not top
                or skipped(widget, top, plan_texts)):
            continue
        name = type(widget).__name__
        if isinstance(widget, QLabel):
            found.append((name, widget.text()))
        elif isinstance(widget, QAbstractButton):
            found.append((name, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((name, widget.title()))
        elif isinstance(widget, QLineEdit):
            found.append((name + " placeholder", widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            found += [(name + " item", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTableView):
            model = widget.model()
            found += [("column", str(model.headerData(c, Qt.Horizontal)))
                      for c in range(model.columnCount())]
        if widget.toolTip() and not widget.property(terms.PLAN_ENGLISH_PROPERTY):
            found.append((name + " tooltip", widget.toolTip()))
    if isinstance(top, QMainWindow):
        for menu_action in top.menuBar().actions():
            found.append(("menu", menu_action.text()))
            for action in menu_action.menu().actions():
                found += [("menu item", action.text()), ("status tip", action.statusTip())]
    if isinstance(top, QWizard):
        page = top.currentPage()
        found += [("page title", page.title()), ("page subtitle", page.subTitle())]
    return [(where, plain(text)) for where, text in found if text and text.strip()]


# Journals' names in a citation ("Huber et al., Arthritis Care Res 2010;62:219-25"): cited
# as published in every language.
JOURNALS = ("Arthritis Care Res", "Arthritis Rheumatol", "Arthritis Rheum", "J Rheumatol",
            "Ann Rheum Dis")


def assert_french(window: QWidget, *expected: str, data: tuple[str, ...] = (),
                  plan_texts: bool = False) -> list[str]:
    """The window shows each expected French text and no English word of the .ts.
    ``data``: what the window shows from the records or the plan files (a file name, a
    plan's title, a visit's name), taken out before looking; ``plan_texts``: the plan
    files' texts are read too (visible_texts)."""
    english = english_only_words()
    texts = visible_texts(window, plan_texts)
    for value in (*data, *JOURNALS):
        texts = [(where, text.replace(value, " ")) for where, text in texts]
    left = [f"{where}: {text!r}" for where, text in texts
            if {w.lower() for w in WORD.findall(text)} & english]
    assert not left, "English left on screen:\n" + "\n".join(left)
    shown = [text for _where, text in texts]
    for text in expected:
        assert any(text in s for s in shown), f"{text!r} not shown; shown: {shown}"
    return shown


def shoot(window: QWidget, name: str) -> None:
    if SHOTS:
        window.resize(min(window.width(), 1366), min(window.height(), 768))
        window.grab().save(str(Path(SHOTS) / f"fr-{name}.png"))


def test_the_walk_finds_english(qtbot, french):
    """The check itself: an English window (built before switching) fails it."""
    INTERFACE.switch("en")
    dialog = LoginDialog(lambda _name, _password: None, database_name="clinic.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    INTERFACE.switch("fr")
    with pytest.raises(AssertionError, match="English left on screen"):
        assert_french(dialog)


def test_sign_in_and_first_administrator_in_french(qtbot, french):
    dialog = LoginDialog(lambda _name, _password: None, database_name="clinic.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.try_sign_in()  # no user name: the message under the fields
    assert_french(dialog, "Connexion à jdm-ctp", "Nom d'utilisateur", "Mot de passe",
                  "Se connecter", "Annuler", "Entrez votre nom d'utilisateur.",
                  data=("clinic.sqlite3",))
    shoot(dialog, "sign-in")
    first = FirstAdministratorDialog(lambda *_a: None)
    qtbot.addWidget(first)
    first.show()
    assert_french(first, "Créer le compte administrateur", "Répéter le mot de passe")


def test_main_window_in_french(qtbot, database, french):
    with database.session() as session:
        for study_id in ("JDM-001", "JDM-002"):
            create_patient(session, PatientInput(study_id, "Zoé", "Tremblay", date(2016, 5, 4),
                                                 "female"), user="nurse")
    window = MainWindow(database, user="nurse", today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.count_label.text() == "2 patients")
    shown = assert_french(window, "Fichier", "Nouveau patient…", "Identifiant d'étude",
                          "Prochaine visite prévue", "Vérifier l'admissibilité à un plan de "
                          "traitement…", "Langue…",
                          data=(database.display_name,))
    assert "Patient" in shown  # the menu: the same word in both languages
    # a name no patient has (not an English word: "Nobody" is one, of the sign-in's refusals)
    qtbot.keyClicks(window.search, "Xyzzy")
    qtbot.waitUntil(lambda: window.no_match.isVisible())
    assert_french(window, "Aucun patient ne correspond à « Xyzzy ».", "0 sur 2 patients",
                  data=(database.display_name,))
    shoot(window, "main-window")


def test_patient_dialog_in_french(qtbot, french):
    dialog = PatientDialog(lambda _data: None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_french(dialog, "Nouveau patient", "Nom de famille", "Date de naissance", "Sexe",
                  "Féminin", "Autre / non précisé", "Enregistrer", "Annuler")
    shoot(dialog, "patient")
    dialog.study_id.setText("JDM 001")  # a space: not a valid study id
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert_french(dialog, "L'identifiant d'étude ne peut contenir que des lettres",
                  "Le nom de famille est obligatoire.", "Le prénom est obligatoire.",
                  "Choisissez le sexe du patient.")
    shoot(dialog, "patient-problems")


def test_screening_wizard_in_french(qtbot, database, french):
    from app.catalog import protocol_catalog

    with database.session() as session:
        patient_id = create_patient(session, PatientInput(
            "JDM-001", "Zoé", "Tremblay", date(2016, 5, 4), "female"), user="nurse")
    wizard = ScreeningWizard(database, patient_id, "dr.ito", protocol_catalog().protocols,
                             today=TODAY, patient_text="JDM-001",
                             ask=lambda *_a: "Discard", protocol_id="persistent-skin-rash")
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    titles = tuple(value for p in protocol_catalog().protocols.values()
                   for value in (p.title, str(p.version)))
    assert_french(wizard, "Vérifier l'admissibilité à un plan de traitement",
                  "Plan de traitement :", "Date de l'évaluation :", "Suivant >", data=titles)
    shoot(wizard, "screening-setup")
    wizard.next()
    assert_french(wizard, "Les patients doivent présenter (tous requis)", "Oui", "Non",
                  "Inconnu", "Doit présenter 1", "< Précédent", data=titles)
    shoot(wizard, "screening-criteria")
    answers = eligible_answers()
    while wizard.currentPage() is not wizard.verdict_page:
        for box in getattr(wizard.currentPage(), "boxes", {}).values():
            box.set_answer(answers[box.criterion.id].answer)
            for field_id, value in answers[box.criterion.id].details.items():
                box.inputs[field_id].set_value(value)
        wizard.next()
    assert_french(wizard, "ADMISSIBLE", "J'ai vérifié les réponses et je confirme ce verdict",
                  "Enregistrer l'évaluation", data=titles)
    shoot(wizard, "screening-verdict")


def test_visit_form_chrome_in_french(qtbot, database, french):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["baseline"])
    window.resize(1366, 768)
    window.show()
    assert_french(window, "Date de la visite", "Enregistrer", "Marquer comme complète…",
                  "Fermer", "Statut : brouillon" if window.status == "draft"
                  else "Statut : non commencée",
                  data=(window.record.header.label or "Baseline",))
    section_names = [window.section_list.item(row).text()
                     for row in range(window.section_list.count())]
    assert any("Évaluations globales" in name for name in section_names), section_names
    assert any("Enzymes musculaires" in name for name in section_names), section_names
    assert window.windowTitle().endswith(" — Visite initiale")  # the plan-text catalogue
    shoot(window, "visit-form")


@pytest.mark.parametrize(("language", "typed", "words"), [
    ("en", "20,5", ("Weight must be a number written with a point", "“20,5” was entered",
                    "A comma is refused")),
    # French reads "20,5" (tests/forms/test_french_decimals.py); "1,500" stays refused.
    ("fr", "1,500", ("Poids : « 1,500 » pourrait valoir 1,5 ou 1500",)),
])
def test_decimal_comma_stays_refused_for_doses_and_says_why(qtbot, database, language, typed,
                                                            words):
    """English: 20,5 kg is not read as 20.5 (nor 205); French: 1,500 kg is not read as 1.5
    nor 1500. The weight is refused, in the interface's language, and what was typed stays
    in the field."""
    from workstation_windows import clinic

    ids = clinic(database)
    INTERFACE.switch(language)
    window = MainWindow(database, user="nurse", today=TODAY)
    qtbot.addWidget(window)
    wizard = window.make_enrollment_wizard(ids["screened"], "JDM-002")  # closed with window
    wizard.show()
    while wizard.currentPage() is not wizard.details_page:
        wizard.next()
    measurements = wizard.details_page.measurements
    measurements.weight.setText(typed)
    message = measurements.messages["weight"]
    assert message.isVisibleTo(wizard)
    for text in words:
        assert text in message.text()
    assert measurements.weight.text() == typed
    assert not wizard.details_page.isComplete()
    INTERFACE.switch("en")


def test_the_desktop_entry_has_its_french_name_and_comment():
    """What the Linux menu shows on a French desktop (freedesktop Name[fr], Comment[fr])."""
    import configparser

    path = Path(__file__).resolve().parents[2] / "installer" / "linux" / "jdm-ctp.desktop"
    entry = configparser.RawConfigParser(delimiters=("=",))
    entry.optionxform = str  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    for key in ("Name", "GenericName", "Comment"):
        assert desktop[f"{key}[fr]"].strip() and desktop[f"{key}[fr]"] != desktop[key]
    assert "dermatomyosite juvénile" in desktop["Comment[fr]"]
    # The version is filled in by the bundle build in both languages.
    assert "@VERSION@" in desktop["Comment"] and "@VERSION@" in desktop["Comment[fr]"]


@pytest.mark.parametrize("outcome", sorted(screening_domain.VERDICT_LABELS))
@pytest.mark.parametrize("queried", [False, True])
def test_every_verdict_explanation_reads_in_french(outcome, queried, french):
    """The domain's explanation is made only of the sentences listed for translation."""
    item = screening_domain.VerdictItem("c", "required", "1", "query", "a query")
    verdict = screening_domain.Verdict(outcome, (), (), (), (item,) if queried else ())
    english = english_only_words()
    text = terms.sentences(terms.EXPLANATION, verdict.explanation())
    assert text != verdict.explanation()
    assert not {w.lower() for w in WORD.findall(text)} & english, text


@pytest.mark.parametrize(("clicked", "kept"), [("Garder comme brouillon", True),
                                               ("Abandonner", False)])
def test_the_screening_questions_ask_in_french_and_do_what_was_chosen(qtbot, database, french,
                                                                     clicked, kept):
    from app.catalog import protocol_catalog
    from app.db.screenings import load_screening_draft

    with database.session() as session:
        patient_id = create_patient(session, PatientInput(
            "JDM-001", "Zoé", "Tremblay", date(2016, 5, 4), "female"), user="nurse")
    asked = []

    def ask(_parent, title, text, buttons):
        asked.append((title, text, list(buttons)))
        return clicked  # the French button a person clicks

    wizard = ScreeningWizard(database, patient_id, "dr.ito", protocol_catalog().protocols,
                             today=TODAY, patient_text="JDM-001", ask=ask,
                             protocol_id="persistent-skin-rash")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    first = next(iter(wizard.currentPage().boxes.values()))
    first.set_answer("yes")
    wizard.reject()
    ((title, text, buttons),) = asked
    assert title == "Annuler l'évaluation" and "brouillon" in text
    assert buttons == ["Garder comme brouillon", "Abandonner", "Continuer l'évaluation"]
    with database.reading() as session:
        assert (load_screening_draft(session, patient_id) is not None) == kept  # as chosen


def test_patient_page_in_french(qtbot, database, french):
    from test_french_visits import patient_page

    _window, page = patient_page(qtbot, database)
    assert page.arm_banner.text() == "Bras A — IgIV"  # the plan-text catalogue
    assert page.visits_table.item(0, 3).text().startswith("Non commencée")
    assert page.screenings_table.item(0, 2).text() == "ADMISSIBLE (inscrit)"
    assert_french(page, "Plan de traitement actuel", "Historique des bras :", "Doses actuelles :",
                  "DMJ avec éruption cutanée persistante (version",
                  "Registre des évaluations d'admissibilité", "Traitements a&ntérieurs…".replace(
                      "&", ""), "sexe féminin", "Prochaine" if False else "Visites :",
                  data=("JDM-001", "Nguyễn", "Zoé", "dr.ito"))
    shoot(page, "patient-page")


def arm_switch_dialog(qtbot, database):
    """The arm-switch dialog of JDM-001 (enrolled on arm A, workstation_windows.clinic) from
    a main window, shown at 1366×728, nothing chosen yet."""
    from workstation_windows import clinic

    ids = clinic(database)
    window = MainWindow(database, user="dr.ito", today=TODAY)
    qtbot.addWidget(window)
    dialog = window.make_arm_switch_dialog(ids["enrolled"], "JDM-001")
    qtbot.addWidget(dialog)
    dialog.resize(1366, 728)
    dialog.show()
    return dialog


def test_arm_switch_in_french(qtbot, database, french):
    """The switch from arm A to B for toxicity, chosen and measured, in French: the dose
    shown comes from the dose engine (its own words, marked as such)."""
    dialog = arm_switch_dialog(qtbot, database)
    assert dialog.windowTitle() == "Changer de bras — JDM-001"
    assert_french(dialog, "Bras actuel : Bras A —", "ou 14/03/2015",
                  "Nouveau bras :", "Motif :", "Date du changement :", "— choisir —",
                  "Toxicité", data=("JDM-001", "IVIG"))  # the arm's name in its plan file
    dialog.to_arm.setCurrentIndex(dialog.to_arm.findData("B"))
    assert dialog.messages["reason"].text() == "Choisir le motif du changement."
    dialog.choice.other.setChecked(True)
    assert dialog.choice.message.text() == "Préciser l'autre motif."
    dialog.choice.other.setChecked(False)
    dialog.reason.setCurrentIndex(dialog.reason.findData("toxicity"))
    m = dialog.measurements
    m.weight.setText("22")
    m.height.setText("118")
    m.measured_on.set_iso("2026-11-20")
    assert dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    qtbot.waitUntil(lambda: all(view.isVisible() for view in dialog.views.values()))
    assert_french(dialog, "Comment cette dose a été calculée :", "Calculée : 510 mg (brute "
                  "509,51 mg\u202f; maximum 1500 mg — non dépassé).", "Changer de &bras".replace(
        "&", ""), data=("JDM-001", "IVIG", "Mycophenolate mofetil"))
    shoot(dialog, "arm-switch")


def test_print_dialog_in_french(qtbot, database, french):
    from workstation_windows import clinic

    ids = clinic(database)
    window = MainWindow(database, user="dr.ito", today=TODAY)
    qtbot.addWidget(window)
    dialog = window.make_print_dialog(ids["enrolled"], "JDM-001")
    qtbot.addWidget(dialog)
    dialog.show()
    visits = [dialog.visit.itemText(i) for i in range(dialog.visit.count())]
    assert "02 déc. 2026 (non commencée)" in visits[1], visits  # Month 1: the plan's name
    assert_french(dialog, "Imprimer / enregistrer en PDF — JDM-001", "Résumé de visite",
                  "Feuille de travail vierge", "Feuille de posologie pour la pharmacie",
                  "Format du papier", "Aperçu…", data=("Baseline", "Month"))
    shoot(dialog, "print")


def test_settings_and_user_accounts_in_french(qtbot, database, tmp_path, french):
    from database_fixtures import add_people
    from PySide6.QtCore import QSettings

    from app.forms.clinic_settings import ClinicSettings
    from app.forms.settings_dialog import SettingsDialog
    from app.forms.users_dialog import UserAdministration, UsersDialog

    people = add_people(database)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(database, people["admin"], ClinicSettings(settings))
    qtbot.addWidget(dialog)
    dialog.show()
    assert_french(dialog, "Paramètres", "Verrouiller l'écran après", "Dossier de sauvegarde",
                  "Sauvegardes automatiques conservées", "Choisir…",
                  data=(dialog.default_button.toolTip(), dialog.backup_folder.text(),
                        str(tmp_path)))
    shoot(dialog, "settings")
    accounts = UsersDialog(UserAdministration(database, people["admin"]))
    qtbot.addWidget(accounts)
    accounts.resize(1100, 500)
    accounts.show()
    roles = {accounts.model.index(row, 2).data() for row in range(accounts.model.rowCount())}
    assert "Administrateur (gère les utilisateurs et les paramètres)" in roles
    statuses = {accounts.model.index(row, 3).data() for row in range(accounts.model.rowCount())}
    assert statuses == {"Actif"}
    assert_french(accounts, "Comptes d'utilisateurs", "Nom d'utilisateur", "Rôle",
                  "Ajouter un utilisateur…", "Déverrouiller")
    accounts.deactivate()  # nobody selected
    assert accounts.message.text() == "Sélectionnez d'abord un utilisateur."
    shoot(accounts, "users")


def test_audit_view_in_french(qtbot, database, french):
    """The audit's content stays as recorded (user names, actions and record types are the
    trail's own codes); the window around it is French, counts with French plurals."""
    from app.db.audit_queries import AuditFilter
    from app.forms.audit_view import AuditView

    view = AuditView(lambda _criteria: [], AuditFilter(), users=("nurse",),
                     entities=("patient",), today=TODAY)
    qtbot.addWidget(view)
    view.resize(1366, 600)
    view.show()
    assert view.status.text().startswith("0 entrée (")
    assert view.model.headerData(0, Qt.Horizontal) == "Quand (heure locale)"
    assert_french(view, "Journal d'audit", "Tout utilisateur", "Tout type d'enregistrement",
                  "Filtrer", "Imprimer en PDF…", data=("nurse", "patient"))
    shoot(view, "audit")


def test_export_dialog_in_french(qtbot, database, tmp_path, french):
    """The choices, the identified-export question and the finished count, in French."""
    from workstation_windows import clinic

    from app.forms.export_dialog import ExportDialog

    clinic(database)
    asked = []
    dialog = ExportDialog(database, user="coordinator",
                          confirm_identified=lambda _parent, text: asked.append(text) or False,
                          choose_directory=lambda _parent: str(tmp_path / "out"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert_french(dialog, "Exporter pour les coordonnateurs", "Profil", "Dossier",
                  "Dépersonnalisée (sans noms", "Large (une ligne par visite", "Exporter",
                  data=("REDCap", "Excel"))
    shoot(dialog, "export")
    dialog._browse()
    dialog.profile.setCurrentIndex(dialog.profile.findData("identified"))
    assert not dialog.start_export()
    assert "Exporter les données identifiées\u202f?" in asked[0]
    assert dialog.status.text() == ("Exportation identifiée non confirmée\u202f; rien n'a été "
                                    "exporté.")
    dialog.profile.setCurrentIndex(dialog.profile.findData("deidentified"))
    with qtbot.waitSignal(dialog.export_finished, timeout=20000):
        assert dialog.start_export()
    assert dialog.status.text().startswith("2 patients exportés dans ")


def test_enrollment_wizard_first_page_in_french(qtbot, database, french):
    """The enrollment wizard's date and measurements page (the later pages: the next
    test)."""
    wizard = enrollment_wizard_at_details(qtbot, database)
    assert wizard.windowTitle() == "Inscrire et choisir le bras — JDM-002"
    assert_french(wizard, "Date d'inscription et mesures", "Date d'inscription :", "Poids :",
                  "Taille :", "Mesuré le :", "Surface corporelle :", "Suivant >",
                  data=("JDM-002",))
    shoot(wizard, "enrollment-details")


def enrollment_wizard_at_details(qtbot, database):
    """The enrollment wizard of JDM-002 (screened eligible, workstation_windows.clinic) in
    a main window at 1366×728, on its details page (enrollment date and measurements)."""
    from workstation_windows import clinic

    ids = clinic(database)
    window = MainWindow(database, user="dr.ito", today=TODAY)
    qtbot.addWidget(window)
    wizard = window.make_enrollment_wizard(ids["screened"], "JDM-002")
    # Closed with the test, what was entered discarded without asking: a dialog stays
    # open when its main window closes, and a later test that closed what was left open
    # crashed on the question it then asked.
    wizard.ask = lambda *_question: DISCARD
    qtbot.addWidget(wizard)
    wizard.resize(1366, 728)
    wizard.show()
    while wizard.currentPage() is not wizard.details_page:
        wizard.next()
    return wizard


def fill_details(wizard) -> None:
    """The details page filled in for JDM-002: enrolled 02 Nov 2026, 20 kg, 115 cm."""
    page = wizard.details_page
    page.enrollment_date.set_iso("2026-11-02")
    page.measurements.weight.setText("20")
    page.measurements.height.setText("115")
    page.measurements.measured_on.set_iso("2026-11-02")


def test_enrollment_wizard_later_pages_in_french(qtbot, database, french):
    """Arm, doses, concomitant medication and summary of the persistent skin rash plan in
    French, with a dose derivation worked out in French: IVIG 2 g/kg × 20 kg = 40 g (below
    the 70 g maximum), rounded to the nearest 0.1 g: 40 g — the same numbers as in English."""
    wizard = enrollment_wizard_at_details(qtbot, database)
    fill_details(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.arm_page
    plan = wizard.protocol
    plan_words = tuple(value for value in (plan.title, plan.named_version, "JDM-002"))
    assert_french(wizard, "Choisir le bras de traitement", "Bras A — IgIV",
                  "Bras B — Mycophénolate mofétil",
                  "La règle de dose de ce bras est provisoire", data=plan_words)
    assert wizard.arm_page.radios["A"].text() == "Bras &A — IgIV"  # Alt+A, as in English
    shoot(wizard, "enrollment-arm")

    wizard.arm_page.choose("A")
    wizard.next()
    assert wizard.currentPage() is wizard.doses_page
    assert_french(wizard, "Doses", "Date de la première dose :", "Dose finale",
                  "Comment cette dose a été calculée :", data=plan_words)
    derivation = wizard.doses_page.views["ivig"].derivation.toPlainText().splitlines()
    assert derivation[0] == ("IgIV : 2 g/kg × 20 kg = 40 g\u202f; maximum de 70 g non "
                             "atteint\u202f; "
                             "arrondi au 0,1 g le plus proche : 40 g (arrondi provisoire).")
    assert derivation[1] == "Dose : 40 g (toutes les 2 semaines × 3, puis chaque mois, IV)."
    assert wizard.doses_page.views["ivig"].headline.text() == (
        "IgIV : 40 g toutes les 2 semaines × 3, puis chaque mois, IV")
    assert derivation[2] == "Données : poids 20 kg, taille 115 cm (mesurés le 02 nov. 2026)."
    assert wizard.doses_page.subTitle().endswith(
        "pour poids 20 kg, taille 115 cm (mesurés le 02 nov. 2026). Vérifier chaque dose et "
        "la façon dont elle a été calculée.")
    view = wizard.doses_page.views["ivig"]
    view.final.setText("35")  # 35 g instead of the computed 40 g: a reason is needed
    assert view.message.text() == ("La dose finale de 35 g diffère de la dose calculée de 40 g. "
                                   "Indiquer le motif de la différence.")
    view.final.setText("80")  # above the 70 g maximum: refused
    assert view.message.text() == ("IgIV : la dose finale ne peut dépasser le maximum du "
                                   "protocole de 70 g\u202f; 80 g a été saisi.")
    view.final.setText("")
    shoot(wizard, "enrollment-doses")

    wizard.next()
    assert wizard.currentPage() is wizard.concomitant_page
    concomitant = wizard.concomitant_page
    notes = tuple(limit.note for limit in plan.concomitant_limits if limit.note)
    assert_french(wizard, "Médicaments concomitants et counseling",
                  "Corticostéroïde quotidien (mg/jour) :",
                  "Bolus de méthylprednisolone IV", "Poursuivre le traitement actuel par",
                  "sans objet (l'évaluation d'admissibilité ne l'a pas consigné comme en cours)",
                  "Counseling sur l'évitement du soleil", data=(*plan_words, *notes))
    # 20 kg × 2 mg/kg/day = 40 mg/day, under the 60 mg/day maximum (seed 000, Table 2)
    assert concomitant.steroid_max.text().startswith(
        "Maximum pour 20 kg : 40 mg/jour. Une dose plus élevée est refusée.")
    assert ("Corticostéroïde quotidien (prednisone ou équivalent) : 2 mg/kg/jour × 20 kg = "
            "40 mg/jour\u202f; maximum de 60 mg/jour non atteint\u202f;"
            ) in concomitant.steroid_max.text()
    concomitant.steroid.setText("10")
    concomitant.sun.setChecked(True)
    shoot(wizard, "enrollment-concomitant")

    wizard.next()
    assert wizard.currentPage() is wizard.summary_page
    summary = wizard.summary_page.summary.text()
    visits = [v.label for v in wizard.flow.finalise(wizard.draft).visits]
    concomitants = [c.label for c in wizard.flow.finalise(wizard.draft).concomitant]
    assert_french(wizard, "Vérifier et inscrire", "Calendrier des visites",
                  "Counseling sur la protection solaire : donné",
                  "IgIV : 40 g toutes les 2 semaines × 3, puis chaque mois, IV",
                  data=(*plan_words, *visits, *concomitants))
    assert "Date d'inscription 02 nov. 2026 · poids 20 kg, taille 115 cm" in plain(summary)
    assert "DMJ avec éruption cutanée persistante" in plain(summary)  # the plan's title
    assert ("Corticostéroïde quotidien (prednisone ou équivalent)\u202f: 10 mg/jour"
            in plain(summary))
    shoot(wizard, "enrollment-summary")


def test_treatment_course_dialog_in_french(qtbot, database, french):
    from test_patient_page import enrolled_on_a, make_window

    enrolled_on_a(database)  # IVIG 40 g every 2 weeks × 3 from 2026-11-02, then monthly
    window = make_window(qtbot, database)
    page = window.make_patient_page(window.selected_patient_id())
    qtbot.addWidget(page)
    dialog = page.make_treatment_course_dialog()
    qtbot.addWidget(dialog)
    dialog.resize(1000, 768)
    dialog.show()
    assert_french(dialog, "Consigner une perfusion donnée", "Médicament :", "Donnée le :",
                  "Arrêter le traitement en cours (tout bras)", "IgIV", "Rémission",
                  "Choix de la famille", "Médicament", "Prévue", "Statut",
                  data=("JDM-001",))
    table = dialog.due_table
    assert [table.item(r, 5).text() for r in range(2)] == ["MANQUÉE", "prévue"]
    assert table.item(0, 0).text() == "Bras A"
    dialog.given_on.set_iso("2026-11-05")
    dialog.record()
    # due 02 Nov, given 05 Nov: 3 days late (the French plural)
    assert dialog.due_table.item(0, 5).text() == "donnée, 3 jours de retard"
    shoot(dialog, "treatment-course")
def test_the_cdasi_section_lists_every_domain_word_it_shows_and_reads_in_french(qtbot,
                                                                               french):
    """The CDASI section shows the domain's areas, measures and grade words: each is listed
    for translation, and in French the section (areas, grades, the hands' Gottron's row,
    the score and the provisional note) has no English left."""
    from app.domain.instruments import cdasi
    from app.domain.visit_values import ItemEntry
    from app.forms.visit_sections import cdasi as cdasi_section
    from app.forms.visit_sections.registry import SectionContext, make_section

    shown = {label for _code, label in cdasi.LOCATIONS}
    for item in cdasi.ITEMS:
        if item.grade not in cdasi.GOTTRON_HANDS:
            shown.add(item.grade.name)
        shown.update(item.grade.anchors)
    assert shown <= set(cdasi_section.TERMS), shown - set(cdasi_section.TERMS)
    section = make_section("cdasi", SectionContext(follow_up=True, shown=None, today=TODAY,
                                                   enrollment_date=date(2026, 5, 4)))
    qtbot.addWidget(section)
    section.load({"cdasi": {i.code: ItemEntry(1.0) for i in cdasi.ITEMS}})
    section.resize(1366, 768)
    section.show()
    # Every item 1: 50 grades, the papules' 1 no point of its own but doubling the hands'
    # erythema 1: 50 - 1 + 1 = 50 of 100.
    assert_french(section, "Activité CDASI 50 sur 100", "Cuir chevelu",
                  "Papules de Gottron sur les mains", "Érythème (0-3)",
                  "1 rose\u202f; érythème pâle",
                  "Provisoire : la ligne des papules de Gottron",
                  data=(cdasi.CITATION,))
