"""The Krita docker: wires Krita's active document and settings to the panel."""
from __future__ import annotations

from typing import Optional

from krita import DockWidget, Krita
from PyQt5.QtGui import QColor

from ..model.active_document import ActiveDocument
from ..model.canvas_clicks import CanvasClicks, active_canvas
from ..model.colorize_job import ColorizeJob
from ..model.connection import Connection
from ..model.live_preview import LivePreview
from .panel import ColorizeBridgePanel

SETTINGS_GROUP = "colorize_bridge"


class KritaSettings:
    def read(self, key: str, default: str) -> str:
        return Krita.instance().readSetting(SETTINGS_GROUP, key, default)

    def write(self, key: str, value: str) -> None:
        Krita.instance().writeSetting(SETTINGS_GROUP, key, value)


def foreground_color() -> Optional[QColor]:
    """The foreground colour of the active view, as the canvas shows it."""
    window = Krita.instance().activeWindow()
    view = window.activeView() if window is not None else None
    if view is None:
        return None
    return view.foregroundColor().colorForCanvas(view.canvas())


class ColorizeBridgeDocker(DockWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("ColorizeBridge")
        connection = Connection()
        self.panel = ColorizeBridgePanel(connection, ColorizeJob(connection), LivePreview(connection),
                                         ActiveDocument(lambda: Krita.instance().activeDocument()), KritaSettings(), self,
                                         foreground_color, canvas_clicks=CanvasClicks(active_canvas))
        self.setWidget(self.panel)

    def canvasChanged(self, canvas) -> None:  # noqa: N802 (Krita's DockWidget API)
        self.panel.document_changed()
