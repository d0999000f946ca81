"""Click to recolour and Recolour selection: fill one region of a result's Flats layer with the
foreground colour, here in the plugin, without calling the server.

The region is the one clicked on the canvas while "Click to recolour" is on
(canvas_clicks.py), or the one under the user's selection ("Recolour
selection"). A hint dot of the colour goes into the hints layer at the
region's centre, so the next Colorize keeps the colour. Where a view shows the
document both go through Krita's own fill, so Edit > Undo takes them back (the
dot first, then the flat). Problems become the message, never an exception
into Krita."""
from __future__ import annotations

import enum
from typing import Optional

from PyQt5.QtCore import QObject, QPoint, QRect, pyqtSignal
from PyQt5.QtGui import QColor

from ..document.krita_document import DocumentError, KritaDocument
from ..region_map import PAPER, find_region, region_under_selection
from .active_document import NO_DOCUMENT
from .layer_choice import LayerChoice
from .result_layers import current_result_group

NO_RESULT_GROUP = ("No result layers to recolour: tick “Separate layers” and press Colorize; "
                   "the result comes as a group with Flats and Regions layers.")
NO_SELECTION = ("Select inside the region to recolour, then press Recolour selection; or turn on Click to "
                "recolour and click the region on the canvas.")
ON_PAPER = "The selection is on the paper, not in a region: select inside a coloured area."
OUTSIDE_RESULT = "The selection lies outside the result's layers: select inside a coloured area of the result."
CLICK_ON_PAPER = "That is the paper, not a region: click inside a coloured area of the result."
CLICK_OUTSIDE_RESULT = "That is outside the result's layers: click inside a coloured area of the result."
CLICK_OFF_IMAGE = "That click is beside the image: click inside a coloured area of the result."
NO_FOREGROUND = "No foreground colour: open a view of the document first."


class RecolourState(enum.Enum):
    IDLE = "idle"
    DONE = "done"
    ERROR = "error"


class RegionRecolour(QObject):
    changed = pyqtSignal()

    def __init__(self) -> None:
        super().__init__()
        self.state = RecolourState.IDLE
        self.message = ""

    def recolour(self, document: Optional[KritaDocument], layers: LayerChoice, colour: Optional[QColor]) -> None:
        """The region under the document's selection."""
        self._run(document, layers, colour, None)

    def recolour_at(self, document: Optional[KritaDocument], layers: LayerChoice, colour: Optional[QColor],
                    point: QPoint) -> None:
        """The region at an image pixel (a click on the canvas)."""
        self._run(document, layers, colour, point)

    def click_missed(self) -> None:
        self._set(RecolourState.ERROR, CLICK_OFF_IMAGE)

    def _run(self, document: Optional[KritaDocument], layers: LayerChoice, colour: Optional[QColor],
             point: Optional[QPoint]) -> None:
        if document is None:
            self._set(RecolourState.ERROR, NO_DOCUMENT)
            return
        try:
            self._recolour(document, layers, colour, point)
        # RuntimeError: Krita deleted the document or a layer meanwhile.
        except (DocumentError, ValueError, RuntimeError) as error:
            self._set(RecolourState.ERROR, f"Could not recolour the region: {error}")

    def _recolour(self, document: KritaDocument, layers: LayerChoice, colour: Optional[QColor],
                  point: Optional[QPoint]) -> None:
        document.check_format()  # the region colours are compared as 8-bit B, G, R, A
        group = current_result_group(document)
        if group is None:
            self._set(RecolourState.ERROR, NO_RESULT_GROUP)
            return
        if point is None:
            selection = document.selection()
            if selection is None:
                self._set(RecolourState.ERROR, NO_SELECTION)
                return
            area, mask = selection.rect, selection.mask
        else:
            area, mask = QRect(point.x(), point.y(), 1, 1), bytes([255])
        if colour is None or not colour.isValid():
            self._set(RecolourState.ERROR, NO_FOREGROUND)
            return
        word = region_under_selection(document.read_pixels(group.regions.id, area), mask)
        if word is None:
            self._set(RecolourState.ERROR, OUTSIDE_RESULT if point is None else CLICK_OUTSIDE_RESULT)
            return
        if word == PAPER:
            self._set(RecolourState.ERROR, ON_PAPER if point is None else CLICK_ON_PAPER)
            return

        canvas = document.canvas_rect
        region = find_region(document.read_pixels(group.regions.id, canvas), canvas.width(), word)
        undoable = document.fill_pixels(group.flats.id, region.pixels, colour)

        where = f"Recoloured a region of “{group.group.name}” ({len(region.pixels)} pixels)"
        undo = " Edit > Undo takes it back." if undoable else ""
        if layers.hints is None or not document.has_layer(layers.hints):
            self._set(RecolourState.DONE, f"{where}. Choose a hints layer to keep the colour in the next "
                                          f"Colorize.{undo}")
            return
        document.fill_pixels(layers.hints, region.dot(), colour)
        undo = " Edit > Undo twice takes it back (the dot, then the flat)." if undoable else ""
        self._set(RecolourState.DONE, f"{where}; a hint dot in “{document.layer_name(layers.hints)}” keeps it "
                                      f"in the next Colorize.{undo}")

    def _set(self, state: RecolourState, message: str) -> None:
        self.state = state
        self.message = message
        self.changed.emit()

