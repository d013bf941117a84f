"""`jdm-ctp pdf --out -`: the PDF on standard output for a pipe, whole or not at all,
never onto a terminal, and no copy left behind."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from database_fixtures import add_people, password_file

from app import paths
from app.cli import main
from app.db.demo import fill_demo_database
from app.db.opening import open_database
from app.domain.permissions import DEMO_DATA_TASK
from app.reports.output_files import OutputWriteError


@pytest.fixture
def clinic(tmp_path, migrated_sqlite_file):
    path = migrated_sqlite_file(tmp_path / "clinic.sqlite3")
    database = open_database(str(path))
    database.actor = DEMO_DATA_TASK
    fill_demo_database(database, patients=3, seed=4)
    add_people(database)
    database.dispose()
    return path


def pdf_argv(clinic, tmp_path, *more):
    return ["--db", str(clinic), "pdf", "--patient", "DEMO-00001", "--visit", "baseline",
            "--user", "coord", "--password-file", str(password_file(tmp_path)), *more]


def test_pdf_to_stdout_through_a_pipe(clinic, tmp_path, private_home):
    result = subprocess.run([sys.executable, "-m", "app", *pdf_argv(clinic, tmp_path),
                             "--out", "-"], capture_output=True, env=dict(os.environ))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.startswith(b"%PDF-") and result.stdout.rstrip().endswith(b"%%EOF")
    assert result.stderr == b""  # no "Wrote …" line mixed into the PDF or the terminal
    # The same document as written to a file (reportlab stamps the time and an id).
    assert main([*pdf_argv(clinic, tmp_path), "--out", str(tmp_path / "file.pdf")]) == 0
    assert abs(len(result.stdout) - (tmp_path / "file.pdf").stat().st_size) < 200
    # Rendered in the private print folder and removed there: nothing stays behind.
    assert list(paths.private_print_dir().iterdir()) == []
    assert not (tmp_path / "-").exists()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_pdf_is_never_written_onto_a_terminal(clinic, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", Terminal())
    code = main([*pdf_argv(clinic, tmp_path), "--out", "-"])
    assert code == 2
    assert sys.stdout.getvalue() == ""
    assert "standard output, which is a terminal" in capsys.readouterr().err


def test_a_pdf_that_fails_half_way_sends_nothing(clinic, tmp_path, monkeypatch, capsysbinary):
    def full_disk(*_args, **_kwargs):
        raise OutputWriteError("the disk is full")

    monkeypatch.setattr("app.cli.pdf.write_pdf", full_disk)
    code = main([*pdf_argv(clinic, tmp_path), "--out", "-"])
    out, err = capsysbinary.readouterr()
    assert code == 1 and out == b""
    assert b"the disk is full" in err
    assert list(paths.private_print_dir().iterdir()) == []


def test_the_dictionary_to_stdout_is_the_file_itself(tmp_path, private_home):
    """`dictionary --out -` wrote a file named "-" in the current folder."""
    result = subprocess.run([sys.executable, "-m", "app", "dictionary", "--out", "-"],
                            capture_output=True, env=dict(os.environ), cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    assert not (tmp_path / "-").exists()
    assert main(["dictionary", "--out", str(tmp_path / "dictionary.csv")]) == 0
    assert result.stdout == (tmp_path / "dictionary.csv").read_bytes()
    assert result.stdout.startswith(b'"Variable / Field Name"') or \
        result.stdout.startswith(b"Variable / Field Name")
