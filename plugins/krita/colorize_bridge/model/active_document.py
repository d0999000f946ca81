"""The document the panel works on: Krita's active one, with the layers chosen
in it. Another document starts a fresh choice (its layer ids mean nothing
there); failures come back as the message to show, never as an exception."""
from __future__ import annotations

from typing import Any, Callable, List, Optional, Tuple

from PyQt5.QtCore import QUuid

from ..document.krita_document import DocumentError, KritaDocument
from .layer_choice import LayerChoice

NO_DOCUMENT = "Open a document first."

KritaDocumentSource = Callable[[], Any]  # Krita's active Document (libkis), or None


class ActiveDocument:
    def __init__(self, krita_document: KritaDocumentSource) -> None:
        self._krita_document = krita_document
        self.layers = LayerChoice()
        self._identity = self._identity_of(self.current())

    def current(self) -> Optional[KritaDocument]:
        document = self._krita_document()
        return KritaDocument(document) if document is not None else None

    def follow(self) -> bool:
        """Krita switched canvases. True when it is another document: the
        chosen layers are forgotten (and whatever ran on the old document
        should stop); another view of the same document keeps them."""
        identity = self._identity_of(self.current())
        if identity == self._identity:
            return False
        self._identity = identity
        self.layers = LayerChoice()
        return True

    def paint_layers(self) -> List[Tuple[str, QUuid]]:
        """(name, id) of every paint layer of the document; none without one."""
        document = self.current()
        return [(layer.name, layer.id) for layer in document.paint_layers()] if document is not None else []

    def animation_frame(self) -> Optional[int]:
        """The current frame where the document is animated, else None."""
        document = self.current()
        return document.animation_frame() if document is not None else None

    def create_hints_layer(self) -> str:
        """Adds a hints layer above the line art and chooses it
        (LayerChoice.create_hints_layer); returns what went wrong, or ""."""
        document = self.current()
        if document is None:
            return NO_DOCUMENT
        try:
            self.layers.create_hints_layer(document)
        except DocumentError as error:
            return str(error)
        return ""

    @staticmethod
    def _identity_of(document: Optional[KritaDocument]) -> Optional[QUuid]:
        return document.identity if document is not None else None
