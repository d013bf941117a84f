"""Plan-file texts a clinician reads (plan titles, arm names, the screening's criteria) in
French, from a catalogue beside the plan files (resources/translations/plan_texts_fr.toml):
the plan files stay the single source and keep their hash."""

from __future__ import annotations

import re
import tomllib

import pytest

from app import paths
from app.catalog import plan_words, protocol_catalog
from app.domain.protocol import ArmRuleKind, PriorTherapyRuleKind
from app.forms import terms
from app.forms.language import INTERFACE

CATALOGUE = paths.resources_dir() / "translations" / "plan_texts_fr.toml"


def shipped_texts() -> set[str]:
    plans = [p for p in protocol_catalog().protocols.values()]
    rules = [rule for p in plans for rule in (*(d for arm in p.arms for d in arm.doses),
                                              *(limit.rule for limit in p.concomitant_limits))]
    dose_words = {text for rule in rules
                  for text in (rule.frequency, rule.route, rule.label or rule.drug)}
    return ({p.title for p in plans} | {arm.name for p in plans for arm in p.arms}
            | {visit.label for p in plans for visit in p.visits}
            | {schedule.label for p in plans for schedule in p.schedules}  # the dose re-check
            | {limit.note for p in plans for limit in p.concomitant_limits if limit.note}
            | dose_words | screening_texts(plans) | arm_page_texts(plans)) - {""}


def arm_page_texts(plans) -> set[str]:
    """What the enrollment's arm page shows of a plan besides its arms' names and options:
    each arm's summary and the rules it quotes (may continue, monitoring, an exception)."""
    kinds = (ArmRuleKind.MAY_CONTINUE, ArmRuleKind.MONITORING, ArmRuleKind.MAY_CONSIDER)
    return ({arm.summary for p in plans for arm in p.arms}
            | {rule.text for p in plans for arm in p.arms for kind in kinds
               for rule in arm.rules_of(kind)})


def screening_texts(plans) -> set[str]:
    """What the screening wizard shows of a plan: its notice, each criterion's text, help
    and caution, its detail fields' labels, help and choices, its consistency rules, and
    the arm rules its verdict quotes (an arm closed by an answer), the arms' options its
    prior-therapy page judges one by one and the plan-wide prior-therapy rules it quotes
    when they cannot be checked."""
    criteria = [c for p in plans for c in p.criteria]
    details = [d for c in criteria for d in c.details]
    return ({p.notice for p in plans}
            | {text for c in criteria for text in (c.text, c.help, c.caution)}
            | {text for d in details for text in (d.label, d.help)}
            | {choice.label for d in details for choice in d.choices}
            | {rule.text for c in criteria for rule in c.consistency}
            | {rule.text for p in plans for arm in p.arms
               for rule in arm.rules_of(ArmRuleKind.UNAVAILABLE_IF)}
            | {option.label for p in plans for arm in p.arms for option in arm.options}
            | {rule.text for p in plans for rule in p.prior_therapy_rules
               if not rule.arms and rule.kind is PriorTherapyRuleKind.REQUIRES_PRIOR})


def test_the_catalogue_covers_every_shipped_title_and_arm_and_nothing_stale():
    texts = tomllib.loads(CATALOGUE.read_text(encoding="utf-8"))["texts"]
    assert set(texts) == shipped_texts()  # a changed plan text shows up here
    assert all(value.strip() for value in texts.values())


def test_plan_words_fall_back_to_the_plan_files_english():
    assert plan_words("IVIG", "fr") == "IgIV"
    assert plan_words("IVIG", "en") == "IVIG"
    assert plan_words("A site's own arm", "fr") == "A site's own arm"  # not in the catalogue


@pytest.mark.parametrize(("language", "shown"), [("fr", "Bras A — IgIV"),
                                                 ("en", "Arm A — IVIG")])
def test_arm_titles_follow_the_interface(qapp, language, shown):
    INTERFACE.switch(language)
    try:
        assert terms.arm_title("a", "IVIG") == shown
        assert terms.arm_title("tnf", "TNF-α inhibitor (adalimumab or infliximab)") == (
            "Inhibiteur du TNF-α (adalimumab ou infliximab)" if language == "fr"
            else "TNF-α inhibitor (adalimumab or infliximab)")
    finally:
        INTERFACE.switch("en")


@pytest.mark.parametrize(("language", "shown"), [
    ("fr", ["Visite initiale", "Mois 6", "Visite non planifiée 2", "A site's own visit"]),
    ("en", ["Baseline", "Month 6", "Unscheduled 2", "A site's own visit"])])
def test_visit_names_follow_the_interface(qapp, language, shown):
    INTERFACE.switch(language)
    try:
        assert [terms.visit_words(label) for label in (
            "Baseline", "Month 6", "Unscheduled 2", "A site's own visit")] == shown
    finally:
        INTERFACE.switch("en")


def test_the_catalogues_french_spaces_its_high_punctuation():
    """French typography (test_french_typography): no colon, semicolon or question mark
    glued to the word before it in a translated plan text; a journal reference
    ("2010;62:219-25") is cited as published."""
    from test_french_typography import glued

    texts = tomllib.loads(CATALOGUE.read_text(encoding="utf-8"))["texts"]
    faults = [f"{english!r}: {piece!r}" for english, french in texts.items()
              for piece in glued(re.sub(r"\d{4};\d+:[\d-]+", "", french))]
    assert not faults, "\n".join(faults)
