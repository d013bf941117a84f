"""What the storage layer says once, in English, as Sentences (a site or an account change
refused, a database file missing, damaged or read-only, an import folder refused:
app.db.sites, app.db.site_code, app.db.users, app.db.backup_sentences,
app.db.opening_sentences, app.db.file_health_sentences, app.exports.import_sentences), in the
interface's language.

A sentence of one layer may sit inside another's (a damaged file's message inside the
unexpected-error box's): each template is looked up in the contexts given, in turn.
A plain text (a message no Sentence carries) is shown as it is."""

from __future__ import annotations

from app.domain.phrases import Joined, Phrase, Sentence
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


def account_refusal_words(text: str) -> str:
    """A user name, a password or an account change refused (app.domain.permissions,
    app.db.users)."""
    return said_in((terms.ACCOUNT_CHECK, terms.USERS_CHECK), text)


def backup_words(text: str) -> str:
    """A backup, a verification or a restore refused (app.db.backup_sentences), a database
    file's problem in it too."""
    return said_in((terms.BACKUP_CHECK, terms.OPENING_CHECK, terms.FILE_HEALTH), text)


def encryption_words(text: str) -> str:
    """A change of the database's encryption refused or failed (app.db.opening_sentences,
    app.db.encryption_setup), a backup's or a database file's sentence in it too."""
    return said_in((terms.ENCRYPTION_CHECK, terms.OPENING_CHECK, terms.BACKUP_CHECK,
                    terms.FILE_HEALTH), text)


def opening_words(text: str) -> str:
    """Why the database could not be opened (app.db.opening_sentences, a database file's
    problem: app.db.file_health_sentences)."""
    return said_in((terms.OPENING_CHECK, terms.FILE_HEALTH), text)


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
    return said_in((terms.ERROR, terms.FILE_HEALTH, terms.BACKUP_CHECK, terms.OPENING_CHECK),
                   text)
