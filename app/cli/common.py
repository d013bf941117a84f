"""What every command shares: the argument parser that fails in one line, exit codes,
one-line error output, and who the operating system says is running the command."""

from __future__ import annotations

import argparse
import getpass
import sys

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error on ONE plain line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def fail(message: object, code: int = EXIT_FAILED) -> int:
    """Print one plain line on stderr and return the exit code."""
    print(f"jdm-ctp: {message}", file=sys.stderr)
    return code


def usage_error(message: object) -> int:
    return fail(message, EXIT_USAGE)


def current_user() -> str:
    """The operating-system login, for headless commands that have no signed-in person."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (some service accounts): still attribute the change
        return "unknown"
