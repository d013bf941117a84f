"""What opening a database file, or changing it as a whole, says when it refuses
(app.db.opening, app.db.migrate), written once in English with their values kept apart
(app.domain.phrases).

app/forms/terms.py lists them: the desktop application says them in the interface's
language, the command line in these words. A path, a schema revision and SQLite's own words
are values, shown as they came.
"""

PASSPHRASE_REQUIRED = ("The database %1 is encrypted. Give its database passphrase to open "
                       "it. It has not been changed.")
NOT_SQLITE = ("The file %1 is not a jdm-ctp database (it is not a SQLite file). It has not "
              "been changed. Choose a different file.")
NOT_ENCRYPTED = ("The database %1 is not encrypted, but a database passphrase was given. Open "
                 "it without a passphrase (or encrypt it first with 'jdm-ctp db encrypt'). It "
                 "has not been changed.")
PASSPHRASE_DOES_NOT_OPEN = ("The passphrase does not open the database %1: either the "
                            "passphrase is wrong or the file is not a jdm-ctp database. It has "
                            "not been changed.")
UNREADABLE = ("The file %1 looks like a SQLite database but cannot be read (%2). It may be "
              "damaged. It has not been changed; restore it from a backup.")
SEVERAL_VERSIONS = ("The database %1 has several schema versions (%2), which this version of "
                    "jdm-ctp does not understand. It has not been changed.")
NOT_CREATED_BY_US = ("The database %1 contains tables but was not created by jdm-ctp (it has no "
                     "schema version). It has not been changed.")
TOO_NEW = ("The database %1 was created or upgraded by a newer version of jdm-ctp (schema %2; "
           "this version knows up to %3). It has not been changed. Install the newer version "
           "of jdm-ctp to open it.")
# a whole-file change (an encryption change, an upgrade) refused because someone holds it
OPEN_HERE_CLOSE_FIRST = ("The database %1 is open in this program. Close it first. Nothing has "
                         "been changed.")
BEING_CHANGED = ("The database %1 is being changed by another program or another copy of "
                 "jdm-ctp. Close it there and try again. Nothing has been changed.")

OPENING_SENTENCES = (
    PASSPHRASE_REQUIRED, NOT_SQLITE, NOT_ENCRYPTED, PASSPHRASE_DOES_NOT_OPEN, UNREADABLE,
    SEVERAL_VERSIONS, NOT_CREATED_BY_US, TOO_NEW, OPEN_HERE_CLOSE_FIRST, BEING_CHANGED)
