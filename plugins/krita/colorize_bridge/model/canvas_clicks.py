"""Clicks on Krita's canvas while "Click to recolour" is on.

An event filter on the active view's canvas widget (document/krita_canvas.py)
takes left clicks, mouse or pen, before Krita's tools see them, so a click
picks a region instead of painting; other buttons (panning, the pop-up
palette) and the keyboard reach Krita as before. A press and release less than
a few pixels apart are a click; a drag does nothing. Esc ends the mode.
Over the canvas the pointer is a pointing hand while the mode is on, so the
user sees that a click picks instead of paints.
"""
from __future__ import annotations

from typing import Callable, Optional

from PyQt5.QtCore import QEvent, QObject, QPoint, QPointF, Qt, pyqtSignal
from PyQt5.QtGui import QCursor, QTabletEvent
from PyQt5.QtWidgets import QApplication

from ..document.krita_canvas import CanvasWidget, active_canvas

CanvasSource = Callable[[], Optional[CanvasWidget]]  # krita_canvas.active_canvas inside Krita
__all__ = ["CanvasClicks", "CanvasSource", "active_canvas"]

CLICK_SLOP = 4.0  # widget pixels a press may move and still be a click

_PRESSES = (QEvent.MouseButtonPress, QEvent.MouseButtonDblClick, QEvent.TabletPress)
_RELEASES = (QEvent.MouseButtonRelease, QEvent.TabletRelease)
_MOVES = (QEvent.MouseMove, QEvent.TabletMove)


class CanvasClicks(QObject):
    clicked = pyqtSignal(QPoint)   # the image pixel clicked
    missed = pyqtSignal()          # a click beside the image
    stopped = pyqtSignal()         # the mode ended (Esc, the canvas went away, stop())

    def __init__(self, canvas_source: CanvasSource) -> None:
        super().__init__()
        self._canvas_source = canvas_source
        self._canvas: Optional[CanvasWidget] = None
        self._pressed_at: Optional[QPointF] = None
        self._cursor_set = False

    @property
    def is_on(self) -> bool:
        return self._canvas is not None

    def start(self) -> bool:
        """Watches the active view's canvas; False when there is none."""
        self._release()
        canvas = self._canvas_source()
        if canvas is None:
            return False
        self._canvas = canvas
        canvas.widget.installEventFilter(self)
        canvas.widget.destroyed.connect(self._canvas_destroyed)
        return True

    def stop(self) -> None:
        if self._release():
            self.stopped.emit()

    def _release(self) -> bool:
        canvas, self._canvas, self._pressed_at = self._canvas, None, None
        self._show_picking(False)
        if canvas is None:
            return False
        try:
            canvas.widget.removeEventFilter(self)
            canvas.widget.destroyed.disconnect(self._canvas_destroyed)
        except (RuntimeError, TypeError):  # Krita already deleted the widget
            pass
        return True

    def _canvas_destroyed(self) -> None:
        self._canvas, self._pressed_at = None, None
        self._show_picking(False)
        self.stopped.emit()

    def _show_picking(self, on: bool) -> None:
        """Krita sets the tool's cursor on the canvas all the time; an
        application override cursor wins over it, for as long as the pointer
        is over the canvas."""
        if on and not self._cursor_set:
            QApplication.setOverrideCursor(QCursor(Qt.PointingHandCursor))
        elif not on and self._cursor_set:
            QApplication.restoreOverrideCursor()
        self._cursor_set = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        canvas = self._canvas
        if canvas is None or watched is not canvas.widget:
            return False
        kind = event.type()
        if kind in (QEvent.Enter, QEvent.Leave):
            self._show_picking(kind == QEvent.Enter)
            return False
        if kind == QEvent.KeyPress and event.key() == Qt.Key_Escape:
            self.stop()
            return True
        if kind in _PRESSES and event.button() == Qt.LeftButton:
            self._pressed_at = _position(event)
            event.accept()  # a pen press taken here is not turned into a mouse press
            return True
        if kind in _MOVES and self._pressed_at is not None:
            return True  # the left button is down: no tool stroke starts under it
        if kind in _RELEASES and event.button() == Qt.LeftButton and self._pressed_at is not None:
            pressed_at, self._pressed_at = self._pressed_at, None
            event.accept()
            if (_position(event) - pressed_at).manhattanLength() <= CLICK_SLOP:
                pixel = canvas.geometry().image_pixel(pressed_at)  # where the user aimed
                if pixel is None:
                    self.missed.emit()
                else:
                    self.clicked.emit(pixel)
            return True
        return False


def _position(event: QEvent) -> QPointF:
    """Where a mouse or pen event happened on the widget, to the sub-pixel."""
    return QPointF(event.posF()) if isinstance(event, QTabletEvent) else QPointF(event.localPos())
