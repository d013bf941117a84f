"""The application log: rotating file, unexpected errors logged and explained."""

import sys

from app.logs import LOG_NAME, install_error_hook, log, setup_logging


def test_log_file_is_in_the_log_directory_and_records_errors(private_home, monkeypatch):
    from app import paths

    path = setup_logging()
    assert path == paths.log_dir() / LOG_NAME
    told: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_hook(told.append)
    log.info("started, database test.sqlite3")
    try:
        raise RuntimeError("disk " + "full")  # not one literal: the stack shows source lines
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    for handler in log.handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "started, database test.sqlite3" in text
    # The type and the stack, never the message: messages quote what was typed or stored.
    assert "RuntimeError (message withheld" in text and "Traceback" in text
    assert "disk full" not in text
    assert told and "disk full" in told[0] and "draft" in told[0] and LOG_NAME in told[0]
