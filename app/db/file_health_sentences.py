"""The sentences app.db.file_health says about a database file (missing, not a file,
damaged, read-only, a full or failing disk), written once in English with their values
kept apart (app.domain.phrases)."""

# app/forms/terms.py lists them: the desktop application says them in the interface's
# language, the command line in these words. A path, SQLite's and the operating system's
# own words are values, shown as they came.
SAVE_AGAIN = "press Save again"
AND_MORE = "%1 (and %2 more)"  # SQLite's findings beyond the first two
NO_SUCH_FILE = ("no database at %1: there is no such file (check the path; 'jdm-ctp db "
                "upgrade --db PATH' creates a new database)")
PART_IS_A_FILE = "no database at %1: part of the path is a file, not a folder"
NOT_OPENED = "no database at %1: %2"
NOT_A_FILE = "no database at %1: %2; nothing was created there"
IS_A_FOLDER = "it is a folder"
IS_A_PIPE = "it is a named pipe"
IS_A_SOCKET = "it is a socket"
IS_A_DEVICE = "it is a device"
NOT_REGULAR = "it is not a regular file"
EMPTY_FILE = "no database at %1: the file is empty"
NO_SCHEMA = "no database at %1: the file holds no jdm-ctp data (it has no schema version)"
NOT_CHECKED = "The database %1 could not be checked: %2. Nothing was written to it."
NO_BACKUP = ("There is no automatic backup of it in the backups folder: ask your IT contact "
             "to restore the newest backup you have.")
RESTORE_NEWEST = ("Restore the newest automatic backup: jdm-ctp restore --db %1 %2 (the "
                  "damaged file is kept beside it).")
RESTORE_ANY = "Restore the newest backup (see the README)."
DAMAGED = ("The database %1 is damaged (SQLite's check found: %2). jdm-ctp writes nothing "
           "to it. %3")
DAMAGED_FILE = "The database file is damaged: jdm-ctp writes nothing to it. %1"
_READ_ONLY_ADVICE = ("so nothing can be saved or exported with an audit entry. Nothing was "
                     "written. Copy it to a folder you may write to, or ask your IT contact "
                     "for write permission.")
OPENED_READ_ONLY = ("The database %1 is read-only here (SQLite could only open it for "
                    "reading), " + _READ_ONLY_ADVICE)
FILE_READ_ONLY = ("The database %1 is read-only here (its file %2 may not be written), "
                  + _READ_ONLY_ADVICE)
FOLDER_READ_ONLY = ("The database %1 is read-only here (its folder %2 may not be written), "
                    + _READ_ONLY_ADVICE)
NOT_WRITABLE_NOW = ("The database %1 cannot be written to now (%2). Nothing was written; try "
                    "again.")
SERVER_READ_ONLY = ("The database %1 only allows reading (a read-only server or session). "
                    "Nothing was written.")
DISK_FULL = "The disk is full: free space, then %1; nothing was saved."
READ_ONLY_SAVE = ("The database is read-only here: nothing was saved. Ask your IT contact for "
                  "write permission, then %1.")
DISK_FAILED = ("The disk holding the database failed a read or write (disk I/O error; a full "
               "disk or a removed drive does this): nothing was saved. Free space or "
               "reconnect the drive, then %1.")
FILE_HEALTH_SENTENCES = (
    SAVE_AGAIN, AND_MORE, NO_SUCH_FILE, PART_IS_A_FILE, NOT_OPENED, NOT_A_FILE, IS_A_FOLDER,
    IS_A_PIPE, IS_A_SOCKET, IS_A_DEVICE, NOT_REGULAR, EMPTY_FILE, NO_SCHEMA, NOT_CHECKED, NO_BACKUP,
    RESTORE_NEWEST, RESTORE_ANY, DAMAGED, DAMAGED_FILE, OPENED_READ_ONLY, FILE_READ_ONLY,
    FOLDER_READ_ONLY, NOT_WRITABLE_NOW, SERVER_READ_ONLY, DISK_FULL, READ_ONLY_SAVE,
    DISK_FAILED)
