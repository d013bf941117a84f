"""Benchmark: what encryption at rest (SQLCipher) costs on the 10,000-patient demo database.

Makes an encrypted copy of a plain demo database (timed: that is what `db encrypt`
costs a clinic), then measures, in the same run, the same operations on both files:

* the patient list query through the application, and the same SQL through bare
  ``sqlite3`` on the plain file (the bare-library baseline);
* opening the database (SQLCipher derives the key with PBKDF2 at each new connection);
* one small audited write (a transaction with fsync, like a saved field);
* a backup with the online backup API.

Run by hand (the copy is made next to the demo file and removed afterwards):

    .venv/bin/jdm-ctp demo-data --db demo.sqlite3 --patients 10000
    .venv/bin/python bench/bench_encryption.py demo.sqlite3 [--repeat 5]
"""

from __future__ import annotations

import argparse
import contextlib
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PASSPHRASE = "benchmark passphrase, not a secret"


def median_of(repeat: int, func: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", help="a plain 10,000-patient demo database")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    from sqlalchemy import event

    from app.db import audit, encryption
    from app.db.backup import backup_database
    from app.db.opening import open_database
    from app.db.patients import list_patient_rows

    plain = Path(args.db).resolve()
    with tempfile.TemporaryDirectory(dir=plain.parent, prefix=".bench-encryption-") as folder:
        encrypted = Path(folder) / "encrypted.sqlite3"
        start = time.perf_counter()
        encryption.export_to(plain, None, encrypted, PASSPHRASE)
        convert = time.perf_counter() - start
        size_mb = plain.stat().st_size / 1e6
        print(f"encrypted copy of {size_mb:.0f} MB written in {convert:.1f} s")

        databases = {
            "plain": open_database(plain),
            "encrypted": open_database(encrypted, PASSPHRASE),
        }
        try:
            captured: list[tuple[str, object]] = []

            def capture(_conn, _cursor, statement, parameters, _context, _many) -> None:
                captured.append((statement, parameters))

            engine = databases["plain"].engine
            event.listen(engine, "before_cursor_execute", capture)
            with databases["plain"].session() as session:
                count = len(list_patient_rows(session))
            event.remove(engine, "before_cursor_execute", capture)
            sql, params = captured[-1]
            print(f"{count} patients; medians of {args.repeat} runs\n")

            def bare() -> None:
                connection = sqlite3.connect(plain)
                connection.execute(sql, params).fetchall()
                connection.close()

            results: dict[str, dict[str, float]] = {"plain": {}, "encrypted": {}}
            baseline = median_of(args.repeat, bare)
            for kind, database in databases.items():
                def listing(database=database) -> None:
                    with database.session() as session:
                        list_patient_rows(session)

                def write(database=database) -> None:
                    with database.session() as session:
                        audit.record(session, user="bench", action="bench", entity="bench",
                                     entity_id=1)

                def reopen(kind=kind) -> None:
                    path = plain if kind == "plain" else encrypted
                    key = None if kind == "plain" else PASSPHRASE
                    with contextlib.closing(encryption.connect(path, key)) as connection:
                        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()

                def backup(database=database, kind=kind) -> None:
                    target = Path(folder) / f"backup-{kind}.sqlite3"
                    backup_database(database.file_path, target, db_passphrase=database.passphrase)
                    target.unlink()

                listing()  # warm the page cache for both files alike
                results[kind]["patient list"] = median_of(args.repeat, listing)
                results[kind]["open a connection"] = median_of(args.repeat, reopen)
                results[kind]["one audited write"] = median_of(args.repeat, write)
                results[kind]["backup"] = median_of(max(1, args.repeat // 2), backup)
        finally:
            for database in databases.values():
                database.dispose()

    print(f"{'bare sqlite3 patient list (plain file)':<40} {baseline * 1000:9.1f} ms")
    print(f"{'operation':<22}{'plain':>12}{'encrypted':>12}{'enc/plain':>11}{'enc/bare':>10}")
    for name in results["plain"]:
        p, e = results["plain"][name], results["encrypted"][name]
        bare_ratio = f"{e / baseline:9.2f}x" if name == "patient list" else ""
        print(f"{name:<22}{p * 1000:10.1f}ms{e * 1000:10.1f}ms{e / p:10.2f}x{bare_ratio:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
