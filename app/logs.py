"""The application log: a small rotating file in the user's log directory.

It records what support staff need after a problem (start-up, which database, upgrades,
backups, and any unexpected error with its traceback) and never patient data: an
exception is logged as its type and the code it passed through, never its message,
because messages of database and validation errors quote what was typed or stored
(``PrivacyFormatter``). Engines hide SQL parameters for the same reason.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from app import paths
from app.domain.phrases import Sentence, phrase, sentences

LOG_NAME = "jdm-ctp.log"
log = logging.getLogger("jdm_ctp")


WITHHELD = "(message withheld: it may quote patient data)"


class PrivacyFormatter(logging.Formatter):
    """Formats exceptions as type and stack only; chained causes included."""

    def formatException(self, ei) -> str:  # noqa: N802 - logging's own name
        _kind, error, trace = ei
        blocks: list[str] = []
        seen: set[int] = set()
        while error is not None and id(error) not in seen:
            seen.add(id(error))
            frames = traceback.format_list(traceback.extract_tb(trace))
            kind = type(error)
            blocks.append(
                "Traceback (most recent call last):\n" + "".join(frames)
                + f"{kind.__module__}.{kind.__qualname__} {WITHHELD}"
            )
            error = error.__cause__ or error.__context__
            trace = error.__traceback__ if error is not None else None
        return "\n\nwhich happened while handling:\n".join(reversed(blocks))


def setup_logging(folder: Path | None = None) -> Path:
    """Log to ``jdm-ctp.log`` (1 MB × 5 files) in the log directory; returns its path."""
    target = (folder or paths.log_dir()) / LOG_NAME
    handler = logging.handlers.RotatingFileHandler(target, maxBytes=1_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(PrivacyFormatter("%(asctime)s %(levelname)s %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(logging.INFO)
    log.propagate = False
    return target


# error_message's sentences (app/forms/terms.py lists them for the interface's language)
UNEXPECTED_ERROR = "Something unexpected went wrong: %1"
DRAFT_KEPT = ("What you entered stays in the open window; forms that autosave also keep a "
              "draft. The details are in the log file (%1); please send it to your IT "
              "contact.")
WINDOW_KEPT = ("The window stays open with what you entered. The details are in the log "
               "file (%1).")
ERROR_SENTENCES = (UNEXPECTED_ERROR, DRAFT_KEPT, WINDOW_KEPT)


def error_message(error: BaseException) -> Sentence:
    """What the person at the screen is told about an error no form handled itself: the
    English, with its sentences kept apart for the interface to translate.

    Storage problems (a full disk, a read-only or damaged database) are said as they are:
    the draft lives in the same database, so it was not saved either, and claiming it was
    would be false. The window that failed stays open with what was typed.
    """
    from app.db.file_health import storage_problem

    where = str(paths.log_dir() / LOG_NAME)
    problem = storage_problem(error)
    if problem is not None:
        return sentences("\n\n", [problem, phrase(WINDOW_KEPT, where)])
    return sentences("\n\n", [phrase(UNEXPECTED_ERROR, str(error)), phrase(DRAFT_KEPT, where)])


def install_error_hook(tell_user: Callable[[str], None]) -> None:
    """Unexpected errors are written to the log with their traceback, and the user is told in
    plain words instead of the window silently misbehaving."""

    def hook(kind: type[BaseException], error: BaseException,
             trace: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, error, trace))
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        tell_user(error_message(error))

    sys.excepthook = hook
