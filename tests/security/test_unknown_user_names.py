"""Issue 14, item 5: a password typed into the user-name box never reaches the trail.

The issue's attack: a nurse types her password into the user-name box and presses
Enter; the failed sign-in was audited with the typed text as the user name, so the
password stayed in the trail forever (and in every export of it). Now an unknown name
is recorded only as "(unknown user name)" with a short keyed tag, from the desktop
sign-in and from the command line alike.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db import users
from app.db.models import AuditEntry

TYPED_PASSWORD = "Winter-Sunflower-2031!"


def _all_text(database) -> str:  # noqa: ANN001
    """Every column of every audit entry, as one text."""
    with database.reading() as session:
        rows = session.execute(select(AuditEntry.__table__)).all()
    return "\n".join(" ".join(str(value) for value in row) for row in rows)


def test_a_password_typed_as_user_name_is_not_stored_anywhere_in_the_trail(database, people):
    with pytest.raises(users.WrongPasswordError, match="user name or password is not correct"):
        users.sign_in(database, TYPED_PASSWORD, "")
    trail = _all_text(database)
    assert TYPED_PASSWORD not in trail
    assert TYPED_PASSWORD.lower() not in trail.lower()
    with database.reading() as session:
        last = session.execute(select(AuditEntry.__table__)
                               .where(AuditEntry.action == "login_failed")
                               .order_by(AuditEntry.id.desc())).first()
    assert (last.user_name, last.entity_id) == ("(unknown user name)", "(unknown user name)")
    assert last.reason.startswith("unknown user name (tag ")


def test_the_tag_tells_repeated_names_apart_without_revealing_them(database, people):
    for typed in (TYPED_PASSWORD, TYPED_PASSWORD, "somebody-else"):
        with pytest.raises(users.WrongPasswordError):
            users.sign_in(database, typed, "whatever it is")
    with database.reading() as session:
        reasons = session.scalars(select(AuditEntry.reason).where(
            AuditEntry.action == "login_failed").order_by(AuditEntry.id)).all()
        tag = users.unknown_name_tag(session, TYPED_PASSWORD)
    tags = [reason.split("(tag ")[1][:users.UNKNOWN_TAG_DIGITS] for reason in reasons]
    assert tags[0] == tags[1] == tag  # the same name, the same tag ...
    assert len(tag) == users.UNKNOWN_TAG_DIGITS  # ... 16 bits: cannot confirm a guess
    assert tags[2] != tags[0]  # (these two differ; 1 pair in 65,536 would not)


def test_the_command_line_records_no_unknown_name_either(clinic, cli, tmp_path, secret):
    from database_fixtures import db_argument

    code, _out, err = cli("export", "--db", db_argument(clinic), "--out", tmp_path / "out",
                          "--user", TYPED_PASSWORD, "--password-file", secret)
    assert code == 1 and "not correct" in err
    assert TYPED_PASSWORD not in _all_text(clinic)


def test_a_known_name_with_a_wrong_password_is_still_named(database, people):
    # Attributing failed attempts to a real account is what the lock-out needs.
    with pytest.raises(users.WrongPasswordError):
        users.sign_in(database, "nurse", "not her password")
    with database.reading() as session:
        last = session.execute(select(AuditEntry.__table__)
                               .where(AuditEntry.action == "login_failed")
                               .order_by(AuditEntry.id.desc())).first()
    assert last.user_name == "nurse" and last.reason == "wrong password"
