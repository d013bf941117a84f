"""Outcome instruments for the JDM treatment plans (clinical-rules §2), as data plus
pure scoring and validation functions.

Modules: ``cmas`` (§2.1), ``chaq`` (§2.2), ``mmt8`` (§2.3), ``globals`` (§2.4 VAS
global assessments), ``enzymes`` (§2.5), ``skin`` (§2.6 skin rash detail), and
``common`` (item definitions, parsing, ``InstrumentInputError``).

Scoring functions take plain dicts ``{field_code: value or None}`` and return frozen
results that carry the total (or None), whether it is complete, the missing codes, and a
plain-words explanation. Nothing is ever imputed.
"""

from app.domain.instruments.common import (
    Anchor,
    InstrumentInputError,
    ItemDefinition,
    ItemKind,
    ProvisionalRule,
)

__all__ = ["Anchor", "InstrumentInputError", "ItemDefinition", "ItemKind", "ProvisionalRule"]
