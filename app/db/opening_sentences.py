"""Why a database cannot be opened, upgraded or created (app.db.opening, app.db.migrate),
written once in English with their values kept apart (app.domain.phrases).

app/forms/terms.py lists them: the desktop application says them in the interface's
language at start, the command line in these words. A path, a schema revision and what
SQLite or the operating system said are values, shown as they came; a refusal inside
another (a file in use, inside a failed upgrade) keeps its own sentence.
"""

from __future__ import annotations

# app.db.opening: reading a file's state, holding its write lock, swapping a copy in
PASSPHRASE_REQUIRED = ("The database %1 is encrypted. Give its database passphrase to open it. "
                       "It has not been changed.")
NOT_SQLITE = ("The file %1 is not a jdm-ctp database (it is not a SQLite file). It has not "
              "been changed. Choose a different file.")
NOT_ENCRYPTED = ("The database %1 is not encrypted, but a database passphrase was given. Open "
                 "it without a passphrase (or encrypt it first with 'jdm-ctp db encrypt'). It "
                 "has not been changed.")
WRONG_PASSPHRASE = ("The passphrase does not open the database %1: either the passphrase is "
                    "wrong or the file is not a jdm-ctp database. It has not been changed.")
UNREADABLE = ("The file %1 looks like a SQLite database but cannot be read (%2). It may be "
              "damaged. It has not been changed; restore it from a backup.")
SEVERAL_VERSIONS = ("The database %1 has several schema versions (%2), which this version of "
                    "jdm-ctp does not understand. It has not been changed.")
OPEN_HERE = "The database %1 is open in this program. Close it first. Nothing has been changed."
BEING_CHANGED = ("The database %1 is being changed by another program or another copy of "
                 "jdm-ctp. Close it there and try again. Nothing has been changed.")
COPY_NOT_CLOSED = "the upgraded copy was not closed cleanly (%1)"
OPEN_ELSEWHERE = ("%1 is open in another program or another copy of jdm-ctp; close it and try "
                  "again")
# app.db.migrate: the schema's version, the upgrade, a new file
NO_MIGRATIONS = "No database migrations were found in %1."
UNVERSIONED = ("The database %1 contains tables but was not created by jdm-ctp (it has no "
               "schema version). It has not been changed.")
TOO_NEW = ("The database %1 was created or upgraded by a newer version of jdm-ctp (schema %2; "
           "this version knows up to %3). It has not been changed. Install the newer version "
           "of jdm-ctp to open it.")
COPY_CHECK_FAILED = "the copy failed its integrity check: %1"
EMPTY_SCHEMA = "empty"  # the schema of a database that has none yet
UPGRADE_ROLLED_BACK = ("Upgrading the database from schema %1 to %2 failed: %3. The upgrade ran "
                       "in one transaction and was rolled back, so the database is as it was.")
NO_BACKUP_FIRST = ("Could not make a backup of %1 before upgrading it (%2), so the upgrade was "
                   "not started. The database has not been changed.")
UPGRADE_FAILED = ("Upgrading the database %1 from schema %2 to %3 failed: %4. The database has "
                  "not been changed. A backup taken before the attempt is at %5.")
NOT_REPLACED = ("The upgraded database could not replace %1 (%2). The database has not been "
                "changed. A backup taken before the attempt is at %3.")
NOT_CREATED = "Could not create a new database at %1: %2"
FOREIGN_KEYS_FAILED = "foreign key check failed after upgrade: %1"
INTEGRITY_FAILED = "integrity check failed after upgrade: %1"

OPENING_SENTENCES = (
    PASSPHRASE_REQUIRED, NOT_SQLITE, NOT_ENCRYPTED, WRONG_PASSPHRASE, UNREADABLE,
    SEVERAL_VERSIONS, OPEN_HERE, BEING_CHANGED, COPY_NOT_CLOSED, OPEN_ELSEWHERE, NO_MIGRATIONS,
    UNVERSIONED, TOO_NEW, COPY_CHECK_FAILED, EMPTY_SCHEMA, UPGRADE_ROLLED_BACK, NO_BACKUP_FIRST,
    UPGRADE_FAILED, NOT_REPLACED, NOT_CREATED, FOREIGN_KEYS_FAILED, INTEGRITY_FAILED)
