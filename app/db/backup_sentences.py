"""What backing up, verifying and restoring a database say when they refuse or fail
(app.db.backup, app.db.automatic_backups, app.db.backup_check, app.db.restore), written
once in English with their values kept apart (app.domain.phrases).

app/forms/terms.py lists them: the desktop application says them in the interface's
language, the command line in these words. A path, a schema revision, an audit entry's
number and SQLite's or the operating system's own words are values, shown as they came
(the interface says that the last are technical detail).
"""

# Back up now refused
NO_DATABASE_FILE = "There is no database file at %1."
NOTHING_TO_BACK_UP = "%1 is empty; there is nothing to back up."
OVER_ITSELF = "The backup cannot be written over the database itself."
COULD_NOT_BACK_UP = "Could not back up %1: %2"
COPY_FAILED_CHECK = "The backup copy failed its integrity check: %1"
KEEP_ONE = "At least one automatic backup must be kept."

# an encrypted backup: its passphrase and its header
EMPTY_PASSPHRASE = "The backup passphrase cannot be empty."
HEADER_ASKS_MEMORY = ("The encrypted backup's header asks for far more memory to unlock it than "
                      "a jdm-ctp backup ever does: it is damaged or not a jdm-ctp backup.")
NOT_ENCRYPTED_BACKUP = "This file is not an encrypted jdm-ctp backup."
TRUNCATED = "The encrypted backup is truncated (too short)."
UNKNOWN_FORMAT = ("This encrypted backup uses format %1, which this version of jdm-ctp does not "
                  "know. Use a newer jdm-ctp to restore it.")
HEADER_DAMAGED = "The encrypted backup's header is damaged."
WRONG_PASSPHRASE = ("The passphrase is wrong, or the backup file has been damaged or cut short: "
                    "it could not be decrypted. Nothing has been changed.")

# verifying a backup, before a restore or on its own
NO_BACKUP_FILE = "There is no backup file at %1."
GIVE_PASSPHRASE = ("%1 is an encrypted backup; give its passphrase (--passphrase-file) to "
                   "restore it.")
OF_ENCRYPTED_DATABASE = ("The backup %1 is of an encrypted database; give the database "
                         "passphrase it was taken under to check or restore it. Nothing has "
                         "been changed.")
PASSPHRASE_DOES_NOT_OPEN = ("The database passphrase does not open the backup %1: it may have "
                            "been taken under an earlier passphrase, or it is not a jdm-ctp "
                            "backup. Nothing has been changed.")
NOT_USABLE = "The backup %1 is not usable: %2"  # %2: opening it refused (opening_sentences)
NOT_JDM_CTP = "The backup %1 is not a jdm-ctp database."
NOT_READABLE_HERE = "The backup %1 is not a jdm-ctp database this version can read."
NEWER_VERSION = ("The backup %1 was made by a newer version of jdm-ctp (schema %2; this version "
                 "knows up to %3). Nothing has been changed.")
DAMAGED = "The backup %1 is damaged: %2"
FAILED_CHECK = ("The backup %1 failed its integrity check (%2); it is damaged. Nothing has been "
                "changed.")
BROKEN_REFERENCES = ("The backup %1 has broken references between records; nothing has been "
                     "changed.")
AUDIT_ALTERED = ("The audit trail in the backup %1 has been altered (first bad entry %2); it "
                 "was not restored. Nothing has been changed.")

# restoring over the database
WOULD_BE_UNENCRYPTED = ("%1 is encrypted, but the backup %2 is not: restoring it would leave "
                        "the database unencrypted. If that is intended, confirm it "
                        "(--allow-unencrypted), then encrypt the database again with 'jdm-ctp "
                        "db encrypt'. Nothing has been changed.")
OPEN_HERE = "%1 is open in this program; close it and restore again. Nothing has been changed."
OPEN_ELSEWHERE = ("%1 is open in jdm-ctp or another program; close it and restore again. "
                  "Nothing has been changed.")

BACKUP_SENTENCES = (
    NO_DATABASE_FILE, NOTHING_TO_BACK_UP, OVER_ITSELF, COULD_NOT_BACK_UP, COPY_FAILED_CHECK,
    KEEP_ONE, EMPTY_PASSPHRASE, HEADER_ASKS_MEMORY, NOT_ENCRYPTED_BACKUP, TRUNCATED,
    UNKNOWN_FORMAT, HEADER_DAMAGED, WRONG_PASSPHRASE, NO_BACKUP_FILE, GIVE_PASSPHRASE,
    OF_ENCRYPTED_DATABASE, PASSPHRASE_DOES_NOT_OPEN, NOT_USABLE, NOT_JDM_CTP, NOT_READABLE_HERE,
    NEWER_VERSION, DAMAGED, FAILED_CHECK, BROKEN_REFERENCES, AUDIT_ALTERED,
    WOULD_BE_UNENCRYPTED, OPEN_HERE, OPEN_ELSEWHERE)
