"""`jdm-ctp cohort`: a signed-in person writes the outcomes by arm as PDF, CSV or plot
images; the files hold aggregates only (no name, MRN or study id), a wrong password or an
unknown plan is one plain line and exit 1, and the database is not written."""

from __future__ import annotations

import re
from datetime import date

import pytest
from database_fixtures import add_people, password_file
from pypdf import PdfReader
from sqlalchemy import select

from app.cli import main
from app.db.demo import fill_demo_database
from app.db.models import Patient, PatientIdentity
from app.db.opening import open_database
from app.domain.permissions import DEMO_DATA_TASK


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def demo_clinic(db, *, seed: int, as_of: date):
    """40 demo children in a new database (as `jdm-ctp demo-data` fills it), a signed-in
    doctor's arguments, and every identifier that must never reach an output."""
    database = open_database(db)
    database.actor = DEMO_DATA_TASK
    fill_demo_database(database, patients=40, seed=seed, as_of=as_of)
    add_people(database)
    with database.reading() as s:
        identifiers = {v for row in s.execute(select(
            PatientIdentity.given_name, PatientIdentity.family_name, PatientIdentity.mrn))
            for v in row} | set(s.scalars(select(Patient.study_id)))
    database.dispose()
    return str(db), ["--user", "doc", "--password-file", str(password_file(db.parent))], \
        identifiers


@pytest.fixture
def clinic(tmp_path, monkeypatch):
    return demo_clinic(tmp_path / "clinic.sqlite3", seed=3, as_of=date(2026, 9, 1))


def _leaks(text: str, identifiers: set[str]) -> list[str]:
    return [i for i in identifiers if re.search(rf"\b{re.escape(i)}\b", text)]


def test_pdf_report_without_identifiers(capsys, tmp_path, clinic):
    db, who, identifiers = clinic
    before = open(db, "rb").read()
    code, out, err = run(capsys, "cohort", "--db", db, "--out", str(tmp_path / "r"), *who)
    assert code == 0, err
    pdf = tmp_path / "r" / "cohort_persistent-skin-rash.pdf"
    assert str(pdf) in out and "enrollments in persistent-skin-rash computed in" in out
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    for title in ("Patients and follow-up by arm", "Baseline characteristics by arm",
                  "Time to PRINTO clinically inactive disease", "MDAAT cutaneous activity",
                  "Corticosteroid exposure", "Adverse events per patient-year",
                  "Reached PRINTO clinically inactive disease (Kaplan–Meier)",
                  "Exploratory: propensity-score weighted comparison"):
        assert title in text
    assert _leaks(text, identifiers) == []
    assert open(db, "rb").read() == before  # reading only: the database is unchanged


def test_pdf_report_in_french_when_asked(capsys, tmp_path, clinic, qapp):
    from app.forms.language import INTERFACE

    db, who, identifiers = clinic
    try:
        code, _out, err = run(capsys, "cohort", "--db", db, "--out", str(tmp_path / "fr"),
                              "--language", "fr", *who)
    finally:
        INTERFACE.switch("en")
    assert code == 0, err
    pdf = tmp_path / "fr" / "cohort_persistent-skin-rash.pdf"
    text = " ".join("\n".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    for title in ("Patients et suivi par bras", "Caractéristiques initiales par bras",
                  "Exposition aux corticostéroïdes", "Rapport agrégé : effectifs et statistiques"):
        assert title in text, title
    assert "Patients and follow-up by arm" not in text
    assert _leaks(text, identifiers) == []


def test_csv_tables_without_identifiers(capsys, tmp_path, clinic):
    db, who, identifiers = clinic
    code, _out, err = run(capsys, "cohort", "--db", db, "--out", str(tmp_path / "c"),
                          "--format", "csv", *who)
    assert code == 0, err
    names = sorted(p.name for p in (tmp_path / "c").iterdir())
    assert names == sorted(["cohort_counts.csv", "cohort_baseline.csv", "cohort_km.csv",
                            "cohort_response.csv", "cohort_skin.csv", "cohort_steroids.csv",
                            "cohort_adverse.csv", "cohort_propensity.csv",
                            "cohort_km_steps.csv"])
    text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "c").iterdir())
    assert _leaks(text, identifiers) == []
    counts = (tmp_path / "c" / "cohort_counts.csv").read_text(encoding="utf-8").splitlines()
    assert counts[0] == ",A: IVIG,B: Mycophenolate mofetil,C: Cyclosporine"
    assert counts[1].startswith("Enrolled,")


def test_png_plots(capsys, tmp_path, clinic):
    db, who, _ = clinic
    code, _out, err = run(capsys, "cohort", "--db", db, "--out", str(tmp_path / "p"),
                          "--format", "png", *who)
    assert code == 0, err
    for key in ("km", "skin", "tis"):
        data = (tmp_path / "p" / f"cohort_{key}.png").read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 2000


def test_refusals_are_one_plain_line(capsys, tmp_path, clinic):
    db, who, _ = clinic
    wrong = password_file(tmp_path, "not the password", "wrong")
    code, out, err = run(capsys, "cohort", "--db", db, "--out", str(tmp_path / "x"),
                         "--user", "doc", "--password-file", str(wrong))
    assert code == 1 and err.startswith("jdm-ctp: ") and err.count("\n") == 1
    assert not (tmp_path / "x").exists()
    code, out, err = run(capsys, "cohort", "--db", db, "--out", str(tmp_path / "y"),
                         "--protocol", "no-such-plan", *who)
    assert code == 1 and "no installed treatment plan has the id 'no-such-plan'" in err
    assert not (tmp_path / "y").exists()


@pytest.fixture
def weighted_clinic(tmp_path):
    """40 demo children in which arms A and B have enough complete cases to be weighted."""
    return demo_clinic(tmp_path / "weighted.sqlite3", seed=5, as_of=date(2026, 11, 1))


def test_bootstrap_intervals_in_the_report(capsys, tmp_path, weighted_clinic):
    db, who, identifiers = weighted_clinic
    code, out, err = run(capsys, "cohort", "--db", db, "--out", str(tmp_path / "b"),
                         "--format", "csv", "--bootstrap", "30", *who)
    assert code == 0, err
    assert "bootstrap intervals (30 replicates per pair) in" in out
    text = (tmp_path / "b" / "cohort_propensity.csv").read_text(encoding="utf-8")
    assert "30 replicates resampled within arm, model re-fitted each time (seed " in text
    assert "95% CI" in text
    assert _leaks(text, identifiers) == []
    code, _out, err = run(capsys, "cohort", "--db", db, "--out", str(tmp_path / "b"),
                          "--bootstrap", "1", *who)
    assert code == 2 and "--bootstrap 1 is not a number of replicates" in err
