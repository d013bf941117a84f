"""French spacing before the high punctuation (issue 21): in French a colon takes a no-break
space before it, and ";", "?" and "!" a narrow no-break space (Office québécois de la
langue française, "Espacement avant et après les signes de ponctuation et les symboles":
the narrow space is advised wherever it can be shown, as it can on screen). A bootstrap
reason read "(les covariables séparent les bras: 26)".

Checked over every French translation of the .ts (HTML tags left out: "color:#b00020" is
a style, not a sentence; a time such as 12:30 would be allowed) and on the sentence the
interface puts together from the domain's words and a count."""

from __future__ import annotations

import re

import pytest
from test_french import FR_TS, messages, translations

from app.domain.cohort.bootstrap import BootstrapIntervals
from app.domain.cohort.outcomes import bootstrap_text
from app.domain.cohort.propensity import NOT_FITTED_REASONS
from app.forms import terms

TAG = re.compile(r"<[^>]+>")
# a mark glued to what comes before it ("bras: 26", "Grave?"), not a time ("12:30"), nor
# a file dialog's filter separator (";;"); a translation that starts with ";" is a
# piece put after another sentence ("; non remplis : %1"), so glued too; a "?" that starts
# one is a sign ("? Règles … à vérifier")
GLUED = re.compile(r"(?<![\s;])(?<!^);(?!;)|^;|(?<=\S)[?!]|(?<![\s\d]):|(?<=\d):(?!\d)")


def glued(text: str) -> list[str]:
    plain = TAG.sub(" ", text)
    return [plain[max(0, m.start() - 20):m.end() + 5] for m in GLUED.finditer(plain)]


def test_the_check_finds_a_glued_mark_and_allows_a_time():
    assert glued("(les covariables séparent les bras: 26)")
    assert glued("Grave?")
    assert glued("%1; %2")
    assert glued("%1 (%2): %3")
    assert glued("; non remplis : %1")
    assert glued("à 12:30 : rien\u202f; vraiment\u202f? Sauvegarde (*.sqlite3);;Tous") == []
    assert glued("? Règles à vérifier") == []
    assert glued("<b style='color:#b00020'>%n en retard</b>") == []


def test_no_french_translation_glues_a_colon_semicolon_question_or_exclamation_mark():
    faults = [f"{message.find('source').text!r}: {piece!r}"
              for message in messages(FR_TS) for text in translations(message)
              for piece in glued(text)]
    assert not faults, "\n".join(faults)


def intervals(*reasons: tuple[str, int]) -> BootstrapIntervals:
    """40 replicates with seed 1, 26 of them not fitted for ``reasons``."""
    return BootstrapIntervals("A", "B", 40, 1, 26, reasons, ())


@pytest.mark.parametrize("reason", NOT_FITTED_REASONS)
def test_a_bootstrap_reason_with_its_count_is_spaced_in_french(french, reason):
    written = bootstrap_text(intervals((reason, 26)))
    assert written == ("40 replicates resampled within arm, model re-fitted each time "
                       f"(seed 1); model not fitted in 26 ({reason}: 26)")
    shown = terms.phrases(terms.COHORT, written)
    assert not glued(shown), shown
    assert shown.endswith(f"({terms.term(terms.COHORT, reason)}\u00a0: 26)")


def test_the_bootstrap_reasons_read_in_french(french):
    written = bootstrap_text(intervals(("the covariates separate the arms", 26)))
    assert terms.phrases(terms.COHORT, written) == (
        "40 réplications rééchantillonnées dans chaque bras, modèle réajusté à chaque fois "
        "(graine 1) ; modèle non ajusté dans 26 (les covariables séparent les "
        "bras\u00a0: 26)")
