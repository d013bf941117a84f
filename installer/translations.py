"""Build the interface translations (Qt Linguist tools from the PySide6 wheel).

    python installer/translations.py build    # .ts -> .qm (make setup, make bundle)
    python installer/translations.py update   # collect new tr() strings into the .ts files

resources/translations/jdm_ctp_fr.ts is the French source kept in the repository (open it
with pyside6-linguist to translate); jdm_ctp_en.ts holds only the English plural forms
(lupdate -pluralonly). The compiled .qm files are build output, not kept in git.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
# What lupdate reads: every interface module and the printed documents' writers (their own
# words, marked in app/reports/words.py's way); the command line and the exports stay English.
SOURCES = [ROOT / "app" / "gui.py", *sorted((ROOT / "app" / "forms").rglob("*.py")),
           *sorted((ROOT / "app" / "reports").rglob("*.py"))]
LANGUAGES = {"fr": [], "en": ["-pluralonly"]}


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (make setup)")
    return found


def ts_file(language: str) -> Path:
    return FOLDER / f"jdm_ctp_{language}.ts"


def build() -> list[Path]:
    made = []
    for language in LANGUAGES:
        source, target = ts_file(language), ts_file(language).with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)],
                       check=True)
        made.append(target)
    return made


def update() -> None:
    for language, options in LANGUAGES.items():
        subprocess.run([tool("pyside6-lupdate"), *options, "-no-obsolete", "-locations", "none",
                        "-target-language", language, *map(str, SOURCES),
                        "-ts", str(ts_file(language))], check=True)


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else "build"
    if action == "update":
        update()
    elif action == "build":
        for path in build():
            print(f"translations: {path.relative_to(ROOT)}")
    else:
        raise SystemExit(__doc__)
