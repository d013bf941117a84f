"""Issue 14: wrong passwords at the prompts of the reading commands (``pdf``, ``cohort``,
``audit verify``) count toward the lock-out exactly as the desktop sign-in's do.

The attack: those commands checked the password without writing anything (so that they
work on read-only copies), which made them an unlimited password-guessing oracle beside
the desktop sign-in that locks after MAX_FAILED_LOGINS. Now a wrong password there is
counted and audited by the same sign-in path; after MAX_FAILED_LOGINS the account is
locked, and the right password is refused as at the desktop.
"""

from __future__ import annotations

import pytest
from database_fixtures import STAFF_PASSWORD, db_argument, password_file
from sqlalchemy import select

from app.db import users
from app.db.models import AuditEntry, User
from app.domain.permissions import MAX_FAILED_LOGINS

READING_COMMANDS = {
    "pdf": lambda out: ["pdf", "--patient", "JDM-001", "--visit", "baseline", "--out",
                        out / "visit.pdf"],
    "cohort": lambda out: ["cohort", "--out", out / "cohort"],
    "audit verify": lambda out: ["audit", "verify"],
}


@pytest.mark.parametrize("command", sorted(READING_COMMANDS))
def test_wrong_passwords_at_a_reading_command_lock_the_account(command, clinic, cli,
                                                               tmp_path, secret):
    argv = READING_COMMANDS[command](tmp_path)
    wrong = password_file(tmp_path, "not the password", name="wrong")
    for attempt in range(1, MAX_FAILED_LOGINS + 1):
        code, _out, err = cli(*argv, "--db", db_argument(clinic), "--user", "doc",
                              "--password-file", wrong)
        assert code == 1, err
        with clinic.reading() as session:
            failed = session.scalar(select(User.failed_logins).where(User.user_name == "doc"))
        assert failed == attempt  # each wrong password counted, as at the desktop
    assert "locked" in err
    with clinic.reading() as session:
        assert session.scalar(select(User.locked_until)
                              .where(User.user_name == "doc")) is not None
        reasons = list(session.scalars(select(AuditEntry.reason).where(
            AuditEntry.action == "login_failed", AuditEntry.user_name == "doc")))
    assert len(reasons) == MAX_FAILED_LOGINS
    assert all(f"jdm-ctp {command}" in r for r in reasons)
    # the right password no longer opens the command, nor the desktop sign-in
    code, _out, err = cli(*argv, "--db", db_argument(clinic), "--user", "doc",
                          "--password-file", secret)
    assert code == 1 and "locked" in err
    with pytest.raises(users.AccountLockedError):
        users.sign_in(clinic, "doc", STAFF_PASSWORD)


def test_an_unknown_user_name_at_a_reading_command_is_audited_like_the_desktop(
        clinic, cli, tmp_path, secret):
    code, _out, err = cli("audit", "verify", "--db", db_argument(clinic), "--user",
                          "nobody-here", "--password-file", secret)
    assert code == 1 and "not correct" in err
    with clinic.reading() as session:
        tried = list(session.scalars(select(AuditEntry.reason).where(
            AuditEntry.action == "login_failed", AuditEntry.reason.like("unknown user%"))))
    assert len(tried) == 1 and "nobody-here" not in tried[0]
