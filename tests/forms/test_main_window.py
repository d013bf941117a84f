"""Drive the main window as a user would: add a patient, find it by search, edit it."""

from datetime import date

import pytest

from app.db.patients import PatientInput, create_patient, list_patient_rows
from app.forms.main_window import MainWindow
from app.forms.patient_dialog import PatientDialog

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)


class DialogDriver:
    """Replaces the modal exec() with a function that fills the dialog the way a user would."""

    def __init__(self, qtbot, fill):
        self.qtbot = qtbot
        self.fill = fill
        self.dialogs: list[PatientDialog] = []

    def install(self, window: MainWindow, monkeypatch):
        original = window.make_patient_dialog

        def make(on_save, initial=None):
            dialog = original(on_save, initial)
            self.qtbot.addWidget(dialog)
            self.dialogs.append(dialog)
            monkeypatch.setattr(dialog, "exec", lambda: self._run(dialog))
            return dialog

        monkeypatch.setattr(window, "make_patient_dialog", make)

    def _run(self, dialog):
        self.fill(dialog)
        return dialog.result()


def fill_new_patient(study_id="JDM-042", family="Okafor", given="Ada"):
    def fill(dialog: PatientDialog):
        dialog.study_id.setText(study_id)
        dialog.family_name.setText(family)
        dialog.given_name.setText(given)
        dialog.date_of_birth.setValue(date(2016, 5, 4))
        dialog.sex.setCurrentIndex(dialog.sex.findData("female"))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    return fill


def make_window(qtbot, database):
    window = MainWindow(database, user="nurse", today=TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def test_add_patient_then_find_it_by_search(qtbot, database, monkeypatch):
    window = make_window(qtbot, database)
    assert window.model.rowCount() == 0
    driver = DialogDriver(qtbot, fill_new_patient())
    driver.install(window, monkeypatch)

    window.new_patient_action.trigger()

    assert window.model.rowCount() == 1
    qtbot.keyClicks(window.search, "okafor")
    qtbot.waitUntil(lambda: window.count_label.text() == "1 patient")
    assert window.proxy.rowCount() == 1
    assert window.proxy.data(window.proxy.index(0, 1)) == "Okafor, Ada"
    assert window.selected_patient_id() is not None

    window.search.clear()
    qtbot.keyClicks(window.search, "zzz")
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 0)
    assert window.count_label.text() == "0 of 1 patient"


def test_duplicate_study_id_is_shown_at_the_field_and_entries_kept(qtbot, database, monkeypatch):
    with database.session() as session:
        create_patient(session, PatientInput("JDM-042", "Bo", "Berg", date(2015, 1, 1), "male"),
                       user="nurse")
    window = make_window(qtbot, database)
    driver = DialogDriver(qtbot, fill_new_patient())
    driver.install(window, monkeypatch)

    window.new_patient_action.trigger()

    dialog = driver.dialogs[0]
    assert dialog.result() == 0  # not accepted: the dialog stays open
    assert "JDM-042" in dialog.error_text("study_id")
    assert dialog.family_name.text() == "Okafor"  # nothing entered is lost
    assert window.model.rowCount() == 1


def test_future_birth_date_is_refused_at_the_field(qtbot, database, monkeypatch):
    window = make_window(qtbot, database)

    def fill(dialog):
        dialog.study_id.setText("JDM-7")
        dialog.family_name.setText("Lee")
        dialog.given_name.setText("Kim")
        dialog.date_of_birth.setValue(date(2027, 1, 1))
        dialog.sex.setCurrentIndex(dialog.sex.findData("male"))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    driver = DialogDriver(qtbot, fill)
    driver.install(window, monkeypatch)
    window.new_patient_action.trigger()

    assert "in the future" in driver.dialogs[0].error_text("date_of_birth")
    assert window.model.rowCount() == 0


def test_edit_patient_updates_the_list(qtbot, database, monkeypatch):
    with database.session() as session:
        create_patient(session, PatientInput("JDM-001", "Ana", "Lopez", date(2015, 3, 2),
                                             "female"), user="nurse")
    window = make_window(qtbot, database)
    window.table.selectRow(0)

    def fill(dialog):
        assert dialog.family_name.text() == "Lopez"
        dialog.family_name.setText("Lopez-Diaz")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    DialogDriver(qtbot, fill).install(window, monkeypatch)
    window.edit_patient_action.trigger()
    assert window.model.row_at(0).name == "Lopez-Diaz, Ana"


def test_keyboard_from_search_to_list_and_patient_page(qtbot, database, monkeypatch):
    from PySide6.QtCore import Qt

    for study_id, family in (("JDM-1", "Adams"), ("JDM-2", "Baker")):
        with database.session() as session:
            create_patient(session, PatientInput(study_id, "Al", family, date(2015, 1, 1),
                                                 "male"), user="nurse")
    window = make_window(qtbot, database)
    opened: list[int] = []
    monkeypatch.setattr(window, "open_selected_patient",
                        lambda: opened.append(window.selected_patient_id()))
    window.search.setFocus()
    qtbot.keyClicks(window.search, "baker")
    qtbot.keyClick(window.search, Qt.Key_Return)  # no wait for the search delay
    assert window.proxy.rowCount() == 1
    with database.session() as session:
        baker = next(r.patient_id for r in list_patient_rows(session) if r.study_id == "JDM-2")
    assert opened == [baker]
    window.search.clear()
    qtbot.keyClick(window.search, Qt.Key_Down)
    assert window.table.hasFocus() or window.focusWidget() is window.table


def test_search_folds_accents_and_case_and_says_when_nothing_matches(qtbot, database):
    for study_id, given, family in (("JDM-1", "Zoé", "Nguyễn"), ("JDM-2", "Ada", "Okafor")):
        with database.session() as session:
            create_patient(session, PatientInput(study_id, given, family, date(2015, 1, 1),
                                                 "female"), user="nurse")
    window = make_window(qtbot, database)
    for typed in ("nguyen", "NGUYEN zoe", "Zoe"):
        window.search.clear()
        qtbot.keyClicks(window.search, typed)
        qtbot.waitUntil(lambda: window.proxy.rowCount() == 1)
        assert window.proxy.data(window.proxy.index(0, 0)) == "JDM-1"
        assert not window.no_match.isVisibleTo(window)
    window.search.clear()
    qtbot.keyClicks(window.search, "zzz")
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 0)
    assert window.no_match.isVisibleTo(window)
    assert window.no_match.text() == "No patient matches “zzz”."
    window.search.clear()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 2)
    assert not window.no_match.isVisibleTo(window)


def test_tab_from_search_into_the_list_selects_the_row_it_shows(qtbot, database, monkeypatch):
    """Tab put the keyboard on the list with its first row framed but not selected: Down
    (one patient) and Enter then said "Select a patient first."."""
    from PySide6.QtCore import Qt

    with database.session() as session:
        create_patient(session, PatientInput("JDM-1", "Al", "Adams", date(2015, 1, 1),
                                             "male"), user="nurse")
    window = make_window(qtbot, database)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    opened: list[int | None] = []
    monkeypatch.setattr(window, "open_selected_patient",
                        lambda: opened.append(window.selected_patient_id()))
    window.table.clearSelection()
    window.search.setFocus()
    qtbot.keyClick(window.search, Qt.Key_Tab)
    qtbot.waitUntil(window.table.hasFocus)
    qtbot.keyClick(window.table, Qt.Key_Down)
    qtbot.keyClick(window.table, Qt.Key_Return)
    assert opened == [window.model.row_at(0).patient_id]
