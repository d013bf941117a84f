"""The patient list model and its search filter, tested without any view."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.db.patients import PatientRow
from app.forms.patient_table_model import PatientSearchProxy, PatientTableModel

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)
ROWS = [
    PatientRow(1, "JDM-001", "Lopez, Ana", "persistent-skin-rash", "B", date(2026, 11, 30)),
    PatientRow(2, "JDM-002", "Smith, Ben", None, None, None),
    PatientRow(3, "JDM-003", "Nguyen, Chi", "persistent-skin-rash", "A", date(2026, 11, 1)),
]


def make_model(qapp):
    model = PatientTableModel(today=TODAY)
    model.set_rows(ROWS)
    return model


def test_shape_and_headers(qapp):
    model = make_model(qapp)
    assert model.rowCount() == 3
    assert model.columnCount() == 5
    assert [model.headerData(c, Qt.Horizontal) for c in range(5)] == [
        "Study id", "Name", "Protocol", "Arm", "Next visit due"]


def test_display_values_and_blanks(qapp):
    model = make_model(qapp)
    assert model.data(model.index(0, PatientTableModel.NAME)) == "Lopez, Ana"
    assert model.data(model.index(0, PatientTableModel.NEXT_VISIT_DUE)) == "30 Nov 2026"
    assert model.data(model.index(1, PatientTableModel.PROTOCOL)) == "—"
    assert model.data(model.index(1, PatientTableModel.NEXT_VISIT_DUE)) == "—"


def test_overdue_visit_is_marked_in_words_and_colour(qapp):
    model = make_model(qapp)
    index = model.index(2, PatientTableModel.NEXT_VISIT_DUE)
    assert model.data(index) == "01 Nov 2026 (overdue)"
    assert model.data(index, Qt.ForegroundRole) is not None
    assert model.data(model.index(0, PatientTableModel.NEXT_VISIT_DUE), Qt.ForegroundRole) is None


def test_search_matches_every_word_case_insensitively(qapp):
    model = make_model(qapp)
    proxy = PatientSearchProxy()
    proxy.setSourceModel(model)
    proxy.set_search_text("lopez")
    assert proxy.rowCount() == 1
    proxy.set_search_text("JDM skin-rash a")
    assert proxy.rowCount() == 2  # Ana (name has "a") and Chi (arm A)
    proxy.set_search_text("jdm-002")
    assert proxy.rowCount() == 1
    proxy.set_search_text("nobody")
    assert proxy.rowCount() == 0
    proxy.set_search_text("")
    assert proxy.rowCount() == 3


def test_sorting_by_due_date_puts_blank_last(qapp):
    model = make_model(qapp)
    proxy = PatientSearchProxy()
    proxy.setSourceModel(model)
    proxy.sort(PatientTableModel.NEXT_VISIT_DUE, Qt.AscendingOrder)
    order = [proxy.data(proxy.index(r, PatientTableModel.STUDY_ID)) for r in range(3)]
    assert order == ["JDM-003", "JDM-001", "JDM-002"]
    proxy.sort(PatientTableModel.NAME, Qt.DescendingOrder)
    order = [proxy.data(proxy.index(r, PatientTableModel.NAME)) for r in range(3)]
    assert order == ["Smith, Ben", "Nguyen, Chi", "Lopez, Ana"]


def test_sort_order_and_search_survive_new_rows(qapp):
    model = make_model(qapp)
    proxy = PatientSearchProxy()
    proxy.setSourceModel(model)
    proxy.sort(PatientTableModel.STUDY_ID, Qt.DescendingOrder)
    proxy.set_search_text("jdm")
    model.set_rows(ROWS + [PatientRow(4, "JDM-004", "Ames, Dee", None, None, None)])
    order = [proxy.data(proxy.index(r, PatientTableModel.STUDY_ID)) for r in range(4)]
    assert order == ["JDM-004", "JDM-003", "JDM-002", "JDM-001"]
    # search keys moved with their rows
    proxy.set_search_text("ames")
    assert proxy.rowCount() == 1
    assert proxy.data(proxy.index(0, PatientTableModel.NAME)) == "Ames, Dee"


def test_set_rows_replaces_everything(qapp):
    model = make_model(qapp)
    model.set_rows(ROWS[:1])
    assert model.rowCount() == 1
    assert model.search_key(0).startswith("jdm-001 lopez, ana")


def test_a_change_of_language_words_the_rows_already_shown_again(qapp):
    """The words of a shown row are kept between paints; a new interface language must
    not keep the old ones (English "(overdue)" and month names in a French list)."""
    from app.forms.language import INTERFACE

    model = make_model(qapp)
    due = model.index(2, PatientTableModel.NEXT_VISIT_DUE)
    assert model.data(due) == "01 Nov 2026 (overdue)"
    INTERFACE.switch("fr")
    model.language_changed()
    in_french = model.data(due)
    assert "overdue" not in in_french and "Nov " not in in_french
    INTERFACE.switch("en")
    model.language_changed()
    assert model.data(due) == "01 Nov 2026 (overdue)"


@pytest.mark.parametrize(("ended", "words"), [("completed", "persistent-skin-rash (completed)"),
                                              ("withdrawn", "persistent-skin-rash (withdrawn)")])
def test_an_ended_enrollment_shows_its_plan_and_last_arm_with_how_it_ended(qapp, ended, words):
    model = PatientTableModel(today=TODAY, arm_label=lambda _plan, arm: f"Arm {arm}")
    model.set_rows([PatientRow(4, "JDM-004", "Ames, Dee", "persistent-skin-rash", "B", None,
                               ended)])
    assert model.data(model.index(0, PatientTableModel.PROTOCOL)) == words
    assert model.data(model.index(0, PatientTableModel.ARM)) == "Arm B"
    assert model.data(model.index(0, PatientTableModel.NEXT_VISIT_DUE)) == "—"
