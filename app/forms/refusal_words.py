"""What the storage layer says once, in English, as Sentences (a site or an account change
refused, a database file missing, damaged or read-only, a database that cannot be opened, an
import folder refused, a backup refused, an action refused for the person's role, a
setting's value or a role refused: app.db.sites, app.db.site_code, app.db.users,
app.db.backup_sentences, app.db.file_health_sentences, app.db.opening_sentences,
app.exports.import_sentences, app.domain.permissions), in the
interface's language.

A sentence of one layer may sit inside another's (a damaged file's message inside the
unexpected-error box's): each template is looked up in the contexts given, in turn.
A plain text (a message no Sentence carries) is shown as it is."""

from __future__ import annotations

from app.domain.phrases import Joined, Phrase, Sentence, said_by
from app.forms import terms


def said_in(contexts: tuple[str, ...], text: str) -> str:
    from app.forms.numbers import number_words

    found = text.phrase if isinstance(text, Sentence) else text
    if not isinstance(found, Phrase | Joined):
        return text

    def template_words(template: str) -> str:
        for context in contexts:
            words = terms.term(context, template)
            if words != template:
                return words
        return template

    # the values are a path, a count, what a file or a person wrote: as they are
    return found.words(template_words, lambda value: value, number_words)


def site_words(text: str) -> str:
    """A site list refusal (app.db.sites)."""
    return said_in((terms.SITE_CHECK,), text)


# An account's, a sign-in's and a permission's refusals may meet in one window (the user
# accounts window refuses a change for the role as well as for the name).
# An unknown role (app.domain.permissions.parse_role) is refused there too.
_ACCESS = (terms.ACCOUNT_CHECK, terms.USERS_CHECK, terms.ACCESS_CHECK, terms.ROLE,
           terms.SETTINGS_ROLES)


def settings_words(text: str) -> str:
    """A setting's value refused (app.domain.permissions: the automatic lock's minutes); the
    settings' other refusals are written in the interface's words already."""
    return said_in((terms.SETTINGS_ROLES,), text)


def account_refusal_words(text: str) -> str:
    """A user name, a password or an account change refused (app.domain.permissions,
    app.db.users)."""
    return said_in(_ACCESS, text)


def access_words(error: BaseException) -> str:
    """An action refused for lack of a person, an account or a role, a sign-in, a screen
    unlock or a signature refused (app.domain.permissions AccessRefused, app.db.users
    AccountError), from the Sentence the error carries."""
    return said_in(_ACCESS, said_by(error))


def opening_words(error: BaseException) -> str:
    """Why the database cannot be opened at start (app.db.opening DatabaseOpenError), a
    file's problem inside it too."""
    return said_in((terms.OPENING, terms.FILE_HEALTH), said_by(error))


def backup_words(text: str) -> str:
    """A backup, a verification or a restore refused (app.db.backup_sentences), a database
    file's problem in it too."""
    return said_in((terms.BACKUP_CHECK, terms.OPENING, terms.FILE_HEALTH), text)


def encryption_words(text: str) -> str:
    """A change of the database's encryption refused or failed (app.db.opening_sentences,
    app.db.encryption_setup), a backup's or a database file's sentence in it too."""
    return said_in((terms.ENCRYPTION_CHECK, terms.OPENING, terms.BACKUP_CHECK,
                    terms.FILE_HEALTH), text)


def file_words(text: str) -> str:
    """A database file's or a disk's problem (app.db.file_health)."""
    return said_in((terms.FILE_HEALTH,), text)


def import_words(text: str) -> str:
    """Why an import was refused, one file's, row's or record's reason
    (app.exports.import_sentences)."""
    return said_in((terms.IMPORT_CHECK,), text)


def error_words(text: str) -> str:
    """The unexpected-error box's message (app.logs.error_message), a storage problem in
    it too."""
    return said_in((terms.ERROR, terms.FILE_HEALTH, terms.BACKUP_CHECK, terms.OPENING),
                   text)
