"""One of the writer processes of tests/db/test_db_concurrent_writers.py (and bench/soak).

Run as ``python concurrent_writer.py DB_PATH PREFIX SAVES``. Waits for a line on stdin
(so both writers start together), then saves SAVES patients through the application's
services, one user action (one ``Database.session()``) each, and prints one summary line:
``ok N failed M slowest_ms X first_error TEXT``.
"""

from __future__ import annotations

import sys
import time
from datetime import date

from app.db.engine import Database, resolve_database_url
from app.db.patients import PatientInput, create_patient
from app.domain.permissions import Permission, system_task


def main() -> int:
    db_path, prefix, saves = sys.argv[1], sys.argv[2], int(sys.argv[3])
    database = Database(resolve_database_url(db_path))
    # A test helper process, not a person: the explicit test-fixture system task.
    database.actor = system_task("test fixture", *Permission)
    print("ready", flush=True)
    sys.stdin.readline()
    ok = failed = 0
    slowest = 0.0
    first_error = ""
    for n in range(saves):
        started = time.perf_counter()
        try:
            with database.session() as session:
                create_patient(
                    session,
                    PatientInput(study_id=f"{prefix}-{n}", given_name="Two", family_name="Writers",
                                 date_of_birth=date(2014, 5, 6), sex="female", mrn=f"{prefix}{n}",
                                 site="concurrency"),
                    user=prefix,
                )
            ok += 1
        except Exception as exc:  # noqa: BLE001 - counted and reported to the test
            failed += 1
            first_error = first_error or f"{type(exc).__name__}: {exc}".splitlines()[0]
        slowest = max(slowest, time.perf_counter() - started)
    database.dispose()
    print(f"ok {ok} failed {failed} slowest_ms {slowest * 1000:.0f} first_error {first_error}",
          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
