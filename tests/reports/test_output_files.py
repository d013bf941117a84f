"""Output files appear whole or not at all: the disk fills up (ENOSPC injected where the
bytes are written, after part of them reached the file) at every step of a write."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from full_disk import FillingDisk

from app.reports import output_files
from app.reports.output_files import OutputWriteError, StagedFolder, atomic_file


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("room", [0, 1, 1000])
def test_a_new_file_on_a_full_disk_leaves_nothing(tmp_path, room):
    target = tmp_path / "summary.pdf"
    disk = FillingDisk(room)
    with pytest.raises(OutputWriteError, match="disk holding .* is full: nothing was written"):
        with atomic_file(target) as partial, disk.open(partial, "wb") as handle:
            handle.write(b"%PDF-1.4 " + b"x" * 5000)
    assert _names(tmp_path) == []


def test_an_earlier_file_survives_a_failed_rewrite(tmp_path):
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"the earlier document")
    with pytest.raises(OutputWriteError):
        with atomic_file(target) as partial, FillingDisk(10).open(partial, "wb") as handle:
            handle.write(b"a new document that does not fit")
    assert target.read_bytes() == b"the earlier document"
    assert _names(tmp_path) == ["summary.pdf"]


def test_a_complete_file_replaces_the_earlier_one(tmp_path):
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"old")
    with atomic_file(target) as partial:
        partial.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert _names(tmp_path) == ["summary.pdf"]


def test_a_missing_folder_is_said_plainly(tmp_path):
    with pytest.raises(OutputWriteError, match="does not exist"):
        with atomic_file(tmp_path / "nowhere" / "x.pdf") as partial:
            partial.write_bytes(b"x")


def _write_export(folder: Path, disk: FillingDisk | None = None) -> None:
    for name in ("redcap_data.csv", "redcap_events.csv", "manifest.json"):
        opener = disk.open if disk is not None else open
        with opener(folder / name, "wb") as handle:
            handle.write(name.encode() * 200)


@pytest.mark.parametrize("room", [0, 500, 3000, 5000])
def test_a_new_export_folder_on_a_full_disk_leaves_no_folder(tmp_path, room):
    # 3 files of 200 × their name (~3,000 / ~3,400 / ~2,600 bytes): the disk fills in the
    # first, second or third file.
    out = tmp_path / "exports" / "march"
    with pytest.raises(OutputWriteError, match="full"), StagedFolder(out) as staged:
        _write_export(staged.path, FillingDisk(room))
    assert _names(tmp_path) == []  # not even the parent folder it created


def test_a_failure_after_publishing_takes_the_export_back(tmp_path):
    out = tmp_path / "march"
    with pytest.raises(RuntimeError, match="audit"), StagedFolder(out) as staged:
        _write_export(staged.path)
        staged.publish()
        assert _names(out) == ["manifest.json", "redcap_data.csv", "redcap_events.csv"]
        raise RuntimeError("the audit entry could not be committed")
    assert _names(tmp_path) == []


def test_an_existing_folder_keeps_its_earlier_export_on_failure(tmp_path):
    out = tmp_path / "exports"
    out.mkdir()
    (out / "redcap_data.csv").write_text("earlier data")
    (out / "notes.txt").write_text("the coordinator's notes")
    with pytest.raises(RuntimeError), StagedFolder(out) as staged:
        _write_export(staged.path)
        staged.publish()
        raise RuntimeError("the audit entry could not be committed")
    assert _names(out) == ["notes.txt", "redcap_data.csv"]
    assert (out / "redcap_data.csv").read_text() == "earlier data"


def test_an_existing_folder_on_a_full_disk_is_untouched(tmp_path):
    out = tmp_path / "exports"
    out.mkdir()
    (out / "redcap_data.csv").write_text("earlier data")
    with pytest.raises(OutputWriteError), StagedFolder(out) as staged:
        _write_export(staged.path, FillingDisk(4000))
    assert _names(out) == ["redcap_data.csv"]
    assert (out / "redcap_data.csv").read_text() == "earlier data"


def test_a_complete_export_replaces_files_of_the_same_name_only(tmp_path):
    out = tmp_path / "exports"
    out.mkdir()
    (out / "redcap_data.csv").write_text("earlier data")
    (out / "notes.txt").write_text("the coordinator's notes")
    with StagedFolder(out) as staged:
        _write_export(staged.path)
    assert _names(out) == ["manifest.json", "notes.txt", "redcap_data.csv", "redcap_events.csv"]
    assert (out / "redcap_data.csv").read_bytes() == b"redcap_data.csv" * 200


def test_a_file_in_the_way_of_the_folder_is_refused(tmp_path):
    out = tmp_path / "exports"
    out.write_text("a file")
    with pytest.raises(OutputWriteError, match="not a folder"):
        StagedFolder(out)
    assert out.read_text() == "a file"


def test_write_errors_say_what_happened(tmp_path):
    target = tmp_path / "x"
    describe = output_files.describe_write_error
    assert "read-only disk" in describe(OSError(errno.EROFS, "ro"), target)
    assert "may not write" in describe(OSError(errno.EACCES, "denied"), target)
    assert "(Input/output error)" in describe(OSError(errno.EIO, "Input/output error"), target)
