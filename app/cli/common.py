"""What every command shares: the argument parser that fails in one line, exit codes,
one-line error output. Who runs a command is an account of the database
(app.cli.account), never the operating system's login name."""

from __future__ import annotations

import argparse
import sys

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error on ONE plain line and exits 2.

    Options are never abbreviated: ``--password X`` must not be read as
    ``--password-file X`` (a password on the command line is refused, not reinterpreted).
    """

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def fail(message: object, code: int = EXIT_FAILED) -> int:
    """Print one plain line on stderr and return the exit code."""
    print(f"jdm-ctp: {message}", file=sys.stderr)
    return code


def usage_error(message: object) -> int:
    return fail(message, EXIT_USAGE)
