"""Progress of long commands on stderr — only when stderr is a terminal a person watches.

A command piped into a file or run by a scheduler prints nothing extra (its stdout and
its one-line errors stay as they were); ``--quiet`` silences it on a terminal too.
tqdm draws the bar (0.16 MB of pure Python, 59 ms to import, measured; rich would be
3 MB plus pygments and 117 ms): it redraws at most a few times a second, so a
callback called for every patient costs next to nothing.

    with progress(args, "Exporting", unit="patients") as report:
        export_database(..., progress=report)          # report(done, total)

    with working(args, "Importing"):                   # no count known: elapsed time
        import_directory(...)
"""

from __future__ import annotations

import argparse
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Report = Callable[[int, int], None]
TICK_SECONDS = 0.5


def add_quiet_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no progress on stderr (it is shown only on a terminal anyway)")


def shown(args: argparse.Namespace) -> bool:
    """Progress is for a person at a terminal: not with --quiet, not into a pipe or file."""
    if getattr(args, "quiet", False):
        return False
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


def _bar(label: str, unit: str, total: int | None,  # noqa: ANN202 - a tqdm bar
         bar_format: str | None = None):
    from tqdm import tqdm

    # leave=False: the bar is wiped at the end, so the command's own result line is the
    # last thing on the terminal, as without a terminal. The size from shutil, which
    # falls back to 80×24 where a terminal reports 0×0 (a pseudo-terminal nobody sized:
    # tqdm then hid its bar below "row 0" and drew nothing).
    size = shutil.get_terminal_size()
    return tqdm(total=total, desc=label, unit=f" {unit}" if unit else "it", file=sys.stderr,
                leave=False, ncols=size.columns, nrows=size.lines, mininterval=0.2,
                miniters=1,  # redraw by time only: steps may be quick, then slow
                bar_format=bar_format)


@contextmanager
def progress(args: argparse.Namespace, label: str, *, unit: str = "") -> Iterator[Report]:
    """A ``report(done, total)`` callback drawing a bar, or one doing nothing."""
    if not shown(args):
        yield lambda _done, _total: None
        return
    bar = _bar(label, unit, None)

    def report(done: int, total: int) -> None:
        if total and bar.total != total:
            bar.total = total
        bar.n = done
        bar.refresh() if done == total else bar.update(0)

    try:
        yield report
    finally:
        bar.close()


@contextmanager
def working(args: argparse.Namespace, label: str) -> Iterator[None]:
    """For work that cannot count its steps: the label and the time it has taken so far,
    redrawn twice a second by a small thread, so a long silence never looks like a hang."""
    if not shown(args):
        yield
        return
    # the format given at once: tqdm draws when made, and drew "Importing: 0it" first
    bar = _bar(label, "", None, bar_format="{desc}… {elapsed}")
    stop = threading.Event()

    def tick() -> None:
        while not stop.wait(TICK_SECONDS):
            bar.refresh()

    ticker = threading.Thread(target=tick, name="progress", daemon=True)
    ticker.start()
    try:
        yield
    finally:
        stop.set()
        ticker.join()
        bar.close()
