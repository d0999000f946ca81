"""Clicks on a stand-in canvas widget: what is a click, what reaches Krita."""
from __future__ import annotations

from typing import List

import pytest
from PyQt5.QtCore import QEvent, QPoint, QPointF, QSize, Qt
from PyQt5.QtGui import QKeyEvent, QMouseEvent
from PyQt5 import sip
from PyQt5.QtWidgets import QApplication, QWidget

from colorize_bridge.document.krita_canvas import CanvasWidget, ViewGeometry
from colorize_bridge.model.canvas_clicks import CanvasClicks


class RecordingCanvas(QWidget):
    """Stands in for Krita's canvas widget: records what gets past the filter."""

    def __init__(self) -> None:
        super().__init__()
        self.resize(800, 600)
        self.seen: List[int] = []

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.MouseButtonPress, QEvent.MouseButtonRelease, QEvent.MouseMove, QEvent.KeyPress):
            self.seen.append(event.type())
        return super().event(event)


def view_geometry() -> ViewGeometry:
    # A 400 x 300 image at 100 %, centred: image pixel (x, y) shows at (200 + x, 150 + y).
    return ViewGeometry(QSize(800, 600), QSize(400, 300), 1.0, 72.0, 0.0, False, 0.0, 0.0)


@pytest.fixture
def scene(qapp):
    canvas = RecordingCanvas()
    clicks = CanvasClicks(lambda: CanvasWidget(canvas, view_geometry))
    got = {"clicked": [], "missed": 0, "stopped": 0}
    clicks.clicked.connect(lambda point: got["clicked"].append(point))
    clicks.missed.connect(lambda: got.__setitem__("missed", got["missed"] + 1))
    clicks.stopped.connect(lambda: got.__setitem__("stopped", got["stopped"] + 1))
    yield canvas, clicks, got
    clicks.stop()
    if not sip.isdeleted(canvas):
        canvas.deleteLater()


def mouse(canvas: QWidget, kind: QEvent.Type, x: float, y: float, button=Qt.LeftButton) -> None:
    buttons = button if kind != QEvent.MouseButtonRelease else Qt.NoButton
    QApplication.sendEvent(canvas, QMouseEvent(kind, QPointF(x, y), button, buttons, Qt.NoModifier))


def click(canvas: QWidget, x: float, y: float, to=None, button=Qt.LeftButton) -> None:
    mouse(canvas, QEvent.MouseButtonPress, x, y, button)
    if to is not None:
        mouse(canvas, QEvent.MouseMove, *to, button=button)
    mouse(canvas, QEvent.MouseButtonRelease, *(to or (x, y)), button=button)


def test_a_left_click_gives_the_image_pixel_and_krita_sees_nothing(scene):
    canvas, clicks, got = scene
    assert clicks.start()

    click(canvas, 212.5, 160.5)

    assert got["clicked"] == [QPoint(12, 10)]
    assert canvas.seen == []  # no tool stroke starts under the click


def test_a_small_wobble_is_still_a_click(scene):
    canvas, clicks, got = scene
    clicks.start()
    click(canvas, 212.5, 160.5, to=(214.5, 161.5))
    assert got["clicked"] == [QPoint(12, 10)]


def test_a_drag_is_no_click(scene):
    canvas, clicks, got = scene
    clicks.start()
    click(canvas, 212.5, 160.5, to=(260.0, 160.5))
    assert got["clicked"] == [] and got["missed"] == 0
    assert canvas.seen == []


def test_a_click_beside_the_image_is_missed(scene):
    canvas, clicks, got = scene
    clicks.start()
    click(canvas, 100.0, 100.0)
    assert got["clicked"] == [] and got["missed"] == 1


def test_other_buttons_reach_krita(scene):
    canvas, clicks, got = scene
    clicks.start()
    click(canvas, 212.5, 160.5, button=Qt.MiddleButton)  # panning
    assert got["clicked"] == []
    assert canvas.seen == [QEvent.MouseButtonPress, QEvent.MouseButtonRelease]


def test_escape_ends_the_mode_and_krita_gets_clicks_again(scene):
    canvas, clicks, got = scene
    clicks.start()

    QApplication.sendEvent(canvas, QKeyEvent(QEvent.KeyPress, Qt.Key_Escape, Qt.NoModifier))
    click(canvas, 212.5, 160.5)

    assert got["stopped"] == 1 and not clicks.is_on
    assert got["clicked"] == []
    assert canvas.seen == [QEvent.MouseButtonPress, QEvent.MouseButtonRelease]


def test_other_keys_reach_krita(scene):
    canvas, clicks, got = scene
    clicks.start()
    QApplication.sendEvent(canvas, QKeyEvent(QEvent.KeyPress, Qt.Key_B, Qt.NoModifier))
    assert canvas.seen == [QEvent.KeyPress] and clicks.is_on


def test_stop_removes_the_filter(scene):
    canvas, clicks, got = scene
    clicks.start()
    clicks.stop()
    clicks.stop()  # twice is harmless
    click(canvas, 212.5, 160.5)
    assert got["stopped"] == 1
    assert got["clicked"] == []
    assert len(canvas.seen) == 2


def test_without_a_canvas_start_says_so(qapp):
    clicks = CanvasClicks(lambda: None)
    assert not clicks.start()
    assert not clicks.is_on


def test_the_canvas_going_away_ends_the_mode(scene, process_events):
    canvas, clicks, got = scene
    clicks.start()
    canvas.deleteLater()
    process_events(lambda: got["stopped"] == 1, timeout_s=2.0)
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert got["stopped"] == 1
    assert not clicks.is_on


def test_over_the_canvas_the_pointer_shows_picking_until_it_leaves_or_the_mode_ends(scene):
    canvas, clicks, got = scene
    clicks.start()
    assert QApplication.overrideCursor() is None

    QApplication.sendEvent(canvas, QEvent(QEvent.Enter))
    assert QApplication.overrideCursor().shape() == Qt.PointingHandCursor
    QApplication.sendEvent(canvas, QEvent(QEvent.Leave))
    assert QApplication.overrideCursor() is None

    QApplication.sendEvent(canvas, QEvent(QEvent.Enter))
    clicks.stop()
    assert QApplication.overrideCursor() is None
