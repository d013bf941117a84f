"""Every window fits a 1366×768 screen (issue 20.4): sized to 1366×728 (the screen less a
taskbar), its content scrolls and every button stays inside the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWizard
from workstation_windows import TODAY, clinic, fill_current_page, windows

from app.forms.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("system_actor")

WIDTH, HEIGHT = 1366, 728
NAMES = [name for name, _factory in windows(None, {"enrolled": 0, "screened": 0}, None)]


def _in_scroll_area(widget, window) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _visible_buttons(window):
    """Buttons the window itself shows (those inside a scrolling area scroll into view)."""
    return [b for b in window.findChildren(QAbstractButton)
            if b.isVisibleTo(window) and b.window() is window and b.text()
            and not _in_scroll_area(b, window)]


@pytest.fixture(params=[None, 12], ids=["default font", "12 pt font"])
def font(request):
    """Also with a larger font than the test platform's 9 pt, as many desktops use."""
    app = QApplication.instance()
    before = app.font()
    if request.param:
        larger = app.font()
        larger.setPointSize(request.param)
        app.setFont(larger)
    yield
    app.setFont(before)


@pytest.mark.parametrize("name", NAMES)
def test_window_fits_1366_by_768_with_its_buttons_inside(qtbot, database, tmp_path, name,
                                                          font):
    ids = clinic(database)
    main = MainWindow(database, user="nurse", today=TODAY)
    qtbot.addWidget(main)
    factory = dict(windows(main, ids, tmp_path))[name]
    window = factory()
    if window is not main:
        qtbot.addWidget(window)
        if isinstance(window, QWizard):
            window.ask = lambda *_args: "Discard"
    # The size it opens with already fits the screen.
    assert window.width() <= WIDTH and window.height() <= HEIGHT, (name, window.size())
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    # Its minimum size allows that: nothing forces it taller than the screen.
    assert window.height() <= HEIGHT, (name, window.minimumSizeHint())
    area = QRect(0, 0, window.width(), window.height())
    # A wizard is checked on every page, walked through with ordinary answers.
    pages = [window] if not isinstance(window, QWizard) else range(12)
    seen = []
    for _ in pages:
        QApplication.processEvents()
        assert window.height() <= HEIGHT, (name, window.currentId(), window.minimumSizeHint())
        seen.append(window.currentId() if isinstance(window, QWizard) else 0)
        for button in _visible_buttons(window):
            top_left = button.mapTo(window, button.rect().topLeft())
            bottom_right = button.mapTo(window, button.rect().bottomRight())
            inside = area.contains(top_left) and area.contains(bottom_right)
            assert inside, (name, button.text(), top_left, bottom_right, area)
        if isinstance(window, QWizard):
            if window.currentId() == window.pageIds()[-1]:
                break
            fill_current_page(window)
            window.next()
    if isinstance(window, QWizard):
        assert len(set(seen)) == len(window.pageIds()), (name, seen)  # every page was seen
