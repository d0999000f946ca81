"""The controls of the palette and tags models: a palette of colour swatches
and a tags field with the model's vocabulary as chips. No Krita import: the
panel hands in where the foreground colour comes from."""
from __future__ import annotations

from typing import Callable, List, Optional, Sequence, Tuple

from PyQt5.QtCore import QStringListModel, Qt, pyqtSignal
from PyQt5.QtGui import QColor
from PyQt5.QtWidgets import (
    QColorDialog,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..model.steering import MAX_PALETTE_ENTRIES, Palette, PaletteColour, format_tags, palette_of, parse_tags

SWATCH_COLUMNS = 4
CHIP_COLUMNS = 3
MAX_WEIGHT = 10

ColorSource = Callable[[], Optional[QColor]]
ColorPicker = Callable[[QColor, QWidget], Optional[QColor]]


def pick_with_dialog(initial: QColor, parent: QWidget) -> Optional[QColor]:
    color = QColorDialog.getColor(initial, parent, "Palette colour")
    return color if color.isValid() else None


class _Swatch(QWidget):
    """One palette colour: the swatch (click to change), its weight, remove."""

    def __init__(self, color: QColor, parent: QWidget) -> None:
        super().__init__(parent)
        self.button = QToolButton()
        self.button.setMinimumSize(44, 24)
        self.button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.weight = QSpinBox()
        self.weight.setRange(1, MAX_WEIGHT)
        self.weight.setToolTip("Relative share of this colour: 2 asks for twice as much as a colour at 1. "
                               "All equal: equal shares.")
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setToolTip("Remove this colour")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.button)
        row = QHBoxLayout()
        row.setSpacing(2)
        row.addWidget(self.weight, 1)
        row.addWidget(self.remove_button)
        column.addLayout(row)
        self.color = QColor()
        self.set_color(color)

    def set_color(self, color: QColor) -> None:
        self.color = QColor(color.red(), color.green(), color.blue())
        self.button.setStyleSheet(f"background-color: {self.color.name()}; border: 1px solid #808080;")
        self.button.setToolTip(f"{self.color.name()}: click to change")

    def colour(self) -> PaletteColour:
        return self.color.red(), self.color.green(), self.color.blue(), float(self.weight.value())


class PaletteEditor(QWidget):
    """Up to 32 colours with a weight each, sent as Hints.palette."""

    changed = pyqtSignal()

    def __init__(self, foreground_color: ColorSource, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self._foreground_color = foreground_color
        self.pick_color: ColorPicker = pick_with_dialog  # tests answer the dialog themselves
        self.swatches: List[_Swatch] = []
        self.add_button = QPushButton("Add foreground colour")
        self.add_button.setToolTip("Adds Krita's current foreground colour to the palette.")
        self.add_button.clicked.connect(self.add_foreground)
        self.empty_note = QLabel("No colours yet: set Krita's foreground colour and add it.")
        self.empty_note.setWordWrap(True)
        self._grid = QGridLayout()
        self._grid.setSpacing(4)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._grid)
        column.addWidget(self.empty_note)
        column.addWidget(self.add_button)
        self._relayout()

    def entries(self) -> Palette:
        return palette_of([swatch.colour() for swatch in self.swatches])

    def add_foreground(self) -> None:
        """The foreground colour of the active view; without a view, the colour dialog."""
        color = self._foreground_color()
        if color is None or not color.isValid():
            color = self.pick_color(QColor(Qt.white), self)
        if color is not None:
            self.add_color(color)

    def add_color(self, color: QColor, weight: int = 1) -> None:
        if len(self.swatches) >= MAX_PALETTE_ENTRIES:
            return
        swatch = _Swatch(color, self)
        swatch.weight.setValue(weight)
        swatch.button.clicked.connect(lambda: self._change(swatch))
        swatch.weight.valueChanged.connect(self.changed)
        swatch.remove_button.clicked.connect(lambda: self.remove(swatch))
        self.swatches.append(swatch)
        self._relayout()
        self.changed.emit()

    def remove(self, swatch: _Swatch) -> None:
        self.swatches.remove(swatch)
        self._grid.removeWidget(swatch)
        swatch.deleteLater()
        self._relayout()
        self.changed.emit()

    def _change(self, swatch: _Swatch) -> None:
        color = self.pick_color(swatch.color, self)
        if color is not None and color.rgb() != swatch.color.rgb():
            swatch.set_color(color)
            self.changed.emit()

    def _relayout(self) -> None:
        for index, swatch in enumerate(self.swatches):
            self._grid.addWidget(swatch, index // SWATCH_COLUMNS, index % SWATCH_COLUMNS)
        self.empty_note.setVisible(not self.swatches)
        full = len(self.swatches) >= MAX_PALETTE_ENTRIES
        self.add_button.setEnabled(not full)
        self.add_button.setToolTip(f"A palette holds at most {MAX_PALETTE_ENTRIES} colours." if full
                                   else "Adds Krita's current foreground colour to the palette.")


class _LastTagCompleter(QCompleter):
    """Completes the tag after the last comma and keeps the ones before it."""

    def splitPath(self, path: str) -> List[str]:  # noqa: N802 (Qt override)
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index) -> str:  # noqa: N802 (Qt override)
        before = self.widget().text().rsplit(",", 1)[0] if "," in self.widget().text() else ""
        completed = super().pathFromIndex(index)
        return f"{before}, {completed}" if before.strip() else completed


class TagsEditor(QWidget):
    """Comma-separated tags, with the model's vocabulary as toggling chips and
    as completions; sent as Hints.tags."""

    changed = pyqtSignal()

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setPlaceholderText("e.g. red, blue_hair")
        self.chips: List[QToolButton] = []
        self._completions = QStringListModel(self)
        completer = _LastTagCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.field.setCompleter(completer)
        self._chip_grid = QGridLayout()
        self._chip_grid.setSpacing(2)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.field)
        column.addLayout(self._chip_grid)
        self.field.textChanged.connect(self._sync_chips)
        self.field.editingFinished.connect(self.changed)

    def tags(self) -> Tuple[str, ...]:
        return parse_tags(self.field.text())

    def set_vocabulary(self, vocabulary: Sequence[str]) -> None:
        if tuple(chip.text() for chip in self.chips) == tuple(vocabulary):
            return
        for chip in self.chips:
            self._chip_grid.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        for index, tag in enumerate(vocabulary):
            chip = QToolButton()
            chip.setText(tag)
            chip.setCheckable(True)
            chip.setToolButtonStyle(Qt.ToolButtonTextOnly)
            chip.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
            chip.clicked.connect(lambda on, tag=tag: self._toggle(tag, on))
            self._chip_grid.addWidget(chip, index // CHIP_COLUMNS, index % CHIP_COLUMNS)
            self.chips.append(chip)
        self._completions.setStringList(list(vocabulary))
        self.field.setToolTip(f"This model knows: {format_tags(vocabulary)}." if vocabulary
                              else "The server did not list this model's tags.")
        self._sync_chips()

    def _toggle(self, tag: str, on: bool) -> None:
        tags = [t for t in self.tags() if t.lower() != tag.lower()]
        if on:
            tags.append(tag)
        self.field.setText(format_tags(tags))
        self.changed.emit()

    def _sync_chips(self) -> None:
        chosen = {tag.lower() for tag in self.tags()}
        for chip in self.chips:
            chip.setChecked(chip.text().lower() in chosen)
