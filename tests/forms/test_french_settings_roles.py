"""The last English of the settings' lock minutes, the roles and the lock time (issue 21),
walked in French: the automatic lock's minutes refused in the Settings window, an unknown
role refused in the user accounts window, and the hour a locked account opens again,
written the French-Canadian way (« 14 h 30 ») in the windows only. The domain writes each
once, in English, as a Sentence: ``str()``, the log and the command line read exactly the
words they always read."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from database_fixtures import STAFF_PASSWORD, add_people, db_argument, password_file
from test_french import assert_french, shoot
from test_french_more_windows import DATA, as_administrator

from app import paths
from app.domain.permissions import MAX_FAILED_LOGINS
from app.forms import terms
from app.forms.language import INTERFACE

pytestmark = pytest.mark.usefixtures("system_actor", "french")


def flat(text: str) -> str:
    """French spaces before ":" ";" and inside an hour (no-break, narrow) read as plain
    spaces."""
    return re.sub("[\u00a0\u202f]", " ", text)


# ------------------------------------------------------------- the automatic lock's minutes

def _minutes_refused(dialog, value: object) -> dict[str, str]:
    """What the settings' own check says of ``value`` as the lock's minutes."""
    from app.forms.clinic_settings import SettingsError

    with pytest.raises(SettingsError) as refused:
        dialog.clinic.check(inactivity_minutes=value)
    return refused.value.problems


def test_the_lock_minutes_refused_are_said_in_french(qtbot, database, tmp_path):
    """Tools → Settings: the minutes refused say why in French, under their field (the spin
    box keeps its own range; a refused value reaches the window as the settings' check
    names it)."""
    from app.forms.clinic_settings import INACTIVITY_KEY

    main = as_administrator(qtbot, database, tmp_path)
    dialog = main.make_settings_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    shown = {}
    for value in (0, 241, "abc", True):
        dialog.show_errors(_minutes_refused(dialog, value))
        shown[value] = flat(dialog.error_text(INACTIVITY_KEY))
        assert_french(dialog, data=(*DATA, dialog.default_button.toolTip(),
                                    database.display_name, str(paths.data_dir()),
                                    str(tmp_path)))
    between = "Le délai d'inactivité doit être compris entre 1 et 240 minutes."
    whole = "Le délai d'inactivité doit être un nombre entier de minutes."
    assert shown == {0: between, 241: between, "abc": whole, True: whole}
    shoot(dialog, "settings-minutes-refused")
    # in English the window says the English
    INTERFACE.switch("en")
    dialog.show_errors(_minutes_refused(dialog, 0))
    assert dialog.error_text(INACTIVITY_KEY) == (
        "The inactivity time must be between 1 and 240 minutes.")


def test_the_lock_minutes_refusals_keep_their_english():
    """``str()`` (the log's warning about a hand-edited value) reads the English."""
    from app.domain.permissions import validate_inactivity_minutes

    said = []
    for value in (0, "abc"):
        with pytest.raises(ValueError) as refused:
            validate_inactivity_minutes(value)
        said.append(str(refused.value))
    assert said == ["The inactivity time must be between 1 and 240 minutes.",
                    "The inactivity time must be a whole number of minutes."]


def test_a_hand_edited_lock_time_is_logged_in_english(tmp_path, caplog):
    from PySide6.QtCore import QSettings

    from app.forms.clinic_settings import ClinicSettings

    ini = tmp_path / "settings.ini"
    ini.write_text("[security]\ninactivity_minutes=999\n", encoding="utf-8")
    caplog.set_level("WARNING", logger="jdm_ctp")
    assert ClinicSettings(QSettings(str(ini), QSettings.Format.IniFormat)
                          ).inactivity_minutes == 10
    assert "The inactivity time must be between 1 and 240 minutes." in caplog.text


# ----------------------------------------------------------------------------- a role

def test_an_unknown_role_is_said_in_french_in_the_user_accounts_window(qtbot, database,
                                                                       tmp_path):
    from app.forms.users_dialog import UserAdministration, UsersDialog

    main = as_administrator(qtbot, database, tmp_path)
    dialog = UsersDialog(UserAdministration(database, database.actor), main)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ask_new_user = lambda: ("nia", "Nia", "superuser", "long enough secret")
    dialog.add_user()
    codes = ("data_entry", "clinician", "coordinator", "administrator")
    assert flat(dialog.message.text()) == (
        "Le rôle 'superuser' n'existe pas ; choisissez l'un de ces codes : "
        + ", ".join(codes) + ".")
    assert_french(dialog, data=(*DATA, "'superuser'", *codes))
    shoot(dialog, "users-unknown-role")
    names = [dialog.model.row_at(row).user_name for row in range(dialog.model.rowCount())]
    assert "nia" not in names and "admin" in names  # nobody was added


def test_an_unknown_role_keeps_its_english():
    from app.domain.permissions import Actor, parse_role

    with pytest.raises(ValueError) as refused:
        parse_role("superuser")
    assert str(refused.value) == ("Unknown role 'superuser'; choose one of: data_entry, "
                                  "clinician, coordinator, administrator.")
    with pytest.raises(ValueError, match="Unknown role 'root'"):
        Actor("a", "", "root")


def test_every_settings_and_role_sentence_is_listed_and_said_in_french():
    from app.domain.permissions import SETTINGS_ROLE_SENTENCES

    listed = terms.LISTED[terms.SETTINGS_ROLES]
    assert sorted(SETTINGS_ROLE_SENTENCES) == sorted(listed)
    assert [t for t in listed if terms.term(terms.SETTINGS_ROLES, t) == t] == []


# ------------------------------------------------------------------ a locked account's hour

def _locked_until(hour: int, minute: int):
    from app.db.users import AccountLockedError

    return AccountLockedError("doc", datetime(2026, 12, 4, hour, minute).astimezone())


@pytest.mark.parametrize(("hour", "minute", "english", "in_french"), [
    (14, 30, "14:30", "14 h 30"),
    (9, 5, "09:05", "9 h 05"),
    (0, 0, "00:00", "0 h 00"),
])
def test_the_hour_a_locked_account_opens_is_french_in_the_windows_only(hour, minute,
                                                                        english, in_french):
    from app.forms.refusal_words import access_words

    locked = _locked_until(hour, minute)
    assert str(locked) == (
        f"The account doc is locked after 5 wrong passwords until {english}. Try again then, "
        "or ask an administrator to unlock it.")
    said = access_words(locked)
    assert flat(said) == (
        f"Le compte doc est verrouillé jusqu'à {in_french} après 5 mots de passe erronés. "
        "Réessayez à ce moment-là, ou demandez à un administrateur de le déverrouiller.")
    # the hour stays on one line: its spaces do not break
    assert f"{in_french.replace(' ', chr(0xA0))} " in said
    INTERFACE.switch("en")
    assert access_words(locked) == str(locked)


def test_the_sign_in_window_says_the_hour_the_french_way(qtbot, database):
    from app.forms.login_dialog import LoginDialog, database_sign_in

    add_people(database)
    dialog = LoginDialog(database_sign_in(database), database_name="clinic.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    for _attempt in range(MAX_FAILED_LOGINS):
        dialog.user_name.setText("doc")
        dialog.password.setText("wrong password")
        dialog.try_sign_in()
    said = flat(dialog.error.text())
    assert re.fullmatch(r"Le compte doc est verrouillé jusqu'à ([01]?\d|2[0-3]) h [0-5]\d "
                        r"après 5 mots de passe erronés\. Réessayez à ce moment-là, ou "
                        r"demandez à un administrateur de le déverrouiller\.", said), said
    assert_french(dialog, data=("clinic.sqlite3", "doc"))


def test_the_lock_screen_says_the_hour_the_french_way(qtbot, main_window_stand_in, database):
    from app.forms.inactivity_lock import inactivity_lock_for

    people = add_people(database)
    window = main_window_stand_in
    lock = inactivity_lock_for(window, database, people["nurse"], minutes=5)
    lock.lock()
    try:
        for _attempt in range(MAX_FAILED_LOGINS):
            assert not lock.try_unlock("wrong password")
        said = flat(lock.cover.error.text())
        assert re.fullmatch(r"Le compte nurse est verrouillé jusqu'à ([01]?\d|2[0-3]) h "
                            r"[0-5]\d après 5 mots de passe erronés\. Réessayez à ce "
                            r"moment-là, ou demandez à un administrateur de le "
                            r"déverrouiller\.", said), said
        assert_french(lock.cover, data=("Nurse", "nurse"))
    finally:
        lock.stop()


def test_the_command_line_keeps_the_hour_as_hh_mm(database, tmp_path, capsys):
    from app.cli import main
    from app.db import users
    from app.db.users import AccountLockedError

    add_people(database)
    for _attempt in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(users.WrongPasswordError):
            users.sign_in(database, "doc", "wrong password")
    with pytest.raises(AccountLockedError):
        users.sign_in(database, "doc", "wrong password")
    code = main(["audit", "verify", "--db", db_argument(database), "--user", "doc",
                 "--password-file", str(password_file(tmp_path))])
    assert code == 1
    err = capsys.readouterr().err
    assert re.fullmatch(r"jdm-ctp: The account doc is locked after 5 wrong passwords until "
                        r"\d\d:\d\d\. Try again then, or ask an administrator to unlock it\.\n",
                        err), err
    assert STAFF_PASSWORD not in err
