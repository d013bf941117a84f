"""Is the database file on a network share? SQLite's locking is not safe there.

SQLite relies on the file system's byte-range locks; SMB/CIFS and NFS implement them
badly or not at all, so two workstations opening one file on a share can corrupt it
(sqlite.org/useovernet.html). We warn and point to server mode (PostgreSQL).

Detection per platform:
* Linux: the longest mount point in ``/proc/mounts`` containing the path, and its type.
* Windows: a UNC path (``\\\\server\\share``) or ``GetDriveTypeW`` == DRIVE_REMOTE.
* macOS/BSD: the ``mount`` command's output (``/dev/x on /path (smbfs, ...)``).
  Limitation: if ``mount`` cannot be run, no warning is given (returns None).
"""

from __future__ import annotations

import ntpath
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smbfs", "smb2", "smb3", "afpfs", "webdav", "davfs",
    "fuse.sshfs", "sshfs", "ncpfs", "9p", "afs", "fuse.rclone", "fuse.s3fs", "glusterfs",
    "fuse.glusterfs", "ceph", "fuse.cephfs", "lustre", "gpfs", "fuse.davfs2",
})
DRIVE_REMOTE = 4

SERVER_MODE_ADVICE = (
    "SQLite databases are not safe on network shares: two workstations writing at the same "
    "time can corrupt the file. Keep the database on this computer's own disk, or, for "
    "several workstations, use server mode (set JDM_CTP_DATABASE_URL to a PostgreSQL "
    "database; see the README)."
)


def _unescape_mount(field: str) -> str:
    # /proc/mounts escapes space, tab, newline and backslash as octal.
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def parse_proc_mounts(text: str) -> list[tuple[str, str]]:
    """[(mount point, file system type)] from the text of /proc/mounts."""
    mounts = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            mounts.append((_unescape_mount(parts[1]), parts[2]))
    return mounts


def parse_bsd_mount_output(text: str) -> list[tuple[str, str]]:
    """[(mount point, type)] from macOS/BSD ``mount`` output: ``dev on /point (type, ...)``."""
    mounts = []
    for line in text.splitlines():
        if " on " not in line or "(" not in line:
            continue
        _device, rest = line.split(" on ", 1)
        point, _, options = rest.rpartition(" (")
        fs_type = options.split(",", 1)[0].strip().rstrip(")")
        mounts.append((point, fs_type))
    return mounts


def filesystem_type(path: Path, mounts: list[tuple[str, str]]) -> str | None:
    """Type of the mount holding ``path``: the longest mount point that is a prefix of it."""
    target = str(path)
    best: tuple[int, str] | None = None
    for point, fs_type in mounts:
        prefix = point.rstrip("/") + "/"
        if target == point or target.startswith(prefix) or point == "/":
            if best is None or len(point) > best[0]:
                best = (len(point), fs_type)
    return best[1] if best else None


def is_network_type(fs_type: str | None) -> bool:
    if not fs_type:
        return False
    kind = fs_type.lower()
    return kind in NETWORK_FILESYSTEMS or kind.startswith(("nfs", "smb", "cifs"))


def _real_path(path: Path) -> Path:
    """Absolute path with symlinks resolved as far as the path exists (it may not yet)."""
    path = path.expanduser().absolute()
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate.resolve() / path.relative_to(candidate)
    return path


def _linux_type(path: Path, read_mounts: Callable[[], str]) -> str | None:
    try:
        text = read_mounts()
    except OSError:
        return None
    return filesystem_type(path, parse_proc_mounts(text))


def _bsd_type(path: Path, run_mount: Callable[[], str]) -> str | None:
    try:
        text = run_mount()
    except (OSError, subprocess.SubprocessError):
        return None
    return filesystem_type(path, parse_bsd_mount_output(text))


def _windows_remote(text: str) -> bool:
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return True
    if text.startswith("\\\\?\\UNC\\"):
        return True
    drive = ntpath.splitdrive(text)[0]
    if not drive:
        return False
    try:
        import ctypes

        get_drive_type = ctypes.windll.kernel32.GetDriveTypeW  # type: ignore[attr-defined]
    except (ImportError, AttributeError, OSError):
        return False
    return get_drive_type(drive + "\\") == DRIVE_REMOTE


def _read_proc_mounts() -> str:
    return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")


def _run_mount() -> str:
    return subprocess.run(
        ["mount"], capture_output=True, text=True, timeout=5, check=True
    ).stdout


def network_share_warning(
    db_path: str | Path | None,
    *,
    platform: str | None = None,
    read_mounts: Callable[[], str] = _read_proc_mounts,
    run_mount: Callable[[], str] = _run_mount,
) -> str | None:
    """A plain warning if the database file is on a network share, else None.

    ``db_path`` None (a server database) never warns. The file need not exist yet: its
    nearest existing folder is checked.
    """
    if db_path is None:
        return None
    platform = platform or sys.platform
    raw = Path(db_path)
    if platform == "win32":
        text = str(db_path)
        if not ntpath.isabs(text):
            text = str(raw.absolute())
        remote = _windows_remote(text)
        fs_type = "network drive" if remote else None
    else:
        where = _real_path(raw)
        if platform.startswith("linux"):
            fs_type = _linux_type(where, read_mounts)
        else:
            fs_type = _bsd_type(where, run_mount)
        remote = is_network_type(fs_type)
    if not remote:
        return None
    return f"The database {db_path} is on a network share ({fs_type}). {SERVER_MODE_ADVICE}"
