"""Tools → Database encryption…: an administrator encrypts, re-keys or decrypts the open
database; every window keeps working on the reconnected database; mistakes are shown at
the field and change nothing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.db import encryption
from app.db.engine import Database
from app.db.migrate import PassphraseRequiredError
from app.db.models import AuditEntry, PatientIdentity
from app.db.opening import open_database
from app.db.patients import PatientInput, create_patient
from app.domain.permissions import Actor, PermissionDenied
from app.forms import encryption_dialog
from app.forms.encryption_dialog import (
    CHANGE,
    DECRYPT,
    ENCRYPT,
    EncryptionChangeError,
    EncryptionDialog,
    change_encryption,
)
from app.forms.main_window import MainWindow

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

PASSPHRASE = "violet kestrel over the ward"
NEW = "a brand new passphrase"



@pytest.fixture
def people(people: dict[str, Actor], database: Database) -> dict[str, Actor]:
    """The shared admin and nurse, a patient to see through every change, admin signed in."""
    with database.session() as s:
        create_patient(s, PatientInput(study_id="JDM-001", given_name="Ada",
                                       family_name="Lovelace", date_of_birth=date(2014, 3, 9),
                                       sex="female", mrn="MRN-12345", site="Toronto"),
                       user="admin")
    database.actor = people["admin"]
    return people


def _family_names(database: Database) -> list[str]:
    with database.session() as s:
        return list(s.scalars(select(PatientIdentity.family_name)))


def test_encrypt_then_change_then_decrypt_the_open_database(
    database: Database, people: dict[str, Actor]
) -> None:
    path = database.file_path
    assert path is not None
    report = change_encryption(database, people["admin"], ENCRYPT, "", PASSPHRASE, PASSPHRASE)
    assert report.state == "encrypted"
    assert database.encrypted and database.passphrase == PASSPHRASE
    assert b"Lovelace" not in path.read_bytes()
    # The same Database object works on, so the open windows do too.
    assert _family_names(database) == ["Lovelace"]

    change_encryption(database, people["admin"], CHANGE, PASSPHRASE, NEW, NEW)
    assert _family_names(database) == ["Lovelace"]
    database.dispose()
    with pytest.raises(PassphraseRequiredError):
        open_database(path)
    open_database(path, NEW).dispose()

    change_encryption(database, people["admin"], DECRYPT, NEW, "", "")
    assert not database.encrypted and encryption.has_plain_header(path)
    with database.session() as s:
        changes = (AuditEntry.entity == "database",
                   AuditEntry.action != "database_identity")  # migration 0004's entry
        actions = list(s.scalars(select(AuditEntry.action).where(*changes)
                                 .order_by(AuditEntry.id)))
        users_seen = set(s.scalars(select(AuditEntry.user_name).where(*changes)))
    assert actions == ["database_encrypted", "database_passphrase_changed", "database_decrypted"]
    assert users_seen == {"admin"}


def test_only_an_administrator_may_change_encryption(
    database: Database, people: dict[str, Actor]
) -> None:
    with pytest.raises(PermissionDenied):
        change_encryption(database, people["nurse"], ENCRYPT, "", PASSPHRASE, PASSPHRASE)
    assert not database.encrypted


@pytest.mark.parametrize(
    ("action", "current", "new", "repeated", "field", "words"),
    [
        (ENCRYPT, "", "short", "short", "new", "at least 10 characters"),
        (ENCRYPT, "", PASSPHRASE, PASSPHRASE + "x", "repeated", "not the same"),
    ],
)
def test_bad_new_passphrases_are_refused_at_the_field(
    database: Database, people: dict[str, Actor], action: str, current: str, new: str,
    repeated: str, field: str, words: str,
) -> None:
    before = database.file_path.read_bytes()
    with pytest.raises(EncryptionChangeError, match=words) as raised:
        change_encryption(database, people["admin"], action, current, new, repeated)
    assert raised.value.field == field
    assert database.file_path.read_bytes() == before


def test_a_wrong_current_passphrase_changes_nothing(
    database: Database, people: dict[str, Actor]
) -> None:
    change_encryption(database, people["admin"], ENCRYPT, "", PASSPHRASE, PASSPHRASE)
    with pytest.raises(EncryptionChangeError, match="not the current") as raised:
        change_encryption(database, people["admin"], DECRYPT, "not it at all", "", "")
    assert raised.value.field == "current"
    assert database.encrypted and _family_names(database) == ["Lovelace"]


def test_a_failed_change_reconnects_the_database_as_it_was(
    database: Database, people: dict[str, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(encryption_dialog, "encrypt_database", full_disk)
    with pytest.raises(EncryptionChangeError, match="No space left"):
        change_encryption(database, people["admin"], ENCRYPT, "", PASSPHRASE, PASSPHRASE)
    assert not database.encrypted
    assert _family_names(database) == ["Lovelace"]  # still usable


def test_dialog_offers_what_fits_and_keeps_typed_text_on_error(
    qtbot, database: Database, people: dict[str, Actor]
) -> None:
    dialog = EncryptionDialog(database, people["admin"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.encrypt_choice.isVisible() and dialog.encrypt_choice.isChecked()
    assert not dialog.change_choice.isVisible() and not dialog.decrypt_choice.isVisible()
    assert not dialog.current.isEnabled() and dialog.new.isEnabled()
    dialog.new.setText(PASSPHRASE)
    dialog.repeated.setText(PASSPHRASE + "!")
    dialog.apply()
    assert dialog.isVisible()
    assert dialog.errors["repeated"].isVisible()
    assert "not the same" in dialog.errors["repeated"].text()
    assert dialog.new.text() == PASSPHRASE  # nothing typed is lost
    dialog.repeated.setText(PASSPHRASE)
    dialog.apply()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.report is not None and database.encrypted

    again = EncryptionDialog(database, people["admin"])
    qtbot.addWidget(again)
    again.show()
    assert not again.encrypt_choice.isVisible()
    assert again.change_choice.isChecked() and again.decrypt_choice.isVisible()
    again.decrypt_choice.setChecked(True)
    assert again.current.isEnabled() and not again.new.isEnabled()


def test_main_window_menu_and_status_bar(
    qtbot, database: Database, people: dict[str, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text: shown.append(text))
    window = MainWindow(database, user="admin")
    qtbot.addWidget(window)
    window.show()
    assert window.encryption_action.isEnabled()
    assert not window.storage_label.isVisible()
    report = change_encryption(database, people["admin"], ENCRYPT, "", PASSPHRASE, PASSPHRASE)
    window.show_encryption_change(report)
    assert window.storage_label.isVisible()
    assert window.storage_label.text() == "Encrypted database"
    assert shown and "is now encrypted" in shown[0]
    window.refresh()  # the list reads through the reconnected database
    assert window.model.rowCount() == 1

    database.actor = people["nurse"]
    nurse_window = MainWindow(database, user="nurse")
    qtbot.addWidget(nurse_window)
    assert not nurse_window.encryption_action.isEnabled()


def _reports():
    from pathlib import Path

    from app.db.encryption_setup import EncryptionReport

    folder = Path("clinic")
    backups = [folder / f"b{i}.sqlite3" for i in range(7)]
    return folder / "clinic.sqlite3", backups, [
        EncryptionReport(folder / "clinic.sqlite3", "encrypted", 1, backups[:1]),
        EncryptionReport(folder / "clinic.sqlite3", "encrypted", 1200, backups),
        EncryptionReport(folder / "clinic.sqlite3", "stored unencrypted", 2),
        EncryptionReport(folder / "clinic.sqlite3", "encrypted with the new passphrase", 2),
        EncryptionReport(folder / "clinic.sqlite3", "created encrypted", 0),
    ]


def test_the_change_reads_as_the_terminal_s_english(qtbot, database: Database) -> None:
    """In English the window says what ``describe()`` says (one row: "1 rows" there, as
    the terminal has it; the window's plural forms say "1 row")."""
    window = MainWindow(database, user="admin")
    qtbot.addWidget(window)
    _path, _backups, reports = _reports()
    for report in reports[1:]:
        assert window.encryption_report_text(report) == report.describe()
    assert window.encryption_report_text(reports[0]).startswith(
        f"The database {reports[0].database} is now encrypted (1 row checked). 1 earlier "
        "backup of it is NOT encrypted: ")


def test_the_change_reads_in_french(qtbot, database: Database) -> None:
    """It was the English of ``EncryptionReport.describe()`` in a French window."""
    from app.forms.language import INTERFACE

    window = MainWindow(database, user="admin")
    qtbot.addWidget(window)
    path, backups, reports = _reports()
    INTERFACE.switch("fr")
    try:
        texts = [window.encryption_report_text(report) for report in reports]
    finally:
        INTERFACE.switch("en")
    five = ", ".join(str(b) for b in backups[:5])
    assert texts == [
        f"La base de données {path} est maintenant chiffrée (1 ligne vérifiée). 1 sauvegarde "
        f"antérieure de celle-ci n'est PAS chiffrée : {backups[0]}. Supprimez-la ou "
        "conservez-la dans un endroit aussi sûr que la base de données.",
        f"La base de données {path} est maintenant chiffrée (1200 lignes vérifiées). "
        f"7 sauvegardes antérieures de celle-ci ne sont PAS chiffrées : {five} et 2 autres. "
        "Supprimez-les ou conservez-les dans un endroit aussi sûr que la base de données.",
        f"La base de données {path} est maintenant enregistrée sans chiffrement (2 lignes "
        "vérifiées).",
        f"La base de données {path} est maintenant chiffrée avec la nouvelle phrase de passe "
        "(2 lignes vérifiées).",
        f"Une nouvelle base de données chiffrée a été créée à {path}.",
    ]


def test_the_dialog_reads_in_french(qtbot, database: Database, people: dict[str, Actor]
                                    ) -> None:
    """It was wholly English in the French interface. A wrong current passphrase is said
    at its field in French; what was typed stays."""
    from test_french import assert_french

    from app.forms.language import INTERFACE

    change_encryption(database, people["admin"], ENCRYPT, "", PASSPHRASE, PASSPHRASE)
    INTERFACE.switch("fr")
    try:
        dialog = EncryptionDialog(database, people["admin"])
        qtbot.addWidget(dialog)
        dialog.show()
        assert_french(dialog, "Chiffrement de la base de données", "est chiffrée (SQLCipher)",
                      "Changer la phrase de passe", "Phrase de passe actuelle",
                      data=(database.display_name,))
        dialog.current.setText("not it at all")
        dialog.new.setText(NEW)
        dialog.repeated.setText(NEW)
        dialog.apply()
        assert dialog.isVisible() and dialog.current.text() == "not it at all"
        assert dialog.errors["current"].text() == (
            "Ce n'est pas la phrase de passe actuelle de la base de données.")
        assert_french(dialog, data=(database.display_name,))
    finally:
        INTERFACE.switch("en")
