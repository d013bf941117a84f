"""Who may do what: roles, the permission each action needs, and the account policies.

Pure data and checks, no storage: ``app.db`` services call ``require(actor, ...)`` before
changing anything, so a hidden button is never the only guard (issue 6, "Access":
"each action is permission-checked in the service layer").

Roles (issue 6): data entry; clinician (may sign); coordinator (may export identified
data); administrator (manages users and settings). Each role includes what the roles
"below" it may do for everyday data work, except that signing stays with clinicians:
an administrator or coordinator does not sign visits unless they hold the clinician role.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    DATA_ENTRY = "data_entry"
    CLINICIAN = "clinician"
    COORDINATOR = "coordinator"
    ADMINISTRATOR = "administrator"


ROLE_LABELS: dict[Role, str] = {
    Role.DATA_ENTRY: "Data entry",
    Role.CLINICIAN: "Clinician (may sign visits)",
    Role.COORDINATOR: "Study coordinator (may export identified data)",
    Role.ADMINISTRATOR: "Administrator (manages users and settings)",
}


class Permission(StrEnum):
    VIEW_DATA = "view_data"
    ENTER_DATA = "enter_data"
    SIGN_VISIT = "sign_visit"
    UNLOCK_VISIT = "unlock_visit"
    EXPORT_DEIDENTIFIED = "export_deidentified"
    EXPORT_IDENTIFIED = "export_identified"
    VIEW_AUDIT = "view_audit"
    BACKUP_RESTORE = "backup_restore"
    MANAGE_USERS = "manage_users"
    CHANGE_SETTINGS = "change_settings"


# What a person is told they were trying to do, in the clinic's words.
PERMISSION_ACTIONS: dict[Permission, str] = {
    Permission.VIEW_DATA: "view patient data",
    Permission.ENTER_DATA: "enter or change clinical data",
    Permission.SIGN_VISIT: "sign a visit",
    Permission.UNLOCK_VISIT: "unlock a signed visit",
    Permission.EXPORT_DEIDENTIFIED: "export de-identified data",
    Permission.EXPORT_IDENTIFIED: "export identified data (names, MRN, dates of birth)",
    Permission.VIEW_AUDIT: "view the audit trail",
    Permission.BACKUP_RESTORE: "back up or restore the database",
    Permission.MANAGE_USERS: "manage user accounts",
    Permission.CHANGE_SETTINGS: "change the application settings",
}

_EVERYONE = frozenset({Permission.VIEW_DATA, Permission.ENTER_DATA})

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.DATA_ENTRY: _EVERYONE,
    Role.CLINICIAN: _EVERYONE
    | {
        Permission.SIGN_VISIT,
        Permission.UNLOCK_VISIT,
        Permission.EXPORT_DEIDENTIFIED,
        Permission.VIEW_AUDIT,
    },
    Role.COORDINATOR: _EVERYONE
    | {
        Permission.EXPORT_DEIDENTIFIED,
        Permission.EXPORT_IDENTIFIED,
        Permission.VIEW_AUDIT,
        Permission.BACKUP_RESTORE,
    },
    Role.ADMINISTRATOR: _EVERYONE
    | {
        Permission.EXPORT_DEIDENTIFIED,
        Permission.VIEW_AUDIT,
        Permission.BACKUP_RESTORE,
        Permission.MANAGE_USERS,
        Permission.CHANGE_SETTINGS,
        # An administrator may unlock (with a reason, audited) but not sign.
        Permission.UNLOCK_VISIT,
    },
}

# Account policies. Stated here once so dialogs, services and tests agree.
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024  # argon2 accepts more; this only stops absurd pastes
MAX_FAILED_LOGINS = 5  # the 5th wrong password in a row locks the account
LOCKOUT_MINUTES = 15
DEFAULT_INACTIVITY_MINUTES = 10
MIN_INACTIVITY_MINUTES = 1
MAX_INACTIVITY_MINUTES = 240

USER_NAME_MAX = 64


class PermissionDenied(PermissionError):
    """The signed-in person's role does not allow the action; the message says so plainly."""

    def __init__(self, actor: Actor, permission: Permission) -> None:
        role = ROLE_LABELS.get(actor.role, str(actor.role))
        super().__init__(
            f"{actor.display_name or actor.user_name} is signed in as {role}, which may not "
            f"{PERMISSION_ACTIONS[permission]}. Ask a user with the right role."
        )
        self.actor = actor
        self.permission = permission


class PasswordPolicyError(ValueError):
    pass


@dataclass(frozen=True)
class Actor:
    """The person doing something: who the services audit and check permissions for."""

    user_name: str
    display_name: str
    role: Role

    def __post_init__(self) -> None:
        object.__setattr__(self, "role", parse_role(self.role))

    def may(self, permission: Permission | str) -> bool:
        return Permission(permission) in ROLE_PERMISSIONS[self.role]

    @property
    def printed_name(self) -> str:
        """Name as printed under a signature: display name, else the user name."""
        return self.display_name.strip() or self.user_name


def parse_role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise ValueError(f"Unknown role {value!r}; choose one of: {choices}.") from None


def permissions_of(role: Role | str) -> frozenset[Permission]:
    return ROLE_PERMISSIONS[parse_role(role)]


def require(actor: Actor | None, permission: Permission | str) -> None:
    """Raise PermissionDenied unless ``actor`` holds ``permission`` (no actor: nobody signed in)."""
    needed = Permission(permission)
    if actor is None:
        raise PermissionError(
            f"Nobody is signed in; sign in to {PERMISSION_ACTIONS[needed]}."
        )
    if not actor.may(needed):
        raise PermissionDenied(actor, needed)


def password_problem(password: str, *, user_name: str = "") -> str | None:
    """Why a new password is not acceptable, or None.

    Policy: at least MIN_PASSWORD_LENGTH (10) characters, not only spaces, and not the
    user name itself. Length beats character-class rules (NIST SP 800-63B §5.1.1.2).
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"The password must be at least {MIN_PASSWORD_LENGTH} characters long."
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"The password must be at most {MAX_PASSWORD_LENGTH} characters long."
    if not password.strip():
        return "The password cannot be only spaces."
    if user_name and password.strip().casefold() == user_name.strip().casefold():
        return "The password cannot be the same as the user name."
    return None


def check_password_policy(password: str, *, user_name: str = "") -> None:
    problem = password_problem(password, user_name=user_name)
    if problem is not None:
        raise PasswordPolicyError(problem)


def user_name_problem(user_name: str) -> str | None:
    name = user_name.strip()
    if not name:
        return "A user name is required."
    if len(name) > USER_NAME_MAX:
        return f"The user name must be at most {USER_NAME_MAX} characters long."
    if any(ch.isspace() for ch in name):
        return "The user name cannot contain spaces."
    if not name.isprintable():
        return "The user name contains characters that cannot be printed."
    return None


def validate_inactivity_minutes(value: object) -> int:
    """Minutes of inactivity before the window locks (1-240, default 10)."""
    if isinstance(value, bool):
        raise ValueError("The inactivity time must be a whole number of minutes.")
    try:
        minutes = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise ValueError("The inactivity time must be a whole number of minutes.") from None
    if not MIN_INACTIVITY_MINUTES <= minutes <= MAX_INACTIVITY_MINUTES:
        raise ValueError(
            f"The inactivity time must be between {MIN_INACTIVITY_MINUTES} and "
            f"{MAX_INACTIVITY_MINUTES} minutes."
        )
    return minutes
