"""Starting without a display says so in plain words (issue 20.11) instead of Qt's
misleading xcb-cursor abort."""

from __future__ import annotations

import pytest

from app.gui import NO_DISPLAY_EXIT, display_problem, run_gui

pytestmark = pytest.mark.usefixtures("system_actor")

HAS = lambda _name: "libxcb-cursor.so.0"  # noqa: E731
MISSING = lambda _name: None  # noqa: E731


def test_no_display_on_linux_is_named():
    problem = display_problem({}, "linux", HAS)
    assert problem is not None and "needs a graphical display" in problem
    assert "DISPLAY and WAYLAND_DISPLAY are not set" in problem


def test_missing_xcb_cursor_is_named_with_the_package():
    problem = display_problem({"DISPLAY": ":0"}, "linux", MISSING)
    assert problem is not None and "libxcb-cursor0" in problem


def test_a_display_or_another_platform_is_left_to_qt():
    assert display_problem({"DISPLAY": ":0"}, "linux", HAS) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", MISSING) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", MISSING) is None
    assert display_problem({}, "win32", MISSING) is None
    assert display_problem({}, "darwin", MISSING) is None


def test_run_gui_stops_with_the_message_and_no_qt_abort(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert run_gui() == NO_DISPLAY_EXIT
    assert "needs a graphical display" in capsys.readouterr().err
