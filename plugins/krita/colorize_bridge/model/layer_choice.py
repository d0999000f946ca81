"""Which layer is the line art, which holds the colour hints, and which is
the reference of a reference model."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from PyQt5.QtCore import QUuid

from ..document.krita_document import DocumentError, KritaDocument, LayerInfo

HINTS_LAYER_NAME = "Hints"


def new_layer_anchor(document: KritaDocument, line_art: LayerInfo, hints: Optional[LayerInfo]) -> LayerInfo:
    """The layer a new result or preview layer goes right above: directly
    under the hints layer, so the newest colour lies over older results while
    the hint dots stay visible on top; without hints, above the line art."""
    if hints is not None and document.has_layer(hints.id):
        below_hints = document.layer_below(hints.id)
        if below_hints is not None:
            return below_hints
    return line_art


@dataclass
class LayerChoice:
    line_art: Optional[QUuid] = None  # None: the active layer
    hints: Optional[QUuid] = None     # None: colorize without hints
    reference: Optional[QUuid] = None  # only for models of kind "reference" (see steering.py)

    def resolve(self, document: KritaDocument) -> Tuple[LayerInfo, Optional[LayerInfo]]:
        line_art = self.line_art_layer(document)
        hints = None
        if self.hints is not None:
            if not document.has_layer(self.hints):
                raise DocumentError("The hints layer chosen in the ColorizeBridge panel no longer exists; choose another.")
            hints = LayerInfo(self.hints, document.layer_name(self.hints))
            if hints.id == line_art.id:
                raise DocumentError("The line art and the hints must be different layers.")
        return line_art, hints

    def create_hints_layer(self, document: KritaDocument) -> LayerInfo:
        """A new "Hints" layer above the line art, chosen as the hints layer
        and made active, ready for the brush. The line art is pinned, so it
        does not follow the active layer to the hints."""
        line_art = self.line_art_layer(document)
        hints = document.add_layer_above(line_art.id, HINTS_LAYER_NAME, activate=True)
        self.line_art = line_art.id
        self.hints = hints.id
        return hints

    def line_art_layer(self, document: KritaDocument) -> LayerInfo:
        """The chosen line art layer, else the active one."""
        if self.line_art is None:
            active = document.active_layer()
            if active is None:
                raise DocumentError("Select the line art layer (a paint layer), or choose it in the panel.")
            return active
        if not document.has_layer(self.line_art):
            raise DocumentError("The line art layer chosen in the ColorizeBridge panel no longer exists; choose another.")
        return LayerInfo(self.line_art, document.layer_name(self.line_art))
