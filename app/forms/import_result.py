"""What an import did, or why it was refused, in the interface's language: the window's
own words for the summary and the refusal (counts with Qt's plural forms, file, row and
column), each file's reason from app.exports.import_sentences. The command line prints
the English (ImportSummary.describe, ImportRejected's message)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.phrases import Phrase, Sentence, phrase
from app.exports import import_sentences as said
from app.exports.import_files import ImportProblem, ImportRejected
from app.exports.importing import ImportSummary
from app.forms.refusal_words import import_words

LISTED = 50  # problems listed under the first, as ImportRejected lists them


def _fill(template: str, *values: str) -> str:
    # in one pass: a file's name holding "%2" is never filled in again
    return str(phrase(template, *values))


class ImportResult(QObject):
    """The words (a QObject for tr(): lupdate reads plural forms only from tr calls)."""

    def summary(self, summary: ImportSummary) -> str:
        # %Ln: counted with the language's digit grouping, like the status bar's count
        return " ".join((
            self.tr("Imported %Ln new patient(s);", "", len(summary.added)),
            self.tr("%Ln already present with identical data.", "",
                    len(summary.already_present))))

    def problem(self, problem: ImportProblem) -> str:
        where = problem.file
        if problem.row is not None:
            where = _fill(self.tr("%1, row %2"), where, str(problem.row))
        if problem.column:
            where = _fill(self.tr("%1, column %2"), where, problem.column)
        return _fill(self.tr("%1: %2"), where, self.reason(problem.reason))

    def reason(self, reason: str) -> str:
        """One problem's reason; rows counted with the plural forms."""
        found = reason.phrase if isinstance(reason, Sentence) else None
        if isinstance(found, Phrase) and found.template == said.CONFLICTING_ROWS:
            study_id, stored, in_file = (str(v) for v in found.values)
            return _fill(self.tr("conflict: patient %1 is already in the database with %2, "
                                 "the file has %3; nothing was overwritten"),
                         study_id, self.tr("%n row(s)", "", int(stored)), in_file)
        return import_words(reason)

    def rejection(self, rejected: ImportRejected) -> str:
        """The refusal: its first problem on the first line, the others under it."""
        problems = rejected.problems
        first = _fill(self.tr("The import was rejected; nothing was changed: %1"),
                      self.problem(problems[0]))
        if len(problems) > 1:
            first += " " + self.tr("(and %n more problem(s))", "", len(problems) - 1)
        lines = [first, *("  " + self.problem(p) for p in problems[1:LISTED])]
        if len(problems) > LISTED:
            lines.append("  " + self.tr("… and %n more", "", len(problems) - LISTED))
        return "\n".join(lines)


def summary_words(summary: ImportSummary) -> str:
    return ImportResult().summary(summary)


def rejection_words(rejected: ImportRejected) -> str:
    return ImportResult().rejection(rejected)


def import_result_box(parent: QWidget | None, title: str, text: str, *,
                      ok: bool) -> QMessageBox:
    """The first line said, the whole text under Show Details."""
    box = QMessageBox(QMessageBox.Information if ok else QMessageBox.Warning, title,
                      text.splitlines()[0], QMessageBox.Ok, parent)
    if "\n" in text:
        box.setDetailedText(text)
    return box
