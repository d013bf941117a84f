"""The visit form's sections in French (issue 21): every word the instrument registry
gives them is listed for translation, each section of a baseline and of a follow-up visit
is walked in French looking for English words of the .ts (as test_french.py does for the
other windows, here also reading table cells and the section list), and the domain's
sentences with numbers (problems at fields, the response's working) come out in French
with their numbers.

CDASI is left out: its section is being reworked with the study's scoring (issue 18).
"""

from __future__ import annotations

from datetime import date

import pytest
from instrument_words import LISTED_IN_THEIR_SECTION, instrument_words
from PySide6.QtWidgets import QListWidget, QTableWidget, QWidget
from test_french import (
    WORD,
    assert_french,
    english_only_words,
    plain,
    shoot,
    skipped,
    visible_texts,
)
from visit_fixtures import enrolled_patient, open_form, type_in

from app.db.visit_saving import save_visit
from app.db.visits import AdverseEventData, load_visit
from app.domain.visit_values import ItemEntry
from app.forms import terms
from app.forms.language import INTERFACE

pytestmark = pytest.mark.usefixtures("system_actor")

MMT8 = ("neck_flexors", "middle_deltoid", "biceps_brachii", "gluteus_maximus",
        "gluteus_medius", "quadriceps", "wrist_extensors", "ankle_dorsiflexors")
DOMAINS = ("dressing", "arising", "eating", "walking", "hygiene", "reach", "grip",
           "activities")


def visit_values(pga, parent, cmas, mmt8, chaq, ck, extramuscular):
    """A visit's stored items: the six core set measures (CK with a ULN of 200 U/L)."""
    def number(value):
        return ItemEntry(value_num=float(value))

    return {
        "global": {"pga_activity": number(pga), "parent_global_activity": number(parent),
                   "mdaat_extramuscular": number(extramuscular)},
        "cmas": {f"cmas_{i}": number(score) for i, score in enumerate(cmas, start=1)},
        "mmt8": {f"mmt_{group}": number(mmt8) for group in MMT8},
        "chaq": {f"chaq_{domain}_1": number(chaq) for domain in DOMAINS},
        "enzymes": {"ck": ItemEntry(value_num=float(ck), unit="U/L"),
                    "ck_uln": ItemEntry(value_num=200.0, unit="U/L")},
    }


# Baseline: PGA 6, parent 7, MMT8 6 x 8 = 48, CHAQ 2 in every domain (index 2), CK 900 U/L
# (4.5 x ULN), extramuscular 5. Month 1: PGA 1, parent 2, MMT8 9 x 8 = 72, CHAQ 1, CK 150
# U/L (0.75 x ULN), extramuscular 1.
BASELINE = visit_values(6, 7, (3, 1, 3, 2, 3, 2, 2, 2, 2, 3, 3, 3, 1, 2), 6, 2, 900, 5)
MONTH_1 = visit_values(1, 2, (5, 2, 5, 3, 6, 3, 3, 4, 3, 4, 4, 4, 1, 3), 9, 1, 150, 1)


def _save(database, visit_id, values, on):
    with database.session() as s:
        version = load_visit(s, visit_id).header.version_id
        save_visit(s, visit_id, values, [], user="nurse", expected_version=version,
                   visit_date=on)


# ------------------------------------------------------------------- what is listed

def test_every_instrument_word_is_listed_and_translated(french):
    """A label, answer, anchor or help added to an instrument (not CDASI, this round)
    cannot stay English: it must be listed in terms (context "Instrument item") and have
    a French translation with no English word of the .ts left in it."""
    wanted = instrument_words()
    listed = set(terms.LISTED[terms.INSTRUMENT_ITEM])
    assert wanted - listed == set(), "not listed in app/forms/terms.py"
    assert listed - wanted == set(), "listed but no longer shown"
    english = english_only_words()
    left = [(text, terms.item_words(text)) for text in sorted(wanted)
            if {w.lower() for w in WORD.findall(terms.item_words(text))} & english]
    assert left == []
    # Spot checks, worked out from the sources: a CMAS anchor, a CHAQ item, an MMT8 side.
    assert terms.item_words("Unable to lift leg off table") == \
        "Incapable de soulever la jambe de la table"
    assert terms.item_words("Climb up five steps?") == "Monter cinq marches\u202f?"
    assert terms.item_words("MMT8 quadriceps, left") == "MMT8 quadriceps, gauche"
    assert LISTED_IN_THEIR_SECTION == {"cdasi"}  # its section lists its own words


def test_a_new_instrument_label_would_fail_the_check(monkeypatch):
    """The check itself: an item label the registry gains without a listing is caught."""
    from app.domain.instruments import skin

    extra = skin.SKIN_ITEMS[0].__class__(**{**skin.SKIN_ITEMS[0].__dict__,
                                            "code": "skin_new", "label": "Brand-new finding"})
    monkeypatch.setattr(skin, "SKIN_ITEMS", (*skin.SKIN_ITEMS, extra))
    assert "Brand-new finding" in instrument_words() - set(terms.LISTED[terms.INSTRUMENT_ITEM])


# ------------------------------------------------------------- domain sentences in French

def test_a_response_explanation_reads_in_french_with_its_numbers(qtbot, french):
    """PRINTO and IMACS at month 1 against baseline, worked out by hand:
    PRINTO: CK 150 U/L <= 150 (met), CMAS 50 >= 48 (met), MMT8 72 < 78 (not met), PGA 1 >
    0.2 cm (not met): 2 of 4 -> not clinically inactive.
    IMACS: PGA (6 - 1) / 6 = 83.33 %, parent (7 - 2) / 7 = 71.43 %, MMT8 (72 - 48) / 48 =
    50 %, CHAQ (2 - 1) / 2 = 50 %, CK (4.5 - 0.75) / 4.5 = 83.33 %, extramuscular
    (5 - 1) / 5 = 80 %: all improved by 20 % or more -> improved.
    TIS: 20 + 10 + 27.5 + 7.5 + 7.5 + 15 = 87.5 -> major."""
    from app.forms.visit_sections.response import ResponseSection

    section = ResponseSection(BASELINE)
    qtbot.addWidget(section)
    section.set_current(MONTH_1)
    printo = plain(section.printo.text())
    assert printo.startswith("Maladie non cliniquement inactive : moins de 3 critères sur 4 "
                             "peuvent être remplis.")
    assert "2 critères PRINTO sur 4 remplis (CK, CMAS)\u202f; non remplis : MMT8, Activité " \
           "globale (médecin)." in printo
    assert "MMT8 72 : ne remplit pas >= 78." in printo
    assert "Activité globale (médecin) 1 : ne remplit pas <= 0,2 cm." in printo
    imacs = plain(section.imacs.text())
    assert imacs.startswith("Amélioration (définition IMACS).")
    assert "Examen musculaire manuel (MMT8) : (72 - 48) / 48 × 100 = 50% -> amélioration." \
        in imacs
    assert "Activité globale (médecin) : (6 - 1) / 6 × 100 = 83,33% -> amélioration." in imacs
    assert plain(section.total.text()).startswith("TIS 87,5 / 100 — réponse majeure")
    note = section.tis_note.text()
    assert "Force musculaire : MMT8 (complet aux deux visites)." in note
    assert "Enzyme la plus anormale à la visite initiale : CK (créatine kinase), 4,5 × LSN" \
        in note
    assert "Cette visite : CK (créatine kinase) : 150 U/L ÷ LSN 200 U/L = 0,75 × LSN" in note
    english = english_only_words()
    for text in (printo, imacs, note, plain(section.total.text()), section.score.text()):
        assert not {w.lower() for w in WORD.findall(text)} & english, text


def test_the_response_table_says_its_bands_in_french(qtbot, french):
    """Month 1 taken as the baseline and the baseline as this visit: every measure
    worsened (PGA 1 -> 6 cm), each band "worsened" in the domain, "aggravation" on screen
    (terms.band_words, as the French visit summary prints it)."""
    from app.forms.visit_sections.response import ResponseSection

    section = ResponseSection(MONTH_1)
    qtbot.addWidget(section)
    section.set_current(BASELINE)
    bands = [section.table.item(row, 4).text() for row in range(6)]
    assert bands == ["aggravation"] * 6


@pytest.mark.parametrize(("typed", "expected"), [
    ("abc", "CMAS, item 1 (élévation de la tête, secondes tenues) doit être un nombre de "
            "secondes, 0 ou plus\u202f; « abc » a été saisi."),
    ("-3", "CMAS, item 1 (élévation de la tête, secondes tenues) doit être un nombre de "
           "secondes, 0 ou plus\u202f; « -3 » a été saisi."),
])
def test_a_problem_at_a_field_is_said_in_french(qtbot, french, typed, expected):
    from app.forms.visit_sections.cmas import CmasSection

    section = CmasSection(8.0)
    qtbot.addWidget(section)
    field = section.fields["cmas_1_sec"]
    type_in(field, typed)
    assert field.validate() == expected
    assert field.message.text() == expected


def test_sentences_with_holes_keep_what_they_do_not_know(french):
    """A sentence no template matches is left as it is (never garbled); a known one is
    translated with its hole filled, around it."""
    text = 'Something new. MMT8: neck flexors must be a whole number from 0 to 10; "11" was ' \
        "entered."
    assert terms.phrases(terms.MESSAGE, text) == (
        "Something new. MMT8 : fléchisseurs du cou doit être un nombre entier de 0 à "
        '10\u202f; "11" a été saisi.')
    assert terms.phrases(terms.MESSAGE, "") == ""
    # A one-word entry ("no", "none") is a hole's word or a whole text, never a piece of
    # a word: "not", "nonexistent" stay as they are.
    assert terms.phrases(terms.MESSAGE, "no") == "non"
    assert terms.phrases(terms.MESSAGE, "not nonexistent") == "not nonexistent"
    assert terms.phrases(terms.MESSAGE, "incomplete") == "incomplet"


def test_sentences_cost_nothing_in_english(qapp):
    """In English the domain's text is shown as it is: no pattern is tried."""
    INTERFACE.switch("en")
    text = "MMT8: quadriceps must be a whole number from 0 to 10; \"11\" was entered."
    assert terms.phrases(terms.MESSAGE, text) is text


# ------------------------------------------------------------------ the whole visit form

def visible_texts_with_cells(window: QWidget) -> list[str]:
    """Besides what test_french reads: the cells of the tables and the section list."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or skipped(widget, window):
            continue
        if isinstance(widget, QTableWidget):
            for row in range(widget.rowCount()):
                for col in range(widget.columnCount()):
                    item = widget.item(row, col)
                    if item is not None:
                        found += [item.text(), item.toolTip()]
        elif isinstance(widget, QListWidget):
            found += [widget.item(row).text() for row in range(widget.count())]
    return [plain(text) for text in found if text and text.strip()]


def walk_sections(window, data: tuple[str, ...], name: str) -> list[str]:
    english = english_only_words()
    shown_sections = []
    for key in window.section_keys:
        if key in LISTED_IN_THEIR_SECTION:  # walked in French by its own test (test_french)
            continue
        window.show_section(key)
        shown = assert_french(window, data=data)
        cells = visible_texts_with_cells(window)
        for value in data:
            cells = [text.replace(value, " ") for text in cells]
        left = [text for text in cells if {w.lower() for w in WORD.findall(text)} & english
                and "CDASI" not in text]
        assert not left, f"{key}: English left in cells:\n" + "\n".join(left)
        shown_sections.append(key)
        shoot(window, f"{name}-{key}")  # every section, to look at (JDM_CTP_SCREENSHOTS)
        assert shown
    return shown_sections


def test_every_section_of_a_baseline_visit_in_french(qtbot, database, french):
    _pid, _eid, visits = enrolled_patient(database)
    _save(database, visits["baseline"], BASELINE, date(2026, 5, 4))
    window = open_form(qtbot, database, visits["baseline"])
    window.resize(1366, 768)
    window.show()
    # Problems at fields, from the domain's checks, in French.
    cmas = window.section("cmas")
    type_in(cmas.fields["cmas_1_sec"], "abc")
    mmt8 = window.section("mmt8")
    type_in(mmt8.fields["mmt_quadriceps"], "11")
    enzymes = window.section("enzymes")
    type_in(enzymes.value_fields["aldolase"], "x")
    sections = walk_sections(window, ("JDM-V01", "Baseline", "IVIG", "Ada", "Okafor"),
                             "baseline")
    assert {"globals", "cmas", "chaq", "mmt8", "enzymes", "skin", "mri", "autoantibodies",
            "medications", "adverse_events"} <= set(sections)
    assert mmt8.fields["mmt_quadriceps"].message.text() == (
        'MMT8 : quadriceps doit être un nombre entier de 0 à 10\u202f; « 11 » a été saisi.')
    assert "Total CMAS non calculé" in plain(cmas.score.text())


def test_every_section_of_a_follow_up_visit_in_french(qtbot, database, french):
    _pid, _eid, visits = enrolled_patient(database)
    _save(database, visits["baseline"], BASELINE, date(2026, 5, 4))
    _save(database, visits["month_1"], MONTH_1, date(2026, 6, 4))
    window = open_form(qtbot, database, visits["month_1"])
    window.resize(1366, 768)
    window.show()
    events = window.section("adverse_events")
    events.add_event(AdverseEventData(None, ""))
    events.table.item(0, 2).setText("2030-01-01")  # onset in the future: refused
    sections = walk_sections(window, ("JDM-V01", "Month 1", "Baseline", "IVIG", "Ada",
                                      "Okafor"), "follow-up")
    assert {"response", "steroid_exposure", "sun_protection", "skin"} <= set(sections)
    response = window.section("response")
    assert plain(response.total.text()).startswith("TIS 87,5 / 100 — réponse majeure")
    assert "Événement indésirable 1 : décrivez l'événement." in events.messages.text()
    events.table.item(0, 2).setText("2026-02-30")  # no 30 February: the date's own words
    assert ("Événement indésirable 1 : la date de début : « 2026-02-30 » est une date "
            "impossible : février 2026 compte 28 jours.") in events.messages.text()
    enzymes = window.section("enzymes")
    enzymes.collected.date.edit.setText("2026-13-01")
    assert enzymes.collected.validate() == (
        "Date du prélèvement : « 2026-13-01 » est une date impossible : il n'y a pas de mois "
        "13 (les mois vont de 1 à 12).")


def test_the_section_walk_finds_english(qtbot, database, french):
    """The check itself: a visit form built in English (before switching) fails it, in
    its sections' own words (the CMAS section's anchors), not only in its frame."""
    _pid, _eid, visits = enrolled_patient(database)
    INTERFACE.switch("en")
    window = open_form(qtbot, database, visits["baseline"])
    window.resize(1366, 768)
    window.show()
    window.section("cmas")
    INTERFACE.switch("fr")
    window.show_section("cmas")
    texts = visible_texts_with_cells(window) + [text for _where, text in visible_texts(window)]
    english = english_only_words()
    assert any("seconds held" in text for text in texts)
    assert any({w.lower() for w in WORD.findall(text)} & english for text in texts)


# ------------------------------------------------------------------- the cohort window

def test_cohort_window_in_french(qtbot, database, french):
    """Outcomes by arm on a small demo cohort, every tab but the weighted comparison
    (issue 19's, done apart): tab titles, table headers and rows, cells (mean, SD), the
    notes, the charts' titles, axes and legends, plurals with %n."""
    from app.db.demo import fill_demo_database
    from app.forms.cohort_window import CohortWindow

    fill_demo_database(database, patients=40, seed=5, as_of=date(2026, 11, 1))
    window = CohortWindow(database, background=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.windowTitle() == "Résultats par bras"
    assert window.plan.itemText(0) == "DMJ avec éruption cutanée persistante (34 inscriptions)"
    counts = window.tables["counts"]
    assert [counts.horizontalHeaderItem(c).text() for c in range(counts.columnCount())] == [
        "", "A\nIgIV", "B\nMycophénolate mofétil", "C\nCyclosporine"]
    baseline = window.tables["baseline"]
    assert baseline.horizontalHeaderItem(4).text() == "DMS A–B"
    age = baseline.item(0, 1).text()
    assert baseline.item(0, 0).text() == "Âge à l'inscription, années"
    assert "\nmoyenne " in age and "(ÉT " in age, age
    km = window.charts["km_chart"].chart
    assert km.title == "Maladie cliniquement inactive PRINTO atteinte (Kaplan–Meier)"
    assert (km.x.title, km.y.title) == ("mois depuis l'inscription", "proportion atteinte")
    assert [s.label for s in km.series if s.in_legend] == ["A (n = 2)", "B (n = 6)",
                                                          "C (n = 3)"]
    skin = window.charts["skin_chart"].chart
    assert [s.label for s in skin.series] == ["A médiane", "B médiane", "C médiane"]
    english = english_only_words()
    data = ("persistent-skin-rash", "Baseline", "Month", "IVIG")
    weighted = window.tabs.count() - 2  # the weighted comparison, then the notes
    for index in range(window.tabs.count()):
        if index == weighted:
            continue
        window.tabs.setCurrentIndex(index)
        assert_french(window, data=data)
        cells = visible_texts_with_cells(window)
        for value in data:
            cells = [text.replace(value, " ") for text in cells]
        left = [text for text in cells if {w.lower() for w in WORD.findall(text)} & english]
        assert not left, f"tab {index}: English left in cells:\n" + "\n".join(left)
        if index == 2:
            shoot(window, "cohort-inactive-disease")
    for chart in (km, skin, window.charts["tis_chart"].chart):
        words = [chart.title, chart.x.title, chart.y.title,
                 *(s.label for s in chart.series), *(b.label for b in chart.bands)]
        assert not [w for w in words if {x.lower() for x in WORD.findall(w)} & english], words
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[:6] == ["Patients", "Visite initiale", "Maladie inactive", "TIS et IMACS",
                        "EVA cutanée", "Corticostéroïdes et événements indésirables"]
    assert tabs[-1] == "Comment ces chiffres sont calculés"
    notes = window.notes.text()
    assert notes.startswith("Chaque inscription est analysée dans le bras où elle a commencé")
    assert not {w.lower() for w in WORD.findall(notes)} & english, notes
