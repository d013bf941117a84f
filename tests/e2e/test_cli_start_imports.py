"""The desktop start (``jdm-ctp`` with no command) imports no command's module: building
every command's options imported all fifteen (a fifth of the start's CPU, issue 22)."""

from __future__ import annotations

import json
import subprocess
import sys

from app.cli import COMMANDS, build_parser

COMMAND_MODULES = {f"app.cli.{module}" for module, _help in COMMANDS.values()}


def _command_modules_imported(code: str) -> list[str]:
    script = ("import json, sys\n" + code + "\nprint(json.dumps(sorted(m for m in sys.modules"
              " if m.startswith('app.cli.') and m != 'app.cli.common')))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, timeout=120)
    return sorted(set(json.loads(done.stdout.splitlines()[-1])) & COMMAND_MODULES)


def test_the_desktop_start_parses_its_arguments_without_any_command_module():
    imported = _command_modules_imported(
        "from app.cli import build_parser, COMMANDS\n"
        "args = build_parser(COMMANDS.keys() & {'--db', 'clinic.sqlite3'})"
        ".parse_args(['--db', 'clinic.sqlite3'])\n"
        "assert args.command is None and args.db == 'clinic.sqlite3'")
    assert imported == []


def test_a_command_gets_its_own_options_and_only_its_module_is_imported():
    imported = _command_modules_imported(
        "from app.cli import build_parser, COMMANDS\n"
        "argv = ['export', '--out', 'here', '--format', 'wide']\n"
        "args = build_parser(COMMANDS.keys() & set(argv)).parse_args(argv)\n"
        "assert (args.command, args.out, args.format) == ('export', 'here', 'wide')")
    assert imported == ["app.cli.export"]


def test_every_command_is_still_listed_and_the_whole_parser_has_every_option():
    parser = build_parser(set())
    listed = next(a for a in parser._actions if a.dest == "command").choices
    assert set(listed) == set(COMMANDS)
    whole = next(a for a in build_parser()._actions if a.dest == "command").choices
    assert all(len(whole[name]._actions) > 3 for name in COMMANDS)  # help, --db, ... and its own
