"""Every permission rule, one row per (role, permission), and the account policies."""

from __future__ import annotations

import pytest

from app.domain.permissions import (
    DEMO_DATA_TASK,
    MIN_PASSWORD_LENGTH,
    Actor,
    NotSignedIn,
    PasswordPolicyError,
    Permission,
    PermissionDenied,
    Role,
    check_password_policy,
    password_problem,
    permissions_of,
    require,
    user_name_problem,
    validate_inactivity_minutes,
)

D, C, K, A = Role.DATA_ENTRY, Role.CLINICIAN, Role.COORDINATOR, Role.ADMINISTRATOR
P = Permission

# (permission, roles allowed) — the rules written out in full.
RULES = [
    (P.VIEW_DATA, {D, C, K, A}),
    (P.ENTER_DATA, {D, C, K, A}),
    (P.SIGN_VISIT, {C}),
    (P.UNLOCK_VISIT, {C, A}),
    (P.EXPORT_DEIDENTIFIED, {C, K, A}),
    (P.EXPORT_IDENTIFIED, {K}),
    (P.VIEW_AUDIT, {C, K, A}),
    # Issue 14: import by coordinators and administrators; restore and the database
    # encryption by administrators only.
    (P.IMPORT_DATA, {K, A}),
    (P.BACKUP, {K, A}),
    (P.RESTORE, {A}),
    (P.MANAGE_ENCRYPTION, {A}),
    (P.MANAGE_USERS, {A}),
    (P.CHANGE_SETTINGS, {A}),
]


def test_every_permission_has_a_rule() -> None:
    assert {p for p, _ in RULES} == set(Permission)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize(("permission", "allowed"), RULES)
def test_role_permission_table(role: Role, permission: Permission, allowed: set[Role]) -> None:
    actor = Actor("u", "User Name", role)
    assert actor.may(permission) is (role in allowed)
    assert (permission in permissions_of(role)) is (role in allowed)
    if role in allowed:
        require(actor, permission)
    else:
        with pytest.raises(PermissionDenied) as caught:
            require(actor, permission)
        assert "User Name" in str(caught.value)
        assert caught.value.permission is permission


def test_denied_message_is_plain() -> None:
    with pytest.raises(PermissionDenied, match="Data entry, which may not sign a visit"):
        require(Actor("nurse", "Nora Nurse", "data_entry"), "sign_visit")


def test_nobody_signed_in_is_refused() -> None:
    with pytest.raises(NotSignedIn, match="Nobody is signed in"):
        require(None, Permission.ENTER_DATA)


def test_a_system_task_holds_only_its_own_permissions() -> None:
    # Demo data on a new file may enter data and set that file's site code (a demo site
    # exports like a clinic), and nothing else: not export, not sign, not manage users.
    own = {Permission.ENTER_DATA, Permission.CHANGE_SETTINGS}
    for permission in own:
        require(DEMO_DATA_TASK, permission)
    for permission in set(Permission) - own:
        with pytest.raises(PermissionDenied, match="a person must sign in"):
            require(DEMO_DATA_TASK, permission)


def test_actor_role_parsed_and_unknown_refused() -> None:
    assert Actor("a", "", "clinician").role is Role.CLINICIAN
    assert Actor("a", "", "clinician").printed_name == "a"
    with pytest.raises(ValueError, match="Unknown role"):
        Actor("a", "", "superuser")


def test_password_policy_minimum_length_is_ten() -> None:
    assert MIN_PASSWORD_LENGTH == 10
    assert password_problem("x" * 9) is not None
    assert password_problem("x" * 10) is None
    assert password_problem(" " * 12) == "The password cannot be only spaces."
    assert password_problem("Dr.Ramirez1", user_name="dr.ramirez1") is not None
    with pytest.raises(PasswordPolicyError, match="at least 10"):
        check_password_policy("short")


def test_user_name_rules() -> None:
    assert user_name_problem("") is not None
    assert user_name_problem("two words") is not None
    assert user_name_problem("x" * 65) is not None
    assert user_name_problem("nurse.jones") is None


@pytest.mark.parametrize(("value", "expected"), [(10, 10), ("5", 5), (" 240 ", 240), (1, 1)])
def test_inactivity_minutes_valid(value: object, expected: int) -> None:
    assert validate_inactivity_minutes(value) == expected


@pytest.mark.parametrize("value", [0, 241, -3, "ten", True, "1.5", None])
def test_inactivity_minutes_invalid(value: object) -> None:
    with pytest.raises(ValueError):
        validate_inactivity_minutes(value)
