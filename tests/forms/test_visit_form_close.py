"""Closing a visit form with changes not saved asks first (issue 20.11: Alt+F4 on a visit
gave no prompt). Alt+F4 is the window manager's close request: the window receives a
QCloseEvent, sent here as the window manager would. The Close button and signing out go
through the same question. Answers: Save, Keep as draft, Discard changes, Cancel (the
safe default, also Escape)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from visit_fixtures import enrolled_patient, open_form, type_in

from app.db.drafts import load_draft
from app.db.visit_drafts import DRAFT_KIND, draft_key
from app.db.visits import load_visit
from app.forms import visit_form
from app.forms.widgets import ask_with_message_box

pytestmark = pytest.mark.usefixtures("system_actor")


class Answer:
    """Answers the close question as a person would, and remembers it was asked."""

    def __init__(self, choice: str) -> None:
        self.choice = choice
        self.asked: list[tuple[str, list[str]]] = []

    def __call__(self, _parent, title, _text, buttons):
        self.asked.append((title, list(buttons)))
        return self.choice


def alt_f4(window) -> bool:
    """What the window manager does on Alt+F4; True when the window accepted to close."""
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def typed_weight(qtbot, database, answer, weight="21.5"):
    _pid, _eid, visits = enrolled_patient(database)
    visit_id = visits["baseline"]
    window = open_form(qtbot, database, visit_id, ask_close=answer)
    window.show()
    qtbot.waitExposed(window)
    type_in(window.visit_date, "2026-05-04")
    type_in(window.section("medications").fields["weight_kg"], weight)
    assert window.dirty
    return window, visit_id


def stored_weight(database, visit_id):
    with database.reading() as s:
        entry = load_visit(s, visit_id).values.get("vitals", {}).get("weight_kg")
    return entry.value_num if entry else None


def draft_of(database, visit_id):
    with database.reading() as s:
        return load_draft(s, DRAFT_KIND, draft_key(visit_id))


def test_cancel_keeps_the_window_open_with_everything_typed(qtbot, database):
    answer = Answer(visit_form.STAY)
    window, visit_id = typed_weight(qtbot, database, answer)
    assert not alt_f4(window)
    assert answer.asked == [("Close visit", ["Save", "Keep as draft", "Discard changes",
                                             "Cancel"])]
    assert window.isVisible() and window.dirty
    assert window.section("medications").fields["weight_kg"].text() == "21.5"
    assert stored_weight(database, visit_id) is None


def test_save_stores_the_visit_then_closes(qtbot, database):
    window, visit_id = typed_weight(qtbot, database, Answer(visit_form.SAVE))
    assert alt_f4(window)
    assert stored_weight(database, visit_id) == 21.5
    assert draft_of(database, visit_id) is None


def test_save_refused_keeps_the_window_open_and_says_why(qtbot, database):
    window, visit_id = typed_weight(qtbot, database, Answer(visit_form.SAVE), weight="abc")
    assert not alt_f4(window)
    assert window.isVisible()
    assert "correcting before saving" in window.message.text()
    assert stored_weight(database, visit_id) is None


def test_discard_forgets_the_changes_and_their_draft(qtbot, database):
    window, visit_id = typed_weight(qtbot, database, Answer(visit_form.DISCARD))
    window.autosave_now()
    assert draft_of(database, visit_id) is not None
    assert alt_f4(window)
    assert draft_of(database, visit_id) is None
    assert stored_weight(database, visit_id) is None
    reopened = open_form(qtbot, database, visit_id)
    assert not reopened.banner.isVisibleTo(reopened) and not reopened.dirty
    assert reopened.section("medications").fields["weight_kg"].text() == ""


def test_keep_as_draft_closes_and_the_draft_is_offered_again(qtbot, database):
    window, visit_id = typed_weight(qtbot, database, Answer(visit_form.KEEP_DRAFT))
    assert alt_f4(window)
    assert stored_weight(database, visit_id) is None
    reopened = open_form(qtbot, database, visit_id)
    assert reopened.dirty and "recovered" in reopened.banner.text()
    # When, in the application's one date format (issue 20.9: not 2026-12-03 03:11).
    assert re.match(r"Unsaved entries from \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2} were",
                    reopened.banner.text()), reopened.banner.text()
    assert reopened.section("medications").fields["weight_kg"].text() == "21.5"


def test_the_close_button_asks_the_same_question(qtbot, database):
    answer = Answer(visit_form.STAY)
    window, _visit_id = typed_weight(qtbot, database, answer)
    close = next(b for b in window.findChildren(QPushButton) if b.text() == "Close")
    close.click()
    assert len(answer.asked) == 1 and window.isVisible()


def test_nothing_changed_closes_without_a_question(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    answer = Answer(visit_form.STAY)
    window = open_form(qtbot, database, visits["baseline"], ask_close=answer)
    window.show()
    assert alt_f4(window)
    assert answer.asked == []


def test_escape_in_the_real_question_cancels(qtbot, database, monkeypatch):
    """The message box itself: its safe default (Escape) is Cancel, the window stays."""
    monkeypatch.setattr(visit_form, "ask_with_message_box", ask_with_message_box)
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["baseline"])
    window.show()
    type_in(window.section("medications").fields["weight_kg"], "21.5")
    seen: list[list[str]] = []

    def press_escape():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append([b.text() for b in box.buttons()])
        box.reject()  # what Escape does: the escape button, Cancel

    QTimer.singleShot(0, press_escape)
    assert not alt_f4(window)
    assert seen and set(seen[0]) == {"Save", "Keep as draft", "Discard changes", "Cancel"}
    assert window.isVisible() and window.dirty
    # Teardown closes the form: it must not ask a question nobody answers.
    window.ask_close = lambda *_question: visit_form.KEEP_DRAFT
