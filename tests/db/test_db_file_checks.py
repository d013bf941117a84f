"""Network-share detection on each platform, from recorded mount tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db import file_checks

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

PROC_MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//nas/clinic /mnt/clinic cifs rw,vers=3.0 0 0
nas:/export/data /srv/data nfs4 rw 0 0
me@host:/home /mnt/ssh fuse.sshfs rw 0 0
/dev/sdb1 /mnt/clinic/local\\040disk ext4 rw 0 0
"""

BSD_MOUNT = """\
/dev/disk1s1 on / (apfs, local, journaled)
//user@nas/Clinic on /Volumes/Clinic (smbfs, nodev, nosuid, mounted by user)
nas:/data on /Volumes/NFS Data (nfs, nodev)
/dev/disk2s1 on /Volumes/USB (msdos, local)
"""


def _linux(path: str) -> str | None:
    return file_checks.network_share_warning(
        path, platform="linux", read_mounts=lambda: PROC_MOUNTS)


@pytest.mark.parametrize(("path", "kind"), [
    ("/mnt/clinic/jdm.sqlite3", "cifs"),
    ("/srv/data/x/jdm.sqlite3", "nfs4"),
    ("/mnt/ssh/jdm.sqlite3", "fuse.sshfs"),
])
def test_linux_network_mounts_warn(path: str, kind: str) -> None:
    warning = _linux(path)
    assert warning is not None and f"({kind})" in warning and "server mode" in warning


@pytest.mark.parametrize("path", ["/home/nurse/jdm.sqlite3", "/mnt/clinic/local disk/x.db",
                                  "/mnt/clinicX/a.db"])
def test_linux_local_paths_do_not_warn(path: str) -> None:
    assert _linux(path) is None


def test_linux_real_tmp_path_does_not_crash(tmp_path: Path) -> None:
    # Whatever the CI machine mounts, this reads the real /proc/mounts without failing.
    result = file_checks.network_share_warning(tmp_path / "db.sqlite3", platform="linux")
    assert result is None or "network share" in result


def test_unreadable_mount_table_gives_no_warning() -> None:
    def boom() -> str:
        raise OSError("no /proc")

    assert file_checks.network_share_warning("/x.db", platform="linux", read_mounts=boom) is None


@pytest.mark.parametrize(("path", "warns"), [
    ("/Volumes/Clinic/jdm.sqlite3", True),
    ("/Volumes/NFS Data/jdm.sqlite3", True),
    ("/Volumes/USB/jdm.sqlite3", False),
    ("/Users/nurse/jdm.sqlite3", False),
])
def test_macos_mount_output(path: str, warns: bool) -> None:
    warning = file_checks.network_share_warning(
        path, platform="darwin", run_mount=lambda: BSD_MOUNT)
    assert (warning is not None) is warns


@pytest.mark.parametrize(("path", "warns"), [
    (r"\\nas\clinic\jdm.sqlite3", True),
    ("//nas/clinic/jdm.sqlite3", True),
    (r"\\?\UNC\nas\clinic\jdm.sqlite3", True),
])
def test_windows_unc_paths(path: str, warns: bool) -> None:
    warning = file_checks.network_share_warning(path, platform="win32")
    assert (warning is not None) is warns


def test_server_database_never_warns() -> None:
    assert file_checks.network_share_warning(None) is None


def test_parsers() -> None:
    assert ("/mnt/clinic/local disk", "ext4") in file_checks.parse_proc_mounts(PROC_MOUNTS)
    assert ("/Volumes/NFS Data", "nfs") in file_checks.parse_bsd_mount_output(BSD_MOUNT)
    assert file_checks.is_network_type("smb3") and not file_checks.is_network_type("ext4")
