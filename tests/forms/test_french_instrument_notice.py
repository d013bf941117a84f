"""The instruments' French is the project's own translation (issue 21): the CHAQ's is not
the validated French CHAQ, and no clinician has checked any of it. In French, each
visit-form section whose item wording is translated says so in one line at its top (the
CHAQ's also says to use the clinic's validated paper form, and names the published French
versions in its tooltip); in English no section shows anything of the kind."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel
from test_french import assert_french

from app.forms import terms
from app.forms.visit_sections import NOTICE_NAME
from app.forms.visit_sections.registry import SectionContext, make_section

TODAY = date(2026, 11, 21)
# Each section's notice, as a French-speaking reader sees it.
NOTICES = {
    "chaq": "Ces questions et réponses du CHAQ sont une traduction faite pour cette "
            "application, et non la version française validée du CHAQ\u202f; aucun clinicien "
            "ne les a vérifiées. Si la clinique dispose du formulaire papier validé, "
            "recueillez les réponses avec celui-ci.",
    "cmas": "Les items et les cotes du CMAS sont ici une traduction faite pour cette "
            "application\u202f; aucun clinicien ne les a vérifiés.",
    "mmt8": "Les groupes musculaires et les cotes du MMT8 sont ici une traduction faite pour "
            "cette application\u202f; aucun clinicien ne les a vérifiés.",
    "skin": "Les signes cutanés et leurs réponses sont ici une traduction faite pour cette "
            "application\u202f; aucun clinicien ne les a vérifiés.",
    "cdasi": "Les régions, les mesures et les cotes du CDASI sont ici une traduction faite "
             "pour cette application\u202f; aucun clinicien ne les a vérifiées.",
    "globals": "Les questions et les ancres des évaluations globales sont ici une traduction "
               "faite pour cette application\u202f; aucun clinicien ne les a vérifiées.",
}
CHAQ_VERSIONS = ("Pouchot J et al., Clin Exp Rheumatol 2001;19(4 Suppl 23):S60-S65; "
                 "Hofer M et al., Clin Exp Rheumatol 2001;19(4 Suppl 23):S151-S157")


def section(qtbot, key: str):
    made = make_section(key, SectionContext(follow_up=True, shown=None, today=TODAY,
                                            enrollment_date=date(2026, 5, 4)))
    qtbot.addWidget(made)
    made.resize(1366, 768)
    made.show()
    qtbot.waitExposed(made)
    return made


@pytest.mark.parametrize("key", sorted(NOTICES))
def test_each_translated_instrument_says_so_at_the_top_of_its_section_in_french(qtbot, french,
                                                                               key):
    made = section(qtbot, key)
    notice = made.findChild(QLabel, NOTICE_NAME)
    assert notice is not None and notice.isVisible()
    assert notice.text() == NOTICES[key]
    # at the top: under the section's heading, above its score line and its items
    assert made.outer.indexOf(notice) == 1 < made.outer.indexOf(made.score)
    # one definition, in app/forms/terms.py, which the section reads
    assert notice.text() == terms.translation_notice(key)[0]


def test_the_chaq_notice_names_the_published_french_versions_in_its_tooltip(qtbot, french):
    notice = section(qtbot, "chaq").findChild(QLabel, NOTICE_NAME)
    assert notice.toolTip() == ("Versions françaises publiées du CHAQ (France, Suisse), non "
                                f"utilisées ici\u00a0: {CHAQ_VERSIONS}")
    assert notice.accessibleDescription() == notice.toolTip()


def test_the_chaq_section_with_its_notice_reads_in_french(qtbot, french):
    assert_french(section(qtbot, "chaq"), NOTICES["chaq"])


@pytest.mark.parametrize("key", ["enzymes", "steroid_exposure", "sun_protection"])
def test_a_section_without_translated_instrument_wording_has_no_notice(qtbot, french, key):
    assert section(qtbot, key).findChild(QLabel, NOTICE_NAME) is None


@pytest.mark.parametrize("key", sorted(NOTICES))
def test_no_section_shows_a_notice_in_english(qtbot, key):
    made = section(qtbot, key)
    assert made.findChild(QLabel, NOTICE_NAME) is None
    assert terms.translation_notice(key) == ()
    shown = " ".join(label.text() for label in made.findChildren(QLabel) if label.isVisible())
    assert "translation" not in shown and "clinician" not in shown
