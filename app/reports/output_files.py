"""Output files (exports, PDFs) appear whole or not at all.

A full disk, a removed USB stick or an interrupted run must never leave an empty folder,
a 0-byte PDF or a CSV cut off mid-row that looks like a finished one. So:

* one file (``atomic_file``) is written under a hidden temporary name in its own folder,
  flushed to the disk (fsync) and then renamed over the target: ``os.replace`` is atomic
  on one file system, and an earlier file of that name stays as it was until then;
* an export folder (``StagedFolder``) is written into a hidden staging folder, inside the
  target when the target exists (the same file system as its contents even when the
  target is a mount point such as a USB stick), else beside it, and moved into place at
  the end. Files it replaces are kept aside until the whole step has succeeded, so an
  export whose audit entry cannot be written is taken back completely.

Failures of the file system become ``OutputWriteError`` with one plain sentence saying
that nothing was written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
_DENIED = frozenset({errno.EACCES, errno.EPERM})
_ASIDE = ".replaced"


class OutputWriteError(Exception):
    """An output file or folder could not be written; nothing half-written was left."""


def describe_write_error(exc: OSError, target: Path) -> str:
    """One sentence for a failed write of ``target``; says that nothing was left there."""
    if exc.errno in _FULL:
        return (f"The disk holding {target} is full: nothing was written there. "
                "Free space (or choose another disk) and try again.")
    if exc.errno == errno.EROFS:
        return f"{target} is on a read-only disk: nothing was written there."
    if exc.errno in _DENIED:
        return f"You may not write to {target}: nothing was written there."
    if exc.errno == errno.ENOENT:
        return f"The folder for {target} does not exist: nothing was written."
    reason = exc.strerror or str(exc)
    return f"{target} could not be written ({reason}): nothing was written there."


def _hidden_name(name: str) -> str:
    # The process id tells whose leftover it is after a crash; the token keeps two
    # writers in one process (a test, a GUI with two previews) apart.
    return f".{name}.partial-{os.getpid()}-{secrets.token_hex(3)}"


def fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable (not possible, nor needed, on Windows)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_file(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` to write; on success it becomes ``target``.

    On any failure the temporary file is removed and ``target`` is as it was before; an
    OSError becomes OutputWriteError.
    """
    target = Path(target)
    partial = target.with_name(_hidden_name(target.name))
    try:
        yield partial
        fsync_file(partial)
        os.replace(partial, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        if isinstance(exc, OSError):
            raise OutputWriteError(describe_write_error(exc, target)) from exc
        raise
    # The file itself is complete and flushed; a folder that cannot be synced does not
    # make it less so, so this is not reported as a failure.
    with contextlib.suppress(OSError):
        fsync_folder(target.parent)


def copy_atomically(source: Path, target: Path | str) -> Path:
    """Copy ``source`` to ``target`` whole or not at all (Save as PDF)."""
    target = Path(target)
    with atomic_file(target) as partial:
        shutil.copyfile(source, partial)
    return target


class StagedFolder:
    """The files of one output folder, written aside and moved into ``target`` at the end.

    Use as a context manager: write into ``path``; call ``publish()`` when everything is
    written; leaving the block without an exception keeps the result, with an exception
    undoes everything (also a published result: the caller's last step, such as the
    export's audit entry, failed).
    """

    def __init__(self, target: Path | str) -> None:
        self.target = Path(target)
        self._created: list[Path] = []  # folders this export created, outermost first
        self._moved: list[str] = []  # file names moved into an existing target
        self._renamed = False  # the staging folder itself became the target
        self._published = False
        try:
            if self.target.exists():
                if not self.target.is_dir():
                    raise OutputWriteError(
                        f"{self.target} exists and is not a folder: nothing was written.")
                self._into_existing = True
                self.path = self.target / _hidden_name("export")
            else:
                self._into_existing = False
                self._make_parents(self.target.parent)
                self.path = self.target.parent / _hidden_name(self.target.name)
            self.path.mkdir()
        except OSError as exc:
            self._remove_created()
            raise OutputWriteError(describe_write_error(exc, self.target)) from exc
        self._aside = self.path / _ASIDE

    def _make_parents(self, folder: Path) -> None:
        missing = []
        for candidate in (folder, *folder.parents):
            if candidate.exists():
                break
            missing.append(candidate)
        for candidate in reversed(missing):
            candidate.mkdir()
            self._created.append(candidate)

    def publish(self) -> None:
        """Move the written files into ``target`` (each file whole, the folder at once when
        it is new). Files of the same name already there are kept aside until the end."""
        if self._published:
            return
        self._published = True
        try:
            names = sorted(p.name for p in self.path.iterdir() if p.name != _ASIDE)
            for name in names:
                fsync_file(self.path / name)
            if not self._into_existing:
                os.rename(self.path, self.target)
                self._renamed = True
                with contextlib.suppress(OSError):
                    fsync_folder(self.target.parent)
                return
            self._aside.mkdir()
            # The manifest last: a folder whose manifest is new has all its files new.
            names.sort(key=lambda name: name == "manifest.json")
            for name in names:
                existing = self.target / name
                if existing.exists():
                    os.replace(existing, self._aside / name)
                os.replace(self.path / name, existing)
                self._moved.append(name)
            with contextlib.suppress(OSError):
                fsync_folder(self.target)
        except OSError as exc:
            raise OutputWriteError(describe_write_error(exc, self.target)) from exc

    def _undo(self) -> None:
        if self._renamed:
            shutil.rmtree(self.target, ignore_errors=True)
        for name in reversed(self._moved):
            with contextlib.suppress(OSError):
                (self.target / name).unlink()
            kept = self._aside / name
            if kept.exists():
                with contextlib.suppress(OSError):
                    os.replace(kept, self.target / name)
        shutil.rmtree(self.path, ignore_errors=True)
        self._remove_created()

    def _remove_created(self) -> None:
        for folder in reversed(self._created):
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if still empty

    def __enter__(self) -> StagedFolder:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 trace: TracebackType | None) -> None:
        if exc is None:
            if not self._published:
                try:
                    self.publish()
                except BaseException:
                    self._undo()
                    raise
            if not self._renamed:
                shutil.rmtree(self.path, ignore_errors=True)  # the replaced files
            return
        self._undo()
        if isinstance(exc, OSError):
            raise OutputWriteError(describe_write_error(exc, self.target)) from exc
