"""The passphrase prompt at start for an encrypted database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.db import encryption
from app.db.migrate import NotADatabaseError
from app.db.opening import open_database
from app.forms.passphrase_dialog import (
    MAX_ATTEMPTS,
    DatabasePassphraseDialog,
    TooManyAttemptsError,
    open_database_asking,
)

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

PASSPHRASE = "violet kestrel over the ward"


@pytest.fixture
def encrypted_file(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.sqlite3"
    open_database(path, PASSPHRASE).dispose()
    assert not encryption.has_plain_header(path)
    return path


class Answers:
    """Stands in for the person at the prompt: gives the next answer, records the messages."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.messages: list[str] = []

    def __call__(self, db_file: Path, message: str) -> str | None:
        self.messages.append(message)
        return self.answers.pop(0)


def test_a_plain_database_opens_without_asking(tmp_path: Path) -> None:
    ask = Answers()
    database = open_database_asking(str(tmp_path / "plain.sqlite3"), ask=ask)
    assert database is not None and not database.encrypted
    database.dispose()
    assert ask.messages == []


def test_an_encrypted_database_asks_then_opens(encrypted_file: Path) -> None:
    ask = Answers(PASSPHRASE)
    database = open_database_asking(str(encrypted_file), ask=ask)
    assert database is not None and database.encrypted
    database.dispose()
    assert ask.messages == [""]  # first prompt: no complaint yet


def test_a_passphrase_given_on_the_command_line_is_used_without_asking(
    encrypted_file: Path,
) -> None:
    ask = Answers()
    database = open_database_asking(str(encrypted_file), PASSPHRASE, ask=ask)
    assert database is not None
    database.dispose()
    assert ask.messages == []


def test_a_wrong_passphrase_asks_again_saying_why(encrypted_file: Path) -> None:
    ask = Answers("wrong passphrase one", PASSPHRASE)
    database = open_database_asking(str(encrypted_file), ask=ask)
    assert database is not None
    database.dispose()
    assert ask.messages[0] == ""
    assert "does not open this database (attempt 1 of 5)" in ask.messages[1]
    assert "Caps Lock" in ask.messages[1]


def test_cancel_at_the_prompt_opens_nothing(encrypted_file: Path) -> None:
    assert open_database_asking(str(encrypted_file), ask=Answers(None)) is None


def test_too_many_wrong_passphrases_stop_the_app(encrypted_file: Path) -> None:
    before = encrypted_file.read_bytes()
    ask = Answers(*[f"wrong passphrase {n}" for n in range(MAX_ATTEMPTS)])
    with pytest.raises(TooManyAttemptsError, match="wrong 5 times"):
        open_database_asking(str(encrypted_file), ask=ask)
    assert len(ask.messages) == MAX_ATTEMPTS
    assert encrypted_file.read_bytes() == before


def test_other_problems_are_not_turned_into_a_passphrase_prompt(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.sqlite3"
    text_file.write_text("not a database at all\n")
    with pytest.raises(NotADatabaseError):
        open_database_asking(str(text_file), ask=Answers())


def test_dialog_hides_the_passphrase_and_insists_on_one(qtbot, encrypted_file: Path) -> None:
    dialog = DatabasePassphraseDialog(encrypted_file, "")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password
    assert not dialog.message.isVisible()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() == 0
    assert "Type the database passphrase" in dialog.message.text()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.passphrase.text() == PASSPHRASE


def test_dialog_shows_why_it_asks_again(qtbot, encrypted_file: Path) -> None:
    dialog = DatabasePassphraseDialog(encrypted_file, "That passphrase does not open it.")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.message.isVisible()
    assert dialog.message.text() == "That passphrase does not open it."
    assert str(encrypted_file) in dialog.findChildren(type(dialog.message))[0].text()


def test_the_prompts_reasons_are_said_in_french(encrypted_file: Path) -> None:
    """Issue 21: the attempts' message and the final refusal in the interface's language."""
    from app.forms.language import INTERFACE

    INTERFACE.switch("fr")
    try:
        ask = Answers(*(["wrong passphrase one"] * 5))
        with pytest.raises(TooManyAttemptsError) as refused:
            open_database_asking(str(encrypted_file), ask=ask)
        assert ask.messages[1] == ("Cette phrase de passe n'ouvre pas cette base de données "
                                   "(essai 1 sur 5). Vérifiez la touche Verr. Maj et réessayez.")
        assert str(refused.value).startswith(
            "La phrase de passe de la base de données était erronée 5 fois.")
    finally:
        INTERFACE.switch("en")
