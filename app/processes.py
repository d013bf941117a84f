"""Work handed to other processes of this machine: the export's workers and the demo
generator's maker. One place for how they are started and how they are stopped.

Processes are started with "spawn", never "fork": the parent holds database connections
(and in the GUI, Qt's threads), which a forked child would inherit in an unknown state. In
the frozen bundle each child re-runs the executable, and installer/entry.py's
``multiprocessing.freeze_support()`` turns it into the worker.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor


def process_pool(workers: int) -> ProcessPoolExecutor:
    import multiprocessing

    return ProcessPoolExecutor(max_workers=workers,
                               mp_context=multiprocessing.get_context("spawn"))


def stop_resource_tracker() -> None:
    """Stop the resource tracker that "spawn" started beside the children: it would outlive
    the work (and the command) until it noticed its parent had gone."""
    from multiprocessing import resource_tracker

    tracker = getattr(resource_tracker, "_resource_tracker", None)
    stop = getattr(tracker, "_stop", None)  # CPython 3.11+; none elsewhere: nothing to do
    # Only a tracker this process started (a spawned child shares its parent's).
    if stop is not None and getattr(tracker, "_pid", None) is not None:
        stop()
