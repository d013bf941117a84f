"""Treatment protocols (CTPs) as data: the plan model and its strict loader.

Architecture, "Protocols are data": eligibility criteria, arms, dose rules, concomitant
limits, visit schedule and instruments live in a TOML file under ``resources/protocols/``.
The loader validates the whole file and reports *every* problem with its dotted key path;
a file with any problem is refused as a whole (never half-loaded). Every rule carries a
``source`` and a ``status`` (seed / published / provisional; clinical rules preamble).

The plan, in the clinic's words:
  ``eligibility``          criteria, their supporting details and date rules
  ``arms``, ``doses``      treatment arms, options, dose rules, schedules, concomitant limits
  ``prior_therapy_rules``  washouts, same-agent failure and other rules on the history
  ``visits``               the visit schedule and the instruments at each visit
  ``plan``                 the ``Protocol`` that holds them, and the catalog on offer
The file: ``file_format`` describes every table and key once; ``reading`` and
``sections`` read a file against it, ``loading`` builds the plan, and ``json_schema``
publishes the same description as the JSON Schema for site authors.
"""

from app.domain.errors import ProtocolFileError, ProtocolProblem
from app.domain.protocol.arms import Arm, ArmOption, ArmRule, ArmRuleKind, ConcomitantLimit
from app.domain.protocol.doses import (
    PER,
    ROUTES,
    UNITS,
    Band,
    BandMeasure,
    DoseRule,
    LabelledAge,
    PhaseDose,
    Rounding,
    RoundingMode,
    RuleKind,
    SchedulePhase,
    ScheduleSpec,
)
from app.domain.protocol.eligibility import (
    ANSWER_TYPES,
    DATE_RULE_KINDS,
    Choice,
    Condition,
    ConsistencyKind,
    ConsistencyRule,
    Criterion,
    CriterionGroup,
    DateRule,
    DetailField,
    FieldType,
)
from app.domain.protocol.file_format import SCHEMA_VERSION
from app.domain.protocol.loading import load_protocol, load_protocol_catalog, protocol_from_data
from app.domain.protocol.plan import (
    Counselling,
    Note,
    PlanOrigin,
    Protocol,
    ProtocolCatalog,
    record_origin_words,
    version_words,
)
from app.domain.protocol.prior_therapy_rules import (
    REASONS_STOPPED,
    DrugGroup,
    HalfLife,
    PriorTherapyRule,
    PriorTherapyRuleKind,
)
from app.domain.protocol.provenance import RuleStatus
from app.domain.protocol.visits import INSTRUMENT_SETS, Instrument, VisitDefinition, VisitWindow

__all__ = [
    "ANSWER_TYPES",
    "DATE_RULE_KINDS",
    "INSTRUMENT_SETS",
    "PER",
    "REASONS_STOPPED",
    "ROUTES",
    "SCHEMA_VERSION",
    "UNITS",
    "Arm",
    "Band",
    "BandMeasure",
    "ArmOption",
    "ArmRule",
    "ArmRuleKind",
    "Choice",
    "ConcomitantLimit",
    "Condition",
    "ConsistencyKind",
    "ConsistencyRule",
    "Counselling",
    "Criterion",
    "CriterionGroup",
    "DateRule",
    "DetailField",
    "DoseRule",
    "DrugGroup",
    "FieldType",
    "HalfLife",
    "Instrument",
    "LabelledAge",
    "Note",
    "PhaseDose",
    "PlanOrigin",
    "PriorTherapyRule",
    "PriorTherapyRuleKind",
    "Protocol",
    "ProtocolCatalog",
    "ProtocolFileError",
    "ProtocolProblem",
    "Rounding",
    "RoundingMode",
    "RuleKind",
    "RuleStatus",
    "SchedulePhase",
    "ScheduleSpec",
    "VisitDefinition",
    "VisitWindow",
    "load_protocol",
    "load_protocol_catalog",
    "protocol_from_data",
    "record_origin_words",
    "version_words",
]
