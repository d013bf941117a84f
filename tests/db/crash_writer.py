"""Child side of the kill -9 test (tests/db/test_db_crash_safety.py).

Run as ``python crash_writer.py DB_PATH``. The application code is imported once, then
for every ``run PREFIX`` line on stdin a writer process is forked (so 200+ kills stay
fast: no interpreter start-up per kill). The writer prints ``pid N``, then saves
patients in a loop, each save one transaction through ``Database.session()`` (the
patient, its identity and seven audit entries), and prints ``ack STUDY_ID`` only after
the commit returned. The test kills the writer with SIGKILL at random moments; this
process reports ``exit PID STATUS`` and waits for the next command.
"""

from __future__ import annotations

import os
import sys
from datetime import date

from app.db.engine import Database, resolve_database_url
from app.db.patients import PatientInput, create_patient
from app.domain.permissions import Permission, system_task

MAX_SAVES_PER_RUN = 10_000


def _say(text: str) -> None:
    # One write per line (< PIPE_BUF), unbuffered: parent and forked child share the pipe.
    os.write(1, (text + "\n").encode())


def _writer(db_path: str, prefix: str) -> None:
    # The encrypted variant of the test passes the database passphrase this way.
    passphrase = os.environ.get("JDM_CTP_CRASH_PASSPHRASE") or None
    database = Database(resolve_database_url(db_path), passphrase=passphrase)
    # A test helper process, not a person: the explicit test-fixture system task.
    database.actor = system_task("test fixture", *Permission)
    _say(f"pid {os.getpid()}")
    for n in range(MAX_SAVES_PER_RUN):
        study_id = f"{prefix}-{n}"
        with database.session() as session:
            create_patient(
                session,
                PatientInput(
                    study_id=study_id,
                    given_name="Crash",
                    family_name=f"Test {n}",
                    date_of_birth=date(2015, 1, 1),
                    sex="female",
                    mrn=f"M{n}",
                    site="kill-9",
                ),
                user="crash_writer",
            )
        _say(f"ack {study_id}")  # only after the commit returned
    os._exit(0)


def main() -> int:
    db_path = sys.argv[1]
    _say("ready")
    for line in sys.stdin:
        command = line.split()
        if not command:
            continue
        if command[0] == "quit":
            break
        if command[0] != "run":
            _say(f"error unknown command {command[0]}")
            continue
        pid = os.fork()
        if pid == 0:
            try:
                _writer(db_path, command[1])
            except BaseException as exc:  # noqa: BLE001 - reported to the test, then exit
                _say(f"error {type(exc).__name__}: {exc}")
                os._exit(3)
        _pid, status = os.waitpid(pid, 0)
        _say(f"exit {pid} {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
