"""Entry point of the frozen bundle: the same as the `jdm-ctp` console script.

PyInstaller needs a script, not a `module:function` entry point.
"""

from __future__ import annotations

import multiprocessing


def main() -> int:
    # `jdm-ctp export --workers N` starts worker processes with the "spawn" method; in a
    # frozen bundle each worker re-runs this executable, and freeze_support() turns it
    # into the worker instead of a second application.
    multiprocessing.freeze_support()
    from app.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    raise SystemExit(main())
