"""Check that the operating-system libraries Qt needs are present; install them on Debian as root.

`make run` and `make test` call this after installing the Python packages. PySide6 wheels
bundle Qt itself but rely on a handful of system libraries (OpenGL, fonts, X11/xcb for a
real screen) that a minimal machine may lack. We find them with `ldd` instead of guessing,
say exactly which are missing and how to get them, and install them when run as root.

Usage: python installer/qt_system_libs.py [--gui]   (--gui also checks the X11 screen plugin)
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

# Shared-library file name -> Debian package that provides it.
DEBIAN_PACKAGES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libXrender.so.1": "libxrender1",
    "libXext.so.6": "libxext6",
}


def qt_root() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "Qt"


def libraries_to_check(root: Path, gui: bool) -> list[Path]:
    qt_libs = ("libQt6Core.so.6", "libQt6Gui.so.6", "libQt6Widgets.so.6")
    libs = [root / "lib" / name for name in qt_libs]
    libs.append(root / "plugins" / "platforms" / "libqoffscreen.so")
    if gui:
        libs.append(root / "plugins" / "platforms" / "libqxcb.so")
        libs.append(root / "lib" / "libQt6XcbQpa.so.6")
    return [lib for lib in libs if lib.exists()]


def missing_libraries(paths: list[Path]) -> set[str]:
    missing: set[str] = set()
    for path in paths:
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "not found" in line:
                missing.add(line.split("=>")[0].strip())
    return missing


def main(argv: list[str]) -> int:
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return 0  # Windows/macOS wheels carry what they need.
    root = qt_root()
    if root is None:
        print("PySide6 is not installed in this environment.", file=sys.stderr)
        return 1
    gui = "--gui" in argv
    missing = missing_libraries(libraries_to_check(root, gui))
    if not missing:
        return 0
    packages = sorted({DEBIAN_PACKAGES[lib] for lib in missing if lib in DEBIAN_PACKAGES})
    unknown = sorted(lib for lib in missing if lib not in DEBIAN_PACKAGES)
    print("Qt needs system libraries that this machine lacks: " + ", ".join(sorted(missing)),
          file=sys.stderr)
    can_install = os.geteuid() == 0 and shutil.which("apt-get") is not None and packages
    if can_install:
        print("Installing with apt-get: " + " ".join(packages), file=sys.stderr)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        done = subprocess.run(["apt-get", "install", "-y", "-qq", *packages], env=env)
        if done.returncode == 0 and not missing_libraries(libraries_to_check(root, gui)):
            return 0
    if packages:
        print("Install them as administrator, for example:\n  sudo apt-get install "
              + " ".join(packages), file=sys.stderr)
    if unknown:
        print("No known Debian package for: " + ", ".join(unknown)
              + " (search with: apt-file search NAME)", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
