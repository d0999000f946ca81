"""A Krita document as the plugin needs it: layers by id, pixels as QImage.

Krita's Python API (libs/libkis) hands out fresh wrapper objects on every
call, so layers are remembered by their unique id, not by wrapper. Layers are
found by walking the tree: Krita 5.1's Document.nodeByUniqueID returns a bare
QObject that Node.addChildNode refuses.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any, Iterator, List, Optional, Sequence

from PyQt5.QtCore import QPoint, QRect, QSize, QTimer, QUuid
from PyQt5.QtGui import QColor, QImage

from ..image_transfer import bgra_bytes, qimage_from_bgra

SUPPORTED_COLOR_MODEL = "RGBA"
SUPPORTED_COLOR_DEPTH = "U8"
PAINT_LAYER = "paintlayer"
GROUP_LAYER = "grouplayer"
NORMAL_BLENDING = "normal"
MULTIPLY_BLENDING = "multiply"  # Krita's composite op id
FILL_ACTION = "fill_selection_foreground_color"  # Edit > Fill with Foreground Color
FILL_TOLERANCE = 2  # 8-bit levels a colour may move through the view's colour conversion


class DocumentError(Exception):
    """The document cannot be used as asked; the message says why, for the panel."""


@dataclass(frozen=True)
class LayerInfo:
    id: QUuid
    name: str


@dataclass(frozen=True)
class SelectionArea:
    rect: QRect   # bounding box, inside the canvas
    mask: bytes   # one byte a pixel of `rect`, 255 = fully selected


@dataclass(frozen=True)
class NewLayer:
    """A paint layer to create, with how Krita shows it."""
    name: str
    image: QImage
    blending: str = NORMAL_BLENDING
    visible: bool = True
    locked: bool = False


class KritaDocument:
    def __init__(self, document: Any) -> None:
        self._document = document

    @property
    def identity(self) -> QUuid:
        """Stable for one document across wrappers (its root layer's id)."""
        return self._document.rootNode().uniqueId()

    @property
    def name(self) -> str:
        """The name Krita shows for the document (its title, else its file's name)."""
        name = self._document.name() or self._document.fileName().replace("\\", "/").rsplit("/", 1)[-1]
        return name or "Untitled"

    def animation_frame(self) -> Optional[int]:
        """The current frame when any layer is animated, else None. Layers are
        read at the current frame (Node.pixelData), so a read then takes this frame."""
        animated = any(node.animated() for node in self._walk(self._document.rootNode()))
        return self._document.currentTime() if animated else None

    @property
    def size(self) -> QSize:
        return QSize(self._document.width(), self._document.height())

    @property
    def canvas_rect(self) -> QRect:
        return QRect(QPoint(0, 0), self.size)

    def check_format(self) -> None:
        """Krita layers of other depths and colour models do not come out as
        8-bit BGRA, so they are refused with the way out (issue 5, item 5)."""
        model, depth = self._document.colorModel(), self._document.colorDepth()
        if (model, depth) != (SUPPORTED_COLOR_MODEL, SUPPORTED_COLOR_DEPTH):
            raise DocumentError(
                f"This document is {model} {depth}; ColorizeBridge works on 8-bit RGB/Alpha documents. "
                "Convert it with Image > Convert Image Color Space (RGB/Alpha, 8-bit integer/channel), "
                "or colorize a converted copy.")

    def paint_layers(self) -> List[LayerInfo]:
        return [LayerInfo(node.uniqueId(), node.name()) for node in self._walk(self._document.rootNode())
                if node.type() == PAINT_LAYER]

    def active_layer(self) -> Optional[LayerInfo]:
        node = self._document.activeNode()
        if node is None or node.type() != PAINT_LAYER:
            return None
        return LayerInfo(node.uniqueId(), node.name())

    def layer_name(self, layer_id: QUuid) -> str:
        return self._node(layer_id).name()

    def has_layer(self, layer_id: QUuid) -> bool:
        return self._find(layer_id) is not None

    def read_layer(self, layer_id: QUuid, rect: QRect) -> QImage:
        return qimage_from_bgra(self.read_pixels(layer_id, rect), rect.width(), rect.height())

    def read_pixels(self, layer_id: QUuid, rect: QRect) -> bytes:
        """The layer's B, G, R, A bytes in `rect`, row by row."""
        return bytes(self._node(layer_id).pixelData(rect.x(), rect.y(), rect.width(), rect.height()))

    def write_pixels(self, layer_id: QUuid, bgra: bytes, rect: QRect) -> None:
        self._node(layer_id).setPixelData(bgra, rect.x(), rect.y(), rect.width(), rect.height())
        self._document.refreshProjection()

    def fill_pixels(self, layer_id: QUuid, pixels: Sequence[int], colour: QColor) -> bool:
        """Sets the given canvas pixels (ascending row-major indices) of a
        layer to the opaque colour. Where a view shows the document this goes
        through Krita's Fill with Foreground Color on a selection of exactly
        those pixels, so Edit > Undo takes it back, and True is returned; the
        user's selection, active layer, foreground colour and blending mode
        are as before afterwards. Without a view (kritarunner) the pixels are
        written directly, which Krita cannot undo, and False is returned."""
        if not pixels:
            raise ValueError("no pixels to fill")
        node = self._node(layer_id)
        if node.locked():
            raise DocumentError(f"The layer “{node.name()}” is locked: unlock it in the Layers docker first.")
        width = self.size.width()
        xs = [i % width for i in pixels]
        top, bottom = pixels[0] // width, pixels[-1] // width
        box = QRect(min(xs), top, max(xs) - min(xs) + 1, bottom - top + 1)
        inside = [(i // width - box.y()) * box.width() + i % width - box.x() for i in pixels]
        word = bytes([colour.blue(), colour.green(), colour.red(), 255])
        if self._fill_through_krita(node, box, inside, colour, word):
            return True
        current = bytearray(node.pixelData(box.x(), box.y(), box.width(), box.height()))
        for index in inside:
            current[4 * index:4 * index + 4] = word
        node.setPixelData(bytes(current), box.x(), box.y(), box.width(), box.height())
        self._document.refreshProjection()
        return False

    def _fill_through_krita(self, node: Any, box: QRect, inside: Sequence[int], colour: QColor, word: bytes) -> bool:
        view = self._view()
        if view is None or not node.visible():  # Krita fills only layers it shows
            return False
        from krita import Krita, ManagedColor, Selection  # a view exists only inside Krita

        action = Krita.instance().action(FILL_ACTION)
        if action is None:
            return False
        mask = bytearray(box.width() * box.height())
        for index in inside:
            mask[index] = 255
        region = Selection()
        region.setPixelData(bytes(mask), box.x(), box.y(), box.width(), box.height())
        selection, active = self._document.selection(), self._document.activeNode()
        foreground, blending = view.foregroundColor(), view.currentBlendingMode()
        try:
            self._document.setActiveNode(node)
            now_active = self._document.activeNode()
            if now_active is None or now_active.uniqueId() != node.uniqueId():
                return False  # Krita would fill another layer: the caller writes the pixels directly
            self._document.setSelection(region)
            view.setForeGroundColor(ManagedColor.fromQColor(colour, view.canvas()))
            view.setCurrentBlendingMode(NORMAL_BLENDING)
            action.trigger()
            self._document.waitForDone()
        finally:
            view.setCurrentBlendingMode(blending)
            view.setForeGroundColor(foreground)
            if active is not None:
                self._document.setActiveNode(active)
            self._document.setSelection(selection)
        first = inside[0]
        filled = bytes(node.pixelData(box.x() + first % box.width(), box.y() + first // box.width(), 1, 1))
        if not all(abs(a - b) <= FILL_TOLERANCE for a, b in zip(filled, word)):
            raise DocumentError(f"Krita did not fill the region of “{node.name()}”; check that the layer is not "
                                "alpha-locked, then try again.")
        return True

    def _view(self) -> Optional[Any]:
        """Krita's active view when it shows this document, else None."""
        try:
            from krita import Krita
        except ImportError:
            return None
        window = Krita.instance().activeWindow()
        view = window.activeView() if window is not None else None
        if view is None or view.document() is None or view.document() != self._document:
            return None
        return view

    def layer_below(self, layer_id: QUuid) -> Optional[LayerInfo]:
        """The sibling right under the layer, if any."""
        node = self._node(layer_id)
        siblings = node.parentNode().childNodes()
        index = next(i for i, sibling in enumerate(siblings) if sibling.uniqueId() == layer_id)
        return LayerInfo(siblings[index - 1].uniqueId(), siblings[index - 1].name()) if index > 0 else None

    def pixel_checksum(self, layer_id: QUuid, rect: QRect) -> int:
        """CRC-32 of the layer's pixels in `rect`: cheap change detection."""
        if rect.isEmpty():
            return 0
        return zlib.crc32(bytes(self._node(layer_id).pixelData(rect.x(), rect.y(), rect.width(), rect.height())))

    def painted_rect(self, layer_id: QUuid) -> QRect:
        """The part of the canvas where the layer has pixels (may be empty)."""
        return self._node(layer_id).bounds().intersected(self.canvas_rect)

    def selection(self) -> Optional[SelectionArea]:
        selection = self._document.selection()
        if selection is None:
            return None
        rect = QRect(selection.x(), selection.y(), selection.width(), selection.height()).intersected(self.canvas_rect)
        if rect.isEmpty():
            return None
        mask = bytes(selection.pixelData(rect.x(), rect.y(), rect.width(), rect.height()))
        return SelectionArea(rect, mask)

    def add_layer_above(self, reference_id: QUuid, name: str, image: Optional[QImage] = None,
                        position: QPoint = QPoint(0, 0), activate: bool = False) -> LayerInfo:
        """A new paint layer right above `reference_id`. Unless `activate`,
        the active layer stays what it was, so the user's next stroke still
        lands where they were painting (often the hints layer)."""
        reference = self._node(reference_id)
        active = self._document.activeNode()
        node = self._document.createNode(name, PAINT_LAYER)
        reference.parentNode().addChildNode(node, reference)
        # A Krita window activates an added layer from its event queue, after
        # this call returns; choosing the active layer must come after that.
        keep_active = node if activate or active is None else active
        QTimer.singleShot(0, lambda: self._document.setActiveNode(keep_active))
        if image is not None:
            node.setPixelData(bgra_bytes(image), position.x(), position.y(), image.width(), image.height())
        self._document.refreshProjection()
        return LayerInfo(node.uniqueId(), node.name())

    def add_group_above(self, reference_id: QUuid, name: str, layers: Sequence[NewLayer],
                        position: QPoint = QPoint(0, 0)) -> LayerInfo:
        """A new group right above `reference_id` holding `layers`, the first
        at the bottom. The active layer stays what it was (add_layer_above)."""
        reference = self._node(reference_id)
        active = self._document.activeNode()
        group = self._document.createNode(name, GROUP_LAYER)
        reference.parentNode().addChildNode(group, reference)
        below = None
        for layer in layers:
            node = self._document.createNode(layer.name, PAINT_LAYER)
            # Each child goes above the one before, so the order never depends
            # on where Krita puts a child added above nothing.
            group.addChildNode(node, below)
            image = layer.image
            node.setPixelData(bgra_bytes(image), position.x(), position.y(), image.width(), image.height())
            node.setBlendingMode(layer.blending)
            node.setVisible(layer.visible)
            node.setLocked(layer.locked)  # after the pixels: a locked layer is the user's promise not to paint
            below = node
        keep_active = group if active is None else active
        QTimer.singleShot(0, lambda: self._document.setActiveNode(keep_active))
        self._document.refreshProjection()
        return LayerInfo(group.uniqueId(), group.name())

    def group_layers(self) -> List[LayerInfo]:
        """Every group layer, top of the stack first."""
        return [LayerInfo(node.uniqueId(), node.name()) for node in self._walk(self._document.rootNode())
                if node.type() == GROUP_LAYER]

    def child_layers(self, group_id: QUuid) -> List[LayerInfo]:
        """The layers directly inside a group, bottom first."""
        return [LayerInfo(node.uniqueId(), node.name()) for node in self._node(group_id).childNodes()]

    def active_layer_and_parents(self) -> List[QUuid]:
        """The active layer's id and those of the groups around it, innermost first."""
        ids = []
        node = self._document.activeNode()
        while node is not None and node.parentNode() is not None:
            ids.append(node.uniqueId())
            node = node.parentNode()
        return ids

    def write_layer(self, layer_id: QUuid, image: QImage, position: QPoint = QPoint(0, 0)) -> None:
        self._node(layer_id).setPixelData(bgra_bytes(image), position.x(), position.y(), image.width(), image.height())
        self._document.refreshProjection()

    def remove_layer(self, layer_id: QUuid) -> None:
        node = self._find(layer_id)
        if node is not None:
            node.remove()
            self._document.refreshProjection()

    def _find(self, layer_id: QUuid) -> Optional[Any]:
        return next((node for node in self._walk(self._document.rootNode()) if node.uniqueId() == layer_id), None)

    def _node(self, layer_id: QUuid) -> Any:
        node = self._find(layer_id)
        if node is None:
            raise DocumentError("The layer chosen in the ColorizeBridge panel no longer exists; choose another.")
        return node

    def _walk(self, parent: Any) -> Iterator[Any]:
        # Top of the layer stack first, as the Layers docker lists them.
        for child in reversed(parent.childNodes()):
            yield child
            yield from self._walk(child)
