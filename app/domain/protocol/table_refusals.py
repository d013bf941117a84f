"""Why a plan file is refused for how its keys and tables fit together (a key that needs
or excludes another, a name that no table of the file defines, an order), each given as a
Sentence: its English is what the command line prints; the Treatment plans window shows
its own words (app/forms/terms.py lists ``SENTENCES`` in the context "Plan file key",
beside the refusals of a key for its value alone, app.domain.protocol.key_refusals).
What the file wrote (an id, a drug, a key's name) stays as written.
"""

from __future__ import annotations

# A key a table needs, or must not have, for the value of its kind or type (%1: that
# value; %2: the key not allowed).
CHOICES_NEEDED = 'is missing (a "choice" field needs its choices)'
ONLY_CHOICE_HAS_CHOICES = 'only a "choice" field has choices (this is "%1")'
ONLY_NUMBER_HAS_BOUNDS = 'only a "number" field has min/max (this is "%1")'
RULE_HAS_NO = 'a "%1" rule has no %2'
RULE_NEEDS_AMOUNT = 'is missing (a "%1" rule needs an amount)'
RULE_NEEDS_SUB_RULES = 'a "%1" rule needs at least two sub-rules'
WEIGHT_BANDS_NEEDED = 'a "weight_bands" rule needs at least one band'
BSA_BANDS_NEEDED = 'a "bsa_bands" rule needs at least one band'
RANGE_ONLY_PER_KG = 'a dose range (amount_max) is allowed only on "per_kg" and "per_m2" rules'
RULE_NEEDS_IT = 'is missing (a "%1" rule needs it)'
RULE_NEEDS_DRUGS = 'a "%1" rule needs drugs or groups'
ONLY_WASHOUT_HAS = "only a washout rule has %2"
ONE_OF_EVERY = "give exactly one of every_days or every_months"
# A value that is not one of a key's words (%1: the value; %2: the words allowed)
NOT_ALLOWED = '"%1" is not allowed (use one of: %2)'
UNKNOWN_RULE_KIND = 'unknown rule kind "%1" (use one of: %2)'
# Conditions (a screening detail tested by a rule)
ANSWER_OR_FIELD = 'use either "answer" or "field" with "is", not both'
ONE_CONDITION_FORM = "use one of: answer; field with is; field with below; field with blank"
NO_FIELD_TO_TEST = 'no detail field "%1" to test'
NOT_CHOICE_OR_BOOL = '"%1" is a %2 field; test a choice or bool'
NOT_A_VALUE_OF = '%1 is not a possible value of "%2"'
NOT_A_NUMBER_FIELD = '"%1" is a %2 field, not a number'
NEVER_BLANK = '"%1" is a yes/no field, never blank'
NO_FIELD_HERE = 'no detail field "%1" here'
NOT_A_DATE_FIELD = '"%1" is not a date field'
# Names the file must define once, and in order
NOT_A_TABLE_OF_KEYS = "the protocol must be a table of keys"
DUPLICATE_ID = 'duplicate %1 id "%2" (first used at %3)'
NO_SCHEDULE = 'no schedule "%1"'
NO_ARM = 'no arm "%1"'
NO_DRUG_GROUP = 'no drug group "%1"'
NOT_ITSELF = 'arm "%1" cannot switch to itself'
UNKNOWN_INSTRUMENT = ('"%1" is not an instrument this application can record; known '
                      "instruments: %2")
NOT_IN_INSTRUMENTS = 'no instrument "%1" in [[instruments]]'
TIME_ORDER = "visits must be listed in time order"
HALF_LIFE_TWICE = '"%1" already has a half-life (half_lives[%2])'
NO_HALF_LIFE = "no [[half_lives]] entry for %1"
NAMES_NO_SOURCE = '"%1" names no source; a %2 rule says which paper, table or label it comes from'
# Dose bands, schedules and an arm's options
BAND_NEEDS_BOUND = "a band needs %1, %2 or both"
BANDS_OVERLAP = "this band overlaps another (%1 / %2)"  # each band's bounds (doses.Band)
LAST_PHASE_ONLY = "is missing (only the last phase may be open-ended)"
ONE_DEFAULT = "only one option may be the default (%1)"
NO_OPTION = "no option \"%1\" in this arm's options"
OPTION_WITHOUT_DOSE = 'option "%1" has no dose naming it'
THIS = "this"  # a rule without a status of its own, in NAMES_NO_SOURCE
# What a duplicate id is the id of (the %1 of DUPLICATE_ID)
IDS_OF = ("criterion", "arm", "limit", "schedule", "visit", "instrument", "counselling",
          "note", "drug group", "prior-therapy rule", "detail field", "date rule",
          "consistency rule", "choice", "option")

SENTENCES = (CHOICES_NEEDED, ONLY_CHOICE_HAS_CHOICES, ONLY_NUMBER_HAS_BOUNDS, RULE_HAS_NO,
             RULE_NEEDS_AMOUNT, RULE_NEEDS_SUB_RULES, WEIGHT_BANDS_NEEDED, BSA_BANDS_NEEDED,
             RANGE_ONLY_PER_KG, RULE_NEEDS_IT, RULE_NEEDS_DRUGS, ONLY_WASHOUT_HAS, ONE_OF_EVERY,
             NOT_ALLOWED, UNKNOWN_RULE_KIND, ANSWER_OR_FIELD, ONE_CONDITION_FORM,
             NO_FIELD_TO_TEST, NOT_CHOICE_OR_BOOL, NOT_A_VALUE_OF, NOT_A_NUMBER_FIELD,
             NEVER_BLANK, NO_FIELD_HERE, NOT_A_DATE_FIELD, NOT_A_TABLE_OF_KEYS, DUPLICATE_ID,
             NO_SCHEDULE, NO_ARM, NO_DRUG_GROUP, NOT_ITSELF, UNKNOWN_INSTRUMENT,
             NOT_IN_INSTRUMENTS, TIME_ORDER, HALF_LIFE_TWICE, NO_HALF_LIFE, NAMES_NO_SOURCE,
             BAND_NEEDS_BOUND, BANDS_OVERLAP, LAST_PHASE_ONLY, ONE_DEFAULT, NO_OPTION,
             OPTION_WITHOUT_DOSE, THIS, *IDS_OF)
