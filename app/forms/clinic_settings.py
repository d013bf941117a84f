"""This workstation's settings (idle lock, automatic backups), read and written with checks.

The settings live in a plain ``settings.ini`` that IT staff may edit by hand. Reading them
with ``int(settings.value(...))`` meant one typo ("abc") stopped the application at
start-up, so every getter here falls back to the default when the stored value is missing
or unusable and writes a warning to the application log instead. Writing goes through
``save``, which checks every value first and refuses a bad one with a ``SettingsError``
(a ``ValueError``) whose messages the Settings window shows in the interface's language.

Permission checks and the audit trail are not done here: this is only the typed store.
``app.forms.settings_dialog.save_settings`` checks the role and audits each change.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from app import paths
from app.db.automatic_backups import DEFAULT_KEEP
from app.domain.permissions import (
    DEFAULT_INACTIVITY_MINUTES,
    validate_inactivity_minutes,
)
from app.domain.phrases import said_by
from app.logs import log

INACTIVITY_KEY = "security/inactivity_minutes"
BACKUPS_KEPT_KEY = "backup/keep"
BACKUP_FOLDER_KEY = "backup/folder"
KEYS = (INACTIVITY_KEY, BACKUPS_KEPT_KEY, BACKUP_FOLDER_KEY)

MIN_BACKUPS_KEPT = 1  # rotate_backups refuses to keep none
MAX_BACKUPS_KEPT = 365  # a year of daily backups; more only fills the disk


class SettingsError(ValueError):
    """One or more values cannot be saved; ``problems`` maps each setting key to why."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = problems


def _fill(template: str, *values: object) -> str:
    """A refusal in the interface's words with %1, %2… filled in one pass."""
    from app.domain.phrases import phrase

    return str(phrase(template, *(str(value) for value in values)))


translate = QCoreApplication.translate


def validate_backups_kept(value: object) -> int:
    """How many automatic backups to keep: a whole number from 1 to 365."""
    message = _fill(translate("ClinicSettings", "The number of backups kept must be a whole "
                              "number from %1 to %2."), MIN_BACKUPS_KEPT, MAX_BACKUPS_KEPT)
    if isinstance(value, bool):
        raise ValueError(message)
    try:
        kept = value if isinstance(value, int) else int(str(value).strip())
    except ValueError:
        raise ValueError(message) from None
    if not MIN_BACKUPS_KEPT <= kept <= MAX_BACKUPS_KEPT:
        raise ValueError(message)
    return kept


def _folder_path(value: object) -> Path:
    """The text of a folder as an absolute path, or ValueError; touches no disk."""
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise ValueError(translate("ClinicSettings", "Choose a folder for the automatic backups."))
    if "\0" in text:
        raise ValueError(translate("ClinicSettings", "The backup folder name contains a "
                                   "character that is not allowed."))
    # os.path.expanduser leaves an unknown "~someone" as it is (then refused as not a
    # full location); Path.expanduser would raise RuntimeError instead.
    path = Path(os.path.expanduser(text))
    if not path.is_absolute():
        raise ValueError(_fill(translate(
            "ClinicSettings", "Give the full location of the backup folder, starting with "
            "the drive or the top folder, not just “%1”."), text))
    # normpath, not resolve(): resolve() would turn a mapped network drive into its
    # \\server\share name and follow links, so the stored text would surprise the admin.
    return Path(os.path.normpath(path))


def validate_backup_folder(value: object) -> Path:
    """A folder the automatic backups can be written to, created if missing, or ValueError.

    Writability is tried with a real file (created and removed at once) because
    ``os.access`` does not see Windows ACLs or read-only network shares.
    """
    folder = _folder_path(value)
    if folder.exists() and not folder.is_dir():
        raise ValueError(_fill(translate(
            "ClinicSettings", "%1 is a file, not a folder. Choose a folder."), folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ValueError(_fill(translate(
            "ClinicSettings",
            "The folder %1 does not exist and cannot be created (%2). Choose another folder."),
            folder, error.strerror or error)) from None
    try:
        handle, probe = tempfile.mkstemp(prefix=".jdm-ctp-write-test-", dir=folder)
        os.close(handle)
        os.remove(probe)
    except OSError as error:
        raise ValueError(_fill(translate(
            "ClinicSettings",
            "jdm-ctp cannot write to %1 (%2). Choose a folder you are allowed to write to."),
            folder, error.strerror or error)) from None
    return folder


@dataclass(frozen=True)
class SettingValues:
    """One consistent set of the values, as the dialog shows and saves them."""

    inactivity_minutes: int
    backups_kept: int
    backup_folder: Path

    def by_key(self) -> dict[str, object]:
        return {
            INACTIVITY_KEY: self.inactivity_minutes,
            BACKUPS_KEPT_KEY: self.backups_kept,
            BACKUP_FOLDER_KEY: str(self.backup_folder),
        }


class ClinicSettings:
    """Typed access to one QSettings store; getters never raise, ``save`` checks first."""

    def __init__(self, settings: QSettings,
                 default_folder: Callable[[], Path] = paths.backup_dir) -> None:
        self.settings = settings
        self._default_folder = default_folder

    # ------------------------------------------------------------------ reading

    def _number(self, key: str, parse: Callable[[object], int], default: int) -> int:
        value = self.settings.value(key)
        if value is None:
            return default
        try:
            return parse(value)
        except ValueError as error:
            log.warning("setting %s in %s has the unusable value %r (%s); using %r",
                        key, self.settings.fileName(), value, error, default)
            return default

    @property
    def inactivity_minutes(self) -> int:
        """Idle minutes before the window locks (default 10)."""
        return self._number(INACTIVITY_KEY, validate_inactivity_minutes,
                            DEFAULT_INACTIVITY_MINUTES)

    @property
    def backups_kept(self) -> int:
        """How many automatic backups of the database are kept (default 10)."""
        return self._number(BACKUPS_KEPT_KEY, validate_backups_kept, DEFAULT_KEEP)

    @property
    def default_backup_folder(self) -> Path:
        return Path(os.path.normpath(self._default_folder()))

    @property
    def backup_folder(self) -> Path:
        """Where automatic backups go (default: the data folder's ``backups``).

        Only the form of the stored text is checked here (an absolute path that is not a
        file): a folder that is unreachable right now (a network share that is down) is
        not silently replaced by the default, the backup itself then fails and says so.
        """
        stored = self.settings.value(BACKUP_FOLDER_KEY)
        if stored is None:
            return self.default_backup_folder
        try:
            folder = _folder_path(stored)
            if folder.is_file():
                raise ValueError(f"{folder} is a file, not a folder.")
        except ValueError as error:
            default = self.default_backup_folder
            log.warning("setting %s in %s has the unusable value %r (%s); using %s",
                        BACKUP_FOLDER_KEY, self.settings.fileName(), stored, error, default)
            return default
        return folder

    def values(self) -> SettingValues:
        return SettingValues(self.inactivity_minutes, self.backups_kept, self.backup_folder)

    def is_unusable(self, key: str) -> bool:
        """True when ``key`` holds text the getters ignore (so saving the value repairs it)."""
        stored = self.settings.value(key)
        if stored is None:
            return False
        try:
            if key == BACKUP_FOLDER_KEY:
                if _folder_path(stored).is_file():
                    return True
            elif key == INACTIVITY_KEY:
                validate_inactivity_minutes(stored)
            else:
                validate_backups_kept(stored)
        except ValueError:
            return True
        return False

    def snapshot(self) -> dict[str, object]:
        """The stored values as they are (None: not stored), for ``restore``."""
        return {key: self.settings.value(key) for key in KEYS}

    def restore(self, snapshot: dict[str, object]) -> None:
        """Put back what ``snapshot`` returned, on disk too (best effort: used on failure)."""
        self._write(snapshot)
        self.settings.sync()

    # ------------------------------------------------------------------ writing

    def check(
        self,
        *,
        inactivity_minutes: object = None,
        backups_kept: object = None,
        backup_folder: object = None,
    ) -> SettingValues:
        """The values that ``save`` would store (None: keep the current one), or SettingsError
        naming every value that is not acceptable."""
        current = self.values()
        problems: dict[str, str] = {}
        checked: dict[str, object] = {}
        for key, name, value, validate in (
            (INACTIVITY_KEY, "inactivity_minutes", inactivity_minutes,
             validate_inactivity_minutes),
            (BACKUPS_KEPT_KEY, "backups_kept", backups_kept, validate_backups_kept),
            (BACKUP_FOLDER_KEY, "backup_folder",
             str(backup_folder) if isinstance(backup_folder, Path) else backup_folder,
             validate_backup_folder),
        ):
            if value is None:
                checked[name] = getattr(current, name)
                continue
            try:
                checked[name] = validate(value)
            except ValueError as error:
                # the Sentence kept: the window says it in its own language
                problems[key] = said_by(error)
        if problems:
            raise SettingsError(problems)
        return SettingValues(**checked)  # type: ignore[arg-type]

    def save(
        self,
        *,
        inactivity_minutes: object = None,
        backups_kept: object = None,
        backup_folder: object = None,
    ) -> SettingValues:
        """Check, then store the values given (None: leave as is) and write them to disk;
        returns what is now in effect.

        Nothing is stored unless every value is acceptable. Values not given are not
        written, so a default that was never chosen keeps following the application's
        default. A folder equal to the default is stored as "no choice" for the same
        reason. An ini file that cannot be written raises OSError and leaves the settings
        as they were.
        """
        new = self.check(inactivity_minutes=inactivity_minutes, backups_kept=backups_kept,
                         backup_folder=backup_folder)
        writes: dict[str, object] = {}
        if inactivity_minutes is not None:
            writes[INACTIVITY_KEY] = new.inactivity_minutes
        if backups_kept is not None:
            writes[BACKUPS_KEPT_KEY] = new.backups_kept
        if backup_folder is not None:
            is_default = new.backup_folder == self.default_backup_folder
            writes[BACKUP_FOLDER_KEY] = None if is_default else str(new.backup_folder)
        before = {key: self.settings.value(key) for key in writes}
        self._write(writes)
        self.settings.sync()
        if self.settings.status() != QSettings.Status.NoError:
            self._write(before)  # the object must agree with the file left on disk
            raise OSError(f"The settings file {self.settings.fileName()} could not be written.")
        return new

    def _write(self, values: dict[str, object]) -> None:
        for key, value in values.items():
            if value is None:
                self.settings.remove(key)
            else:
                self.settings.setValue(key, value)

    # Single-value setters for scripts and tests; the dialog saves all three at once.
    def set_inactivity_minutes(self, minutes: object) -> None:
        self.save(inactivity_minutes=minutes)

    def set_backups_kept(self, kept: object) -> None:
        self.save(backups_kept=kept)

    def set_backup_folder(self, folder: object) -> None:
        self.save(backup_folder=folder)
