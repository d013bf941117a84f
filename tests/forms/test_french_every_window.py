"""Every window a user can open from the main window, walked in French (issue 21): no
English word of the .ts visible. test_french.py checks chosen windows one by one; this walks
the list in workstation_windows, so a window that was never wrapped in tr() (the prior
therapies dialog was wholly English) cannot stay unseen."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWizard
from test_french import assert_french
from workstation_windows import TODAY, clinic, fill_current_page, windows

from app import paths
from app.catalog import protocol_catalog
from app.db.prior_therapies import PriorTherapyInput, add_prior_therapy
from app.domain.concomitant_medicines import CONTINUING_SUFFIX, PULSE_LABEL
from app.domain.prior_therapy import REASON_LABELS
from app.forms import prior_therapy_dialog, terms
from app.forms.enrollment.summary_page import concomitant_words
from app.forms.main_window import MainWindow
from app.forms.patient_page import PatientPage
from app.forms.prior_therapy_dialog import PriorTherapyDialog

pytestmark = pytest.mark.usefixtures("system_actor")

NAMES = [name for name, _factory in windows(None, {"enrolled": 0, "screened": 0}, None)]
# What the windows show from the records, the plan files or the database's name.
# (A plan's version, e.g. "0.2-provisional", is the plan file's identifier.)
DATA = ("JDM-001", "JDM-002", "Zoé", "Nguyễn",
        *(p.named_version.removeprefix("version ")
          for p in protocol_catalog().protocols.values()))


def shown_in_french(qtbot, database, tmp_path, name):
    ids = clinic(database)
    main = MainWindow(database, user="nurse", today=TODAY)
    qtbot.addWidget(main)
    window = dict(windows(main, ids, tmp_path))[name]()
    if window is not main:
        qtbot.addWidget(window)
        if isinstance(window, QWizard):
            window.ask = lambda *_args: "Discard"
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("name", NAMES)
def test_every_window_is_french(qtbot, database, tmp_path, french, name):
    window = shown_in_french(qtbot, database, tmp_path, name)
    data = (*DATA, database.display_name, str(paths.site_protocol_dir()))
    if not isinstance(window, QWizard):
        assert_french(window, data=data)
        return
    for _ in range(12):  # every page of the wizard, as a user walks it
        QApplication.processEvents()
        assert_french(window, data=data)
        if window.currentId() == window.pageIds()[-1]:
            break
        fill_current_page(window)
        window.next()


# ---------------------------------------------------------------- the prior therapies

def test_prior_therapies_dialog_reads_in_french(qtbot, database, french):
    """The English-word check only knows words of the .ts: the dialog's own French is
    asked for by name, so a new string there left untranslated shows up."""
    ids = clinic(database)
    with database.session() as session:
        add_prior_therapy(session, ids["enrolled"], PriorTherapyInput(
            "methotrexate", date(2025, 2, 1), date(2026, 9, 1), "toxicity"),
            user="nurse", today=TODAY)
    dialog = PriorTherapyDialog(database, ids["enrolled"], "nurse",
                                protocol_catalog().protocols.values(), TODAY, "JDM-001")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Traitements antérieurs — JDM-001"
    assert_french(dialog, "Chaque traitement antérieur ou en cours (médicament,",
                  "Raison de l'arrêt", "Dernière dose", "Lymphocytes B",
                  "Nouveau traitement", "— en cours / non arrêté —", "toxicité",
                  "Enregistrer le traitement", data=DATA)
    # the drug in words in the table and the list; saved as the plans name it
    assert dialog.table.item(0, 0).text() == "méthotrexate"
    assert dialog.table.item(0, 3).text() == "toxicité"
    assert dialog.drug.findText("méthotrexate") > 0
    dialog.drug.setCurrentText("méthotrexate")
    # in the future: the message at the field in French, its dates as the table writes them
    dialog.start.set_iso("2027-01-01")
    assert dialog.form_input().drug == "methotrexate"
    assert dialog.messages["start_date"].text() == (
        "La date de début 01 janv. 2027 est dans le futur (nous sommes le 21 nov. 2026).")
    dialog.start.set_iso("")
    assert dialog.messages["start_date"].text() == "Saisissez la date de début du traitement."
    # the record's own order checks, also in French
    dialog.start.set_iso("2026-05-01")
    dialog.stop.set_iso("2026-04-01")
    dialog.reason.setCurrentIndex(dialog.reason.findData("toxicity"))
    assert dialog.messages["stop_date"].text() == (
        "La date d'arrêt 01 avr. 2026 est antérieure à la date de début 01 mai 2026.")
    dialog.stop.set_iso("2026-06-01")
    dialog.last_dose.set_iso("2026-07-01")
    assert dialog.messages["last_dose_date"].text() == (
        "La dernière dose 01 juil. 2026 est postérieure à la date d'arrêt 01 juin 2026.")
    dialog.last_dose.set_iso("2026-04-01")
    assert dialog.messages["last_dose_date"].text() == (
        "La dernière dose 01 avr. 2026 est antérieure à la date de début 01 mai 2026.")
    assert dialog.table.accessibleName() == "Traitements antérieurs"
    assert dialog.start.accessibleName() == "Date de début"
    assert dialog.messages["start_date"].accessibleName() == "Problème\u202f: Date de début"
    dialog.edit(dialog.rows[0].id)
    assert dialog.form_box.title() == "Modifier méthotrexate"
    assert dialog.drug.currentText() == "méthotrexate"


def test_every_reason_of_the_dialog_is_listed_for_translation(french):
    assert set(prior_therapy_dialog.REASON_WORDS) == set(REASON_LABELS.values())
    assert [prior_therapy_dialog.reason_words(code) for code in REASON_LABELS] == [
        "réponse insuffisante", "toxicité", "bénéfice (arrêté alors qu'il était efficace)",
        "autre raison"]


def test_the_summarys_own_concomitant_labels_are_french(french):
    """The enrollment summary translates the labels the domain gives itself."""
    from types import SimpleNamespace as Item

    assert concomitant_words(Item(label="Methotrexate" + CONTINUING_SUFFIX,
                                  drug="methotrexate")) == "méthotrexate (poursuivi)"
    assert concomitant_words(Item(label=PULSE_LABEL, drug="methylprednisolone")) == (
        "Bolus de méthylprednisolone IV (à la discrétion du prescripteur)")


def test_patient_page_prior_therapies_in_french(qtbot, database, french):
    ids = clinic(database)
    with database.session() as session:
        add_prior_therapy(session, ids["enrolled"], PriorTherapyInput(
            "methotrexate", date(2025, 2, 1)), user="nurse", today=TODAY)
    page = PatientPage(database, ids["enrolled"], protocol_catalog().protocols, today=TODAY,
                       user="nurse")
    qtbot.addWidget(page)
    assert page.prior_table.item(0, 0).text() == "méthotrexate"  # was "methotrexate"
    assert page.prior_table.item(0, 2).text() == "en cours"


def test_patient_page_arm_and_doses_in_french(qtbot, database, french):
    """The current arm's banner and each dose's head line (the plan's dose label, frequency
    and route) in French, read by the walk (no longer skipped as the plan's words)."""
    ids = clinic(database)
    page = PatientPage(database, ids["enrolled"], protocol_catalog().protocols, today=TODAY,
                       user="nurse")
    qtbot.addWidget(page)
    page.show()
    assert page.arm_banner.text() == "Bras A — IgIV"
    assert not page.arm_banner.property(terms.PLAN_TEXT_PROPERTY)
    heads = [label for label in page.findChildren(QLabel) if label.text().startswith("<b>IgIV")]
    assert heads and not heads[0].property(terms.PLAN_TEXT_PROPERTY)
    assert heads[0].text() == "<b>IgIV</b> : 40 g toutes les 2 semaines × 3, puis chaque mois, IV"
    assert_french(page, data=(*DATA, database.display_name))
