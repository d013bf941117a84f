"""The workstation settings store: defaults, hand-edited nonsense falls back, checked saves."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app import paths
from app.db.automatic_backups import DEFAULT_KEEP
from app.domain.permissions import DEFAULT_INACTIVITY_MINUTES
from app.forms import clinic_settings
from app.forms.clinic_settings import (
    BACKUP_FOLDER_KEY,
    BACKUPS_KEPT_KEY,
    INACTIVITY_KEY,
    ClinicSettings,
    SettingsError,
    validate_backup_folder,
    validate_backups_kept,
)
from app.logs import log

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")


def ini(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


@pytest.fixture
def ini_path(tmp_path: Path) -> Path:
    return tmp_path / "s.ini"


@pytest.fixture
def warnings() -> Iterator[list[str]]:
    """What the store writes to the application log (the logger does not propagate)."""
    seen: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    handler = Collect(logging.WARNING)
    previous_level = log.level
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    yield seen
    log.removeHandler(handler)
    log.setLevel(previous_level)


def test_defaults_when_nothing_is_stored(ini_path: Path, warnings: list[str]) -> None:
    store = ClinicSettings(ini(ini_path))
    assert store.inactivity_minutes == DEFAULT_INACTIVITY_MINUTES == 10
    assert store.backups_kept == DEFAULT_KEEP == 10
    assert store.backup_folder == paths.backup_dir()
    assert warnings == []  # a missing value is normal, not worth a warning


@pytest.mark.parametrize(("minutes", "keep", "folder"), [
    ("abc", "many", "backups"),          # words, and a folder without its full location
    ("0", "0", ""),                      # below the limits; an empty folder
    ("241", "366", "relative/folder"),   # above the limits
    ("10.5", "-3", "~nobody-such-user/x"),
    ("1, 2", "3, 4", "/a, b"),           # an unquoted comma makes QSettings read a list
])
def test_hand_edited_nonsense_falls_back_to_the_default_and_is_logged(
    ini_path: Path, warnings: list[str], minutes: str, keep: str, folder: str
) -> None:
    ini_path.write_text(f"[security]\ninactivity_minutes={minutes}\n"
                        f"[backup]\nkeep={keep}\nfolder={folder}\n", encoding="utf-8")
    store = ClinicSettings(ini(ini_path))
    assert store.inactivity_minutes == 10
    assert store.backups_kept == 10
    assert store.backup_folder == paths.backup_dir()
    assert len(warnings) == 3
    assert any(INACTIVITY_KEY in w for w in warnings)
    assert any(BACKUPS_KEPT_KEY in w for w in warnings)
    assert any(BACKUP_FOLDER_KEY in w for w in warnings)
    assert all(store.is_unusable(key) for key in clinic_settings.KEYS)


def test_a_stored_folder_that_is_a_file_is_not_used(tmp_path: Path, ini_path: Path,
                                                    warnings: list[str]) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    settings = ini(ini_path)
    settings.setValue(BACKUP_FOLDER_KEY, str(a_file))
    store = ClinicSettings(settings)
    assert store.backup_folder == paths.backup_dir()
    assert "is a file" in warnings[0]


def test_sensible_hand_edited_values_are_used(tmp_path: Path, ini_path: Path,
                                              warnings: list[str]) -> None:
    # Not yet existing is fine when reading: the backup creates it (or reports why not).
    elsewhere = tmp_path / "usb" / "jdm backups"
    ini_path.write_text(f"[security]\ninactivity_minutes= 25 \n[backup]\nkeep=30\n"
                        f"folder={elsewhere}\n", encoding="utf-8")
    store = ClinicSettings(ini(ini_path))
    assert (store.inactivity_minutes, store.backups_kept) == (25, 30)
    assert store.backup_folder == elsewhere
    assert not elsewhere.exists()  # reading never creates folders
    assert warnings == []
    assert not any(store.is_unusable(key) for key in clinic_settings.KEYS)


def test_save_checks_writes_to_disk_and_reads_back(tmp_path: Path, ini_path: Path) -> None:
    store = ClinicSettings(ini(ini_path))
    target = tmp_path / "new" / "backups"
    saved = store.save(inactivity_minutes=15, backups_kept="30", backup_folder=str(target))
    assert (saved.inactivity_minutes, saved.backups_kept, saved.backup_folder) == (15, 30, target)
    assert target.is_dir()  # created when it was chosen
    again = ClinicSettings(ini(ini_path))
    assert (again.inactivity_minutes, again.backups_kept, again.backup_folder) == (15, 30, target)
    on_disk = ini_path.read_text(encoding="utf-8")  # written now, not at exit
    assert "inactivity_minutes=15" in on_disk and "keep=30" in on_disk
    assert f"folder={target}" in on_disk


def test_values_not_given_are_not_written(ini_path: Path) -> None:
    store = ClinicSettings(ini(ini_path))
    store.set_backups_kept(20)
    on_disk = ini_path.read_text(encoding="utf-8")
    assert "keep=20" in on_disk
    # The untouched defaults stay unstored, so they follow a future default.
    assert "inactivity_minutes" not in on_disk and "folder" not in on_disk


def test_the_default_folder_is_stored_as_no_choice(tmp_path: Path, ini_path: Path) -> None:
    store = ClinicSettings(ini(ini_path))
    store.set_backup_folder(tmp_path / "mine")
    assert f"folder={tmp_path / 'mine'}" in ini_path.read_text(encoding="utf-8")
    store.set_backup_folder(str(paths.backup_dir()))
    assert "folder" not in ini_path.read_text(encoding="utf-8")
    assert store.backup_folder == paths.backup_dir()


def test_every_bad_value_is_named_and_nothing_is_stored(tmp_path: Path, ini_path: Path) -> None:
    store = ClinicSettings(ini(ini_path))
    store.save(inactivity_minutes=20)
    with pytest.raises(SettingsError) as raised:
        store.save(inactivity_minutes=0, backups_kept=500, backup_folder="backups")
    problems = raised.value.problems
    assert set(problems) == {INACTIVITY_KEY, BACKUPS_KEPT_KEY, BACKUP_FOLDER_KEY}
    assert problems[INACTIVITY_KEY] == "The inactivity time must be between 1 and 240 minutes."
    assert "from 1 to 365" in problems[BACKUPS_KEPT_KEY]
    assert "full location" in problems[BACKUP_FOLDER_KEY]
    assert isinstance(raised.value, ValueError)
    # One good value among bad ones is not stored either.
    with pytest.raises(SettingsError):
        store.save(inactivity_minutes=30, backups_kept=0)
    assert "inactivity_minutes=20" in ini_path.read_text(encoding="utf-8")
    assert "keep" not in ini_path.read_text(encoding="utf-8")
    assert store.inactivity_minutes == 20


@pytest.mark.parametrize("value", [0, 366, -1, "abc", "", True, 2.5])
def test_backups_kept_limits(value: object) -> None:
    with pytest.raises(ValueError, match="whole number from 1 to 365"):
        validate_backups_kept(value)


def test_backups_kept_accepts_the_limits_and_text() -> None:
    assert validate_backups_kept(1) == 1
    assert validate_backups_kept(" 365 ") == 365


def test_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    a_file = tmp_path / "backup.sqlite3"
    a_file.write_text("x")
    with pytest.raises(ValueError, match="is a file, not a folder"):
        validate_backup_folder(str(a_file))


def test_folder_that_cannot_be_created_is_refused(tmp_path: Path) -> None:
    a_file = tmp_path / "plain-file"
    a_file.write_text("x")
    with pytest.raises(ValueError, match="does not exist and cannot be created"):
        validate_backup_folder(str(a_file / "backups"))


def test_folder_that_cannot_be_written_is_refused(tmp_path: Path, monkeypatch) -> None:
    # Tests may run as root, where chmod does not stop writing: refuse the probe file the
    # way a read-only share does instead.
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(clinic_settings.tempfile, "mkstemp", refuse)
    with pytest.raises(ValueError, match=r"cannot write to .*Permission denied.*Choose a folder"):
        validate_backup_folder(str(tmp_path))


def test_folder_check_leaves_nothing_behind_and_creates_missing_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    assert validate_backup_folder(f"  {target}  ") == target
    assert target.is_dir() and list(target.iterdir()) == []


def test_empty_folder_is_refused() -> None:
    with pytest.raises(ValueError, match="Choose a folder"):
        validate_backup_folder("   ")


def test_a_settings_file_that_cannot_be_written_changes_nothing(tmp_path: Path) -> None:
    blocked = tmp_path / "s.ini"
    blocked.mkdir()  # a folder where the file should be: writing it fails
    store = ClinicSettings(ini(blocked))
    with pytest.raises(OSError, match="could not be written"):
        store.save(inactivity_minutes=30, backups_kept=5)
    # The object agrees with the (unwritten) file again.
    assert store.inactivity_minutes == 10 and store.backups_kept == 10
