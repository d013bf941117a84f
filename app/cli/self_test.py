"""`jdm-ctp --self-test`: prove an installation works, with no display and no user data.

Clinic IT runs it after installing the bundle (and the bundle test runs it in CI). Each
check exercises one thing a frozen bundle can silently lose: the migration files and the
modules alembic imports dynamically, the shipped protocol files, reportlab's fonts, the
native libraries (argon2, AES-GCM, SQLCipher, pdfium), Qt's platform plugins, the
fonts the charts draw with and Qt's French translations.

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
    from app.db.migrate import head_revision
    from app.db.opening import open_database

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


def _check_print_preview(work: Path) -> str:
    # The print preview rasterises PDFs with pdfium (its own native library) into QImages.
    from app.forms.pdf_preview import rasterize_pdf

    pdf = work / "self-test.pdf"
    if not pdf.exists():
        raise AssertionError(f"{pdf} was not written (see the pdf check)")
    (page,) = rasterize_pdf(pdf, 36)
    # Letter is 612 x 792 pt: at 36 dpi 306 x 396 pixels
    if (page.width(), page.height()) != (306, 396):
        raise AssertionError(f"page rendered at {page.width()} x {page.height()}, "
                             "expected 306 x 396")
    inked = sum(1 for y in range(0, 396, 2) for x in range(0, 306, 2)
                if page.pixel(x, y) & 0xFFFFFF != 0xFFFFFF)
    if not inked:
        raise AssertionError("the rendered page is blank")
    return f"rendered the PDF's page with pdfium ({page.width()} x {page.height()} px)"


def _application():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "jdm-ctp"])


def _check_chart(work: Path) -> str:
    # A trend chart as on the patient page: the plain-data chart for a known series, drawn
    # by the same widget into an image. Fonts are what a bundle most easily loses here.
    from datetime import date

    from PySide6.QtGui import QColor

    from app.forms.chart_view import ChartView
    from app.reports.charts import BLUE
    from app.reports.outcome_charts import outcome_charts

    _application()
    (chart,) = outcome_charts({"cmas": [(date(2026, 5, 4), 28.0), (date(2026, 11, 4), 52.0)]},
                              None, [])
    view = ChartView(chart)
    try:
        view.resize(320, 240)
        layout = view.chart_layout()
        y_labels = [p.text for p in layout.y_labels]
        months = [p.text for p in layout.x_labels]
        if y_labels[0] != "0" or y_labels[-1] != "52":
            raise AssertionError(f"CMAS axis labelled {y_labels}, expected 0 ... 52")
        if not months or months[0] != "May '26" or len(set(months)) != len(months):
            raise AssertionError(f"month labels {months}, expected May '26 ... once each")
        if min(p.rect.width() for p in layout.texts()) <= 0:
            raise AssertionError("labels have no width: no usable font")
        image = view.grab().toImage()
        series = QColor(BLUE).rgb()
        drawn = sum(1 for y in range(image.height()) for x in range(image.width())
                    if image.pixel(x, y) == series)
        if not drawn:
            raise AssertionError("the CMAS line was not drawn")
        target = work / "self-test-chart.png"
        if not image.save(str(target), "PNG"):
            raise AssertionError(f"could not save {target}")
    finally:
        view.deleteLater()
    return (f"drew the CMAS trend chart (axis 0-52, {len(months)} month labels, "
            f"{drawn} line pixels) and saved it as PNG ({target.stat().st_size} bytes)")


def _check_crypto(_work: Path) -> str:
    # Native code behind user passwords (argon2) and encrypted backups (the backup module's
    # own AES-GCM and scrypt calls, on a small file in its real format).
    from argon2 import PasswordHasher

    from app.db.backup import decrypt_bytes, encrypt_bytes

    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    if not hasher.verify(hasher.hash("self-test"), "self-test"):
        raise AssertionError("argon2 could not verify its own hash")
    plain = os.urandom(64)
    if decrypt_bytes(encrypt_bytes(plain, "self-test"), "self-test") != plain:
        raise AssertionError("encrypted backup round trip failed")
    return "argon2 password hash and encrypted-backup (scrypt + AES-GCM) round trip"


def _check_encrypted_database(work: Path) -> str:
    # SQLCipher is a separate native SQLite; prove the bundle carries it and that a file
    # written with a passphrase is unreadable without it.
    from app.db import encryption
    from app.db.migrate import PassphraseRequiredError, head_revision
    from app.db.opening import open_database

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
    # The main window's modules and a real widget on the platform plugin.
    import PySide6.QtPrintSupport  # noqa: F401
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QApplication, QLabel

    app = _application()
    platform = QApplication.platformName()
    if app is None or not platform:
        raise AssertionError("no QApplication")
    label = QLabel("jdm-ctp self-test")
    label.adjustSize()
    label.deleteLater()
    return f"Qt {qVersion()} QApplication and a widget on the {platform!r} platform"


def _check_qt_translations(_work: Path) -> str:
    # Qt's own French texts (standard buttons, file dialogs) ship with the bundle; the
    # other languages are left out.
    from PySide6.QtCore import QLibraryInfo, QTranslator

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    if not translator.load("qtbase_fr", folder):
        raise AssertionError(f"Qt's French translations (qtbase_fr.qm) not found in {folder}")
    cancel = translator.translate("QPlatformTheme", "Cancel")
    if cancel != "Annuler":
        raise AssertionError(f"qtbase_fr.qm translates Cancel as {cancel!r}")
    return "Qt's French translations load (Cancel = Annuler)"


def _check_interface_translations(_work: Path) -> str:
    # The application's own French (compiled from resources/translations/jdm_ctp_fr.ts)
    # and its English plural forms, loaded the way the desktop application loads them.
    from PySide6.QtCore import QCoreApplication

    from app.forms.language import INTERFACE

    _application()
    try:
        INTERFACE.switch("fr")
        menu = QCoreApplication.translate("MainWindow", "&File")
        two = QCoreApplication.translate("MainWindow", "%Ln patient(s)", "", 2)
        INTERFACE.switch("en")
        one = QCoreApplication.translate("MainWindow", "%Ln patient(s)", "", 1)
    finally:
        if INTERFACE.language != "en":
            INTERFACE.switch("en")
    if (menu, two, one) != ("&Fichier", "2 patients", "1 patient"):
        raise AssertionError(f"the interface translations give {menu!r}, {two!r}, {one!r}")
    return "the French interface and the English plurals load (File = Fichier)"


CHECKS: tuple[tuple[str, Check], ...] = (
    ("database", _check_database),
    ("dose", _check_dose),
    ("pdf", _check_pdf),
    ("print preview", _check_print_preview),
    ("chart", _check_chart),
    ("crypto", _check_crypto),
    ("encrypted database", _check_encrypted_database),
    ("qt", _check_qt),
    ("qt translations", _check_qt_translations),
    ("interface translations", _check_interface_translations),
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
