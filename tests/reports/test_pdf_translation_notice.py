"""A French PDF that prints an instrument's item wording says once that the wording is the
project's own translation (the same notice as the visit form's section, issue 21): the
worksheet above the instrument's items, the visit summary at its end for each instrument
recorded at the visit. An English PDF says nothing of the kind."""

from __future__ import annotations

import re

import pytest
from pdf_text import pdf_text
from test_pdf_language import report_for

from app.forms import terms
from app.forms.language import INTERFACE
from app.forms.print_words import print_words
from app.reports.documents import write_pdf
from app.reports.words import ENGLISH

pytestmark = pytest.mark.usefixtures("system_actor")

CHAQ_NOTICE = ("Ces questions et réponses du CHAQ sont une traduction faite pour cette "
               "application, et non la version française validée du CHAQ ; aucun clinicien "
               "ne les a vérifiées. Si la clinique dispose du formulaire papier validé, "
               "recueillez les réponses avec celui-ci.")
CHAQ_VERSIONS = ("Versions françaises publiées du CHAQ (France, Suisse), non utilisées ici : "
                 "Pouchot J et al., Clin Exp Rheumatol 2001;19(4 Suppl 23):S60-S65; Hofer M "
                 "et al., Clin Exp Rheumatol 2001;19(4 Suppl 23):S151-S157")


@pytest.fixture
def french(qapp):
    INTERFACE.switch("fr")
    yield print_words("fr")
    INTERFACE.switch("en")


def flat(text: str) -> str:
    """The PDF's text on one line, its narrow and no-break spaces as plain spaces (pypdf
    gives back the lines the page wraps)."""
    return re.sub(r"[\s\u202f\u00a0]+", " ", text)


def notices(*keys: str) -> list[str]:
    """The French notices of ``keys``' instruments (the interface is in French)."""
    return [flat(terms.translation_notice(key)[0]) for key in keys]


def test_the_french_worksheet_says_the_chaq_is_not_the_validated_version_once(clinic,
                                                                             tmp_path, french):
    text = flat(pdf_text(write_pdf(report_for(clinic, "baseline"), "worksheet",
                                   tmp_path / "w.pdf", "letter", french)))
    assert text.count(CHAQ_NOTICE) == 1
    assert text.count(CHAQ_VERSIONS) == 1
    # above the CHAQ's first question, not at the foot of the sheet
    assert text.index(CHAQ_NOTICE) < text.index("CHAQ — 0 sans difficulté")
    for notice in notices("cmas", "mmt8", "skin", "cdasi", "globals"):
        assert text.count(notice) == 1, notice


def test_the_french_visit_summary_says_the_instruments_wording_is_a_translation_once(
        clinic, tmp_path, french):
    text = flat(pdf_text(write_pdf(report_for(clinic, "month_6"), "summary",
                                   tmp_path / "s.pdf", "letter", french)))
    # the instruments month 6 recorded, whose words the summary prints (outcome rows,
    # findings, missing items)
    for notice in notices("chaq", "cmas", "mmt8", "skin", "globals"):
        assert text.count(notice) == 1, notice
    assert text.count(CHAQ_VERSIONS) == 1


@pytest.mark.parametrize("kind", ["worksheet", "summary"])
def test_no_english_pdf_prints_a_translation_notice(clinic, tmp_path, kind):
    visit = "baseline" if kind == "worksheet" else "month_6"
    text = flat(pdf_text(write_pdf(report_for(clinic, visit), kind, tmp_path / "e.pdf",
                                   "letter", ENGLISH)))
    for english in ("own translation", "clinician has checked", "validated", "Pouchot"):
        assert english not in text, english
