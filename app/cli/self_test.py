"""`jdm-ctp --self-test`: prove an installation works, with no display and no user data.

Clinic IT runs it after installing the bundle (and the bundle test runs it in CI). Each
check exercises one thing a frozen bundle can silently lose: the migration files and the
modules alembic imports dynamically, the shipped protocol files, reportlab's fonts, the
native libraries (argon2, cryptography, numpy/matplotlib), and Qt's platform plugins.

Everything happens in a temporary folder that is removed afterwards: ``JDM_CTP_HOME`` is
pointed there for the duration, so the user's database, settings, logs and the site's own
protocol files are neither read nor touched (a site file replacing a shipped protocol
would otherwise change the known dose below).
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from app import __version__, paths

# A dose anyone can check by hand: persistent skin rash, arm A (IVIG), 20 kg child.
# IVIG 2 g/kg × 20 kg = 40 g, below the 70 g maximum (seed 000, Table 2, Treatment A).
KNOWN_PROTOCOL = "persistent-skin-rash"
KNOWN_ARM = "A"
KNOWN_WEIGHT_KG = 20.0
KNOWN_DRUG = "ivig"
KNOWN_AMOUNT = 40.0
KNOWN_UNIT = "g"

Check = Callable[[Path], str]


def _check_database(work: Path) -> str:
    from app.db.migrate import head_revision, open_database

    db_file = work / "self-test.sqlite3"
    database = open_database(db_file)
    try:
        report = database.upgrade_report
        head = head_revision()
        if report is None or report.new_revision != head:
            raise AssertionError(f"database not at schema {head}: {report}")
        with database.engine.connect() as connection:
            stored = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            tables = connection.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).scalar()
        if stored != head:
            raise AssertionError(f"alembic_version holds {stored!r}, expected {head!r}")
    finally:
        database.dispose()
    return f"created a database and ran the migrations to schema {head} ({tables} tables)"


def _check_dose(_work: Path) -> str:
    from app.catalog import protocol_catalog
    from app.domain.body import BodyMeasurements
    from app.domain.dosing import compute_arm_doses

    catalog = protocol_catalog()
    protocol = catalog.protocols.get(KNOWN_PROTOCOL)
    if protocol is None:
        raise AssertionError(
            f"protocol {KNOWN_PROTOCOL!r} not found in {paths.builtin_protocol_dir()} "
            f"(found: {sorted(catalog.protocols)}; rejected: {catalog.rejected})"
        )
    doses = compute_arm_doses(protocol, KNOWN_ARM, BodyMeasurements(weight_kg=KNOWN_WEIGHT_KG))
    matching = [d for d in doses if d.drug == KNOWN_DRUG]
    if len(matching) != 1:
        raise AssertionError(f"expected one {KNOWN_DRUG} dose, got {[d.drug for d in doses]}")
    dose = matching[0]
    if abs(dose.amount - KNOWN_AMOUNT) > 1e-9 or dose.unit != KNOWN_UNIT:
        raise AssertionError(
            f"{KNOWN_DRUG} for {KNOWN_WEIGHT_KG:g} kg is {dose.amount} {dose.unit}, "
            f"expected {KNOWN_AMOUNT:g} {KNOWN_UNIT}"
        )
    return (f"{KNOWN_PROTOCOL} arm {KNOWN_ARM}, {KNOWN_WEIGHT_KG:g} kg: IVIG "
            f"{dose.amount:g} {dose.unit} (2 g/kg × 20 kg = 40 g), "
            f"{len(catalog.protocols)} protocols loaded")


def _check_pdf(work: Path) -> str:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    target = work / "self-test.pdf"
    styles = getSampleStyleSheet()
    document = SimpleDocTemplate(str(target), pagesize=LETTER, title="jdm-ctp self-test")
    document.build([
        Paragraph(f"jdm-ctp {__version__} self-test", styles["Title"]),
        Paragraph("IVIG: 2 g/kg × 20 kg = 40 g; maximum 70 g not reached.", styles["Normal"]),
    ])
    data = target.read_bytes()
    if not data.startswith(b"%PDF"):
        raise AssertionError(f"{target} does not start with %PDF: {data[:8]!r}")
    if b"%%EOF" not in data[-64:]:
        raise AssertionError(f"{target} has no %%EOF trailer (truncated?)")
    return f"rendered a one-page PDF ({len(data)} bytes)"


def _check_chart(work: Path) -> str:
    # The trend charts use matplotlib's Qt backend; its data files (fonts, styles) and
    # numpy's native code are what a bundle most easily loses.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(3, 2), dpi=50)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.plot([0, 1, 2], [10, 30, 20], marker="o")
    axes.set_title("CMAS")
    target = work / "self-test-chart.png"
    figure.savefig(target)
    data = target.read_bytes()
    if not data.startswith(b"\x89PNG"):
        raise AssertionError(f"{target} is not a PNG")
    return f"drew a chart with matplotlib ({len(data)} bytes)"


def _check_crypto(_work: Path) -> str:
    # Native extensions behind user passwords (argon2) and encrypted backups (cryptography).
    from argon2 import PasswordHasher
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    if not hasher.verify(hasher.hash("self-test"), "self-test"):
        raise AssertionError("argon2 could not verify its own hash")
    key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, b"self-test", None)
    if AESGCM(key).decrypt(nonce, sealed, None) != b"self-test":
        raise AssertionError("AES-GCM round trip failed")
    return "argon2 password hash and AES-GCM round trip"


def _check_encrypted_database(work: Path) -> str:
    # SQLCipher is a separate native SQLite; prove the bundle carries it and that a file
    # written with a passphrase is unreadable without it.
    from app.db import encryption
    from app.db.migrate import PassphraseRequiredError, head_revision, open_database

    db_file = work / "self-test-encrypted.sqlite3"
    passphrase = "self-test passphrase"
    database = open_database(db_file, passphrase)
    database.dispose()
    if encryption.has_plain_header(db_file):
        raise AssertionError(f"{db_file} was written unencrypted")
    try:
        open_database(db_file).dispose()
    except PassphraseRequiredError:
        pass
    else:
        raise AssertionError("the encrypted database opened without its passphrase")
    connection = encryption.connect(db_file, passphrase)
    try:
        version = connection.execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        connection.close()
    return f"SQLCipher {version} database at schema {head_revision()}, refused without the key"


def _check_qt(_work: Path) -> str:
    # The main window's modules, and the trend charts' matplotlib canvas as a real widget.
    import PySide6.QtPrintSupport  # noqa: F401
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "jdm-ctp"])
    platform = QApplication.platformName()
    if app is None or not platform:
        raise AssertionError("no QApplication")
    label = QLabel("jdm-ctp self-test")
    label.adjustSize()
    canvas = FigureCanvasQTAgg(Figure(figsize=(2, 1), dpi=50))
    canvas.figure.add_subplot().plot([0, 1], [1, 0])
    canvas.draw()
    label.deleteLater()
    canvas.deleteLater()
    return f"Qt {qVersion()} QApplication and chart widget on the {platform!r} platform"


CHECKS: tuple[tuple[str, Check], ...] = (
    ("database", _check_database),
    ("dose", _check_dose),
    ("pdf", _check_pdf),
    ("chart", _check_chart),
    ("crypto", _check_crypto),
    ("encrypted database", _check_encrypted_database),
    ("qt", _check_qt),
)


@contextmanager
def _private_home(folder: Path) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in (paths.HOME_ENV, paths.DATABASE_URL_ENV)}
    os.environ[paths.HOME_ENV] = str(folder)
    os.environ.pop(paths.DATABASE_URL_ENV, None)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_self_test() -> int:
    """Run every check, print one line per check, return 0 if all passed, else 1."""
    # No display on a build server or over SSH: Qt must not try to open a window.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    frozen = "bundle" if getattr(sys, "frozen", False) else "source"
    print(f"jdm-ctp {__version__} self-test ({frozen}, resources in {paths.install_root()})")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="jdm-ctp-self-test-") as tmp:
        work = Path(tmp)
        with _private_home(work / "home"):
            for name, check in CHECKS:
                try:
                    detail = check(work)
                except Exception as error:  # report every failure, then carry on
                    failures += 1
                    print(f"FAIL {name}: {type(error).__name__}: {error}")
                    if os.environ.get("JDM_CTP_SELF_TEST_TRACEBACK"):
                        traceback.print_exc()
                else:
                    print(f"ok   {name}: {detail}")
    if failures:
        print(f"self-test FAILED: {failures} of {len(CHECKS)} checks failed")
        return 1
    print(f"self-test passed: {len(CHECKS)} checks")
    return 0


if __name__ == "__main__":  # pragma: no cover - `python -m app.cli.self_test`
    raise SystemExit(run_self_test())
