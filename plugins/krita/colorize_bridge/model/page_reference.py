"""The reference page (issue 17, item 3): a finished page, or animation frame,
whose colours every later Colorize and live preview follow region by region,
on any open document. It is taken from the current document: its line art
(the layer the panel treats as line art) and its coloured layer (the selected
paint layer, or the Flats of a result group), and kept as PNG bytes, so it
outlives a switch of documents. The server matches regions across sizes, so
the reference needs no particular size (docs/LAYERS.md, "Reference pages").
Failures become a message, never an exception."""
from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Optional, Tuple

from PyQt5.QtCore import QObject, pyqtSignal

from ..document.krita_document import DocumentError, KritaDocument, LayerInfo
from ..image_transfer import fit_within, from_wire_image, png_bytes, scaled
from ..protocol.messages import Image, ReferencePage
from .active_document import NO_DOCUMENT
from .layer_choice import LayerChoice
from .result_layers import current_result_group, result_group_of_active_layer

NO_REFERENCE = "No reference page: each Colorize starts from nothing."
CHOOSE_LINE_ART = ("Choose the line art layer in the panel first: the active layer is part of a result, "
                   "not the line art.")
NO_COLOURED_LAYER = ("No coloured layer to take: select the coloured paint layer (with the line art chosen in the "
                     "panel), or colorize with “Separate layers” first.")


@dataclass(frozen=True)
class PageReference:
    document_name: str
    layer_name: str         # the coloured layer, as the panel names it
    line_art_png: bytes
    colours_png: bytes      # the same size as the line art
    frame: Optional[int] = None  # the animation frame it was taken at; None: no animation

    @property
    def description(self) -> str:
        where = self.document_name if self.frame is None else f"{self.document_name}, frame {self.frame}"
        return f"{where}: {self.layer_name}"

    def wire(self, max_side: int = 0) -> ReferencePage:
        """The message; with `max_side`, both images shrunk to fit it (the
        live preview works at its own small size)."""
        if max_side <= 0:
            return ReferencePage(Image(self.line_art_png), Image(self.colours_png))
        return ReferencePage(Image(_shrunk(self.line_art_png, max_side)), Image(_shrunk(self.colours_png, max_side)))


def _shrunk(png: bytes, max_side: int) -> bytes:
    image = from_wire_image(Image(png))
    size = fit_within(image.size(), max_side)
    return png if size == image.size() else png_bytes(scaled(image, size), 100)


class PageReferenceState(enum.Enum):
    NONE = "none"    # no reference page
    SET = "set"      # `page` steers every Colorize
    ERROR = "error"  # the last take failed; `page` is what was kept before (or None)


class SequenceReference(QObject):
    changed = pyqtSignal()

    def __init__(self) -> None:
        super().__init__()
        self.page: Optional[PageReference] = None
        self.state = PageReferenceState.NONE
        self.message = ""

    @property
    def description(self) -> str:
        return f"Reference page: {self.page.description}" if self.page is not None else NO_REFERENCE

    def take(self, document: Optional[KritaDocument], layers: LayerChoice) -> None:
        """Keeps the document's line art and coloured layer, at the current
        animation frame where the document is animated, as the reference."""
        if document is None:
            self._fail(NO_DOCUMENT)
            return
        try:
            document.check_format()
            line_art, colours, colours_name = _reference_layers(document, layers)
            for layer, what in ((line_art, "line art"), (colours, "coloured")):
                if document.painted_rect(layer.id).isEmpty():
                    raise DocumentError(f"The {what} layer “{layer.name}” is empty.")
            page = PageReference(document.name, colours_name,
                                 png_bytes(document.read_layer(line_art.id, document.canvas_rect)),
                                 png_bytes(document.read_layer(colours.id, document.canvas_rect)),
                                 document.animation_frame())
        # RuntimeError: Krita deleted the document or a layer meanwhile.
        except (DocumentError, RuntimeError) as error:
            self._fail(f"Could not take the reference page: {error}")
            return
        self.page = page
        self._set(PageReferenceState.SET, "Every Colorize, on any open document, follows its colours "
                                          "until you clear it.")

    def clear(self) -> None:
        self.page = None
        self._set(PageReferenceState.NONE, "")

    def _fail(self, message: str) -> None:
        self._set(PageReferenceState.ERROR, message)

    def _set(self, state: PageReferenceState, message: str) -> None:
        self.state = state
        self.message = message
        self.changed.emit()


def _reference_layers(document: KritaDocument, layers: LayerChoice) -> Tuple[LayerInfo, LayerInfo, str]:
    """(line art, coloured layer, how the panel names the coloured layer). The
    coloured layer is, in this order: the Flats of the result group holding
    the active layer; the active paint layer, unless it is the line art or
    the hints; the Flats of the newest result group."""
    active_group = result_group_of_active_layer(document)
    if active_group is not None and layers.line_art is None:
        raise DocumentError(CHOOSE_LINE_ART)
    line_art = layers.line_art_layer(document)
    if active_group is not None:
        return line_art, active_group.flats, _flats_name(active_group.group)
    active = document.active_layer()
    if active is not None and active.id not in (line_art.id, layers.hints):
        return line_art, active, f"“{active.name}”"
    newest = current_result_group(document)
    if newest is not None:
        return line_art, newest.flats, _flats_name(newest.group)
    raise DocumentError(NO_COLOURED_LAYER)


def _flats_name(group: LayerInfo) -> str:
    return f"Flats of “{group.name}”"
