"""The visit form, the printed visit summary and both CSV formats show the same scores for
every visit of a demo database (architecture, "One path from stored items to scores").

For each visit the test reads what each of the four shows: the visit form's section list
and its enzyme and response sections; the summary's outcome table (the cells the PDF
writer prints, and for a sample of visits the text of the rendered PDF); the REDCap import
CSV and the wide CSV. It compares CMAS, CHAQ disability index, MMT8, every enzyme ×ULN,
the TIS and its category, PRINTO and IMACS, each at the precision the coarser display
shows. (Until the scores had one path, the form and the exports scored through two
implementations that disagreed on a CHAQ "other" aid: tests/db/test_db_export.py.)
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.db.demo import fill_demo_database
from app.db.models import Enrollment, InstrumentValue, Patient, Visit
from app.domain.instruments.enzymes import ENZYMES
from app.domain.instruments.printed import fmt_num
from app.exports.export import export_database
from app.exports.records import catalogue_for
from app.exports.visit_report_data import gather_visit_report
from app.forms.visit_form import VisitFormWindow
from app.reports.csv_safety import read_csv
from app.reports.fields import numeric_codes
from app.reports.visit_summary_pdf import build_visit_summary, outcome_cells, visit_scores

pytestmark = pytest.mark.usefixtures("system_actor")

PATIENTS = 50  # about 260 visits
PDF_SAMPLE = 4  # visits whose summary is also rendered and read back
AS_OF = date(2026, 6, 1)
Key = tuple[str, int, str, int]  # study id, enrollment number, visit code, occurrence


def _float(text: str) -> float | None:
    return float(text) if text not in ("", "—") else None




_SCORE_CHOICES = ("resp_tis_category", "resp_printo_status", "resp_imacs_status")
_NUMBER_TO_CODE = {
    name: {number: code for code, number in numeric_codes(
        catalogue_for(None, False).fields_by_name[name]).items()}
    for name in _SCORE_CHOICES
}


def csv_scores(directory: Path, fmt: str) -> dict[Key, dict[str, str]]:
    """Per visit, the score columns of the export (REDCap rows or wide rows)."""
    rows = read_csv(directory / ("redcap_data.csv" if fmt == "redcap" else "wide_data.csv"))
    header, out = rows[0], {}
    for row in rows[1:]:
        values = dict(zip(header, row, strict=True))
        if fmt == "redcap":
            # The REDCap file writes choice codes as numbers; read them back as codes.
            for name, numbers in _NUMBER_TO_CODE.items():
                if values.get(name) in numbers:
                    values[name] = numbers[values[name]]
            if values["redcap_repeat_instrument"]:
                continue
            code, _, arm = values["redcap_event_name"].rpartition("_arm_")
            if code in ("registration", "enrollment"):
                continue
            occurrence = int(values["redcap_repeat_instance"] or 1)
            # The record id is SITE-studyid: the study id after the site code.
            key = (values["record_id"].partition("-")[2], int(arm), code, occurrence)
        else:
            key = (values["study_id"].partition("-")[2], int(values["enrollment_number"]),
                   values["visit_code"], int(values["visit_occurrence"]))
        out[key] = values
    return out


def shown_by_csv(values: dict[str, str]) -> dict[str, object]:
    return {
        "cmas": values["cmas_total"] or None,
        "chaq_di": _float(values["chaq_di"]),
        "mmt8": values["mmt8_total"] or None,
        "xuln": {e.code: _float(values[f"enz_{e.code}_xuln"]) for e in ENZYMES
                 if values[f"enz_{e.code}_xuln"]},
        "tis": _float(values["resp_tis"]),
        "category": values["resp_tis_category"] or None,
        "printo": values["resp_printo_status"] or None,
        "imacs": values["resp_imacs_status"] or None,
    }


def shown_by_form(window: VisitFormWindow) -> dict[str, object]:
    side = {}
    for row in range(window.section_list.count()):
        item = window.section_list.item(row)
        side[item.data(0x0100)] = item.text().partition("  —  ")[2]  # Qt.UserRole
    cmas = re.fullmatch(r"(\d+)/52", side.get("cmas", ""))
    chaq = re.fullmatch(r"DI ([\d.]+)", side.get("chaq", ""))
    mmt8 = re.fullmatch(r"(\d+)/(80|150)", side.get("mmt8", ""))
    xuln = {}
    if "enzymes" in window.section_keys:
        for code, label in window.section("enzymes").ratio.items():  # type: ignore[attr-defined]
            found = re.search(r"([\d.]+) × ULN", label.text())
            if found:
                xuln[code] = float(found.group(1))
    shown: dict[str, object] = {
        "cmas": cmas.group(1) if cmas else None,
        "chaq_di": float(chaq.group(1)) if chaq else None,
        "mmt8": mmt8.group(1) if mmt8 else None,
        "xuln": xuln,
    }
    if "response" in window.section_keys:
        line = window.section("response").score.text()  # e.g. "TIS 45.0 moderate; PRINTO: …"
        tis = re.match(r"TIS ([\d.]+) (\w+)", line)
        # The verdicts are shown in words ("not inactive"); the exports keep their codes.
        printo = re.search(r"PRINTO: ([a-z ]+)", line)
        imacs = re.search(r"IMACS: ([a-z ]+)", line)
        shown.update(tis=float(tis.group(1)) if tis else None,
                     category=tis.group(2) if tis else None,
                     printo=printo.group(1).strip().replace(" ", "_") if printo else None,
                     imacs=imacs.group(1).strip().replace(" ", "_") if imacs else None)
    return shown


def shown_by_summary(report) -> tuple[dict[str, object], list[list[str]]]:
    scores, base, response = visit_scores(report)
    cells = outcome_cells(report, scores, base)
    by_label = {row[0]: row[1] for row in cells}

    def before_slash(label: str) -> str | None:
        text = by_label.get(label, "—")
        return None if text == "—" else text.split(" / ")[0]

    mmt8_label = next(label for label in by_label if label.startswith("MMT8 total"))
    tis = response.tis
    shown: dict[str, object] = {
        "cmas": before_slash("CMAS total"),
        "chaq_di": _float(before_slash("CHAQ disability index (0-3)") or ""),
        "mmt8": before_slash(mmt8_label),
        "xuln": {e.code: float(by_label[f"{e.short} (× ULN)"]) for e in ENZYMES
                 if by_label.get(f"{e.short} (× ULN)", "—") != "—"},
        "printo": scores.printo.status.value if scores.printo else None,
        "tis": None if tis is None else tis.tis,
        "category": None if tis is None or tis.category is None else tis.category.value,
        "imacs": None if response.imacs is None else response.imacs.status.value,
    }
    return shown, cells


def agree(where: str, form: dict, summary: dict, redcap: dict, wide: dict,
          recorded: bool) -> None:
    """Each score the same at the precision of the coarser display. A visit with nothing
    recorded has no scores anywhere (the exports leave its response blank; the form and
    the summary say it cannot be decided)."""
    assert redcap == wide, f"{where}: the REDCap and wide CSVs differ"
    if not recorded:
        assert not any(redcap.values()), where
        assert form["cmas"] is form["mmt8"] is form["chaq_di"] is form.get("tis") is None, where
        assert summary["cmas"] is summary["mmt8"] is summary["tis"] is None, where
        return
    assert form["cmas"] == summary["cmas"] == redcap["cmas"], where
    assert form["mmt8"] == summary["mmt8"] == redcap["mmt8"], where
    assert summary["chaq_di"] == redcap["chaq_di"], where  # both 3 decimals
    expected_di = None if redcap["chaq_di"] is None else f"{redcap['chaq_di']:.2f}"
    shown_di = None if form["chaq_di"] is None else f"{form['chaq_di']:.2f}"
    assert shown_di == expected_di, where  # the form shows 2 decimals
    assert form["xuln"] == summary["xuln"] == redcap["xuln"], where
    if "tis" in form:  # follow-up visits: the form's response section
        for name in ("tis", "category", "printo", "imacs"):
            assert form[name] == summary[name] == redcap[name], (where, name)
    else:  # the summary also prints PRINTO at baseline
        assert summary["printo"] == redcap["printo"], where


@pytest.fixture
def demo(database):
    fill_demo_database(database, patients=PATIENTS, seed=5, as_of=AS_OF)
    return database


def test_form_summary_and_both_csv_formats_show_the_same_scores(qtbot, demo, tmp_path):
    export_database(demo, tmp_path / "redcap", fmt="redcap", user="t")
    export_database(demo, tmp_path / "wide", fmt="wide", user="t")
    redcap, wide = csv_scores(tmp_path / "redcap", "redcap"), csv_scores(tmp_path / "wide", "wide")
    with demo.reading() as session:
        rows = session.execute(
            select(Visit.id, Patient.study_id, Enrollment.id, Visit.visit_code,
                   Visit.occurrence)
            .join(Enrollment, Enrollment.id == Visit.enrollment_id)
            .join(Patient, Patient.id == Enrollment.patient_id)
            .order_by(Patient.study_id, Enrollment.enrollment_date, Enrollment.id, Visit.id)
        ).all()
        recorded = set(session.scalars(select(InstrumentValue.visit_id).distinct()))
    number: dict[str, dict[int, int]] = defaultdict(dict)
    checked = scored = 0
    rendered = 0
    for visit_id, study_id, enrollment_id, code, occurrence in rows:
        arm = number[study_id].setdefault(enrollment_id, len(number[study_id]) + 1)
        key = (study_id, arm, code, occurrence)
        where = f"{study_id} {code}:{occurrence}"
        window = VisitFormWindow(demo, visit_id, "t", today=AS_OF)
        try:
            form = shown_by_form(window)
        finally:
            window.close()
            window.deleteLater()
        with demo.reading() as session:
            report = gather_visit_report(session, study_id,
                                         f"{code}:{occurrence}" if occurrence > 1 else code)
        summary, cells = shown_by_summary(report)
        agree(where, form, summary, shown_by_csv(redcap[key]), shown_by_csv(wide[key]),
              recorded=visit_id in recorded)
        checked += 1
        scored += form["cmas"] is not None or bool(form["xuln"]) or form.get("tis") is not None
        if rendered < PDF_SAMPLE and form.get("tis") is not None:
            # The cells above are what the PDF prints: read one back to be sure.
            pdf = build_visit_summary(report, tmp_path / f"{visit_id}.pdf")
            text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
            text = " ".join(text.split())
            for row in cells:
                assert row[1] in text, (where, row)
            assert f"Total Improvement Score: {row_tis(summary)}" in text, where
            rendered += 1
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # free it now
    assert checked == len(rows) > 4 * PATIENTS  # every visit of the demo
    assert scored > len(rows) // 2 and rendered == PDF_SAMPLE  # and most have scores


def row_tis(summary: dict) -> str:
    return f"{fmt_num(summary['tis'], 1)} / 100"
