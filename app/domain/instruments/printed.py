"""What an instrument puts on the printed documents, as plain data: its rows of the visit
summary's outcome table, its findings line, and its blocks of the blank worksheet. The PDF
writers (``app.reports``) lay these out; they know no instrument.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.phrases import Joined, Phrase, Sentence, joined, phrase

# A finding's sentences (Sentences: their English as always printed, their French through
# app/forms/terms.py, context "Instrument finding"): the parts an instrument's own
# templates share.
ENDED = "%1."
ANSWERED = "%1: %2"
ANSWERED_CHANGE = "%1: %2 (%3)"
PARTS = "; "
FINDING_SENTENCES = (ENDED, ANSWERED, ANSWERED_CHANGE, PARTS)


def ended(parts: list[str | Phrase | Joined]) -> Sentence:
    """Parts joined with "; " and a full stop ("Calcinosis: mild; Lipoatrophy: absent.")."""
    return Sentence(phrase(ENDED, joined(PARTS, parts)))


def fmt_num(value: float | int | None, places: int = 2) -> str:
    """A number as printed: ``places`` decimals, trailing zeros dropped; "—" for None."""
    if value is None:
        return "—"
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


@dataclass(frozen=True)
class OutcomeRow:
    """One line of the visit summary's outcome table: this visit, baseline and the change
    (this visit - baseline), numbers written with ``places`` decimals (the change with
    ``change_places``); ``out_of`` follows the value ("38 / 52")."""

    label: str
    now: float | None
    baseline: float | None
    places: int = 1
    change_places: int = 1
    out_of: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Finding:
    """A line of observations (skin, MRI, vital signs ...); ``heading`` None: printed under
    "Other findings". ``text`` a Sentence: its English as always printed, its phrase for
    the document's language."""

    text: str
    heading: str | None = None


@dataclass(frozen=True)
class Boxes:
    """Tick boxes, one per option: one per line, or ``across`` side by side."""

    options: tuple[str, ...]
    across: bool = False


Cell = str | Boxes


@dataclass(frozen=True)
class PaperGrid:
    """A table of the worksheet: header, rows of cells, column widths as fractions of the
    page width. ``title_boxes`` are printed after the title (e.g. the MMT8 variant)."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]
    new_page: bool = False
    row_height_mm: float | None = None
    title_boxes: Boxes | None = None


@dataclass(frozen=True)
class PaperVas:
    """A 10 cm line printed at true length, with its end anchors."""

    label: str
    low: str
    high: str


@dataclass(frozen=True)
class PaperLine:
    """A line of text and tick boxes, e.g. "Done: [ ] yes [ ] no", after a bold ``label``;
    ``heading`` starts a new titled part of the sheet."""

    parts: tuple[str | Boxes, ...]
    heading: str | None = None
    small: bool = False
    label: str = ""


PaperBlock = PaperGrid | PaperVas | PaperLine

__all__ = [
    "Boxes",
    "Cell",
    "Finding",
    "OutcomeRow",
    "PaperBlock",
    "PaperGrid",
    "PaperLine",
    "PaperVas",
    "fmt_num",
]
