"""The desktop bundle, built the way `make bundle` builds it and run as a workstation would.

Builds once per run (about two minutes on two cores) with installer/build_bundle.py into a
temporary folder, then runs the frozen executable in a clean environment: only
PATH=/usr/bin:/bin and a throw-away HOME, no PYTHONPATH, no virtualenv, working directory
outside the source tree. So a module, data file or library the bundle forgot fails here,
not on a clinic workstation.

Skipped only when PyInstaller is not installed (CI installs it).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from alembic import command
from database_fixtures import add_people, password_file

from app.db.migrate import alembic_config, head_revision, known_revisions
from app.db.opening import open_database

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "installer" / "build_bundle.py"
BUILD_TIMEOUT_S = 30 * 60
RUN_TIMEOUT_S = 300


def _build_script():
    spec = importlib.util.spec_from_file_location("build_bundle", BUILD_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Bundle:
    dist: Path
    folder: Path
    executable: Path
    name: str
    version: str
    scratch: Path

    def run(self, *args: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
        """Run the bundled program as a user with nothing but the bundle would."""
        home = home or self.scratch / "home"
        home.mkdir(parents=True, exist_ok=True)
        env = _build_script().clean_environment(home)
        return subprocess.run([str(self.executable), *args], env=env, cwd=home,
                              capture_output=True, text=True, timeout=RUN_TIMEOUT_S)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Bundle:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed in this Python, so the desktop bundle "
                    "cannot be built (pip install pyinstaller)")
    out = tmp_path_factory.mktemp("bundle")
    dist, work = out / "dist", out / "work"
    # Exactly what `make bundle` runs, minus its own quick check (done below, in detail).
    env = {k: v for k, v in os.environ.items() if k not in ("JDM_CTP_HOME",)}
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--dist", str(dist), "--work", str(work),
         "--no-check"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
    )
    assert result.returncode == 0, (
        f"bundle build failed ({result.returncode})\n{result.stdout[-5000:]}\n"
        f"{result.stderr[-5000:]}"
    )
    script = _build_script()
    name, version = script.project()
    folder, executable = script.bundle_paths(dist, name)
    assert executable.exists(), result.stdout[-3000:]
    return Bundle(dist, folder, executable, name, version, out)


def test_self_test_passes_from_the_bundle_in_a_clean_environment(bundle):
    result = bundle.run("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"jdm-ctp {bundle.version} self-test (bundle, ")
    for check in ("database", "dose", "pdf", "print preview", "chart", "crypto",
                  "encrypted database", "qt", "qt translations", "interface translations"):
        assert any(line.startswith(f"ok   {check}:") for line in lines), result.stdout
    assert "IVIG 40 g" in result.stdout
    assert "'offscreen' platform" in result.stdout
    assert lines[-1].startswith("self-test passed")


def test_the_bundle_stays_under_its_size_limit(bundle):
    script = _build_script()
    size, report = script.size_report(bundle.folder)
    assert size <= script.BUNDLE_LIMIT_MB * 1_000_000, report


# The Qt libraries the app uses (QtCore, QtGui, QtWidgets, QtPrintSupport) and what their
# platform plugins need (Svg: the Adwaita window decorations on GNOME/Wayland). Anything
# else means a plugin dragged a module in (as Qt's virtual keyboard did with QtQml, QtQuick
# and QtNetwork when PySide6-Addons was installed).
EXPECTED_QT_LIBRARIES = {"Core", "Gui", "Widgets", "PrintSupport", "DBus", "XcbQpa",
                         "WaylandClient", "WlShellIntegration", "OpenGL", "Svg"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux library names")
def test_only_the_qt_the_app_uses_is_bundled(bundle):
    found = {path.name.split(".")[0].removeprefix("libQt6")
             for path in bundle.folder.rglob("libQt6*.so*")}
    assert found <= EXPECTED_QT_LIBRARIES, sorted(found - EXPECTED_QT_LIBRARIES)
    assert not list(bundle.folder.rglob("*matplotlib*")) and not list(
        bundle.folder.rglob("numpy*"))
    translations = sorted(p.name for p in bundle.folder.rglob("*.qm"))
    assert translations == ["jdm_ctp_en.qm", "jdm_ctp_fr.qm", "qt_en.qm", "qt_fr.qm",
                            "qtbase_en.qm", "qtbase_fr.qm"]


def test_version_is_the_one_in_pyproject(bundle):
    result = bundle.run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"jdm-ctp {bundle.version}"


def test_bundled_app_creates_and_reopens_a_database(bundle):
    db = bundle.scratch / "created.sqlite3"
    first = bundle.run("db", "upgrade", "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == f"Created a new database (schema {head_revision()})."
    with sqlite3.connect(db) as connection:
        (stored,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert stored == head_revision()
    again = bundle.run("db", "upgrade", "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert "up to date" in again.stdout


def _user_data_dir(home: Path) -> Path:
    """platformdirs' user_data_dir("jdm-ctp", "jdm-ctp") for the clean environment."""
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "jdm-ctp"
    if sys.platform == "win32":
        return home / "AppData" / "Local" / "jdm-ctp" / "jdm-ctp"
    return home / ".local" / "share" / "jdm-ctp"


def test_default_database_lives_in_the_users_data_directory(bundle):
    home = bundle.scratch / "fresh-user"
    result = bundle.run("db", "upgrade", home=home)
    assert result.returncode == 0, result.stderr
    assert (_user_data_dir(home) / "jdm-ctp.sqlite3").is_file()


def test_an_older_database_is_backed_up_then_upgraded(bundle):
    base = [r for r in known_revisions() if r != head_revision()]
    assert base, "this test needs an older schema revision to upgrade from"
    oldest = sorted(base)[0]
    home = bundle.scratch / "upgrading-user"
    db = bundle.scratch / "old.sqlite3"
    command.upgrade(alembic_config(f"sqlite:///{db}"), oldest)

    result = bundle.run("db", "upgrade", "--db", str(db), home=home)
    assert result.returncode == 0, result.stderr
    assert f"Upgraded the database from schema {oldest} to {head_revision()}" in result.stdout
    backups = list((_user_data_dir(home) / "backups").glob(f"old-*-rev-{oldest}.sqlite3"))
    assert len(backups) == 1, result.stdout
    assert str(backups[0]) in result.stdout
    with sqlite3.connect(backups[0]) as connection:
        (kept,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert kept == oldest


def test_bundled_dose_json(bundle):
    result = bundle.run("dose", "--protocol", "persistent-skin-rash", "--arm", "A",
                        "--weight-kg", "20", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    (ivig,) = report["doses"]
    # 2 g/kg × 20 kg = 40 g (maximum 70 g not reached).
    assert (ivig["drug"], ivig["amount"], ivig["unit"]) == ("ivig", 40.0, "g")


def test_bundled_export_with_worker_processes_matches_one_process(bundle):
    # Large exports start worker processes (spawn): in a frozen bundle each worker re-runs
    # the executable, which must become the worker, not a second application.
    db = bundle.scratch / "export.sqlite3"
    filled = bundle.run("demo-data", "--db", str(db), "--patients", "40", "--seed", "4")
    assert filled.returncode == 0, filled.stderr
    opened = open_database(db)
    try:
        add_people(opened)
    finally:
        opened.dispose()
    account = ["--user", "admin", "--password-file", str(password_file(bundle.scratch))]
    outputs = {}
    for workers in ("1", "2"):
        out = bundle.scratch / f"export-{workers}"
        result = bundle.run("export", "--db", str(db), "--out", str(out), "--workers", workers,
                            *account)
        assert result.returncode == 0, result.stderr
        outputs[workers] = (out / "redcap_data.csv").read_bytes()
    assert outputs["1"] == outputs["2"] and outputs["1"].count(b"\n") > 40


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .tar.gz is Linux only")
def test_linux_archive_installs_for_one_user(bundle):
    (archive,) = bundle.dist.glob(f"{bundle.name}-{bundle.version}-linux-*.tar.gz")
    top = f"{bundle.name}-{bundle.version}"
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        for member in (f"{top}/jdm-ctp", f"{top}/_internal", f"{top}/jdm-ctp.desktop",
                       f"{top}/icons/jdm-ctp.png", f"{top}/icons/jdm-ctp.svg",
                       f"{top}/install.sh"):
            assert member in names, member
        desktop = tar.extractfile(f"{top}/jdm-ctp.desktop").read().decode()
        unpacked = bundle.scratch / "unpacked"
        tar.extractall(unpacked, filter="tar")
    assert "Exec=jdm-ctp" in desktop and "Icon=jdm-ctp" in desktop
    assert f"version {bundle.version}" in desktop

    home = bundle.scratch / "installing-user"
    home.mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    installed = subprocess.run(["sh", str(unpacked / top / "install.sh"), "--user"],
                               env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert f"jdm-ctp {bundle.version}" in installed.stdout
    launcher = home / ".local" / "bin" / "jdm-ctp"
    entry = (home / ".local" / "share" / "applications" / "jdm-ctp.desktop").read_text()
    assert f"Exec={home}/.local/opt/jdm-ctp/jdm-ctp" in entry
    assert (home / ".local/share/icons/hicolor/256x256/apps/jdm-ctp.png").is_file()
    version = subprocess.run([str(launcher), "--version"], env=env, capture_output=True,
                             text=True, timeout=RUN_TIMEOUT_S)
    assert version.stdout.strip() == f"jdm-ctp {bundle.version}"

    removed = subprocess.run(["sh", str(unpacked / top / "install.sh"), "--user",
                              "--uninstall"], env=env, capture_output=True, text=True,
                             timeout=RUN_TIMEOUT_S)
    assert removed.returncode == 0, removed.stderr
    assert not launcher.exists() and not (home / ".local" / "opt" / "jdm-ctp").exists()
