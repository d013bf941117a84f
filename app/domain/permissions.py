"""Who may do what: roles, the permission each action needs, and the account policies.

Pure data and checks, no storage: ``app.db`` services call ``require(actor, ...)`` before
changing anything, so a hidden button is never the only guard: each action is
permission-checked in the service layer.

Roles: data entry; clinician (may sign); coordinator (may export identified
data, import and back up); administrator (manages users and settings, restores backups,
changes the database encryption). Each role includes what the roles "below" it may do
for everyday data work, except that signing stays with clinicians: an administrator or
coordinator does not sign visits unless they hold the clinician role.

Who acts is a person (``Actor``, an account of the database) or, only where there is
genuinely no person, a ``SystemTask`` that names its purpose and holds only the
permissions that purpose needs (adding demo data to a new, empty database). There is
no actor that may do everything, and no actor at all may do nothing permission-gated.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.phrases import Number, Phrase, Sentence, phrase, sentence


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
    IMPORT_DATA = "import_data"
    BACKUP = "backup"
    RESTORE = "restore"
    MANAGE_ENCRYPTION = "manage_encryption"
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
    Permission.VIEW_AUDIT: "view or check the audit trail",
    Permission.IMPORT_DATA: "import data from another jdm-ctp export",
    Permission.BACKUP: "back up the database",
    Permission.RESTORE: "restore the database from a backup",
    Permission.MANAGE_ENCRYPTION: "encrypt, decrypt or re-key the database",
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
        Permission.IMPORT_DATA,
        Permission.BACKUP,
    },
    Role.ADMINISTRATOR: _EVERYONE
    | {
        Permission.EXPORT_DEIDENTIFIED,
        Permission.VIEW_AUDIT,
        Permission.IMPORT_DATA,
        Permission.BACKUP,
        # Replacing the whole database, or how it is stored, is an administrator's act.
        Permission.RESTORE,
        Permission.MANAGE_ENCRYPTION,
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


class AccessRefused(PermissionError):
    """Base of every refusal for lack of a person, an account or a role (plain words)."""


# The refusals' sentences (app/forms/terms.py lists them with PERMISSION_ACTIONS: the
# desktop application says them in the interface's language, the command line in these
# words). A user name is a value; an action and a role are phrases of their own.
NOT_SIGNED_IN = "Nobody is signed in; sign in to %1."
ACCOUNT_GONE = "The account %1 no longer exists, so it may not %2. Nothing was changed."
ACCOUNT_DEACTIVATED = ("The account %1 has been deactivated by an administrator, so it may "
                       "not %2. Nothing was changed.")
TASK_MAY_NOT = "%1 may not %2; a person must sign in to do that."
ROLE_MAY_NOT = "%1 is signed in as %2, which may not %3. Ask a user with the right role."
ACCESS_SENTENCES = (NOT_SIGNED_IN, ACCOUNT_GONE, ACCOUNT_DEACTIVATED, TASK_MAY_NOT, ROLE_MAY_NOT)


def _action(permission: Permission) -> Phrase:
    return phrase(PERMISSION_ACTIONS[permission])


class NotSignedIn(AccessRefused):
    """Nobody is signed in: permission-gated work needs a person (or a named system task)."""

    def __init__(self, permission: Permission) -> None:
        super().__init__(sentence(NOT_SIGNED_IN, _action(permission)))
        self.permission = permission


class AccountNotActive(AccessRefused):
    """The account was deactivated or removed since its holder signed in."""

    def __init__(self, user_name: str, permission: Permission, *, missing: bool = False) -> None:
        super().__init__(sentence(ACCOUNT_GONE if missing else ACCOUNT_DEACTIVATED, user_name,
                                  _action(permission)))
        self.user_name = user_name
        self.permission = permission


class PermissionDenied(AccessRefused):
    """The signed-in person's role does not allow the action; the message says so plainly."""

    def __init__(self, actor: Actor | SystemTask, permission: Permission) -> None:
        if isinstance(actor, SystemTask):
            text = sentence(TASK_MAY_NOT, actor.user_name, _action(permission))
        else:
            role = ROLE_LABELS.get(actor.role)
            text = sentence(ROLE_MAY_NOT, actor.display_name or actor.user_name,
                            phrase(role) if role is not None else str(actor.role),
                            _action(permission))
        super().__init__(text)
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


@dataclass(frozen=True)
class SystemTask:
    """Work that genuinely has no person behind it, named by its purpose.

    It holds only the permissions listed for it; it is never stored as an account and
    cannot sign, so it can never stand in for a person. ``user_name`` is what the audit
    trail records for it.
    """

    purpose: str
    permissions: frozenset[Permission]

    @property
    def user_name(self) -> str:
        return f"jdm-ctp ({self.purpose})"

    @property
    def display_name(self) -> str:
        return self.user_name

    @property
    def printed_name(self) -> str:
        return self.user_name

    def may(self, permission: Permission | str) -> bool:
        needed = Permission(permission)
        # A signature is a person re-entering their password; no task ever signs.
        return needed in self.permissions and needed is not Permission.SIGN_VISIT


def system_task(purpose: str, *permissions: Permission) -> SystemTask:
    return SystemTask(purpose, frozenset(permissions))


# The system tasks of the application itself. Synthetic children added to a database
# that has no accounts and no patients yet (``jdm-ctp demo-data`` on a new file).
# A new demo database also gets its site code (``demo-data --site-code``), so it exports.
DEMO_DATA_TASK = system_task("demo data on a new database", Permission.ENTER_DATA,
                             Permission.CHANGE_SETTINGS)
# The desktop application's own safety copies (daily and on exit), whoever is signed in:
# they leave the computer only as the database itself does.
AUTOMATIC_BACKUP_TASK = system_task("automatic backup", Permission.BACKUP)


# The settings' and the roles' refusals (app/forms/terms.py lists them: the Settings and
# the user accounts windows say them in the interface's language; str() and the log in these
# words). A role's code and the minutes' limits are values.
UNKNOWN_ROLE = "Unknown role %1; choose one of: %2."
MINUTES_NOT_WHOLE = "The inactivity time must be a whole number of minutes."
MINUTES_OUT_OF_RANGE = "The inactivity time must be between %1 and %2 minutes."
SETTINGS_ROLE_SENTENCES = (UNKNOWN_ROLE, MINUTES_NOT_WHOLE, MINUTES_OUT_OF_RANGE)


def parse_role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise ValueError(sentence(UNKNOWN_ROLE, repr(value), choices)) from None


def permissions_of(role: Role | str) -> frozenset[Permission]:
    return ROLE_PERMISSIONS[parse_role(role)]


def require(actor: Actor | SystemTask | None, permission: Permission | str) -> None:
    """Raise PermissionDenied unless ``actor`` holds ``permission`` (no actor: NotSignedIn).

    This checks the role the actor object carries; the services check the account's
    *current* role and active flag in the database (``app.db.access``)."""
    needed = Permission(permission)
    if actor is None:
        raise NotSignedIn(needed)
    if not actor.may(needed):
        raise PermissionDenied(actor, needed)


# The account checks' sentences (app/forms/terms.py lists them: the sign-in and user
# windows say them in the interface's language; the command line in these words).
PASSWORD_TOO_SHORT = "The password must be at least %1 characters long."
PASSWORD_TOO_LONG = "The password must be at most %1 characters long."
PASSWORD_SPACES = "The password cannot be only spaces."
PASSWORD_IS_USER_NAME = "The password cannot be the same as the user name."
USER_NAME_REQUIRED = "A user name is required."
USER_NAME_TOO_LONG = "The user name must be at most %1 characters long."
USER_NAME_SPACES = "The user name cannot contain spaces."
USER_NAME_UNPRINTABLE = "The user name contains characters that cannot be printed."
ACCOUNT_SENTENCES = (PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_SPACES,
                     PASSWORD_IS_USER_NAME, USER_NAME_REQUIRED, USER_NAME_TOO_LONG,
                     USER_NAME_SPACES, USER_NAME_UNPRINTABLE)


def password_problem(password: str, *, user_name: str = "") -> Sentence | None:
    """Why a new password is not acceptable (a Sentence: its English, and its phrase for
    the interface), or None.

    Policy: at least MIN_PASSWORD_LENGTH (10) characters, not only spaces, and not the
    user name itself. Length beats character-class rules (NIST SP 800-63B §5.1.1.2).
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        return sentence(PASSWORD_TOO_SHORT, Number(str(MIN_PASSWORD_LENGTH)))
    if len(password) > MAX_PASSWORD_LENGTH:
        return sentence(PASSWORD_TOO_LONG, Number(str(MAX_PASSWORD_LENGTH)))
    if not password.strip():
        return sentence(PASSWORD_SPACES)
    if user_name and password.strip().casefold() == user_name.strip().casefold():
        return sentence(PASSWORD_IS_USER_NAME)
    return None


def check_password_policy(password: str, *, user_name: str = "") -> None:
    problem = password_problem(password, user_name=user_name)
    if problem is not None:
        raise PasswordPolicyError(problem)


def user_name_problem(user_name: str) -> Sentence | None:
    name = user_name.strip()
    if not name:
        return sentence(USER_NAME_REQUIRED)
    if len(name) > USER_NAME_MAX:
        return sentence(USER_NAME_TOO_LONG, Number(str(USER_NAME_MAX)))
    if any(ch.isspace() for ch in name):
        return sentence(USER_NAME_SPACES)
    if not name.isprintable():
        return sentence(USER_NAME_UNPRINTABLE)
    return None


def validate_inactivity_minutes(value: object) -> int:
    """Minutes of inactivity before the window locks (1-240, default 10)."""
    if isinstance(value, bool):
        raise ValueError(sentence(MINUTES_NOT_WHOLE))
    try:
        minutes = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise ValueError(sentence(MINUTES_NOT_WHOLE)) from None
    if not MIN_INACTIVITY_MINUTES <= minutes <= MAX_INACTIVITY_MINUTES:
        raise ValueError(sentence(MINUTES_OUT_OF_RANGE, Number(str(MIN_INACTIVITY_MINUTES)),
                                  Number(str(MAX_INACTIVITY_MINUTES))))
    return minutes
