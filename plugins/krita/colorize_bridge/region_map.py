"""Pixels of a result's Regions layer: which region a pixel belongs to.

The server paints every region in its own opaque colour and the paper black
(docs/LAYERS.md). The plugin never decodes a colour into a region number: two
pixels are in the same region exactly when their colours are equal, so the
plugin does not depend on how the number is packed into R, G and B.

Pixels are Krita's 8-bit B, G, R, A bytes, read four at a time as one native
32-bit word (little-endian on every machine Krita runs on, as in
image_transfer.py): a word is B | G << 8 | R << 16 | A << 24.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import List, Optional, Sequence

OPAQUE = 0xFF << 24
PAPER = OPAQUE  # black, fully opaque
DOT_RADIUS = 3  # pixels; the hint dot left where a region was recoloured


def _words(bgra: bytes) -> memoryview:
    if len(bgra) % 4:
        raise ValueError(f"{len(bgra)} bytes are not whole B, G, R, A pixels")
    return memoryview(bgra).cast("I")


def colour_word(red: int, green: int, blue: int) -> int:
    """An opaque pixel of this colour, as a word."""
    return blue | green << 8 | red << 16 | OPAQUE


def region_under_selection(regions: bytes, mask: Sequence[int]) -> Optional[int]:
    """The region (its pixel word) holding most of the selected pixels of
    `regions`; `mask` is the selection over the same pixels (0 = not
    selected). The paper counts as a region (PAPER). None when no selected
    pixel lies on the result: outside it the Regions layer is transparent."""
    words = _words(regions)
    if len(words) != len(mask):
        raise ValueError(f"a selection of {len(mask)} pixels over {len(words)} region pixels")
    counts = Counter(word for word, selected in zip(words, mask) if selected and word >= OPAQUE)
    return counts.most_common(1)[0][0] if counts else None


@dataclass(frozen=True)
class Region:
    pixels: List[int]  # ascending indices into the row-major pixels of the area read
    width: int         # of the area read

    def centre(self) -> int:
        """The region's pixel nearest its centroid: inside the region even
        where the region is a ring or a crescent."""
        width = self.width
        cx = sum(i % width for i in self.pixels) / len(self.pixels)
        cy = sum(i // width for i in self.pixels) / len(self.pixels)
        return min(self.pixels, key=lambda i: (i % width - cx) ** 2 + (i // width - cy) ** 2)

    def dot(self, radius: int = DOT_RADIUS) -> List[int]:
        """The region's pixels within `radius` of its centre: a hint dot that
        stays inside the region however thin it is there."""
        centre = self.centre()
        cx, cy = centre % self.width, centre // self.width
        members = set(self.pixels)
        return [y * self.width + x
                for y in range(cy - radius, cy + radius + 1)
                for x in range(max(cx - radius, 0), min(cx + radius + 1, self.width))
                if (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius and y * self.width + x in members]


def find_region(regions: bytes, width: int, word: int) -> Region:
    """Every pixel of `regions` (`width` pixels a row) with exactly this word."""
    pixels = [index for index, value in enumerate(_words(regions)) if value == word]
    if not pixels:
        raise ValueError("no pixel of the layer holds this region")
    return Region(pixels, width)

