"""`jdm-ctp completion bash`, tried in a real bash as the shell calls it, and the help
text every option owes its reader."""

from __future__ import annotations

import argparse
import shutil
import subprocess

import pytest

from app.cli import COMMANDS, build_parser
from app.cli.completion import bash_script

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def complete(line: str, folder) -> list[str]:
    """What bash offers after ``line`` (the cursor at its end), in ``folder``."""
    script = folder / "jdm-ctp.bash"
    script.write_text(bash_script(build_parser()), encoding="utf-8")
    words = line.split(" ")
    shell = (f"source {script}\n"
             f"COMP_WORDS=({' '.join(repr(w) for w in words)})\n"
             f"COMP_CWORD={len(words) - 1}\n"
             "_jdm_ctp\n"
             'printf "%s\\n" "${COMPREPLY[@]}"\n')
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", shell], cwd=folder,
                            capture_output=True, text=True, check=True)
    assert result.stderr == ""
    return sorted(filter(None, result.stdout.splitlines()))


@pytest.mark.parametrize(("line", "expected"), [
    ("jdm-ctp ex", ["export"]),
    ("jdm-ctp d", ["db", "demo-data", "dictionary", "dose"]),
    ("jdm-ctp db ", ["--db", "--db-passphrase-file", "--help", "change-passphrase", "decrypt",
                     "encrypt", "upgrade"]),
    ("jdm-ctp audit v", ["verify"]),
    ("jdm-ctp export --format ", ["odm", "redcap", "wide"]),
    ("jdm-ctp export --profile i", ["identified"]),
    ("jdm-ctp --db x.sqlite3 pdf --kind ", ["dosing", "summary", "worksheet"]),
    ("jdm-ctp pdf --patient JDM-001 --pa", ["--paper", "--password-file", "--patient"]),
    ("jdm-ctp export --qu", ["--quiet"]),
    ("jdm-ctp completion ", ["--db", "--db-passphrase-file", "--help", "bash"]),
])
def test_bash_completes_commands_options_and_choices(line, expected, tmp_path):
    assert complete(line, tmp_path) == expected


def test_bash_completes_file_names_where_a_path_is_asked(tmp_path):
    (tmp_path / "clinic.sqlite3").write_bytes(b"")
    (tmp_path / "exported").mkdir()
    assert complete("jdm-ctp backup --db cl", tmp_path) == ["clinic.sqlite3"]
    assert complete("jdm-ctp import ex", tmp_path) == ["exported"]  # its DIR argument
    assert complete("jdm-ctp export --profile ", tmp_path) == ["deidentified", "identified"]


def test_every_command_is_offered():
    script = bash_script(build_parser())
    top = next(line for line in script.splitlines() if line.startswith("  [jdm-ctp]="))
    for name in COMMANDS:
        assert f" {name}" in top


def test_every_option_and_argument_has_help_text():
    missing = []

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        for action in parser._actions:  # noqa: SLF001
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                for name, sub in action.choices.items():
                    walk(sub, f"{path} {name}")
            elif not (action.help or "").strip():
                missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")

    walk(build_parser(), "jdm-ctp")
    assert missing == []
