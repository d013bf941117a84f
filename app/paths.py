"""Every directory the application uses, in one place.

Per-user locations come from platformdirs so the app follows each OS's conventions.
``JDM_CTP_HOME`` overrides all of them with one folder (tests, demos, portable installs),
so a test run never touches a user's real files.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "jdm-ctp"
APP_AUTHOR = "jdm-ctp"
HOME_ENV = "JDM_CTP_HOME"
DATABASE_URL_ENV = "JDM_CTP_DATABASE_URL"


def _override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value) if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Where the default database and site protocol files live."""
    root = _override()
    if root is not None:
        return _ensure(root / "data")
    return _ensure(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)))


def config_dir() -> Path:
    root = _override()
    if root is not None:
        return _ensure(root / "config")
    return _ensure(Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)))


def log_dir() -> Path:
    root = _override()
    if root is not None:
        return _ensure(root / "logs")
    return _ensure(Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)))


def cache_dir() -> Path:
    """What the application can make again from its own files (losing it costs only time)."""
    root = _override()
    if root is not None:
        return _ensure(root / "cache")
    return _ensure(Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)))


def backup_dir() -> Path:
    return _ensure(data_dir() / "backups")


def site_protocol_dir() -> Path:
    """Folder where a site may add or replace protocol files without touching code."""
    return _ensure(data_dir() / "protocols")


def private_print_dir() -> Path:
    """Where print previews keep the PDF being shown: in the user's own data folder, readable
    by the user only, emptied when the preview closes and at the next start (a PDF of a
    visit holds the child's name and date of birth, and must not linger in a shared
    temporary folder)."""
    folder = _ensure(data_dir() / "print-preview")
    if sys.platform != "win32":
        folder.chmod(0o700)
    return folder


def remove_leftover_previews() -> int:
    """Delete preview PDFs left by a session that ended without closing them (a crash);
    called at start. Returns how many folders were removed. Here rather than with the
    preview window, which the start does not import before its first paint (issue 22)."""
    import shutil

    removed = 0
    for entry in private_print_dir().iterdir():
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed += 1
    return removed


def default_database_path() -> Path:
    return data_dir() / "jdm-ctp.sqlite3"


def install_root() -> Path:
    """Root holding resources/ and migrations/, from source or inside a frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return install_root() / "resources"


def builtin_protocol_dir() -> Path:
    return resources_dir() / "protocols"


def migrations_dir() -> Path:
    return install_root() / "migrations"
