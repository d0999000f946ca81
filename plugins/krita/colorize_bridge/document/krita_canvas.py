"""Where a click on Krita's canvas lands in the image.

Krita 5.1's Python API gives a view's zoom, rotation and mirroring but no
widget-to-image transform, and no canvas mouse events. The canvas widget is a
plain Qt widget inside the view's scroll area, so the plugin watches it with an
event filter (model/canvas_clicks.py) and maps a click with the transform
below: the image's centre sits at the widget's centre, moved by how far each
scroll bar is from the middle of its range; around it the image is rotated,
mirrored left-right and zoomed. Checked in a real Krita at several zooms,
rotations and mirrorings by tests/test_real_krita.py (the canvas-click case).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable, Optional

from PyQt5.QtCore import QPoint, QPointF, QSize
from PyQt5.QtGui import QTransform
from PyQt5.QtWidgets import QAbstractScrollArea, QMdiArea, QWidget

KRITA_POINTS_PER_INCH = 72.0  # Krita's zoom level counts a 72-ppi document's pixel as one screen pixel


@dataclass(frozen=True)
class ViewGeometry:
    """How a view shows its image, as Krita's canvas and scroll bars say."""
    widget_size: QSize
    image_size: QSize
    zoom_level: float        # Canvas.zoomLevel()
    resolution: float        # Document.resolution(), pixels per inch
    rotation: float          # Canvas.rotation(), degrees clockwise
    mirror: bool             # Canvas.mirror(): flipped left-right
    scroll_x: float          # scroll bar value minus the middle of its range
    scroll_y: float

    def image_to_widget(self) -> QTransform:
        """Image pixels, centred on the image's centre, to widget pixels,
        centred on the widget's centre."""
        if self.zoom_level <= 0 or self.resolution <= 0:
            raise ValueError(f"a view with zoom {self.zoom_level} and resolution {self.resolution} shows nothing")
        scale = self.zoom_level * KRITA_POINTS_PER_INCH / self.resolution
        transform = QTransform()
        transform.translate(-self.scroll_x, -self.scroll_y)
        transform.rotate(self.rotation)
        if self.mirror:
            transform.scale(-1.0, 1.0)
        transform.scale(scale, scale)
        return transform

    def image_point(self, widget_point: QPointF) -> QPointF:
        """The image position (pixels, fractional) under a widget position."""
        inverse, invertible = self.image_to_widget().inverted()
        if not invertible:
            raise ValueError("the view's transform cannot be inverted")
        centre = QPointF(self.widget_size.width() / 2.0, self.widget_size.height() / 2.0)
        return inverse.map(widget_point - centre) + QPointF(self.image_size.width() / 2.0,
                                                            self.image_size.height() / 2.0)

    def image_pixel(self, widget_point: QPointF) -> Optional[QPoint]:
        """The image pixel under a widget position; None off the image."""
        point = self.image_point(widget_point)
        x, y = math.floor(point.x()), math.floor(point.y())
        if not (0 <= x < self.image_size.width() and 0 <= y < self.image_size.height()):
            return None
        return QPoint(x, y)

    def widget_point(self, image_point: QPointF) -> QPointF:
        """Where an image position shows on the widget (the inverse of image_point)."""
        centre = QPointF(self.widget_size.width() / 2.0, self.widget_size.height() / 2.0)
        offset = image_point - QPointF(self.image_size.width() / 2.0, self.image_size.height() / 2.0)
        return self.image_to_widget().map(offset) + centre


@dataclass(frozen=True)
class CanvasWidget:
    """The widget Krita paints a view's canvas on, and how that view shows
    the image right now (the geometry changes with every zoom and scroll)."""
    widget: QWidget
    geometry: Callable[[], ViewGeometry]


def _scroll_offset(bar: Any) -> float:
    return bar.value() - (bar.minimum() + bar.maximum()) / 2.0


def active_canvas() -> Optional[CanvasWidget]:
    """The canvas widget of Krita's active view; None without a view (no
    window, no document open, or kritarunner)."""
    from krita import Krita  # only inside Krita: this module's maths is tested without it

    window = Krita.instance().activeWindow()
    view = window.activeView() if window is not None else None
    if view is None or view.document() is None:
        return None
    mdi = window.qwindow().findChild(QMdiArea)
    sub_window = mdi.activeSubWindow() if mdi is not None else None
    area = sub_window.widget().findChild(QAbstractScrollArea) if sub_window is not None else None
    if area is None:
        return None
    widget = next((child for child in area.viewport().children()
                   if isinstance(child, QWidget) and child.metaObject().className().startswith("Kis")
                   and "Canvas" in child.metaObject().className()), None)
    if widget is None:
        return None
    document = view.document()

    def geometry() -> ViewGeometry:
        canvas = view.canvas()
        return ViewGeometry(widget_size=widget.size(), image_size=QSize(document.width(), document.height()),
                            zoom_level=canvas.zoomLevel(), resolution=float(document.resolution()),
                            rotation=canvas.rotation(), mirror=canvas.mirror(),
                            scroll_x=_scroll_offset(area.horizontalScrollBar()),
                            scroll_y=_scroll_offset(area.verticalScrollBar()))

    return CanvasWidget(widget, geometry)
