"""Build the jdm-ctp desktop bundle for this platform (`make bundle`).

    python installer/build_bundle.py [--dist DIR] [--work DIR] [--no-archive] [--no-check]
                                     [--with-postgres] [--dmg] [--installer]

1. Runs PyInstaller on installer/jdm-ctp.spec: a one-folder bundle in DIST/jdm-ctp
   (macOS: DIST/jdm-ctp.app); on Linux then strips debugging symbols where safe.
2. Runs the bundle's `--self-test` and `--version` in a clean environment (no Python
   path, no virtualenv, a throw-away HOME), unless --no-check.
3. Packs it for installation:
   * Linux: DIST/jdm-ctp-VERSION-linux-ARCH.tar.gz with the bundle, a .desktop file,
     the icon and install.sh (unless --no-archive);
   * macOS (run on a Mac): --dmg makes DIST/jdm-ctp-VERSION-macos-ARCH.dmg with hdiutil;
   * Windows (run on Windows): --installer compiles installer/windows/jdm-ctp.iss with
     Inno Setup's iscc.exe into DIST/jdm-ctp-VERSION-windows-setup.exe.

Needs PyInstaller in the same Python as the app (`pip install pyinstaller`); it prints
the build time, the bundle's unpacked size against BUNDLE_LIMIT_MB and its largest parts
at the end. `--with-postgres` also bundles the PostgreSQL driver (server mode).
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "jdm-ctp.spec"
ICONS = ROOT / "resources" / "icons"
# Clinic IT installs the bundle on many workstations: its unpacked size must stay under
# this (decimal megabytes, as folder_size counts them). tests/e2e/test_bundle.py fails
# over it; a --with-postgres bundle adds the driver (~10 MB) on top and is not held to it.
BUNDLE_LIMIT_MB = 150


def project() -> tuple[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return data["name"], data["version"]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def largest_parts(bundle: Path, count: int = 8) -> list[tuple[str, int]]:
    """The biggest entries of the bundle's library folder (a package, a shared library)
    and the executable, biggest first: where to look when the bundle grows."""
    internal = next((p for p in (bundle / "_internal", bundle / "Contents" / "Frameworks")
                     if p.is_dir()), bundle)
    parts = [(p, folder_size(p) if p.is_dir() else p.stat().st_size)
             for p in [*internal.iterdir(), *(f for f in bundle.iterdir() if f.is_file())]
             if not p.is_symlink()]
    parts.sort(key=lambda item: item[1], reverse=True)
    return [(p.relative_to(bundle).as_posix(), size) for p, size in parts[:count]]


def size_report(bundle: Path) -> tuple[int, str]:
    """(unpacked bytes, the lines `make bundle` prints about them)."""
    size = folder_size(bundle)
    verdict = (f"within the {BUNDLE_LIMIT_MB} MB limit" if size <= BUNDLE_LIMIT_MB * 1_000_000
               else f"OVER the {BUNDLE_LIMIT_MB} MB limit")
    lines = [f"  bundle:  {bundle}  ({megabytes(size)} unpacked, {verdict})",
             "  largest: " + ", ".join(f"{name} {megabytes(part)}"
                                       for name, part in largest_parts(bundle))]
    return size, "\n".join(lines)


def bundle_paths(dist: Path, name: str) -> tuple[Path, Path]:
    """(what to ship, the command-line executable inside it) for this platform."""
    if sys.platform == "darwin":
        app = dist / f"{name}.app"
        return app, app / "Contents" / "MacOS" / name
    if sys.platform == "win32":
        return dist / name, dist / name / f"{name}-cli.exe"
    return dist / name, dist / name / name


def clean_environment(home: Path) -> dict[str, str]:
    """What a workstation user has: no PYTHONPATH, no virtualenv, no project checkout."""
    if sys.platform == "win32":
        system_root = os.environ.get("SystemRoot", r"C:\Windows")
        return {
            "SystemRoot": system_root,
            "PATH": rf"{system_root}\System32;{system_root}",
            "USERPROFILE": str(home),
            "APPDATA": str(home / "AppData" / "Roaming"),
            "LOCALAPPDATA": str(home / "AppData" / "Local"),
            "TEMP": str(home),
            "TMP": str(home),
        }
    return {"PATH": "/usr/bin:/bin", "HOME": str(home)}


def run_pyinstaller(dist: Path, work: Path, with_postgres: bool) -> None:
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(SPEC),
    ]
    # The interface translations (.qm) are compiled from the .ts kept in git, so a bundle
    # never ships a stale or missing French interface.
    subprocess.run([sys.executable, str(INSTALLER / "translations.py"), "build"], check=True)
    print("+ " + " ".join(command), flush=True)
    env = dict(os.environ, JDM_CTP_BUNDLE_POSTGRES="1" if with_postgres else "0")
    subprocess.run(command, cwd=ROOT, check=True, env=env)


def check_bundle(executable: Path, version: str, scratch: Path) -> None:
    home = scratch / "clean-home"
    home.mkdir(parents=True, exist_ok=True)
    env = clean_environment(home)
    for args, expected in ((["--version"], f"jdm-ctp {version}"),
                           (["--self-test"], "self-test passed")):
        result = subprocess.run([str(executable), *args], env=env, cwd=home,
                                capture_output=True, text=True, timeout=300)
        print(result.stdout, end="")
        if result.returncode != 0 or expected not in result.stdout:
            print(result.stderr, file=sys.stderr)
            raise SystemExit(f"bundle check failed: {executable.name} {' '.join(args)} "
                             f"exited {result.returncode}")


# --------------------------------------------------------------------- Linux


def strip_linux_binaries(bundle: Path) -> int:
    """Remove debugging symbols from the bundle's own binaries; returns bytes saved.

    PyInstaller's global strip=True also strips the manylinux wheels' libraries that
    auditwheel rewrote with patchelf, and strip corrupts those (numpy then fails with
    "ELF load command address/offset not page-aligned"). So only files with no $ORIGIN
    run path and outside the wheels' *.libs folders are stripped: the Python runtime
    (libpython alone carries ~17 MB of symbols), SQLAlchemy's and kiwisolver's compiled
    modules, and the like. The bundle check that follows runs every kind of them.
    """
    if shutil.which("strip") is None or shutil.which("objdump") is None:
        print("strip/objdump not found (binutils): bundle left unstripped", file=sys.stderr)
        return 0
    saved = 0
    for path in sorted(bundle.rglob("*.so*")):
        if path.is_symlink() or not path.is_file() or any(
                part.endswith(".libs") for part in path.parts):
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        headers = subprocess.run(["objdump", "-p", str(path)], capture_output=True,
                                 text=True).stdout
        if any(("RPATH" in line or "RUNPATH" in line) and "$ORIGIN" in line
               for line in headers.splitlines()):
            continue
        before = path.stat().st_size
        subprocess.run(["strip", "--strip-unneeded", str(path)], check=True)
        saved += before - path.stat().st_size
    return saved



def _desktop_entry(version: str) -> str:
    template = (INSTALLER / "linux" / "jdm-ctp.desktop").read_text(encoding="utf-8")
    return template.replace("@VERSION@", version)


def make_linux_archive(bundle: Path, dist: Path, name: str, version: str) -> Path:
    """A .tar.gz whose one top folder holds the bundle, .desktop, icons and install.sh."""
    top = f"{name}-{version}"
    archive = dist / f"{top}-linux-{platform.machine()}.tar.gz"

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    extras = {
        f"{top}/{name}.desktop": _desktop_entry(version).encode("utf-8"),
    }
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=top, filter=normalise)
        for arcname, data in extras.items():
            info = normalise(tarfile.TarInfo(arcname))
            info.size = len(data)
            info.mode = 0o644
            info.mtime = int(time.time())
            tar.addfile(info, io.BytesIO(data))
        for icon in ("jdm-ctp.png", "jdm-ctp.svg"):
            tar.add(ICONS / icon, arcname=f"{top}/icons/{icon}", filter=normalise)
        tar.add(INSTALLER / "linux" / "install.sh", arcname=f"{top}/install.sh",
                filter=normalise)
    return archive


# ------------------------------------------------------- macOS (run on a Mac)


def make_dmg(app: Path, dist: Path, name: str, version: str) -> Path:
    """MACOS ONLY: a compressed disk image with the .app and a link to /Applications."""
    staging = dist / "dmg-staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    shutil.copytree(app, staging / app.name, symlinks=True)
    (staging / "Applications").symlink_to("/Applications")
    dmg = dist / f"{name}-{version}-macos-{platform.machine()}.dmg"
    subprocess.run(["hdiutil", "create", "-volname", f"JDM CTP {version}", "-srcfolder",
                    str(staging), "-ov", "-format", "UDZO", str(dmg)], check=True)
    shutil.rmtree(staging)
    return dmg


# --------------------------------------------------- Windows (run on Windows)


def make_windows_installer(bundle: Path, dist: Path, version: str) -> Path:
    """WINDOWS ONLY: compile the Inno Setup script (iscc.exe must be installed)."""
    iscc = shutil.which("iscc") or shutil.which("ISCC.exe")
    default = Path(os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)"))
    if iscc is None and (default / "Inno Setup 6" / "ISCC.exe").exists():
        iscc = str(default / "Inno Setup 6" / "ISCC.exe")
    if iscc is None:
        raise SystemExit("Inno Setup 6 (iscc.exe) not found: install it or add it to PATH")
    subprocess.run([iscc, f"/DAppVersion={version}", f"/DSourceDir={bundle}",
                    f"/DOutputDir={dist}", f"/DIconFile={ICONS / 'jdm-ctp.ico'}",
                    str(INSTALLER / "windows" / "jdm-ctp.iss")], check=True)
    return dist / f"jdm-ctp-{version}-windows-setup.exe"


# ---------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default: build/pyinstaller)")
    parser.add_argument("--no-archive", action="store_true", help="Linux: skip the .tar.gz")
    parser.add_argument("--no-check", action="store_true",
                        help="skip running --self-test/--version from the bundle")
    parser.add_argument("--with-postgres", action="store_true",
                        help="also bundle the PostgreSQL driver (server mode, ~10 MB)")
    parser.add_argument("--dmg", action="store_true", help="macOS: also make a .dmg")
    parser.add_argument("--installer", action="store_true",
                        help="Windows: also compile the Inno Setup installer")
    args = parser.parse_args(argv)

    if importlib.util.find_spec("PyInstaller") is None:
        print("PyInstaller is not installed in this Python: "
              f"{sys.executable} -m pip install pyinstaller", file=sys.stderr)
        return 2
    name, version = project()
    dist, work = args.dist.resolve(), args.work.resolve()
    started = time.monotonic()
    run_pyinstaller(dist, work, args.with_postgres)
    built = time.monotonic() - started
    bundle, executable = bundle_paths(dist, name)
    if not executable.exists():
        print(f"PyInstaller finished but {executable} is missing", file=sys.stderr)
        return 1
    if sys.platform.startswith("linux"):
        print(f"stripped {megabytes(strip_linux_binaries(bundle))} of debugging symbols")
    if not args.no_check:
        check_bundle(executable, version, work)

    shipped = [bundle]
    if sys.platform.startswith("linux") and not args.no_archive:
        shipped.append(make_linux_archive(bundle, dist, name, version))
    if sys.platform == "darwin" and args.dmg:
        shipped.append(make_dmg(bundle, dist, name, version))
    if sys.platform == "win32" and args.installer:
        shipped.append(make_windows_installer(bundle, dist, version))

    print(f"\n{name} {version} for {sys.platform} built in {built:.0f} s "
          f"(total {time.monotonic() - started:.0f} s)")
    print(size_report(bundle)[1])
    for path in shipped[1:]:
        print(f"  package: {path}  ({megabytes(path.stat().st_size)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
