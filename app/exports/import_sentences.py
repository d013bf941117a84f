"""Why an import folder is refused, file by file (app.exports.import_files): each reason
written once in English with its values kept apart (app.domain.phrases), so the desktop
application says it in the interface's language (app/forms/terms.py lists them) while the
command line and ``str()`` read exactly these words. A file's name, a column's code, what
the file holds and Python's own words about bad JSON or CSV are values, shown as they are.
"""

from __future__ import annotations

NOT_A_FOLDER = "is not a folder"
MANIFEST_MISSING = "manifest.json is missing"
MANIFEST_NOT_A_FILE = "manifest.json is not a file"
MANIFEST_TOO_LARGE = "manifest.json is larger than %1 bytes; this application writes a few hundred"
NOT_JSON = "not valid JSON: %1"
MUST_BE_OBJECT = "must be a JSON object, not %1"
ONLY_REDCAP = "only the redcap format can be imported"
POOLED_TAKES_DEIDENTIFIED = ("is a %1 export; a pooled database takes de-identified exports "
                             "only (it never holds identities)")
ONLY_IDENTIFIED = ("only an identified export can be imported (a de-identified one has no "
                   "dates or names to restore)")
FILES_NOT_A_LIST = "must be a list of the export's files, not %1"
TOO_MANY_FILES = "lists %1 files; an export has a few"
ENTRY_NOT_OBJECT = "must be an object, not %1"
NO_FILE_NAME = "has no file name"
NOT_PLAIN_NAME = "%1 is not a plain file name (no folders or paths)"
LISTED_TWICE = "%1 is listed twice"
NO_SHA256 = "%1 has no SHA-256 (64 hexadecimal digits)"
NOT_LISTED_REQUIRED = ("does not list %1: every file of the export must be listed with its "
                       "SHA-256")
REQUIRED_EITHER = "%1 or %2"
# the kind of JSON value found where another was wanted (_json_kind)
A_JSON_OBJECT = "a JSON object"
A_LIST = "a list"
A_STRING = "a string"
A_TRUE_FALSE = "a true/false"
A_NULL = "a null"
A_NUMBER = "a number"
A_VALUE = "a value"
FOLDER_NOT_LISTED = ("this folder is not listed in manifest.json (an export holds only the "
                     "files its manifest lists)")
FILE_NOT_LISTED = ("this file is not listed in manifest.json (an export holds only the files "
                   "its manifest lists)")
LISTED_MISSING = "listed in manifest.json but missing"
LISTED_NOT_REGULAR = "listed in manifest.json but not a regular file"
TOO_LARGE = "larger than %1 MiB; not read"
CHANGED = "the file was changed after export (SHA-256 differs from manifest.json)"
LINE_TOO_LONG = "a line longer than %1 MiB; not read further"
BAD_ENCODING = "bad encoding: byte 0x%1 is not UTF-8 (save the file as UTF-8)"
FILE_MISSING = "file is missing"
NOT_REGULAR = "not a regular file"
CELL_TOO_LONG = "a cell of %1 characters; the longest any field may hold is %2"
CELL_OVER_LIMIT = "a cell longer than %1 characters; the longest any field may hold is %2"
CELLS_DIFFER = "has %1 cells; the header has %2"
NOT_CSV = "not a readable CSV file here (%1)"

IMPORT_SENTENCES = (
    NOT_A_FOLDER, MANIFEST_MISSING, MANIFEST_NOT_A_FILE, MANIFEST_TOO_LARGE, NOT_JSON,
    MUST_BE_OBJECT, ONLY_REDCAP, POOLED_TAKES_DEIDENTIFIED, ONLY_IDENTIFIED, FILES_NOT_A_LIST,
    TOO_MANY_FILES, ENTRY_NOT_OBJECT, NO_FILE_NAME, NOT_PLAIN_NAME, LISTED_TWICE, NO_SHA256,
    NOT_LISTED_REQUIRED, REQUIRED_EITHER, A_JSON_OBJECT, A_LIST, A_STRING, A_TRUE_FALSE,
    A_NULL, A_NUMBER, A_VALUE, FOLDER_NOT_LISTED, FILE_NOT_LISTED, LISTED_MISSING,
    LISTED_NOT_REGULAR, TOO_LARGE, CHANGED, LINE_TOO_LONG, BAD_ENCODING, FILE_MISSING,
    NOT_REGULAR, CELL_TOO_LONG, CELL_OVER_LIMIT, CELLS_DIFFER, NOT_CSV)

# a value of the file refused by its field (value_problem, study_id_problem,
# instance_problem); the value is quoted as the file has it, except a value of a field the
# de-identified export leaves out (names, MRN, dates, free text), which is THIS_CELL
THIS_CELL = "the value in this cell (not shown: it may identify the patient)"
MUST_BE_0_OR_1 = "%1 must be 0 or 1"
NOT_ONE_OF = "%1 is not one of %2"
NOT_A_DATE = "%1 is not a date (YYYY-MM-DD)"
NOT_A_DATE_TIME = "%1 is not a date and time (YYYY-MM-DD HH:MM:SS)"
NOT_A_SHA256 = "%1 is not a SHA-256 (64 lower-case hexadecimal digits)"
NOT_VALID_JSON = "is not valid JSON"
MUST_BE_JSON_OBJECT = "must be a JSON object"
MUST_BE_JSON_LIST = "must be a JSON list"
TOO_MANY_CHARACTERS = "%1 characters; this field holds at most %2"
CONTROL_CHARACTER = "holds a control character (U+%1)"
NOT_A_STUDY_ID = ("%1 is not a study id: letters, digits, '-' and '_', up to 32 characters, "
                  "starting with a letter or digit")
NOT_A_NUMBER_CUT = "%1… is not a number"
NOT_A_NUMBER = "%1 is not a number"
NOT_WHOLE = "%1 is not a whole number"
ONE_DECIMAL = "%1 has more than one decimal"
BELOW_MINIMUM = "value %1 is out of range: below the minimum %2"
ABOVE_MAXIMUM = "value %1 is out of range: above the maximum %2"
INSTANCE_FROM_1 = "%1 must be a number from 1"

VALUE_SENTENCES = (
    THIS_CELL, MUST_BE_0_OR_1, NOT_ONE_OF, NOT_A_DATE, NOT_A_DATE_TIME, NOT_A_SHA256,
    NOT_VALID_JSON,
    MUST_BE_JSON_OBJECT, MUST_BE_JSON_LIST, TOO_MANY_CHARACTERS, CONTROL_CHARACTER,
    NOT_A_STUDY_ID, NOT_A_NUMBER_CUT, NOT_A_NUMBER, NOT_WHOLE, ONE_DECIMAL, BELOW_MINIMUM,
    ABOVE_MAXIMUM, INSTANCE_FROM_1)

# the dictionary's and the data file's shape, row by row (app.exports.importing)
WRONG_DICTIONARY_HEADER = "wrong header: expected the 18 REDCap dictionary columns"
UNKNOWN_VERSION = "data dictionary version %1 is not one this application reads (%2)"
NOT_OUR_DICTIONARY = "does not match this application's data dictionary (expected field %1)"
FIELD_COUNT = "the dictionary has a different number of fields"
WRONG_DATA_HEADER = ("wrong header: the columns are not the ones this application exports "
                     "(same names, same order)")
DUPLICATE_ROW = "duplicate of row %1 (same record, event and instance)"
NO_STUDY_ID = "the study id is empty"
UNKNOWN_EVENT = "unknown event %1"
DOES_NOT_REPEAT = "%1 does not repeat at %2"
NOT_AT_THIS_ROW = "belongs to form %1, which is not recorded at this row (%2)"
MUST_BE_0_1_OR_2 = "%1 must be 0, 1 or 2"

ROW_SENTENCES = (
    WRONG_DICTIONARY_HEADER, UNKNOWN_VERSION, NOT_OUR_DICTIONARY, FIELD_COUNT,
    WRONG_DATA_HEADER, DUPLICATE_ROW, NO_STUDY_ID, UNKNOWN_EVENT, DOES_NOT_REPEAT,
    NOT_AT_THIS_ROW, MUST_BE_0_1_OR_2)

# a whole record (its rows together), a pooled export's site ids and a patient the database
# already holds (app.exports.importing); a study id, a site code, a row count and a value
# of the file or the database are values, as they are
NOT_SITE_RECORD_ID = ("%1 is not SITE-studyid (a site code of capitals and digits, a hyphen, "
                      "the study id)")
GROUP_NOT_SITE = "the data access group %1 is not the record's site code %2 in lower case"
SEVERAL_SITES = "records of several sites (%1) in one export"
SEX_REQUIRED = "%1: sex is required"
PRIOR_WITHOUT_DRUG = "%1: prior therapy %2 names no drug"
INFUSION_ARM = "infusion %1 of %2 names arm history instance %3; the file has %4"
NO_INSTANCE = "(none)"
INFUSION_NO_DATE = "infusion %1 of %2 has no date given"
INFUSION_NO_DOSE = "infusion %1 of %2 has no dose above zero"
EVENT_VISIT_MISSING = "adverse event of %1 names a visit not in the file (%2 %3)"
# %2: the kind of error and, for a missing column, its name (never the value read)
INCOMPLETE_RECORD = "record %1 is incomplete or inconsistent (%2)"
ADDED_MEANWHILE = ("conflict: patient %1 was added to the database while this import was "
                   "running; nothing was imported")
ADDED_MEANWHILE_BY = ("conflict: patient %1 was added to the database by %2 while this import "
                      "was running; nothing was imported")
CONFLICTING_VALUE = ("conflict: patient %1 is already in the database with %2 here, the file "
                     "has %3; nothing was overwritten")
# a field the de-identified export leaves out (names, MRN, dates, free text): its values are
# not repeated, since stderr may be kept in a log and a window is read over a shoulder
CONFLICTING_IDENTIFIER = ("conflict: patient %1 is already in the database with another "
                          "value in this column (not shown: it may identify the patient); "
                          "nothing was overwritten")
# the window counts the rows with its plural forms (app.forms.import_result)
CONFLICTING_ROWS = ("conflict: patient %1 is already in the database with %2 rows, the file "
                    "has %3; nothing was overwritten")

RECORD_SENTENCES = (
    NOT_SITE_RECORD_ID, GROUP_NOT_SITE, SEVERAL_SITES, SEX_REQUIRED, PRIOR_WITHOUT_DRUG,
    INFUSION_ARM, NO_INSTANCE, INFUSION_NO_DATE, INFUSION_NO_DOSE, EVENT_VISIT_MISSING,
    INCOMPLETE_RECORD, ADDED_MEANWHILE, ADDED_MEANWHILE_BY, CONFLICTING_VALUE,
    CONFLICTING_IDENTIFIER, CONFLICTING_ROWS)
