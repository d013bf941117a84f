"""Soak test of the storage guarantees: two writers, random kill -9, nothing lost or overwritten.

Two writer processes save through the application's own services (``Database.session()``,
``create_patient``, ``update_patient`` with the version the "form" was opened at) until
each has made SAVES acknowledged-or-refused attempts. A supervisor kills a random writer
with SIGKILL at random moments and starts it again. Half of the actions add a new patient,
half edit the site of one of a few shared patients (so the two writers collide often).

A writer prints an acknowledgement only after its commit returned. At the end the script
checks, from the database and its audit trail:

* saves lost: acknowledged adds or edits that are not in the database / audit trail;
* lost updates: an edit that replaced a value other than the one its writer had read
  (per shared patient, each audited site change must start from the previous one);
* refusals: edits refused as a concurrent change (the plain ConcurrentEditError);
* raw exceptions: anything else a writer met (must be 0).

Not part of `make test` (it runs for minutes). Run by hand:

    .venv/bin/python bench/soak_storage.py --saves 1000                  # SQLite file
    .venv/bin/python bench/soak_storage.py --saves 1000 --url postgresql+psycopg://...
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

SHARED_PATIENTS = 5
# --unversioned: save edits with the version read at save time instead of the one the
# form was opened at (which is how the patient dialog saved before: no check at all), to
# show that the check below does catch lost updates.
UNVERSIONED = os.environ.get("SOAK_UNVERSIONED") == "1"
REPO_ROOT = Path(__file__).resolve().parents[1]


def _patient(study_id: str):
    from app.db.patients import PatientInput

    return PatientInput(study_id=study_id, given_name="Soak", family_name="Test",
                        date_of_birth=date(2013, 7, 8), sex="female", mrn=study_id,
                        site="start")


# ------------------------------------------------------------------------ writer


def writer(url: str, name: str, start: int, seed: int) -> None:
    """Child process: actions until killed or stdin closes; one line of JSON per outcome."""
    from sqlalchemy import select as sql_select

    from app.db.engine import Database
    from app.db.models import Patient
    from app.db.patients import (
        ConcurrentEditError,
        create_patient,
        get_patient_input,
        get_patient_version,
        update_patient,
    )

    rng = random.Random(seed)
    database = Database(url)
    with database.reading() as session:
        shared = list(session.execute(
            sql_select(Patient.id).where(Patient.study_id.like("SHARED-%")).order_by(Patient.id)
        ).scalars())

    def say(**fields: object) -> None:
        os.write(1, (json.dumps(fields) + "\n").encode())

    n = start
    while True:
        n += 1
        try:
            if rng.random() < 0.5:
                study_id = f"{name}-{n}"
                with database.session() as session:
                    create_patient(session, _patient(study_id), user=name)
                say(kind="add", study_id=study_id)
            else:
                patient_id = rng.choice(shared)
                with database.reading() as session:  # the form opens
                    opened = get_patient_input(session, patient_id)
                    version = get_patient_version(session, patient_id)
                time.sleep(rng.random() * 0.02)  # the user types
                new_site = f"{name}-{n}"
                changed = opened.__class__(**{**opened.__dict__, "site": new_site})
                try:
                    with database.session() as session:
                        if UNVERSIONED:
                            version = get_patient_version(session, patient_id)
                        update_patient(session, patient_id, changed, user=name,
                                       expected_version=version, opened=opened)
                    say(kind="edit", patient=patient_id, old=opened.site, new=new_site)
                except ConcurrentEditError:
                    say(kind="refused")
        except Exception as exc:  # noqa: BLE001 - counted by the supervisor
            say(kind="raw", error=f"{type(exc).__name__}: {exc}".splitlines()[0][:200])


# -------------------------------------------------------------------- supervisor


class Writer:
    def __init__(self, url: str, name: str, start: int, seed: int) -> None:
        self.name = name
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--writer", url, name, str(start), str(seed)],
            stdout=subprocess.PIPE, cwd=REPO_ROOT,
            env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
        )
        assert self.process.stdout is not None
        self.fd = self.process.stdout.fileno()
        self.buffer = b""

    def lines(self) -> list[dict]:
        out = []
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            out.append(json.loads(line))
        return out

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        assert self.process.stdout is not None
        rest = self.process.stdout.read() or b""
        self.buffer += rest


def prepare(url: str) -> None:
    from app.db.migrate import open_database
    from app.db.patients import create_patient

    database = open_database(url)
    try:
        with database.session() as session:
            for k in range(SHARED_PATIENTS):
                create_patient(session, _patient(f"SHARED-{k}"), user="soak")
    finally:
        database.dispose()


def check(url: str, outcomes: list[dict]) -> dict[str, int]:
    from sqlalchemy import select as sql_select

    from app.db import audit
    from app.db.migrate import open_database
    from app.db.models import AuditEntry, Patient

    database = open_database(url)
    try:
        with database.reading() as session:
            study_ids = set(session.execute(sql_select(Patient.study_id)).scalars())
            site_changes: dict[str, list[tuple[object, object]]] = defaultdict(list)
            rows = session.execute(
                sql_select(AuditEntry.entity_id, AuditEntry.old_value, AuditEntry.new_value)
                .where(AuditEntry.entity == "patient", AuditEntry.field == "site",
                       AuditEntry.action == "update")
                .order_by(AuditEntry.id)
            )
            for entity_id, old, new in rows:
                site_changes[str(entity_id)].append((_plain(old), _plain(new)))
            chain_ok, _bad = audit.verify_chain(session)
    finally:
        database.dispose()
    adds = [o for o in outcomes if o["kind"] == "add"]
    edits = [o for o in outcomes if o["kind"] == "edit"]
    lost = sum(1 for o in adds if o["study_id"] not in study_ids)
    # What each audited edit replaced, keyed by (patient, value written).
    replaced = {
        (str(patient), new): old for patient, pairs in site_changes.items() for old, new in pairs
    }
    lost += sum(1 for o in edits if (str(o["patient"]), o["new"]) not in replaced)
    # A lost update: the save replaced a value its writer never saw (someone else's edit
    # made after the writer opened the record), silently.
    lost_updates = sum(
        1 for o in edits
        if (str(o["patient"]), o["new"]) in replaced
        and replaced[(str(o["patient"]), o["new"])] != o["old"]
    )
    return {
        "saves acknowledged": len(adds) + len(edits),
        "saves lost": lost,
        "refused as a conflict": sum(1 for o in outcomes if o["kind"] == "refused"),
        "raw exceptions": sum(1 for o in outcomes if o["kind"] == "raw"),
        "lost updates": lost_updates,
        "audit chain intact": int(chain_ok),
    }


def _plain(value: object) -> object:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def supervise(url: str, saves: int, kill_every: float, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    outcomes: list[dict] = []
    counts = {"W1": 0, "W2": 0}
    starts = {"W1": 0, "W2": 0}
    runs = 0
    writers = {name: Writer(url, name, 0, rng.randrange(1 << 30)) for name in counts}
    kills = 0
    next_kill = time.monotonic() + rng.random() * kill_every
    while any(count < saves for count in counts.values()):
        fds = {w.fd: w for w in writers.values()}
        ready, _, _ = select.select(list(fds), [], [], 0.05)
        for fd in ready:
            w = fds[fd]
            chunk = os.read(fd, 65536)
            w.buffer += chunk
            for outcome in w.lines():
                outcomes.append(outcome)
                counts[w.name] += 1
                starts[w.name] += 1
        done = [name for name, count in counts.items() if count >= saves and name in writers]
        for name in done:
            writers[name].kill()
            for outcome in writers[name].lines():
                outcomes.append(outcome)
            del writers[name]
        if writers and time.monotonic() >= next_kill:
            name = rng.choice(list(writers))
            w = writers[name]
            w.kill()
            kills += 1
            for outcome in w.lines():
                outcomes.append(outcome)
                counts[name] += 1
            runs += 1
            # A fresh run never reuses a study id of an earlier one.
            writers[name] = Writer(url, name, 1_000_000 * runs, rng.randrange(1 << 30))
            next_kill = time.monotonic() + rng.random() * kill_every
    for w in writers.values():
        w.kill()
        outcomes.extend(w.lines())
    result = check(url, outcomes)
    result["kill -9"] = kills
    return result


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--writer":
        writer(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=1000, help="actions per writer")
    parser.add_argument("--url", help="a PostgreSQL URL (its tables are dropped first); "
                        "default: a new SQLite file in a temporary folder")
    parser.add_argument("--kill-every", type=float, default=2.0,
                        help="mean seconds between kill -9s (default 2)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--unversioned", action="store_true",
                        help="save edits without their opened version (a control run: "
                             "lost updates must then be found)")
    args = parser.parse_args()
    if args.unversioned:
        os.environ["SOAK_UNVERSIONED"] = "1"
    os.environ.setdefault("JDM_CTP_HOME", tempfile.mkdtemp(prefix="soak-home-"))
    if args.url:
        from sqlalchemy import MetaData

        from app.db.engine import make_engine

        url = args.url
        engine = make_engine(url)
        with engine.begin() as connection:
            metadata = MetaData()
            metadata.reflect(connection)
            metadata.drop_all(connection)
        engine.dispose()
    else:
        from app.db.engine import resolve_database_url

        url = resolve_database_url(Path(tempfile.mkdtemp(prefix="soak-")) / "soak.sqlite3")
    prepare(url)
    started = time.monotonic()
    result = supervise(url, args.saves, args.kill_every, args.seed)
    backend = "PostgreSQL" if args.url else "SQLite"
    print(f"{backend}: 2 writers x {args.saves} actions, {time.monotonic() - started:.0f} s")
    for label, value in result.items():
        print(f"  {label:<24} {value}")
    bad = result["saves lost"] or result["raw exceptions"] or result["lost updates"]
    return 1 if bad or not result["audit chain intact"] else 0


if __name__ == "__main__":
    sys.exit(main())
