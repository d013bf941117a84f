"""Why a plan file's key is refused for its value alone (app.domain.protocol.reading: a
number, a whole number, true/false, text, an id, a list, a table), each given as a
Sentence: its English is what the command line prints; the Treatment plans window shows
its own words (app/forms/terms.py lists ``SENTENCES`` in the context "Plan file key"). A
number found in the file is a Number (the interface's decimal mark); what the file wrote
(an id, a drug) and a key's name stay as written.
"""

from __future__ import annotations

NOT_A_NUMBER = "must be a number, not %1"
NOT_ORDINARY = "must be an ordinary number"
NOT_POSITIVE = "must be greater than zero (found %1)"
NOT_WHOLE = "must be a whole number, not %1"
BELOW_MINIMUM = "must be at least %1 (found %2)"
ONLY_READS = "this application reads %1 %2, not %3"
NOT_BOOLEAN = "must be true or false, not %1"
NOT_TEXT_LIST = "must be a list of text values"
NOT_TEXT = "must be text, not %1"
EMPTY = "must not be empty"
NOT_AN_ID = '"%1" is not a valid id (letters, digits, "_" or "-"; see the schema)'
DRUG_CASE = 'drug names are lower-case generic names ("%1")'
NOT_A_TABLE = "must be a table, not %1"
NOT_TABLES = "must be a list of tables, not %1"
# A key checked with its neighbours in the same table (app.domain.protocol.sections)
ANSWER_VALUES = 'must be "yes", "no", "unknown" or a list of them'
IS_VALUES = "must be text, true/false, or a list of them"
MAX_BELOW_MIN = "max %1 is below min %2"
INCLUSIVE_MISSING = "is missing (say whether %1 is included)"
GIVEN_WITHOUT = "given without %1"
BAND_ABOVE = "%1 %2 must be above %3 %4"
FAIL_AND_ALLOW = "a reason cannot both fail and allow"
GIVEN_WITH = "is missing (given with %1)"
HALF_LIVES_BELOW = "half_lives_max %1 is below half_lives_min %2"
# A value's TOML type in a site author's words (the %1 of "must be …, not %1")
TYPES = {"bool": "true/false", "number": "a number", "text": "text", "list": "a list",
         "table": "a table"}

SENTENCES = (NOT_A_NUMBER, NOT_ORDINARY, NOT_POSITIVE, NOT_WHOLE, BELOW_MINIMUM, ONLY_READS,
             NOT_BOOLEAN, NOT_TEXT_LIST, NOT_TEXT, EMPTY, NOT_AN_ID, DRUG_CASE, NOT_A_TABLE,
             NOT_TABLES, ANSWER_VALUES, IS_VALUES, MAX_BELOW_MIN, INCLUSIVE_MISSING,
             GIVEN_WITHOUT, BAND_ABOVE, FAIL_AND_ALLOW, GIVEN_WITH, HALF_LIVES_BELOW,
             *TYPES.values())
