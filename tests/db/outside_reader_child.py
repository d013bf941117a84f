"""Child side of tests/db/test_db_outside_reader.py: the application's process.

Run as ``python outside_reader_child.py DB_PATH STEP...``. It opens the database as the
desktop application does, saves a patient, then for each named STEP runs that in-process
path (a backup, a verification, a header check…), prints ``step NAME`` and waits for a
line on stdin: meanwhile the test opens and closes the file from *another* process, as
`jdm-ctp export` or any SQLite tool would. Then it saves a patient named after the step
and prints ``saved STUDY_ID`` only after the commit returned. The test finally kills this
process with SIGKILL and looks for every acknowledged patient in the file.

The database passphrase, for the encrypted variant, comes in JDM_CTP_TEST_PASSPHRASE.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from outside_reader_steps import STEPS

from app.db.engine import Database
from app.db.opening import open_database
from app.db.patients import PatientInput, create_patient


def _say(text: str) -> None:
    os.write(1, (text + "\n").encode())


def _save(database: Database, study_id: str) -> None:
    with database.session() as session:
        create_patient(
            session,
            PatientInput(study_id=study_id, given_name="Outside", family_name="Reader",
                         date_of_birth=date(2015, 1, 1), sex="female", mrn=study_id,
                         site="lock test"),
            user="outside_reader_child",
        )
    _say(f"saved {study_id}")


def main() -> int:
    path = Path(sys.argv[1])
    passphrase = os.environ.get("JDM_CTP_TEST_PASSPHRASE") or None
    database = open_database(path, passphrase)
    _save(database, "FIRST")
    for name in sys.argv[2:]:
        STEPS[name](database, path)
        _say(f"step {name}")
        sys.stdin.readline()  # the other process has opened and closed the file
        _save(database, f"AFTER-{name}")
    _say("done")
    sys.stdin.readline()  # killed here with SIGKILL: no clean close, no checkpoint
    return 0


if __name__ == "__main__":
    sys.exit(main())
