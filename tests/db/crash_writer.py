"""Child side of the kill -9 test (tests/db/test_db_crash_safety.py).

Run as ``python crash_writer.py DB_PATH``. The application code is imported once, then
for every ``run PREFIX`` line on stdin a writer process is forked (so 200+ kills stay
fast: no interpreter start-up per kill). The writer prints ``pid N``, then saves
patients in a loop, each save one transaction through ``Database.session()`` (the
patient, its identity and one audit entry per field), and prints ``ack STUDY_ID`` only after
the commit returned. The test kills the writer with SIGKILL at random moments; this
process reports ``exit PID STATUS`` and waits for the next command.

Before the first fork this process saves one patient into a scratch database beside the
test's file, so the work done once per process on first use (SQLAlchemy configuring its
mappers and building its statement machinery, lazy imports) is already done in every
forked writer. That halves the time from fork to the first commit, and the kills aimed
"before the first save" land in opening the connection and the first transaction rather
than in Python's set-up.

For an encrypted file the passphrase's key derivation (SQLCipher's PBKDF2-HMAC-SHA512,
256,000 rounds: about 0.2 s of CPU, no file access) is likewise done once here: the
writers key their connections with the derived raw key (``x'...'``, SQLCipher's syntax
for a key that needs no derivation), through the same ``Database(passphrase=...)`` and
``PRAGMA key`` code as the passphrase. Each kill then costs a fifth as much, and the
kills aimed before the first save land in SQLite's work on the file instead of all in
the key derivation. The scratch database, keyed the same way, proves the derivation
matches SQLCipher's before any writer runs.
"""

from __future__ import annotations

import hashlib
import os
import sys
from datetime import date
from pathlib import Path

from app.db.engine import Database, resolve_database_url
from app.db.opening import open_database
from app.db.patients import PatientInput, create_patient
from app.domain.permissions import Permission, system_task

MAX_SAVES_PER_RUN = 10_000
# A test helper process, not a person: the explicit test-fixture system task.
FIXTURE_TASK = system_task("test fixture", *Permission)
# SQLCipher 4's defaults, which the application keeps (app.db.encryption sets none).
KDF_ROUNDS = 256_000
KDF_SALT_BYTES = 16  # the first bytes of an encrypted file


def _say(text: str) -> None:
    # One write per line (< PIPE_BUF), unbuffered: parent and forked child share the pipe.
    os.write(1, (text + "\n").encode())


def _passphrase() -> str | None:
    # The encrypted variant of the test passes the database passphrase this way.
    return os.environ.get("JDM_CTP_CRASH_PASSPHRASE") or None


def _save(database: Database, study_id: str, n: int) -> None:
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


def _raw_key(path: Path, passphrase: str | None) -> str | None:
    """The key SQLCipher derives from ``passphrase`` for the file at ``path``, in its raw
    key syntax (None for a plain file)."""
    if passphrase is None:
        return None
    with path.open("rb") as handle:  # no SQLite connection to it exists in this process
        salt = handle.read(KDF_SALT_BYTES)
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ROUNDS, 32)
    return f"x'{key.hex()}'"


def _warm_up(db_path: str) -> str | None:
    """One save into a scratch database, closed again before any fork (see the docstring);
    returns the raw key for the writers (None for a plain file)."""
    scratch = Path(db_path).with_name("crash-writer-warm-up.sqlite3")
    open_database(scratch, _passphrase()).dispose()  # created with the passphrase
    database = Database(resolve_database_url(scratch),
                        passphrase=_raw_key(scratch, _passphrase()))
    database.actor = FIXTURE_TASK
    try:
        _save(database, "WARM-UP", 0)  # a wrong raw key fails here, before any writer
    finally:
        database.dispose()  # no connection, and so no descriptor, crosses the fork
    return _raw_key(Path(db_path), _passphrase())


def _writer(db_path: str, prefix: str, key: str | None) -> None:
    database = Database(resolve_database_url(db_path), passphrase=key)
    database.actor = FIXTURE_TASK
    _say(f"pid {os.getpid()}")
    for n in range(MAX_SAVES_PER_RUN):
        study_id = f"{prefix}-{n}"
        _save(database, study_id, n)
        _say(f"ack {study_id}")  # only after the commit returned
    os._exit(0)


def main() -> int:
    db_path = sys.argv[1]
    key = _warm_up(db_path)
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
                _writer(db_path, command[1], key)
            except BaseException as exc:  # noqa: BLE001 - reported to the test, then exit
                _say(f"error {type(exc).__name__}: {exc}")
                os._exit(3)
        _pid, status = os.waitpid(pid, 0)
        _say(f"exit {pid} {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
