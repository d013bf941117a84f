"""Entry point of the frozen bundle: the same as the `jdm-ctp` console script.

PyInstaller needs a script, not a `module:function` entry point. `--self-test` is
answered here too so the bundle can be checked even while `app.cli` does not know the
flag; once `app.cli` handles it, both paths run the same `app.self_test.run_self_test`.
"""

from __future__ import annotations

import sys


def main() -> int:
    if sys.argv[1:] == ["--self-test"]:
        from app.self_test import run_self_test

        return run_self_test()
    from app.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    raise SystemExit(main())
