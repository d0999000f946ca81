""""Recolour region": fill one region of a result's Flats layer with the
foreground colour, here in the plugin, without calling the server.

Krita's Python API has no canvas click events, so the region is the one under
the user's selection (a click with the contiguous selection tool is enough).
A hint dot of the colour goes into the hints layer at the region's centre, so
the next Colorize keeps the colour. Problems become the message, never an
exception into Krita."""
from __future__ import annotations

import enum
from typing import List, Optional

from PyQt5.QtCore import QObject, QRect, QUuid, pyqtSignal
from PyQt5.QtGui import QColor

from ..document.krita_document import DocumentError, KritaDocument
from ..region_map import PAPER, colour_word, find_region, painted, region_under_selection
from .active_document import NO_DOCUMENT
from .layer_choice import LayerChoice
from .result_layers import current_result_group

NO_RESULT_GROUP = ("No result layers to recolour: tick “Separate layers” and press Colorize; "
                   "the result comes as a group with Flats and Regions layers.")
NO_SELECTION = ("Select inside the region to recolour (a click with the contiguous selection tool is enough), "
                "then press Recolour region.")
ON_PAPER = "The selection is on the paper, not in a region: select inside a coloured area."
OUTSIDE_RESULT = "The selection lies outside the result's layers: select inside a coloured area of the result."
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
        if document is None:
            self._set(RecolourState.ERROR, NO_DOCUMENT)
            return
        try:
            self._recolour(document, layers, colour)
        # RuntimeError: Krita deleted the document or a layer meanwhile.
        except (DocumentError, ValueError, RuntimeError) as error:
            self._set(RecolourState.ERROR, f"Could not recolour the region: {error}")

    def _recolour(self, document: KritaDocument, layers: LayerChoice, colour: Optional[QColor]) -> None:
        document.check_format()  # the region colours are compared as 8-bit B, G, R, A
        group = current_result_group(document)
        if group is None:
            self._set(RecolourState.ERROR, NO_RESULT_GROUP)
            return
        selection = document.selection()
        if selection is None:
            self._set(RecolourState.ERROR, NO_SELECTION)
            return
        if colour is None or not colour.isValid():
            self._set(RecolourState.ERROR, NO_FOREGROUND)
            return
        word = region_under_selection(document.read_pixels(group.regions.id, selection.rect), selection.mask)
        if word is None:
            self._set(RecolourState.ERROR, OUTSIDE_RESULT)
            return
        if word == PAPER:
            self._set(RecolourState.ERROR, ON_PAPER)
            return

        canvas = document.canvas_rect
        region = find_region(document.read_pixels(group.regions.id, canvas), canvas.width(), word)
        fill = colour_word(colour.red(), colour.green(), colour.blue())
        _paint(document, group.flats.id, region.pixels, canvas.width(), fill)

        where = f"Recoloured a region of “{group.group.name}” ({len(region.pixels)} pixels)"
        if layers.hints is None or not document.has_layer(layers.hints):
            self._set(RecolourState.DONE, f"{where}. Choose a hints layer to keep the colour in the next Colorize.")
            return
        _paint(document, layers.hints, region.dot(), canvas.width(), fill)
        self._set(RecolourState.DONE, f"{where}; a hint dot in “{document.layer_name(layers.hints)}” keeps it "
                                      "in the next Colorize.")

    def _set(self, state: RecolourState, message: str) -> None:
        self.state = state
        self.message = message
        self.changed.emit()


def _paint(document: KritaDocument, layer_id: QUuid, pixels: List[int], canvas_width: int, word: int) -> None:
    """Sets the given canvas pixels (row-major indices) of a layer to `word`;
    only the box around them is read and written back."""
    xs = [i % canvas_width for i in pixels]
    top, bottom = pixels[0] // canvas_width, pixels[-1] // canvas_width  # the indices ascend
    box = QRect(min(xs), top, max(xs) - min(xs) + 1, bottom - top + 1)
    inside = [(i // canvas_width - box.y()) * box.width() + i % canvas_width - box.x() for i in pixels]
    document.write_pixels(layer_id, painted(document.read_pixels(layer_id, box), inside, word), box)
