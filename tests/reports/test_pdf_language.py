"""PDFs in the chosen language (issue 21): the visit summary, worksheet and dosing sheet in
French from the interface's translations; English exactly as before, whatever language
the interface is in."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from argparse import Namespace
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from database_fixtures import add_people, password_file
from pdf_text import page_count, pdf_text, render_png
from reportlab import rl_config

from app.cli.pdf import run as run_pdf
from app.exports.visit_report_data import gather_visit_report
from app.forms.language import INTERFACE, translations_dir
from app.forms.print_words import print_words
from app.reports.documents import KINDS, write_pdf
from app.reports.words import ENGLISH

pytestmark = pytest.mark.usefixtures("system_actor")

GENERATED = datetime(2025, 7, 8, 14, 5, tzinfo=UTC)
WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")
# The French of the summary's headings (the .ts, context "PDF"), each printed at month 6.
FRENCH_HEADINGS = (
    "Résumé de visite DMJ — Mois 6", "Doses actuelles", "Critères de réponse",
    "Résultats (calculés à partir des items ; variation = cette visite − visite initiale)",
    "Évolution depuis l’inscription", "Autres constatations",
    "Items manquants (avec le motif consigné)", "Événements indésirables", "Signature",
    "Identifiant d'étude", "Date de naissance", "Bras de traitement", "Date de la visite",
    "Page 1 de 2", "CONFIDENTIEL : contient des renseignements sur le patient",
)
# What the French summary still prints as written, left out before looking for English:
# the records and the plan file (names, visit names, the arm, the plan's dose frequency and
# route, a dose's stored derivation, printed "as recorded, in English", and the reason
# typed for a changed dose, a medicine's frequency and "other" as typed), the rules'
# references (cited as published, which the document says); the instruments' findings
# are Sentences, in French, but for what was typed and an MRI's date as stored.
AS_WRITTEN = (
    "mg daily", "Vitamin D, from Dr Lovelace's clinic",
    "Baseline", "B — Mycophenolate mofetil", "A — IVIG", "mycophenolate",
    "every 2 weeks x 3 then", "monthly, iv",
    "2 g/kg × 32.5 kg = 65 g (maximum 70 g not reached)",
    "600 mg/m² × 1.12 m² = 672 mg → 1000 mg? (rounded)", "tablet size",
    "not reached)", "(rounded)",  # the derivations where a line wraps
    "clinical-rules", "Table 2", "Table 3", "pga",
)


def english_only_words() -> set[str]:
    """Words of the .ts's English sources that no French translation uses."""
    english, french = set(), set()
    for message in ET.parse(translations_dir() / "jdm_ctp_fr.ts").getroot().iter("message"):
        english |= {w.lower() for w in WORD.findall(message.find("source").text or "")}
        node = message.find("translation")
        for text in [f.text or "" for f in node.findall("numerusform")] or [node.text or ""]:
            french |= {w.lower() for w in WORD.findall(text)}
    return english - french


@pytest.fixture
def french(qapp):
    INTERFACE.switch("fr")
    yield print_words("fr")
    INTERFACE.switch("en")


class _Generated(datetime):
    """The footer's "generated" time fixed: two documents made a minute apart compare."""

    @classmethod
    def now(cls, tz=None):
        return GENERATED


@pytest.fixture
def invariant(monkeypatch):
    """PDFs without their creation time and random id, so two can be compared byte by byte."""
    from app.reports import dosing_sheet_pdf, visit_summary_pdf, worksheet_pdf

    monkeypatch.setattr(rl_config, "invariant", 1)
    for module in (dosing_sheet_pdf, visit_summary_pdf, worksheet_pdf):
        monkeypatch.setattr(module, "datetime", _Generated)


def report_for(database, visit="month_6"):
    with database.reading() as session:
        report = gather_visit_report(session, "JDM-001", visit)
    # The audit head's hash covers times of the fixture's writes: fixed for comparisons.
    return replace(report, audit_head="Audit trail head: entry 2, SHA-256 0123abcd")


def english_left(text: str) -> list[str]:
    for value in AS_WRITTEN:
        text = text.replace(value, " ")
    english = english_only_words()
    return [line for line in text.splitlines()
            if {w.lower() for w in WORD.findall(line)} & english]


@pytest.mark.parametrize("visit", ["month_6", "baseline"])
def test_the_french_visit_summary_has_its_headings_in_french_and_no_english(
        clinic, tmp_path, french, visit):
    out = write_pdf(report_for(clinic, visit), "summary", tmp_path / "fr.pdf", "letter",
                    french)
    text = re.sub(r"[ \n]+", " ", pdf_text(out))
    if visit == "month_6":
        for heading in FRENCH_HEADINGS:
            assert heading in text, heading
        # TIS worked in tests/reports/test_pdf_reports.py: 20 + 10 + 27.5 + 10 + 7.5 + 20 =
        # 95, a major response (≥ 70); the point written as a comma only in the number
        # cells ("27,5").
        assert ("Score total d'amélioration (TIS) : 95 / 100 — réponse majeure [PROVISOIRE]"
                in text)
        assert "27,5" in text and "27.5" not in text.replace("32.5", "")
        assert "Total MMT8 (unilatéral)" in text and "Douleur CHAQ (0-10 cm)" in text
        assert "08 juil. 2025" in text  # the visit date, as the French screen writes it
        # the plan's visit name and an instrument's heading, as the French screen has them
        assert "Visite Mois 6" in text and "Peau (items cutanés du MDAAT)" in text
    else:
        assert "Visite initiale : l'amélioration est mesurée par rapport à cette visite." in text
    left = english_left(pdf_text(out))
    assert not left, "English left in the French PDF:\n" + "\n".join(left)


def test_the_french_worksheet_and_dosing_sheet_have_their_own_words_in_french(
        clinic, tmp_path, french):
    sheet = re.sub(r"\s+", " ", pdf_text(write_pdf(report_for(clinic), "dosing",
                                                    tmp_path / "d.pdf", "letter", french)))
    for expected in ("Feuille de posologie (pharmacie)", "DOSE FINALE", "Dose calculée",
                     "Surface corporelle", "Maximum du protocole",
                     "Vérification du pharmacien", "Surface corporelle : 1,1289 m²",
                     "date de la pesée : 09 janv. 2025",
                     "Visite Mois 6 (08 juil. 2025)"):  # the plan's visit name in French
        assert expected in sheet, expected
    for english in ("FINAL DOSE", "Computed dose", "Pharmacist check", "Protocol maximum",
                    "Month 6"):
        assert english not in sheet, english
    worksheet = pdf_text(write_pdf(report_for(clinic, "baseline"), "worksheet",
                                   tmp_path / "w.pdf", "letter", french))
    for expected in ("Feuille de travail de visite DMJ — Visite initiale", "Rempli par",
                     "Consignez chaque item", "Groupe musculaire (Kendall 0-10)",
                     "Évaluations globales (marquer la ligne de 10 cm, puis mesurer)",
                     "Fléchisseurs du cou", "Aide d’une autre personne pour :"):
        assert expected in worksheet, expected
    for english in ("Record each item", "Completed by", "Muscle group", "Neck flexors",
                    "Global assessments", "0 Incapable to"):  # never half-translated
        assert english not in worksheet, english


def test_every_word_the_worksheet_prints_from_the_registry_is_listed_for_french(french):
    """A heading, column title, row label or option an instrument puts on the worksheet
    (``paper`` of the registry) reads in French: listed in terms.py ("Worksheet") or an
    instrument's item word. Names that are the same in French are listed as such."""
    from app.domain.instruments.printed import Boxes, PaperLine, PaperVas
    from app.domain.instruments.registry import INSTRUMENTS
    from app.reports.worksheet_pdf import _paper_words

    texts: list[str] = []

    def add(value: object) -> None:
        if isinstance(value, Boxes):
            texts.extend(value.options)
        elif isinstance(value, str) and value:
            texts.append(value)

    for declared in INSTRUMENTS:
        for block in declared.paper() if declared.paper else ():
            if isinstance(block, PaperVas):
                parts: list[object] = [block.label, block.low, block.high]
            elif isinstance(block, PaperLine):
                parts = [block.heading, block.label, *block.parts]
            else:
                parts = [block.title, block.title_boxes, *block.header,
                         *(cell for row in block.rows for cell in row)]
            for part in parts:
                add(part)
    english = english_only_words()
    # The adverse events' coding line is one sentence the domain composes (its labels are
    # translated on screen one by one): still English on the French worksheet.
    left = sorted({t for t in texts if {w.lower() for w in WORD.findall(_paper_words(
        french, t))} & english and not t.startswith("Category: ")})
    assert not left, left


def looks(path) -> tuple[str, list[bytes]]:
    """A document's text and the pixels of its pages (60 dpi)."""
    from PIL import Image

    pages = []
    for page in render_png(path, path.with_suffix("")):
        with Image.open(page) as image:
            pages.append(image.convert("L").tobytes())
    return pdf_text(path), pages


def test_english_documents_are_identical_with_the_french_interface_installed(
        clinic, tmp_path, qapp, invariant):
    """The default (the command line's English) reads no translator: a French interface
    installed in the same process changes nothing in an English document: the same text
    and the same pixels. (Byte for byte, reportlab's embedded font subsets depend on the
    documents made earlier in the process; the English PDFs were compared byte for byte
    before and after the words object, in separate runs: identical.)"""
    report = report_for(clinic)
    for kind in KINDS:
        before = looks(write_pdf(report, kind, tmp_path / f"en-{kind}.pdf", "letter"))
        INTERFACE.switch("fr")
        try:
            for number, words in enumerate((ENGLISH, print_words("en"))):
                again = write_pdf(report, kind, tmp_path / f"again{number}-{kind}.pdf",
                                  "letter", words)
                assert looks(again) == before, kind
        finally:
            INTERFACE.switch("en")
    assert "JDM visit summary — Month 6" in pdf_text(tmp_path / "en-summary.pdf")


def test_french_pages_stay_inside_the_page(clinic, tmp_path, french):
    """French runs about 20% longer: still two pages, and nothing printed in the margins
    (reportlab wraps table cells; a word too long for its cell would run past the frame)."""
    from PIL import Image

    out = write_pdf(report_for(clinic), "summary", tmp_path / "fr.pdf", "letter", french)
    assert page_count(out) == 2
    for page in render_png(out, tmp_path / "page"):
        with Image.open(page) as image:  # Letter at 60 dpi: 510 × 660, margins 16 mm ≈ 38 px
            grey = image.convert("L")
            for x in (*range(0, 30), *range(480, 510)):
                column = [grey.getpixel((x, y)) for y in range(0, 660, 2)]
                assert min(column) > 128, f"ink in the margin at x={x} on {page.name}"


def test_the_command_line_prints_in_french_when_asked(clinic, tmp_path, capsys):
    db = clinic.url.replace("sqlite:///", "")
    add_people(clinic)
    account = {"user": "nurse", "password_file": str(password_file(tmp_path))}
    out = tmp_path / "fr.pdf"
    args = Namespace(db=db, patient="JDM-001", visit="month_6", out=str(out), kind="summary",
                     paper="letter", language="fr", **account)
    try:
        assert run_pdf(args) == 0
    finally:
        INTERFACE.switch("en")
    text = pdf_text(out)
    assert "Résumé de visite DMJ — Mois 6" in text and "Doses actuelles" in text
    english = tmp_path / "en.pdf"
    assert run_pdf(replace_namespace(args, out=str(english), language="en")) == 0
    assert "JDM visit summary — Month 6" in pdf_text(english)


def test_the_language_option_has_help_and_only_english_or_french():
    import argparse

    from app.cli.pdf import add_arguments

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    language = next(a for a in parser._actions if a.dest == "language")
    assert language.help and language.default == "en" and language.choices == ("en", "fr")
    with pytest.raises(SystemExit):
        parser.parse_args(["--patient", "P", "--visit", "v", "--out", "x", "--language", "de"])


def replace_namespace(args: Namespace, **changes) -> Namespace:
    return Namespace(**{**vars(args), **changes})


def test_the_french_cohort_report_reads_in_french(tmp_path, french, invariant):
    """The cohort PDF in French: its own words, the cohort figures as the cohort window
    shows them, the footer; English byte-identical to the report without words."""
    from test_cohort_report import ARMS, COHORT, SCHEDULE

    from app.domain.cohort.outcomes import cohort_outcomes
    from app.reports.cohort_report import build_cohort_pdf, cohort_title

    out = cohort_outcomes(COHORT, ARMS, SCHEDULE)
    target = build_cohort_pdf(out, tmp_path / "fr.pdf", title=cohort_title("Skin plan", french),
                              generated=GENERATED, words=french)
    text = " ".join(pdf_text(target).split())
    for expected in ("Résultats par bras — Skin plan", "4 inscriptions ; bras : A IgIV",
                     "Rapport agrégé : effectifs et statistiques par bras",
                     "Résultats de la cohorte par bras (agrégés, sans identifiants de patient)",
                     "Page 1 de"):
        assert expected in text, expected
    # as the cohort window shows them: the arms' names over their columns, the plan's visit
    # names naming rows, the figures' numbers and the plots' ticks with a decimal comma
    for expected in ("A : IgIV B : Mycophénolate mofétil", "DMS A–B", "Visite initiale",
                     "Mois 6", "10,0 (9,5–10,5), n = 2", "0,25"):
        assert expected in text, expected
    for english in ("Aggregate report", "enrollments; arms", "Cohort outcomes by arm",
                    "Exploratory: propensity-score weighted comparison", "A: IVIG", "SMD",
                    "Baseline", "Month 6", "10.0 (9.5", "0.25"):
        assert english not in text, english
    left = [line for line in pdf_text(target).replace("Skin plan", " ").splitlines()
            if {w.lower() for w in WORD.findall(line)} & english_only_words()]
    assert not left, left  # the plan's title is the test's own, in no catalogue
    english_pdf = build_cohort_pdf(out, tmp_path / "en.pdf", title=cohort_title("Skin plan"),
                                   generated=GENERATED)
    again = build_cohort_pdf(out, tmp_path / "en2.pdf", title="Outcomes by arm — Skin plan",
                             generated=GENERATED, words=ENGLISH)
    assert looks(english_pdf) == looks(again)
    english = " ".join(pdf_text(english_pdf).split())
    for expected in ("A: IVIG B: Mycophenolate mofetil", "SMD A–B", "Baseline", "Month 6",
                     "10.0 (9.5–10.5), n = 2", "0.25"):
        assert expected in english, expected


def test_the_printed_audit_trail_writes_its_own_words_in_french(tmp_path, french):
    from app.reports.audit_pdf import write_audit_pdf

    printed = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)
    row = ["2026-12-03 09:30", "drlee", "update", "visit", "7", "cmas_total", "41", "52", ""]
    out = write_audit_pdf(["Quand"] * 9, [row], tmp_path / "fr.pdf", title="Journal d'audit",
                          scope="toutes les entrées", printed=printed,
                          audit_head="Audit trail head: entry 7, SHA-256 0123abcd", words=french)
    text = " ".join(pdf_text(out).split())
    for expected in ("toutes les entrées. Entrées : 1. Imprimé le 2026-12-03 09:30 UTC.",
                     "Journal d'audit — données identifiées, à garder confidentielles",
                     "Tête du journal d'audit : entrée 7, SHA-256 0123abcd", "Page 1"):
        assert expected in text, expected
    english = " ".join(pdf_text(write_audit_pdf(
        ["When"] * 9, [row], tmp_path / "en.pdf", title="Audit trail", scope="all entries",
        printed=printed, audit_head="Audit trail head: entry 7, SHA-256 0123abcd")).split())
    assert "all entries. 1 entries. Printed 2026-12-03 09:30 UTC." in english
    assert "Audit trail — identified data, keep confidential" in english


def test_the_print_preview_prints_in_the_interface_language(clinic, qtbot, french):
    from app.forms.pdf_preview import preview_visit_document

    dialog = preview_visit_document(clinic, "JDM-001", "month_6", "summary")
    qtbot.addWidget(dialog)
    text = pdf_text(dialog.pdf)
    assert "Résumé de visite DMJ — Mois 6" in text and "JDM visit summary" not in text
    dialog.reject()


def worsened(report):
    """The month-6 report read backwards: month 6's items as the baseline, the baseline's
    as this visit, so every core set measure has worsened."""
    return replace(report, items=report.baseline_items, baseline_items=report.items)


def test_the_tis_bands_print_in_french_as_the_screen_shows_them(clinic, tmp_path, french):
    """A measure's band is the domain's label (">20-30%", "<=5% or worse", "worsened"):
    in French through terms.band_words, the function of the response section's table."""
    from app.domain.response.total_improvement import BAND_SENTENCES, TIS_POINT_TABLE, band_phrase
    from app.forms import terms

    assert set(terms.LISTED[terms.TIS_BAND]) == set(BAND_SENTENCES)
    labels = {band.label for bands in TIS_POINT_TABLE.values() for band in bands}
    # Rider 2017 Table 3: the standard edges 5, 15, 25, 40; the muscle edges 2, 10, 20, 30.
    assert labels == {">5-15%", ">15-25%", ">25-40%", ">40%", ">2-10%", ">10-20%",
                      ">20-30%", ">30%"}
    for label in (*labels, "<=5% or worse", "<=2% or worse", "worsened"):
        assert str(band_phrase(label)) == label  # the English the results carry
    assert [terms.band_words(b) for b in (">20-30%", ">40%", "<=5% or worse", "worsened")] == [
        "> 20-30 %", "> 40 %", "≤ 5 % ou aggravation", "aggravation"]
    assert terms.band_words("something else") == "something else"

    report = worsened(report_for(clinic))
    text = " ".join(pdf_text(write_pdf(report, "summary", tmp_path / "fr.pdf", "letter",
                                       french)).split())
    # Physician global 0.2 at baseline, 6.5 now: (0.2 - 6.5) / 10 × 100 = -63 %, worse:
    # 0 points, band "worsened".
    assert "Activité globale (médecin) 0,2 6,5 -63 aggravation 0" in text
    assert "worsened" not in text
    english = " ".join(pdf_text(write_pdf(report, "summary", tmp_path / "en.pdf",
                                          "letter")).split())
    assert "Physician global activity 0.2 6.5 -63 worsened 0" in english


def with_study_facts(database) -> None:
    """Disease onset, self-reported background and the reasons for the arms: arm B chosen
    for IVIG intolerance and another reason typed in French, arm A stopped for another
    reason typed in French."""
    from datetime import date

    from sqlalchemy import select

    from app.db.models import ArmAssignment, Patient

    with database.session() as session:
        patient = session.scalar(select(Patient).where(Patient.study_id == "JDM-001"))
        patient.onset_date = date(2022, 9, 10)
        patient.race, patient.ethnicity = "white", "not_hispanic_latino"
        arms = {a.arm_id: a for a in session.scalars(select(ArmAssignment))}
        arms["B"].choice_reasons = ["ivig_intolerance", "other"]
        arms["B"].choice_other = "famille loin du centre de perfusion"
        arms["A"].stop_reason, arms["A"].stop_other = "other", "éruption après la perfusion"


def test_the_disease_duration_background_and_reasons_for_the_arms_print_in_french(
        clinic, tmp_path, french):
    """Onset 2022-09-10 to enrollment 2025-01-10: 731 + 122 = 853 days / (365.25 / 12) =
    28.02 -> 28.0 months (app.domain.disease_history). The reasons' labels as the patient
    page shows them (terms.phrases on treatment_course_record's phrases), what was typed
    as typed."""
    with_study_facts(clinic)
    report = report_for(clinic)
    text = " ".join(pdf_text(write_pdf(report, "summary", tmp_path / "fr.pdf", "letter",
                                       french)).split())
    assert "Durée de la maladie à l'inscription 28,0 mois" in text
    # self-reported background as the patient page says it
    assert "Blanc, Ni hispanique ni latino" in text
    # (the narrow space before ";" is a space once split)
    assert ("Pourquoi ce bras Intolérance aux IgIV ; autre : famille loin du centre de "
            "perfusion") in text
    assert "bras A le 31 mars 2025 : autre : éruption après la perfusion" in text
    # the patient page's words for the same reasons (patient_page._why_chosen)
    from app.domain.treatment_course_record import chosen_phrase
    from app.forms import terms

    assert terms.phrases(terms.ARM_CHOICE, chosen_phrase(
        ["ivig_intolerance", "other"], "famille loin du centre de perfusion")) == (
        "Intolérance aux IgIV\u202f; autre : famille loin du centre de perfusion")
    for english in ("months", "IVIG intolerance", "other: famille", "other: éruption"):
        assert english not in text, english
    left = english_left(pdf_text(tmp_path / "fr.pdf"))
    assert not left, "English left in the French PDF:\n" + "\n".join(left)
    english = " ".join(pdf_text(write_pdf(report, "summary", tmp_path / "en.pdf",
                                          "letter")).split())
    assert "Disease duration at enrollment 28.0 months" in english
    assert "White, Not Hispanic or Latino" in english
    assert "Why this arm IVIG intolerance; other: famille loin du centre de perfusion" in english
    assert "arm A on 2025-03-31: other: éruption après la perfusion" in english


def test_a_finding_written_as_a_phrase_prints_in_french_as_the_screen_says_it(
        clinic, tmp_path, french, monkeypatch):
    """The findings reach the PDF through terms.phrases(FINDING, …), the screen's function
    for the instruments' sentences: a finding the domain writes as a Phrase is translated
    template by template, its values as the screen shows them, a template of the
    instruments' messages as the screen has it. Shown here with the medications'
    vital-sign sentence, a Phrase shown on screen."""
    from dataclasses import replace as changed

    from app.domain.instruments.medications import VITAL_RANGE
    from app.domain.instruments.printed import Finding
    from app.domain.phrases import Label, Number, phrase
    from app.forms import terms
    from app.reports import visit_summary_pdf

    said = phrase(VITAL_RANGE, Label("Systolic blood pressure"), Number("50"), Number("250"),
                  "mmHg", "300")
    monkeypatch.setattr(visit_summary_pdf, "INSTRUMENTS", tuple(
        changed(d, findings=lambda values: [Finding(said)]) if d.id == "medications" else d
        for d in visit_summary_pdf.INSTRUMENTS))
    screen = terms.phrases(terms.MESSAGE, said)
    assert screen == ("La pression artérielle systolique doit être un nombre entier de 50 à 250 "
                      "mmHg\u202f; « 300 » a été saisi.")
    text = " ".join(pdf_text(write_pdf(report_for(clinic), "summary", tmp_path / "fr.pdf",
                                       "letter", french)).split())
    assert "Autres constatations " + " ".join(screen.split()) in text
    english = " ".join(pdf_text(write_pdf(report_for(clinic), "summary", tmp_path / "en.pdf",
                                          "letter")).split())
    assert ('Other findings Systolic blood pressure must be a whole number from 50 to 250 '
            'mmHg; "300" was entered.') in english


def test_a_stored_derivation_is_printed_as_recorded_in_english_and_citations_as_published(
        clinic, tmp_path, french):
    """A dose's derivation is stored as English text without its values kept apart (the
    screen shows it as recorded too): the French documents print it as recorded and say
    it is English. The rules' references stay as published, which the French documents
    say once; the words about them are French, and a dose rule's source names its paper
    as the screen does (app.domain.source_words), not the project's seed number."""
    report = report_for(clinic)
    summary = " ".join(pdf_text(write_pdf(report, "summary", tmp_path / "fr.pdf", "letter",
                                          french)).split())
    assert ("Tel que consigné, en anglais : 2 g/kg × 32.5 kg = 65 g (maximum 70 g not "
            "reached) [Huber et al., J Rheumatol 2017;44:110-16, Table 2]") in summary
    assert ("la dose finale diffère : tablet size [Huber et al., J Rheumatol "
            "2017;44:110-16, Table 2]") in summary
    assert ("n'est pas encore confirmée (clinical-rules §3.2 (provisoire ; à vérifier avec "
            "le calculateur IMACS)).") in summary
    assert ("Rider LG et al., Arthritis Rheumatol 2017;69:911-23, Table 3 (critères de "
            "réponse ACR/EULAR 2016 de la dermatomyosite juvénile)") in summary
    assert "Les références sont citées telles que publiées, en anglais." in summary
    dosing = " ".join(pdf_text(write_pdf(report, "dosing", tmp_path / "d.pdf", "letter",
                                         french)).split())
    assert ("Tel que consigné, en anglais : 600 mg/m² × 1.12 m² = 672 mg → 1000 mg? "
            "(rounded) Source Huber et al., J Rheumatol 2017;44:110-16, Table 2") in dosing
    assert "Les références sont citées telles que publiées, en anglais." in dosing
    for text in (summary, dosing):
        for english in ("seed 000", "provisional; verify", "juvenile dermatomyositis response"):
            assert english not in text, english
    english = " ".join(pdf_text(write_pdf(report, "summary", tmp_path / "en.pdf",
                                          "letter")).split())
    assert ("2 g/kg × 32.5 kg = 65 g (maximum 70 g not reached) [seed 000, Table 2]"
            in english)
    assert "(clinical-rules §3.2 (provisional; verify against the IMACS calculator))" in english
    assert "As recorded" not in english and "References are cited" not in english


def with_findings(report):
    """The fixture's month 6 with the findings the clinic's data lacks: steroid exposure
    and background medicines, sun protection (app.domain.instruments)."""
    from app.domain.visit_values import ItemEntry

    items = {**report.items,
             "steroids": {"prednisone_mg_day": ItemEntry(10.9, unit="mg/day"),
                          "ivmp_pulses": ItemEntry(0.0, unit="pulses"),
                          "mtx_mg_week": ItemEntry(15.0, unit="mg/week")},
             "sun_protection": {"counselled": ItemEntry(value_text="yes"),
                                "adherence": ItemEntry(value_text="rarely")}}
    return replace(report, items=items)


def findings_of(text: str) -> str:
    """The summary's findings, from the skin heading to the missing items, on one line."""
    text = " ".join(text.split())
    return text[text.index("Peau (items cutanés du MDAAT)"):text.index("Items manquants")]


def test_no_french_is_glued_inside_an_english_finding(clinic, tmp_path, french):
    """Issue 21: the findings were English sentences matched word by word against the
    listed French ones, so a listed piece ("the last visit") was swapped inside an unlisted
    sentence: "iv methylprednisolone pulses since la dernière visite 0 pulses"."""
    out = write_pdf(with_findings(report_for(clinic)), "summary", tmp_path / "fr.pdf",
                    "letter", french)
    findings = findings_of(pdf_text(out))
    for glued in ("since la dernière visite", "pulses since la", "sunscreen since la"):
        assert glued not in findings, findings
    # the findings' English words (what the medication's frequency and "other" say is
    # typed text, printed as typed: "daily", "Vitamin D, from Dr Lovelace's clinic")
    english = {"since", "the", "last", "visit", "recorded", "weight", "height", "other",
               "rash", "present", "same", "mild", "pulses", "today", "counselling",
               "sunscreen", "rarely", "never", "signs", "nothing", "medications", "sun"}
    assert {w.lower() for w in WORD.findall(findings)} & english == set(), findings


def test_each_finding_prints_in_french_and_in_english_as_before(clinic, tmp_path, french):
    """One finding of each kind in French: the instrument's own French labels (lowered
    where the English lowers them), numbers with the decimal comma, the French " ;"
    between parts (whitespace here), what was typed as typed; the English as it always
    printed (item labels lowered, values with their point)."""
    report = with_findings(report_for(clinic))
    findings = findings_of(pdf_text(write_pdf(report, "summary", tmp_path / "fr.pdf",
                                              "letter", french)))
    for expected in (
        "Peau (items cutanés du MDAAT) Éruption héliotrope : présence (stable) ; Papules de "
        "Gottron ou signe de Gottron : absence ; Calcinose : légère.",
        "Exposition aux corticostéroïdes et médicaments de fond dose orale en équivalent "
        "prednisone aujourd'hui : 10,9 mg/jour ; bolus de méthylprednisolone IV depuis la "
        "dernière visite : 0 bolus ; dose de méthotrexate : 15 mg/semaine.",
        "Protection solaire : conseils de protection solaire donnés à cette visite : Oui ; "
        "évitement du soleil et écran solaire depuis la dernière visite : Rarement ou jamais.",
        "Signes vitaux : poids 32,5 kg, taille 138 cm, PA 104/66 mmHg, créatinine 41 µmol/L",
        "Médicaments consignés : prednisone 5 mg daily ; autre : Vitamin D, from Dr "
        "Lovelace's clinic",
    ):
        assert expected in findings, findings
    english = " ".join(pdf_text(write_pdf(report, "summary", tmp_path / "en.pdf",
                                          "letter")).split())
    for expected in (
        "Heliotrope rash: present (same); Gottron's papules or Gottron's sign: absent; "
        "Calcinosis: mild.",
        "oral prednisone-equivalent dose today 10.9 mg/day; iv methylprednisolone pulses "
        "since the last visit 0 pulses; methotrexate dose 15 mg/week.",
        "Sun protection: sun-protection counselling given at this visit: Yes; sun avoidance "
        "and sunscreen since the last visit: Rarely or never.",
        "Vital signs: weight 32.5 kg, height 138 cm, BP 104/66 mmHg, creatinine 41 µmol/L",
        "Medications recorded: prednisone 5 mg daily; other: Vitamin D, from Dr Lovelace's "
        "clinic",
    ):
        assert expected in english, english


def test_the_baseline_findings_print_in_french(clinic, tmp_path, french):
    """The MRI and the autoantibody panel: the answers as the instruments' French words
    in lower case, the antibodies' names as written, the MRI's date as stored."""
    text = " ".join(pdf_text(write_pdf(report_for(clinic, "baseline"), "summary",
                                       tmp_path / "fr.pdf", "letter", french)).split())
    assert ("Autres constatations IRM : oui le 2025-01-08, myosite active : oui "
            "Autoanticorps : Anti-TIF1-γ positif, Anti-NXP2 négatif, Anti-MDA5 non testé "
            "Signes vitaux :") in text


def test_an_incomplete_cmas_and_mmt8_print_their_notes_in_french(clinic, tmp_path, french):
    """The outcome rows' notes on a CMAS and an MMT8 total not computed, and the missing
    items' lines, are the domain's Sentences: said in French, nothing English left."""
    report = report_for(clinic, "month_6")
    items = {instrument: dict(values) for instrument, values in report.items.items()}
    for code in ("cmas_3", "cmas_7"):
        items["cmas"].pop(code, None)
    items["mmt8"].pop("mmt_gluteus_medius", None)
    assert items["cmas"] and items["mmt8"]
    out = write_pdf(replace(report, items=items), "summary", tmp_path / "fr.pdf", "letter",
                    french)
    text = re.sub(r"[ \n]+", " ", pdf_text(out))
    assert "incomplet : Total CMAS non calculé : 2 des 14 éléments manquent" in text
    assert "incomplet : Total MMT8 (unilatéral, 0-80) non calculé : 1 des 8 cotes" in text
    assert "Éléments du CMAS sans score : cmas_3, cmas_7" in text
    # the missing grade, and the TIS's measure it leaves out, named by their codes in
    # every language (identifiers, not sentences)
    left = english_left(pdf_text(out).replace("mmt_gluteus_medius", " ")
                        .replace("muscle_strength", " "))
    assert not left, "English left in the French PDF:\n" + "\n".join(left)
