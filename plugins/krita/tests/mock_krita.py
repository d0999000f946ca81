"""A stand-in for Krita's Python API (libs/libkis), enough for the plugin.

Layers keep canvas-sized B, G, R, A buffers like Krita's 8-bit RGBA paint
devices; `bounds()` is the box around pixels with any non-zero byte.
"""
from __future__ import annotations

from typing import Dict, List, Optional

from PyQt5.QtCore import QRect, QTimer, QUuid
from PyQt5.QtGui import QColor
from PyQt5.QtWidgets import QDockWidget


class MockNode:
    def __init__(self, document: MockDocument, name: str, node_type: str) -> None:
        self._document = document
        self._name = name
        self._type = node_type
        self._id = QUuid.createUuid()
        self._parent: Optional[MockNode] = None
        self.children: List[MockNode] = []
        self.pixels = bytearray(document.width() * document.height() * 4)
        self.pixel_writes = 0
        self._blending = "normal"
        self._visible = True
        self._locked = False
        self._animated = False

    def name(self) -> str:
        return self._name

    def type(self) -> str:
        return self._type

    def uniqueId(self) -> QUuid:  # noqa: N802 (Krita's names)
        return self._id

    def blendingMode(self) -> str:  # noqa: N802
        return self._blending

    def setBlendingMode(self, mode: str) -> None:  # noqa: N802
        self._blending = mode

    def visible(self) -> bool:
        return self._visible

    def setVisible(self, visible: bool) -> None:  # noqa: N802
        self._visible = visible

    def locked(self) -> bool:
        return self._locked

    def setLocked(self, locked: bool) -> None:  # noqa: N802
        self._locked = locked

    def animated(self) -> bool:
        return self._animated

    def set_animated(self, animated: bool) -> None:
        """Test helper: Krita's enableAnimation() plus keyframes."""
        self._animated = animated

    def parentNode(self) -> Optional[MockNode]:  # noqa: N802
        return self._parent

    def childNodes(self) -> List[MockNode]:  # noqa: N802
        return list(self.children)

    def addChildNode(self, child: MockNode, above: Optional[MockNode]) -> bool:  # noqa: N802
        index = self.children.index(above) + 1 if above is not None else len(self.children)
        self.children.insert(index, child)
        child._parent = self
        # A Krita window activates an added layer from its event queue.
        QTimer.singleShot(0, lambda: self._document.setActiveNode(child))
        return True

    def remove(self) -> bool:
        if self._parent is None:
            return False
        self._parent.children.remove(self)
        self._parent = None
        return True

    def pixelData(self, x: int, y: int, w: int, h: int) -> bytes:  # noqa: N802
        out = bytearray(w * h * 4)
        canvas_w, canvas_h = self._document.width(), self._document.height()
        for row in range(h):
            cy = y + row
            if not 0 <= cy < canvas_h:
                continue
            x0, x1 = max(x, 0), min(x + w, canvas_w)
            if x0 >= x1:
                continue
            source = (cy * canvas_w + x0) * 4
            target = (row * w + (x0 - x)) * 4
            out[target:target + (x1 - x0) * 4] = self.pixels[source:source + (x1 - x0) * 4]
        return bytes(out)

    def setPixelData(self, data: bytes, x: int, y: int, w: int, h: int) -> bool:  # noqa: N802
        assert len(data) == w * h * 4, "Krita reads exactly w*h*4 bytes"
        canvas_w, canvas_h = self._document.width(), self._document.height()
        for row in range(h):
            cy = y + row
            if not 0 <= cy < canvas_h:
                continue
            x0, x1 = max(x, 0), min(x + w, canvas_w)
            if x0 >= x1:
                continue
            target = (cy * canvas_w + x0) * 4
            source = (row * w + (x0 - x)) * 4
            self.pixels[target:target + (x1 - x0) * 4] = data[source:source + (x1 - x0) * 4]
        self.pixel_writes += 1
        return True

    def bounds(self) -> QRect:
        width = self._document.width()
        painted = [i // 4 for i in range(0, len(self.pixels), 4) if any(self.pixels[i:i + 4])]
        if not painted:
            return QRect()
        xs = [p % width for p in painted]
        ys = [p // width for p in painted]
        return QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)

    def fill_rect(self, rect: QRect, bgra: bytes) -> None:
        """Test helper: paint a solid rectangle."""
        self.setPixelData(bgra * (rect.width() * rect.height()), rect.x(), rect.y(), rect.width(), rect.height())


class MockSelection:
    def __init__(self, rect: QRect, mask: bytes) -> None:
        self._rect = rect
        self._mask = mask

    def x(self) -> int:
        return self._rect.x()

    def y(self) -> int:
        return self._rect.y()

    def width(self) -> int:
        return self._rect.width()

    def height(self) -> int:
        return self._rect.height()

    def pixelData(self, x: int, y: int, w: int, h: int) -> bytes:  # noqa: N802
        assert QRect(x, y, w, h) == self._rect, "the plugin reads the selection's own rectangle"
        return self._mask


class MockDocument:
    def __init__(self, width: int, height: int, color_model: str = "RGBA", color_depth: str = "U8",
                 name: str = "Untitled", file_name: str = "") -> None:
        self._name = name
        self._file_name = file_name
        self._time = 0
        self._width = width
        self._height = height
        self._color_model = color_model
        self._color_depth = color_depth
        self._root = MockNode(self, "root", "grouplayer")
        self._active: Optional[MockNode] = None
        self._selection: Optional[MockSelection] = None
        self.refreshes = 0

    def name(self) -> str:
        return self._name

    def fileName(self) -> str:  # noqa: N802
        return self._file_name

    def currentTime(self) -> int:  # noqa: N802
        return self._time

    def setCurrentTime(self, time: int) -> None:  # noqa: N802
        self._time = time

    def width(self) -> int:
        return self._width

    def height(self) -> int:
        return self._height

    def colorModel(self) -> str:  # noqa: N802
        return self._color_model

    def colorDepth(self) -> str:  # noqa: N802
        return self._color_depth

    def rootNode(self) -> MockNode:  # noqa: N802
        return self._root

    def activeNode(self) -> Optional[MockNode]:  # noqa: N802
        return self._active

    def setActiveNode(self, node: MockNode) -> None:  # noqa: N802
        self._active = node

    def createNode(self, name: str, node_type: str) -> MockNode:  # noqa: N802
        return MockNode(self, name, node_type)

    def find_node(self, uuid: QUuid) -> Optional[MockNode]:
        """Test helper (Krita 5.1's nodeByUniqueID is unusable from Python)."""
        stack = [self._root]
        while stack:
            node = stack.pop()
            if node.uniqueId() == uuid:
                return node
            stack.extend(node.children)
        return None

    def selection(self) -> Optional[MockSelection]:
        return self._selection

    def setSelection(self, selection: Optional[MockSelection]) -> None:  # noqa: N802
        self._selection = selection

    def refreshProjection(self) -> None:  # noqa: N802
        self.refreshes += 1

    def add_paint_layer(self, name: str) -> MockNode:
        """Test helper: a paint layer on top of the stack, made active."""
        node = self.createNode(name, "paintlayer")
        self._root.addChildNode(node, self._root.children[-1] if self._root.children else None)
        self._active = node
        return node

    def layer_names(self) -> List[str]:
        """Test helper: top-level layer names, bottom first."""
        return [node.name() for node in self._root.children]


class MockManagedColor:
    def __init__(self, color: QColor) -> None:
        self._color = color

    def colorForCanvas(self, canvas: object) -> QColor:  # noqa: N802
        assert canvas is not None, "Krita converts through the view's canvas"
        return QColor(self._color)


class MockView:
    def __init__(self, foreground: QColor) -> None:
        self.foreground = foreground
        self._canvas = object()

    def foregroundColor(self) -> MockManagedColor:  # noqa: N802
        return MockManagedColor(self.foreground)

    def canvas(self) -> object:
        return self._canvas


class MockWindow:
    def __init__(self, view: Optional[MockView]) -> None:
        self.view = view

    def activeView(self) -> Optional[MockView]:  # noqa: N802
        return self.view


class MockKrita:
    _instance: Optional[MockKrita] = None

    def __init__(self) -> None:
        self.active_document: Optional[MockDocument] = None
        self.active_window: Optional[MockWindow] = None
        self.settings: Dict[str, str] = {}
        self.dock_widget_factories: list = []

    @classmethod
    def instance(cls) -> MockKrita:
        if cls._instance is None:
            cls._instance = MockKrita()
        return cls._instance

    def activeDocument(self) -> Optional[MockDocument]:  # noqa: N802
        return self.active_document

    def activeWindow(self) -> Optional[MockWindow]:  # noqa: N802
        return self.active_window

    def readSetting(self, group: str, key: str, default: str) -> str:  # noqa: N802
        return self.settings.get(f"{group}/{key}", default)

    def writeSetting(self, group: str, key: str, value: str) -> None:  # noqa: N802
        self.settings[f"{group}/{key}"] = value

    def addDockWidgetFactory(self, factory: object) -> None:  # noqa: N802
        self.dock_widget_factories.append(factory)


class DockWidget(QDockWidget):
    pass


class DockWidgetFactoryBase:
    DockRight = 1


class DockWidgetFactory:
    def __init__(self, docker_id: str, area: int, docker_class: type) -> None:
        self.docker_id = docker_id
        self.area = area
        self.docker_class = docker_class


Krita = MockKrita
