"""Benchmark: what `jdm-ctp audit verify` costs on the 10,000-patient demo.

Times each part of the check on one read-only session: the hash chain, the replay of
every recorded value against the data (record states), and the signatures. A script, not
a timed test:

    .venv/bin/python bench/bench_audit_verify.py [--db PATH] [--patients 10000]

The database is created with the demo-data generator when PATH does not exist.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="demo-bench.sqlite3")
    parser.add_argument("--patients", type=int, default=10_000)
    args = parser.parse_args()
    path = Path(args.db)
    if not path.exists():
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "app", "demo-data", "--db", str(path),
                        "--patients", str(args.patients), "--seed", "1"], check=True)
        print(f"demo data: {time.perf_counter() - started:.1f} s")
    print(f"file: {path.stat().st_size / 1024 / 1024:.0f} MiB")

    from sqlalchemy import func, select

    from app.db.audit import read_only_session, verify_chain
    from app.db.engine import resolve_database_url
    from app.db.models import AuditEntry
    from app.db.record_states import STATE_ACTION, check_states
    from app.db.signatures import signature_problems

    with read_only_session(resolve_database_url(path)) as session:
        entries = session.scalar(select(func.count(AuditEntry.id)))
        states = session.scalar(select(func.sum(func.length(AuditEntry.new_value)))
                                .where(AuditEntry.action == STATE_ACTION)) or 0
        print(f"audit trail: {entries} entries, recorded values {states / 1024 / 1024:.0f} MiB")
        for name, work in (("hash chain", lambda: verify_chain(session)),
                           ("recorded values vs data", lambda: check_states(session)),
                           ("signatures", lambda: signature_problems(session))):
            started = time.perf_counter()
            result = work()
            detail = ""
            if name == "recorded values vs data":
                detail = f" ({result.records} records, {len(result.divergences)} differences)"
            print(f"{name}: {time.perf_counter() - started:.1f} s{detail}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
