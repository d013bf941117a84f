"""What an import did, or why it was refused, in the interface's language: the window's
own words for the summary and the refusal (counts with Qt's plural forms, file, row and
column), each file's reason from app.exports.import_sentences. The command line prints
the English (ImportSummary.describe, ImportRejected's message)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.phrases import phrase
from app.exports.import_files import ImportProblem, ImportRejected
from app.exports.importing import ImportSummary
from app.forms.refusal_words import import_words

LISTED = 50  # problems listed under the first, as ImportRejected lists them
translate = QCoreApplication.translate


def _fill(template: str, *values: str) -> str:
    # in one pass: a file's name holding "%2" is never filled in again
    return str(phrase(template, *values))


def summary_words(summary: ImportSummary) -> str:
    return " ".join((
        translate("ImportResult", "Imported %n new patient(s);", "", len(summary.added)),
        translate("ImportResult", "%n already present with identical data.", "",
                  len(summary.already_present))))


def problem_words(problem: ImportProblem) -> str:
    where = problem.file
    if problem.row is not None:
        where = _fill(translate("ImportResult", "%1, row %2"), where, str(problem.row))
    if problem.column:
        where = _fill(translate("ImportResult", "%1, column %2"), where, problem.column)
    return _fill(translate("ImportResult", "%1: %2"), where, import_words(problem.reason))


def rejection_words(rejected: ImportRejected) -> str:
    """The refusal: its first problem on the first line, the others under it."""
    problems = rejected.problems
    first = _fill(translate("ImportResult", "The import was rejected; nothing was changed: %1"),
                  problem_words(problems[0]))
    if len(problems) > 1:
        first += " " + translate("ImportResult", "(and %n more problem(s))", "",
                                 len(problems) - 1)
    lines = [first, *("  " + problem_words(p) for p in problems[1:LISTED])]
    if len(problems) > LISTED:
        lines.append("  " + translate("ImportResult", "… and %n more", "",
                                      len(problems) - LISTED))
    return "\n".join(lines)


def import_result_box(parent: QWidget | None, title: str, text: str, *,
                      ok: bool) -> QMessageBox:
    """The first line said, the whole text under Show Details."""
    box = QMessageBox(QMessageBox.Information if ok else QMessageBox.Warning, title,
                      text.splitlines()[0], QMessageBox.Ok, parent)
    if "\n" in text:
        box.setDetailedText(text)
    return box
