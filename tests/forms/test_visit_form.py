"""Fill a baseline and a 6-month visit item by item on a fresh database and check every
computed total against arithmetic done by hand; validation messages; draft recovery;
the dose-out-of-protocol flag; mark complete; the response section (issue 8)."""

from __future__ import annotations

from datetime import date

import pytest
from visit_fixtures import TODAY, enrolled_patient, open_form, type_in

from app.db.drafts import load_draft
from app.db.models import Visit
from app.db.visits import load_visit
from app.domain.visit_form import ItemEntry
from app.forms.visit_form import VisitFormWindow

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")


def shiboken_valid(widget) -> bool:
    from shiboken6 import isValid

    return isValid(widget)


def choose(field, value):
    combo = field.combo
    for i in range(combo.count()):
        data = combo.itemData(i)
        if data is not None and (
            data == value
            or (
                isinstance(value, int | float)
                and not isinstance(data, str)
                and float(data) == float(value)
            )
        ):
            combo.setCurrentIndex(i)
            return
    raise AssertionError(f"{value!r} not offered")


def fill_globals(window, values):
    fields = window.section("globals").fields
    for code, text in values.items():
        type_in(fields[code], text)


def fill_cmas(window, scores, seconds):
    fields = window.section("cmas").fields
    for code, score in scores.items():
        choose(fields[code], score)
    for code, sec in seconds.items():
        type_in(fields[f"{code}_sec"], sec)


def fill_chaq(window, answers, flags=(), pain="3", wellbeing="4"):
    section = window.section("chaq")
    for code, answer in answers.items():
        choose(section.fields[code], answer)
    for flag in flags:
        section.flags[flag].setChecked(True)
    type_in(section.fields["chaq_pain_vas"], pain)
    type_in(section.fields["chaq_wellbeing_vas"], wellbeing)


def chaq_answers(domains):
    from app.domain.instruments.chaq import DOMAINS

    out = {}
    for domain in DOMAINS:
        for code, answer in zip(domain.item_codes, domains[domain.code], strict=True):
            out[code] = answer
    return out


BASELINE_GLOBALS = {
    "mdaat_cutaneous_vas": "6",
    "pga_activity": "5",
    "parent_global_activity": "6",
    "pga_skin": "5.5",
    "parent_global_skin": "6.5",
    "mdaat_extramuscular": "4",
}
# CMAS baseline: items 1, 3 and 8 by seconds: 45 s -> 3, 130 s -> 5, 20 s (item 8) -> 2.
BASELINE_CMAS = {
    "cmas_2": 2,
    "cmas_4": 3,
    "cmas_5": 4,
    "cmas_6": 2,
    "cmas_7": 3,
    "cmas_9": 2,
    "cmas_10": 3,
    "cmas_11": 3,
    "cmas_12": 3,
    "cmas_13": 2,
    "cmas_14": 2,
}
BASELINE_SECONDS = {"cmas_1": "45", "cmas_3": "130", "cmas_8": "20"}
# CHAQ baseline: dressing max 1 but a dressing device raises it to 2; eating has an N/A;
# activities all N/A -> unanswered.
BASELINE_CHAQ = chaq_answers(
    {
        "dressing": [1, 0, 0, 1],
        "arising": [1, 1],
        "eating": [0, 0, "na"],
        "walking": [2, 1],
        "hygiene": [0, 1, 0, 0, 0],
        "reach": [1, 0, 1, 0],
        "grip": [0, 0, 1, 0, 0],
        "activities": ["na"] * 5,
    }
)
BASELINE_MMT8 = {
    "mmt_neck_flexors": "6",
    "mmt_middle_deltoid": "8",
    "mmt_biceps_brachii": "8",
    "mmt_gluteus_maximus": "7",
    "mmt_gluteus_medius": "7",
    "mmt_quadriceps": "8",
    "mmt_wrist_extensors": "9",
    "mmt_ankle_dorsiflexors": "9",
}


def fill_baseline(window):
    fill_globals(window, BASELINE_GLOBALS)
    fill_cmas(window, BASELINE_CMAS, BASELINE_SECONDS)
    fill_chaq(window, BASELINE_CHAQ, flags=("aid_dressing_devices",))
    mmt = window.section("mmt8")
    for code, grade in BASELINE_MMT8.items():
        type_in(mmt.fields[code], grade)
    enzymes = window.section("enzymes")
    type_in(enzymes.fields["collected_on"], "2026-05-04")
    type_in(enzymes.fields["ck"], "600")
    type_in(enzymes.fields["ck_uln"], "200")
    type_in(enzymes.fields["aldolase"], "15.2")
    type_in(enzymes.fields["aldolase_uln"], "7.6")
    type_in(enzymes.fields["ast"], "1.2")
    enzymes.fields["ast"].unit_box.setCurrentText("µkat/L")
    type_in(enzymes.fields["ast_uln"], "40")
    type_in(window.section("medications").fields["weight_kg"], "20")
    type_in(window.visit_date, "2026-05-04")


def test_baseline_totals_worked_by_hand(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["baseline"])
    fill_baseline(window)

    cmas = window.section("cmas").result()
    # 3 (45 s) + 2 + 5 (130 s) + 3 + 4 + 2 + 3 + 2 (20 s, item 8) + 2 + 3 + 3 + 3 + 2 + 2 = 39
    assert cmas.total == 39
    assert "CMAS total 39 / 52" in window.section("cmas").score.text()

    chaq = window.section("chaq").result()
    # Domains: dressing max(1,0,0,1)=1 raised to 2 by the dressing device; arising 1;
    # eating max(0,0,N/A)=0; walking 2; hygiene 1; reach 1; grip 1; activities all N/A ->
    # unanswered. DI = (2+1+0+2+1+1+1) / 7 = 8/7 = 1.142857...
    assert chaq.domains_answered == 7
    assert chaq.domain_sum == 8
    assert chaq.disability_index == pytest.approx(8 / 7)
    dressing = next(d for d in chaq.domains if d.code == "dressing")
    assert dressing.raised and dressing.score == 2
    assert "1.143" in window.section("chaq").score.text()

    mmt = window.section("mmt8").result()
    # unilateral: 6 + 8 + 8 + 7 + 7 + 8 + 9 + 9 = 62 of 80
    assert (mmt.total, mmt.maximum) == (62, 80)

    enzymes = window.section("enzymes")
    # CK 600 / 200 = 3.00; aldolase 15.2 / 7.6 = 2.00; AST 1.2 µkat/L × 60 = 72 U/L / 40 = 1.80
    assert enzymes.ratio["ck"].text() == "<b>3.00 × ULN</b>"
    assert enzymes.ratio["aldolase"].text() == "<b>2.00 × ULN</b>"
    assert enzymes.ratio["ast"].text() == "<b>1.80 × ULN</b>"
    assert "CK (creatine kinase), 3 × ULN" in enzymes.score.text()

    assert window.save()
    with database.session() as s:
        record = load_visit(s, visits["baseline"])
    assert record.header.status == "draft"
    assert record.values["cmas"]["cmas_1_sec"].value_num == 45
    assert "cmas_1" not in record.values["cmas"]  # the seconds decide the score
    assert record.values["chaq"]["chaq_eating_3"].value_text == "na"
    assert record.values["chaq"]["aid_dressing_devices"].value_num == 1
    assert record.values["mmt8"]["variant"].value_text == "unilateral"
    assert record.values["enzymes"]["ast"].unit == "µkat/L"
    assert record.values["global"]["pga_skin"].value_num == 5.5


def fill_month6(window):
    fill_globals(
        window,
        {
            "mdaat_cutaneous_vas": "3",
            "pga_activity": "2",
            "parent_global_activity": "3",
            "pga_skin": "2.5",
            "parent_global_skin": "3",
            "mdaat_extramuscular": "1",
        },
    )
    # CMAS 6 months: item 1 scored directly 4, item 3 150 s -> 5, item 8 65 s -> 4
    fill_cmas(
        window,
        {
            "cmas_1": 4,
            "cmas_2": 2,
            "cmas_4": 3,
            "cmas_5": 5,
            "cmas_6": 3,
            "cmas_7": 3,
            "cmas_9": 3,
            "cmas_10": 4,
            "cmas_11": 4,
            "cmas_12": 4,
            "cmas_13": 3,
            "cmas_14": 3,
        },
        {"cmas_3": "150", "cmas_8": "65"},
    )
    # CHAQ: walking items 0 and 0 but a cane raises walking to 2; activities has an N/A.
    fill_chaq(
        window,
        chaq_answers(
            {
                "dressing": [0, 0, 0, 0],
                "arising": [1, 0],
                "eating": [0, 0, 0],
                "walking": [0, 0],
                "hygiene": [0, 0, 0, 0, 0],
                "reach": [0, 0, 0, 0],
                "grip": [0, 0, 0, 0, 0],
                "activities": [0, 1, "na", 0, 0],
            }
        ),
        flags=("aid_cane",),
        pain="1",
        wellbeing="1.5",
    )
    mmt = window.section("mmt8")
    mmt.bilateral.setChecked(True)
    grades = {
        "mmt_neck_flexors": "9",
        "mmt_middle_deltoid_r": "9",
        "mmt_middle_deltoid_l": "9",
        "mmt_biceps_brachii_r": "10",
        "mmt_biceps_brachii_l": "9",
        "mmt_gluteus_maximus_r": "8",
        "mmt_gluteus_maximus_l": "8",
        "mmt_gluteus_medius_r": "9",
        "mmt_gluteus_medius_l": "8",
        "mmt_quadriceps_r": "10",
        "mmt_quadriceps_l": "10",
        "mmt_wrist_extensors_r": "10",
        "mmt_wrist_extensors_l": "10",
        "mmt_ankle_dorsiflexors_r": "10",
        "mmt_ankle_dorsiflexors_l": "10",
    }
    for code, grade in grades.items():
        type_in(mmt.fields[code], grade)
    enzymes = window.section("enzymes")
    type_in(enzymes.fields["collected_on"], "2026-11-02")
    type_in(enzymes.fields["ck"], "150")
    type_in(enzymes.fields["ck_uln"], "200")
    type_in(window.visit_date, "2026-11-04")


def test_month6_totals_and_response_read_from_the_form(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    baseline = open_form(qtbot, database, visits["baseline"])
    fill_baseline(baseline)
    assert baseline.save()
    window = open_form(qtbot, database, visits["month_6"])
    fill_month6(window)

    # 4 + 2 + 5 (150 s) + 3 + 5 + 3 + 3 + 4 (65 s) + 3 + 4 + 4 + 4 + 3 + 3 = 50
    assert window.section("cmas").result().total == 50
    chaq = window.section("chaq").result()
    # dressing 0, arising 1, eating 0, walking 0 -> 2 (cane), hygiene 0, reach 0, grip 0,
    # activities max(0,1,N/A,0,0) = 1: DI = (0+1+0+2+0+0+0+1) / 8 = 4/8 = 0.5
    assert chaq.disability_index == pytest.approx(0.5)
    walking = next(d for d in chaq.domains if d.code == "walking")
    assert walking.raised and walking.raised_by == ("Cane",)
    mmt = window.section("mmt8").result()
    # bilateral: neck 9 + (9+9) + (10+9) + (8+8) + (9+8) + (10+10) + (10+10) + (10+10) = 139
    assert (mmt.variant.value, mmt.total, mmt.maximum) == ("bilateral", 139, 150)
    # CK 150 / 200 = 0.75 × ULN
    assert window.section("enzymes").ratio["ck"].text() == "<b>0.75 × ULN</b>"

    window.show_section("response")
    response = window.section("response")
    # TIS (provisional percent-change rule), baseline -> 6 months:
    #   physician global (5-2)/10 = 30%  -> >25-40 -> 17.5
    #   parent global    (6-3)/10 = 30%  -> >25-40 ->  7.5
    #   muscle: MMT8 variants differ (unilateral vs bilateral), so CMAS:
    #                    (50-39)/52 = 21.15% -> >20-30 -> 27.5
    #   CHAQ             (8/7 - 0.5)/3 = 21.43% -> >15-25 -> 7.5
    #   enzyme CK ×ULN   (3 - 0.75)/3 = 75% -> >40 -> 7.5
    #   extramuscular    (4-1)/10 = 30% -> >25-40 -> 15
    #   TIS = 17.5 + 7.5 + 27.5 + 7.5 + 7.5 + 15 = 82.5 -> major (>= 70)
    assert response.tis() == pytest.approx(82.5)
    assert response.category() == "major"
    assert "TIS 82.5 / 100 — major response" in response.total.text()
    assert "provisional" in response.total.text()
    points = [response.table.item(r, 5).text() for r in range(6)]
    assert points == ["17.5", "7.5", "27.5", "7.5", "7.5", "15"]
    assert response.table.item(6, 5).text() == "82.5"
    # PRINTO: CK 150 <= 150 met, CMAS 50 >= 48 met, MMT8 bilateral -> not available,
    # PGA 2 > 0.2 not met: 2 met, 1 unknown -> undetermined
    assert response.response.printo.status.value == "undetermined"
    assert window.save()


def test_validation_message_for_each_out_of_range_field(qtbot, database):
    _pid, _eid, visits = enrolled_patient(
        database, arm="C", prescription=(60.0, "mg", "day", "cyclosporine")
    )
    window = open_form(qtbot, database, visits["baseline"])
    cases = [
        (
            window.section("globals").fields["pga_activity"],
            "12",
            "Physician global assessment of disease activity must be a number from 0 to 10 cm, "
            'in steps of 0.1 cm; "12" was entered.',
        ),
        (
            window.section("globals").fields["pga_skin"],
            "5.55",
            "Physician global assessment of skin disease activity must be a number from 0 to 10 "
            'cm, in steps of 0.1 cm; "5.55" was entered.',
        ),
        (
            window.section("cmas").fields["cmas_1_sec"],
            "-3",
            "CMAS item 1 (head elevation, seconds held) must be a number of seconds, 0 or more; "
            '"-3" was entered.',
        ),
        (
            window.section("chaq").fields["chaq_pain_vas"],
            "11",
            "CHAQ: pain in the past week (VAS) must be a number from 0 to 10 cm, in steps of 0.1 "
            'cm; "11" was entered.',
        ),
        (
            window.section("mmt8").fields["mmt_quadriceps"],
            "11",
            'MMT8: quadriceps must be a whole number from 0 to 10; "11" was entered.',
        ),
        (
            window.section("enzymes").fields["ck"],
            "-5",
            'CK (creatine kinase): the result must be a number from 0 to 10,000,000; "-5" '
            "was entered.",
        ),
        (
            window.section("enzymes").fields["ck_uln"],
            "0",
            "CK (creatine kinase): the upper limit of normal must be a number from 0.001 to "
            '100,000; "0" was entered.',
        ),
        (window.section("medications").fields["weight_kg"], "300", None),
        (window.section("medications").fields["height_cm"], "20", None),
        (
            window.section("medications").fields["bp_systolic"],
            "400",
            "Systolic blood pressure must be a whole number from 50 to 250 mmHg; "
            '"400" was entered.',
        ),
        (
            window.section("medications").fields["bp_diastolic"],
            "10",
            "Diastolic blood pressure must be a whole number from 20 to 150 mmHg; "
            '"10" was entered.',
        ),
        (
            window.section("medications").fields["creatinine"],
            "5000",
            'Creatinine must be a number from 5 to 2000 µmol/L; "5000" was entered.',
        ),
    ]
    for field, text, expected in cases:
        type_in(field, text)
        shown = field.message.text()
        assert not field.message.isHidden(), field.item
        if expected is not None:
            assert shown == expected
        else:
            assert shown and text in shown
    assert "Weight" in window.section("medications").fields["weight_kg"].message.text()
    # A date says what is wrong in red beside itself (the shared date field, issue 20.3).
    collected = window.section("enzymes").fields["collected_on"]
    type_in(collected, "2026-13-40")
    assert collected.date.words.text() == (
        '"2026-13-40" is an impossible date: there is no month 13 (months run from 1 to 12).')
    assert collected.message.isHidden()  # (no second message under it)
    assert collected.validate() == "Collection date: " + collected.date.words.text()
    assert not window.save()  # nothing invalid is saved ...
    assert "correcting" in window.message.text()
    assert window.section("globals").fields["pga_activity"].text() == "12"  # ... and kept


def test_draft_recovered_after_window_destroyed_without_saving(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    # Not registered with qtbot: this window is destroyed by the test itself.
    window = VisitFormWindow(database, visits["baseline"], "nurse", today=TODAY, autosave_ms=30)
    with qtbot.waitSignal(window.draft_saved, timeout=3000):
        type_in(window.section("globals").fields["pga_activity"], "7.3")
        choose(window.section("cmas").fields["cmas_4"], 2)
        type_in(window.section("cmas").fields["cmas_1_sec"], "12")
        type_in(window.section("mmt8").fields["mmt_biceps_brachii"], "abc")  # kept as typed
        window.section("chaq").flags["help_walking"].setChecked(True)
        window.show_section("mmt8")
    with database.session() as s:
        assert load_draft(s, "visit", f"visit:{visits['baseline']}") is not None
    # The crash: the window goes away without Save and without a close event.
    window.hide()
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken_valid(window), timeout=2000)

    again = open_form(qtbot, database, visits["baseline"])
    assert again.section("globals").fields["pga_activity"].text() == "7.3"
    assert again.section("globals").fields["pga_activity"].slider.value() == 73
    assert again.section("cmas").fields["cmas_4"].value() == 2
    assert again.section("cmas").fields["cmas_1_sec"].text() == "12"
    assert again.section("mmt8").fields["mmt_biceps_brachii"].text() == "abc"
    assert again.section("chaq").flags["help_walking"].isChecked()
    assert "recovered" in again.banner.text()
    assert again.section_keys[again.section_list.currentRow()] == "mmt8"  # where it was
    with database.session() as s:
        assert load_visit(s, visits["baseline"]).values == {}  # nothing saved behind our back


def test_dose_out_of_protocol_flag_after_weight_change(qtbot, database):
    # Arm A IVIG 2 g/kg: 40 g was prescribed for 20 kg.
    _pid, _eid, visits = enrolled_patient(database, prescription=(40.0, "g", "dose", "ivig"))
    window = open_form(qtbot, database, visits["month_6"])
    meds = window.section("medications")
    type_in(meds.fields["weight_kg"], "20")  # 2 g/kg × 20 kg = 40 g: within the rule
    assert not meds.dose_out_of_protocol()
    assert meds.flag.isHidden()
    type_in(meds.fields["weight_kg"], "25")  # 2 g/kg × 25 kg = 50 g; 40 g is 20% off (> 10%)
    assert meds.dose_out_of_protocol()
    assert not meds.flag.isHidden()
    assert "OUTSIDE the protocol rule" in meds.flag.text()
    assert "50 g/dose" in meds.recheck.text()
    type_in(meds.fields["weight_kg"], "40")  # 80 g -> capped at 70 g; 40 g is far below
    assert meds.dose_out_of_protocol()


def test_arm_c_prompts_blood_pressure_and_creatinine(qtbot, database):
    _pid, _eid, visits = enrolled_patient(
        database, arm="C", prescription=(60.0, "mg", "day", "cyclosporine")
    )
    window = open_form(qtbot, database, visits["month_1"])
    labels = [r.label for r in window.requirements()]
    assert "Blood pressure, systolic" in labels and "Creatinine" in labels
    meds = window.section("medications")
    assert "not yet entered" in meds.score.text()
    type_in(meds.fields["weight_kg"], "20")  # at least 3 mg/kg/day = 60 mg: 60 mg is fine
    assert not meds.dose_out_of_protocol()
    type_in(meds.fields["weight_kg"], "25")  # minimum now 75 mg/day: 60 mg is below
    assert meds.dose_out_of_protocol()


def test_mark_complete_needs_values_or_reasons_and_edit_needs_reason(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    asked = []

    def ask_missing(missing):
        asked.append([r.code for r in missing])
        return {r.code: "not_done" for r in missing}

    reasons = []
    window = open_form(
        qtbot,
        database,
        visits["baseline"],
        ask_missing=ask_missing,
        ask_reason=lambda title, prompt: reasons.append(prompt) or "typo fixed",
    )
    fill_baseline(window)
    assert window.mark_complete()
    assert "skin:skin_ulceration" in asked[0] and "mri:done" in asked[0]
    assert "cmas:cmas_1" not in asked[0]  # entered by seconds
    with database.session() as s:
        record = load_visit(s, visits["baseline"])
    assert record.header.status == "complete"
    assert record.values["skin"]["skin_ulceration"].missing_reason == "not_done"
    assert record.values["skin"]["skin_ulceration"].value_text is None

    type_in(window.section("globals").fields["pga_activity"], "4.5")
    assert window.save()
    assert reasons  # a reason for change was asked
    from sqlalchemy import select

    from app.db.models import AuditEntry

    with database.session() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.field == "global").order_by(AuditEntry.id.desc())
        ).first()
        assert entry.reason == "typo fixed"
        assert '"pga_activity"' in entry.new_value


def test_mark_complete_refused_without_reasons(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["baseline"], ask_missing=lambda missing: None)
    assert not window.mark_complete()
    assert "neither a value nor a reason" in window.message.text()
    with database.session() as s:
        assert load_visit(s, visits["baseline"]).header.status == "not_started"


def test_cmas_age_caveat_under_five(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database, dob=date(2022, 6, 1))
    window = open_form(qtbot, database, visits["baseline"])
    caveat = window.section("cmas").caveat
    assert not caveat.isHidden() and "46.6" in caveat.text()


def test_adverse_events_saved(qtbot, database):
    from app.db.visits import AdverseEventData

    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["month_1"])
    section = window.section("adverse_events")
    section.add_event(
        AdverseEventData(
            None, "Infusion headache", date(2026, 6, 1), None, False, "probable", "slowed infusion",
            "infusion_reaction",
        )
    )
    assert window.save()
    with database.session() as s:
        events = load_visit(s, visits["month_1"]).adverse_events
    assert [(e.description, e.relation) for e in events] == [("Infusion headache", "probable")]
    assert section.ids[0] == events[0].id


def test_cmas_sit_up_variants_give_item_5(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["month_1"])
    cmas = window.section("cmas")
    for code, able in zip("abcdef", (1, 1, 0, 1, 0, 1), strict=True):
        choose(cmas.fields[f"cmas_5{code}"], able)
    # 1 + 1 + 0 + 1 + 0 + 1 = 4 variants done -> item 5 scores 4
    item5 = next(i for i in cmas.result().items if i.code == "cmas_5")
    assert item5.score == 4
    assert "→ score 4" in cmas.derived["cmas_5"].text()
    assert not cmas.fields["cmas_5"].combo.isEnabled()
    assert window.save()
    with database.session() as s:
        stored = load_visit(s, visits["month_1"]).values["cmas"]
    assert "cmas_5" not in stored and stored["cmas_5c"].value_num == 0


def test_signed_visit_is_read_only(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    with database.session() as s:
        s.get(Visit, visits["month_1"]).status = "signed"
    window = open_form(qtbot, database, visits["month_1"])
    assert not window.save_button.isEnabled() and not window.stack.isEnabled()
    assert "signed" in window.banner.text()


def test_arm_b_requires_height_for_the_m2_dose(qtbot, database):
    _pid, _eid, visits = enrolled_patient(
        database, arm="B", prescription=(550.0, "mg", "dose", "mycophenolate mofetil")
    )
    window = open_form(qtbot, database, visits["month_1"])
    assert "vitals:height_cm" in {r.code for r in window.requirements()}
    meds = window.section("medications")
    type_in(meds.fields["weight_kg"], "25")
    type_in(meds.fields["height_cm"], "120")
    # greater of 10 mg/kg = 250 mg and 600 mg/m² × √(120 × 25 / 3600) = 547.7 -> 548 mg;
    # 550 mg is within 10 %
    assert not meds.dose_out_of_protocol()


def test_closing_the_window_writes_the_draft_at_once(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["month_1"], autosave_ms=60_000)
    type_in(window.section("globals").fields["pga_skin"], "3.3")
    window.close()  # long before the debounce timer would fire
    with database.session() as s:
        draft = load_draft(s, "visit", f"visit:{visits['month_1']}")
    assert draft["values"]["global"]["pga_skin"][0] == 3.3


def test_unscheduled_visit_offers_follow_up_sections_and_requires_nothing(qtbot, database):
    from app.db.visit_timeline import add_unscheduled_visit

    _pid, eid, _visits = enrolled_patient(database)
    with database.session() as s:
        vid = add_unscheduled_visit(s, eid, date(2026, 7, 20), user="nurse")
    window = open_form(qtbot, database, vid, ask_missing=lambda missing: None)
    assert "cmas" in window.section_keys and "response" in window.section_keys
    assert window.requirements() == ()
    assert window.mark_complete()  # nothing is required at an unscheduled visit


def test_stale_save_is_refused_and_entries_kept(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    first = open_form(qtbot, database, visits["month_1"])
    second = open_form(qtbot, database, visits["month_1"])
    type_in(first.section("globals").fields["pga_activity"], "2")
    assert first.save()
    type_in(second.section("globals").fields["pga_activity"], "3")
    assert not second.save()
    assert "changed by someone else after you opened it" in second.message.text()
    assert "Global assessments (by nurse)" in second.message.text()
    assert second.section("globals").fields["pga_activity"].text() == "3"


def test_site_uln_defaults_fill_a_blank_uln(qtbot, database):
    from app.forms.visit_sections.enzymes import load_uln_defaults, save_uln_defaults

    defaults = load_uln_defaults()
    defaults["ck"] = (150.0, "U/L")
    save_uln_defaults(defaults)  # kept in the (test's private) config folder
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["month_1"])
    enzymes = window.section("enzymes")
    assert enzymes.fields["ck_uln"].edit.placeholderText() == "150"
    type_in(enzymes.fields["ck"], "300")  # 300 / 150 = 2.00 × ULN with the site default
    assert enzymes.ratio["ck"].text() == "<b>2.00 × ULN</b>"
    values = window.collect_values()
    assert values["enzymes"]["ck_uln"] == ItemEntry(value_num=150.0, unit="U/L")
