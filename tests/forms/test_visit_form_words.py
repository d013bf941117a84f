"""The visit form speaks the clinic's words (issue 20.9): no internal codes ("Arm tnf",
"ivig", "physician_global", "clinical-rules §2.2"), and counts with their nouns in the
right form ("1 entry to correct", never "1 entries" or "item(s)").

Every visit of a skin-rash-plan enrollment (arm A, IVIG) and of a biologic-plan one (the
TNF-α inhibitor arm, whose code is "tnf") is opened with every section built, once as it
is and once with exactly one wrong entry in the scored sections, and every text shown is
read."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel
from visit_fixtures import enrolled_patient, open_form, type_in

from app.forms.visit_form import MissingReasonsDialog

pytestmark = pytest.mark.usefixtures("system_actor")

FORBIDDEN = {
    "a stored code": re.compile(r"\b[a-z]+_[a-z0-9_]+\b"),
    "a drug code": re.compile(r"\bivig\b|\binfliximab_"),
    "an arm code": re.compile(r"\b[Aa]rm (tnf|a)\b"),
    "a reference to the project's rule file": re.compile(r"clinical-rules|§"),
    "a plural written (s)": re.compile(r"\(s\)"),
    "a singular count with a plural noun": re.compile(
        r"\b1 (entries|grades|items|required items|assessments need|need correcting)\b"),
}

PLANS = [
    pytest.param("A", "persistent-skin-rash", (40.0, "g", "dose", "ivig"), "Arm A — IVIG",
                 id="skin-rash-arm-A"),
    pytest.param("tnf", "refractory-biologic", (10.0, "mg/kg", "dose", "infliximab"),
                 "TNF-α inhibitor", id="biologic-tnf"),
]


RULE_FILE = "a reference to the project's rule file"


def shown_texts(window) -> list[tuple[object, str]]:
    texts = [(window, window.windowTitle()), (window.message, window.message.text())]
    texts += [(w, w.text()) for w in window.findChildren(QLabel) if w.text()]
    texts += [(w, w.text()) for w in window.findChildren(QAbstractButton) if w.text()]
    texts += [(w, w.title()) for w in window.findChildren(QGroupBox)]
    texts += [(window.section_list, window.section_list.item(i).text())
              for i in range(window.section_list.count())]
    return texts


def offending(texts: list[tuple[object, str]], window=None) -> list[tuple[str, str]]:
    # The dose derivations too: a rule's source reads as the paper or label it comes from
    # (app/domain/source_words.py), though the plan file cites "clinical-rules §1.2".
    return [(why, text) for _widget, text in texts for why, pattern in FORBIDDEN.items()
            if pattern.search(text)]


def one_wrong_entry_each(window) -> None:
    """Exactly one wrong entry in each scored section, so every count reads "1 …"."""
    if "cmas" in window.section_keys:
        type_in(window.section("cmas").fields["cmas_1_sec"], "-3")
    if "mmt8" in window.section_keys:
        type_in(window.section("mmt8").fields["mmt_neck_flexors"], "11")
    if "globals" in window.section_keys:
        fields = window.section("globals").fields
        type_in(next(iter(fields.values())), "12")
    type_in(window.section("medications").fields["weight_kg"], "32")
    window.save()  # refused: the message counts the entries to correct


@pytest.mark.parametrize(("arm", "plan", "prescription", "arm_words"), PLANS)
def test_no_codes_and_right_plurals_on_every_visit(qtbot, database, arm, plan,
                                                   prescription, arm_words):
    _pid, _eid, visits = enrolled_patient(database, arm=arm, protocol_id=plan,
                                          prescription=prescription)
    for code, visit_id in visits.items():
        window = open_form(qtbot, database, visit_id)
        for key in window.section_keys:
            window.section(key)
        assert arm_words in window.title.text()
        found = offending(shown_texts(window), window)
        assert found == [], (code, found)
        one_wrong_entry_each(window)
        if "cmas" in window.section_keys:
            assert "1 entry to correct." in window.section("cmas").score.text()
        if "mmt8" in window.section_keys:
            assert "1 grade to correct." in window.section("mmt8").score.text()
        if "globals" in window.section_keys:
            assert "; 1 entry to correct" in window.section("globals").score.text()
        assert "entries need correcting before saving" in window.message.text()
        found = offending(shown_texts(window), window)
        assert found == [], (code, found)


def test_the_missing_items_dialog_counts_one_item_in_the_singular(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["baseline"])
    requirements = list(window.requirements())
    one = MissingReasonsDialog(requirements[:1], window)
    qtbot.addWidget(one)
    texts = [w.text() for w in one.findChildren(QLabel)]
    assert any(t.startswith("1 required item is blank. Enter it in the form") for t in texts)
    many = MissingReasonsDialog(requirements[:3], window)
    qtbot.addWidget(many)
    texts = [w.text() for w in many.findChildren(QLabel)]
    assert any(t.startswith("3 required items are blank. Enter them") for t in texts)
    assert offending([(None, t) for t in texts]) == []


def test_a_filled_follow_up_reads_in_words(qtbot, database):
    """With a baseline and a 6-month visit filled, every result line is in words (the
    PRINTO and IMACS verdicts were shown as "not_inactive")."""
    from test_visit_form import fill_baseline, fill_month6

    _pid, _eid, visits = enrolled_patient(database)
    baseline = open_form(qtbot, database, visits["baseline"])
    fill_baseline(baseline)
    assert baseline.save()
    window = open_form(qtbot, database, visits["month_6"])
    fill_month6(window)
    for key in window.section_keys:
        window.show_section(key)
    score = window.section("response").score.text()
    assert score.endswith("; PRINTO: undetermined; IMACS: undetermined"), score
    found = offending(shown_texts(window), window)
    assert found == [], found


def test_every_response_verdict_reads_in_words():
    """The verdicts the score line can show, "not_inactive" and "not_improved" among them."""
    from app.domain.response import ImprovementStatus, PrintoStatus
    from app.forms.visit_sections.response import _words

    shown = {_words(s.value) for s in (*PrintoStatus, *ImprovementStatus)}
    assert {"not inactive", "not improved", "inactive", "improved", "undetermined"} <= shown
    assert offending([(None, text) for text in shown]) == []
