"""The installation's site code: set once by an administrator (audited), it names the site
every exported record comes from.

Why one code per installation and not the clinic-site list (app.db.sites): the data
dictionary must be identical for every database with the same plans (issue 17), so the
exported site field cannot be a list of choices read from one database. It is a text field
holding this code: the record id's prefix (``SITE-studyid``, so two clinics' ``DEMO-00001``
never collide) and, in lower case, the REDCap data access group. A pooled database holds
each record's own site code instead (``Patient.site_code``, app.exports.pooling).

The installation id is random, made with the first code: it tells two installations that
chose the same code apart when a coordinator pools their exports.
"""

from __future__ import annotations

import re
import uuid

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from app.db import audit, write_lock
from app.db.access import require_permission
from app.db.models import AuditEntry, InstallationSetting
from app.domain.errors import InputError
from app.domain.permissions import Permission
from app.domain.phrases import Number, sentence

SITE_CODE_KEY = "site_code"
INSTALLATION_ID_KEY = "installation_id"
# A coordinator's pooled database (app.exports.pooling) holds other sites' records only.
MODE_KEY = "database_mode"
POOLED = "pooled"
AUDIT_ENTITY = "site_code"
MAX_LENGTH = 10
# Capital letters and digits, starting with a letter: readable in a record id, and its lower
# case is a valid REDCap data access group name (letters, digits, underscores).
_CODE = re.compile(rf"[A-Z][A-Z0-9]{{1,{MAX_LENGTH - 1}}}")
HOW_TO_SET = ("An administrator sets it once with `jdm-ctp site-code set CODE` or in the "
              "application under Tools → Site code.")
# The site code's refusals (app/forms/terms.py lists them: the Site code window says them
# in the interface's language, the command line in these words). A code is a value.
NOT_A_CODE = ("A site code is 2 to %1 letters and digits, starting with a letter (for example "
              "TOR or SICK2).")
POOLED_KEEPS_CODES = ("This is a coordinator's pooled database: its records keep the site "
                      "codes they arrived with.")
CHANGE_SPLITS = ("%1 exports already name this site %2; records exported as %3 will not match "
                 "them at the coordinator. Confirm the change if that is intended.")
SITE_CODE_SENTENCES = (NOT_A_CODE, POOLED_KEEPS_CODES, CHANGE_SPLITS)


class SiteCodeChangeNeedsConfirmation(InputError):
    """Exports already carry the old code: changing it splits the site's records in two
    at the coordinator unless that is what is wanted."""


class SiteCodeMissing(RuntimeError):
    """An export needs the installation's site code and none is set."""

    def __init__(self) -> None:
        super().__init__("This installation has no site code yet, and every exported record "
                         "id starts with it. " + HOW_TO_SET)


def validate_site_code(text: str) -> str:
    """The code as stored (capitals), or InputError saying what a code looks like."""
    code = (text or "").strip().upper()
    if not _CODE.fullmatch(code):
        raise InputError("site_code", sentence(NOT_A_CODE, Number(str(MAX_LENGTH))))
    return code


def _setting(source: Session | Connection, key: str) -> str | None:
    query = select(InstallationSetting.value).where(InstallationSetting.key == key)
    return source.execute(query).scalar_one_or_none()


def site_code(source: Session | Connection) -> str | None:
    """The installation's site code, None until an administrator sets it."""
    return _setting(source, SITE_CODE_KEY)


def installation_id(source: Session | Connection) -> str | None:
    return _setting(source, INSTALLATION_ID_KEY)


def is_pooled(source: Session | Connection) -> bool:
    return _setting(source, MODE_KEY) == POOLED


def exports_made(session: Session) -> int:
    """How many exports the audit trail records."""
    return len(session.scalars(select(AuditEntry.id).where(
        AuditEntry.action == "export", AuditEntry.entity == "export")).all())


def _put(session: Session, key: str, value: str) -> None:
    row = session.get(InstallationSetting, key)
    if row is None:
        session.add(InstallationSetting(key=key, value=value))
    else:
        row.value = value


def set_site_code(session: Session, text: str, *, user: str,
                  confirm_change: bool = False) -> str:
    """Set the installation's site code (administrators: the settings permission).

    Setting the same code again changes nothing. Changing a code after exports were made
    is refused (SiteCodeChangeNeedsConfirmation) unless ``confirm_change``; either way the
    change is audited with the old and the new code."""
    require_permission(session, Permission.CHANGE_SETTINGS)
    write_lock.hold(session)
    code = validate_site_code(text)
    if is_pooled(session):
        raise InputError("site_code", sentence(POOLED_KEEPS_CODES))
    old = site_code(session)
    if old == code:
        return code
    made = exports_made(session) if old is not None else 0
    if made and not confirm_change:
        raise SiteCodeChangeNeedsConfirmation(
            "site_code", sentence(CHANGE_SPLITS, Number(str(made)), old, code))
    _put(session, SITE_CODE_KEY, code)
    if installation_id(session) is None:
        _put(session, INSTALLATION_ID_KEY, str(uuid.uuid4()))
    audit.record(session, user=user, action="create" if old is None else "update",
                 entity=AUDIT_ENTITY, entity_id=code, old=old, new=code,
                 reason=(f"changed after {made} exports, confirmed" if made else None))
    session.flush()
    return code


def make_pooled(session: Session, *, user: str) -> None:
    """Mark an empty database as a coordinator's pooled database (app.exports.pooling)."""
    if is_pooled(session):
        return
    write_lock.hold(session)
    _put(session, MODE_KEY, POOLED)
    _put(session, INSTALLATION_ID_KEY, installation_id(session) or str(uuid.uuid4()))
    audit.record(session, user=user, action="create", entity=AUDIT_ENTITY,
                 entity_id=POOLED, new={"database_mode": POOLED},
                 reason="coordinator's pooled database")


__all__ = ["HOW_TO_SET", "SiteCodeChangeNeedsConfirmation", "SiteCodeMissing",
           "installation_id", "is_pooled", "make_pooled", "set_site_code", "site_code",
           "validate_site_code"]
