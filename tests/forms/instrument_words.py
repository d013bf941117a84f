"""Every word the visit-form sections show from the instrument registry (app.domain
.instruments and the response): labels, answers, anchors and help. The French interface
lists each of them in app.forms.terms (context "Instrument item") so that a new item
cannot stay English (test_french_visit.py). CDASI is left out this round: its section is
being reworked with the study's scoring (issue 18) and stays English until then."""

from __future__ import annotations

from app.domain import response
from app.domain.instruments import (
    adverse_events,
    chaq,
    cmas,
    enzymes,
    globals,
    mmt8,
    skin,
    steroid_exposure,
    sun_protection,
)
from app.domain.instruments.registry import INSTRUMENTS
from app.domain.visit_form import AUTOANTIBODIES, AUTOANTIBODY_ANSWERS, MISSING_REASONS

NOT_TRANSLATED_THIS_ROUND = frozenset({"cdasi"})


def _definitions(items) -> set[str]:
    """An item's label, its name in messages (``display_name``), help and anchors."""
    out = set()
    for item in items:
        out |= {item.label, item.display_name, item.help, *(a.label for a in item.anchors)}
    return out


def instrument_words() -> set[str]:
    words: set[str] = set()
    for instrument in INSTRUMENTS:
        if instrument.id in NOT_TRANSLATED_THIS_ROUND:
            continue
        if instrument.item_labels is not None:
            words |= set(instrument.item_labels().values())
    words |= _definitions(cmas.CMAS_ITEMS + cmas.CMAS_SIT_UP_ITEMS + cmas.CMAS_SECONDS_ITEMS)
    words |= _definitions(chaq.CHAQ_ITEMS + chaq.VAS_ITEMS)
    words |= {a.label for a in chaq.ANSWER_ANCHORS} | {d.label for d in chaq.DOMAINS}
    words |= {a.label for a in chaq.AIDS}
    words |= {g.label for g in mmt8.MUSCLE_GROUPS} | {a.label for a in mmt8.KENDALL_ANCHORS}
    words |= _definitions(mmt8.UNILATERAL_ITEMS + mmt8.BILATERAL_ITEMS)
    words |= _definitions(globals.GLOBAL_ASSESSMENTS)
    words |= {e.label for e in enzymes.ENZYMES}
    for item in skin.SKIN_ITEMS:
        words |= {item.label, item.examples, *(a.label for a in item.answers)}
    words |= {a.label for a in skin.CHANGE_ANSWERS}
    words |= {label for _c, label in AUTOANTIBODIES + AUTOANTIBODY_ANSWERS}
    words |= {text for item in steroid_exposure.ITEMS for text in (item.label, item.help,
                                                                   item.unit)}
    for _code, label, answers in sun_protection.ITEMS:
        words |= {label, *(text for _c, text in answers)}
    for table in (adverse_events.CATEGORIES, adverse_events.SEVERITIES,
                  adverse_events.OUTCOMES, adverse_events.RELATIONS, MISSING_REASONS):
        words |= {label for _c, label in table}
    words |= set(response.MEASURE_LABELS.values()) | set(response.MUSCLE_LABELS.values())
    return {w for w in words if w}
