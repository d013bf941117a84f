"""Real databases and real damage for the storage tests (tests/db, tests/e2e, tests/forms).

The damage is done to bytes of a real database file built by the application's own demo
generator; where it lands is computed from the file's own structure (the root pages of
named tables and indexes in ``sqlite_master``, the page count), never hard-coded. The
verdict "damaged" is read with the standard library's SQLite, independently of the code
under test.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DEMO_PATIENTS = 12


def build_demo_database(path: Path, patients: int = DEMO_PATIENTS, seed: int = 1) -> Path:
    """A database with ``patients`` synthetic children, closed (no -wal left)."""
    from database_fixtures import add_people

    from app.db.demo import fill_demo_database
    from app.db.opening import open_database
    from app.db.site_code import set_site_code
    from app.domain.permissions import DEMO_DATA_TASK

    database = open_database(path)
    database.actor = DEMO_DATA_TASK  # a new file: no account needed, as on the command line
    try:
        fill_demo_database(database, patients=patients, seed=seed)
        with database.session() as session:  # as `jdm-ctp demo-data` does for a new file
            set_site_code(session, "DEMO", user=DEMO_DATA_TASK.user_name)
        add_people(database)  # the commands that read it sign in (issue 14)
    finally:
        database.dispose()
    return path


def copy_database(template: Path, target: Path) -> Path:
    shutil.copyfile(template, target)
    return target


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)


def page_size(path: Path) -> int:
    connection = _read_only(path)
    try:
        return connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        connection.close()


def page_count(path: Path) -> int:
    return path.stat().st_size // page_size(path)


def root_page(path: Path, name: str) -> int:
    connection = _read_only(path)
    try:
        row = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    finally:
        connection.close()
    assert row is not None, f"no table or index {name} in {path}"
    return row[0]


def quick_check(path: Path) -> list[str]:
    """What SQLite's own quick_check says (["ok"] for a sound file), or the read error."""
    try:
        connection = _read_only(path)
        try:
            return [row[0] for row in connection.execute("PRAGMA quick_check")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def audit_count(path: Path) -> int:
    """Audit entries other than sign-ins: a command that signs in and is then refused
    has changed nothing but the record of the sign-in (and, when the sign-in re-hashed
    the password with newer parameters, the account's recorded values)."""
    connection = _read_only(path)
    try:
        return connection.execute(
            "SELECT count(*) FROM audit_entry WHERE action NOT IN ('login', 'login_failed') "
            "AND NOT (action = 'state' AND new_value LIKE '{\"app_user\":%')").fetchone()[0]
    finally:
        connection.close()


@dataclass(frozen=True)
class Damage:
    """Where in the file, and what is written there."""

    label: str
    page: Callable[[Path], int]  # 1-based page number in this file
    offset: int  # within the page
    data: bytes | None  # None: the whole page becomes zeros (a lost write)
    # The file header itself destroyed cannot be told from an encrypted (SQLCipher) file,
    # so the refusal asks for a passphrase instead of naming a backup.
    names_backup: bool = True

    def apply(self, path: Path) -> None:
        size = page_size(path)
        page = self.page(path)
        data = bytes(size) if self.data is None else self.data
        with path.open("r+b") as handle:
            handle.seek((page - 1) * size + self.offset)
            handle.write(data)


def _root(name: str) -> Callable[[Path], int]:
    return lambda path: root_page(path, name)


def _fraction(numerator: int, denominator: int) -> Callable[[Path], int]:
    return lambda path: max(2, page_count(path) * numerator // denominator)


GARBAGE = b"\xa5" * 64

# B-tree page headers start at byte 0 of a page (byte 100 on page 1, after the file
# header); an interior page's cell pointer array starts at byte 12.
DAMAGES = (
    Damage("schema page b-tree header", lambda path: 1, 100, GARBAGE),
    Damage("patient table root", _root("patient"), 0, GARBAGE),
    Damage("patient identity root", _root("patient_identity"), 0, GARBAGE),
    Damage("audit trail root", _root("audit_entry"), 0, GARBAGE),
    Damage("visit table root", _root("visit"), 0, GARBAGE),
    Damage("item values root", _root("instrument_value"), 0, GARBAGE),
    Damage("item values root cell pointers", _root("instrument_value"), 12, b"\xff" * 16),
    Damage("item values unique index root", _root("sqlite_autoindex_instrument_value_1"), 0,
           GARBAGE),
    Damage("page at one third zeroed", _fraction(1, 3), 0, None),
    Damage("page in the middle zeroed", _fraction(1, 2), 0, None),
    Damage("page at three quarters, header", _fraction(3, 4), 0, GARBAGE),
    Damage("last page zeroed", page_count, 0, None),
    Damage("file header destroyed", lambda path: 1, 0, GARBAGE, names_backup=False),
)


def damaged_copy(template: Path, target: Path, damage: Damage) -> Path:
    """A copy of ``template`` with ``damage`` applied, checked to be damaged by SQLite."""
    copy_database(template, target)
    damage.apply(target)
    verdict = quick_check(target)
    assert verdict != ["ok"], f"{damage.label}: SQLite does not see this damage"
    return target
