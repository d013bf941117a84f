"""CSV habits every export file follows (exports.md, "Habits of well-behaved CSV").

* UTF-8, optionally with a byte-order mark so Excel recognises the encoding;
* one header row, ``\\r\\n`` line ends (RFC 4180), minimal quoting;
* blank for missing;
* a TEXT cell beginning with ``=``, ``+``, ``-`` or ``@`` is prefixed with an apostrophe
  so a spreadsheet shows it instead of running it as a formula, in the files meant for
  spreadsheets (the wide format). Numbers are never escaped ("-1.5" stays a number),
  which is why the caller says which cells are text. The REDCap import file is not for
  a spreadsheet and holds text as entered (REDCap would keep the apostrophe as data);
  each manifest says which (``formula_escaping``).
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@")
ESCAPE = "'"
BOM = "\ufeff"


def escape_text(value: str) -> str:
    """An apostrophe in front of text a spreadsheet would run as a formula."""
    if value and value[0] in FORMULA_PREFIXES:
        return ESCAPE + value
    return value


def unescape_text(value: str) -> str:
    """The inverse of ``escape_text`` (used by the import)."""
    if len(value) >= 2 and value[0] == ESCAPE and value[1] in FORMULA_PREFIXES:
        return value[1:]
    return value


def iso_date(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def iso_datetime(value: datetime | None) -> str:
    """UTC timestamp as REDCap's ``datetime_seconds_ymd`` wants it: ``YYYY-MM-DD HH:MM:SS``."""
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M:%S")


def format_num(value: float | int | None) -> str:
    """Shortest text that reads back as the same number: 3.0 -> "3", 0.1 -> "0.1"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def csv_line(row: Sequence[str], writer: Any, buffer: io.StringIO) -> str:
    """One row of string cells as ``csv.writer(buffer, lineterminator="\\r\\n")`` writes it,
    without its line end. Wide export rows are mostly empty cells: when no cell holds a
    comma, quote or line break (checked on the joined line: exactly len - 1 commas), the
    minimal-quoting CSV line is the cells joined by commas; otherwise ``writer`` (on
    ``buffer``, emptied here) writes it."""
    try:
        line = ",".join(row)
    except TypeError:  # a cell that is not text (None, a number): the writer formats it
        line = None
    if line is not None and line.count(",") == len(row) - 1 and '"' not in line \
            and "\n" not in line and "\r" not in line and (len(row) > 1 or line):
        return line
    buffer.seek(0)
    buffer.truncate()
    writer.writerow(row)
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text[:-2]


class HashingWriter:
    """A text sink that encodes to UTF-8, hashes and counts what it writes to a file."""

    def __init__(self, path: Path, *, bom: bool = False) -> None:
        self.path = path
        self._file = open(path, "wb")  # noqa: SIM115 - closed in close()
        self._sha = hashlib.sha256()
        self.rows = 0  # data rows (header excluded)
        if bom:
            self._raw(BOM)

    def _raw(self, text: str) -> None:
        data = text.encode("utf-8")
        self._sha.update(data)
        self._file.write(data)

    def write(self, text: str) -> int:
        self._raw(text)
        return len(text)

    @property
    def sha256(self) -> str:
        return self._sha.hexdigest()

    def close(self) -> None:
        self._file.close()

    def abandon(self) -> None:
        """Close after a failed write (a full disk): the file is about to be deleted, and
        flushing what is still buffered would only fail again."""
        with contextlib.suppress(OSError):
            self._file.close()


class CsvFile:
    """One CSV file of an export: header, rows, SHA-256 and row count for the manifest."""

    def __init__(self, path: Path, header: Sequence[str], *, bom: bool = False) -> None:
        self.name = path.name
        self._sink = HashingWriter(path, bom=bom)
        # Buffer rows and flush in blocks: far fewer small writes on big exports.
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\r\n")
        self._writer.writerow(header)
        self.rows = 0

    def write_row(self, row: Sequence[str]) -> None:
        self._writer.writerow(row)
        self.rows += 1
        if self.rows % 2000 == 0:
            self._flush()

    def write_rows(self, rows: Iterable[Sequence[str]]) -> None:
        for row in rows:
            self.write_row(row)

    def write_text(self, text: str, rows: int) -> None:
        """Append CSV text rendered elsewhere (``rows`` data rows, already terminated)."""
        self._flush()
        self._sink.write(text)
        self.rows += rows

    def _flush(self) -> None:
        self._sink.write(self._buffer.getvalue())
        self._buffer.seek(0)
        self._buffer.truncate()

    def close(self) -> tuple[str, int]:
        """Finish the file; returns (sha256, data rows)."""
        self._flush()
        self._sink.close()
        return self._sink.sha256, self.rows

    def abandon(self) -> None:
        """Give up on the file after a failure; the caller deletes it."""
        self._sink.abandon()


def read_csv(path: Path) -> list[list[str]]:
    """Read an export CSV strictly as UTF-8 (BOM allowed); UnicodeDecodeError otherwise."""
    text = path.read_bytes().decode("utf-8")
    if text.startswith(BOM):
        text = text[1:]
    return list(csv.reader(io.StringIO(text, newline="")))
