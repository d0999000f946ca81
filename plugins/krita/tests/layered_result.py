"""A result with the separate layers of docs/LAYERS.md, for a 6x4 canvas
whose line art is one ink row (y = 1):

    y = 0, 1       region A (the ink row belongs to the region it borders)
    y = 2, 3  x<3  region B
    y = 2, 3  x>=3 paper
"""
from __future__ import annotations

from typing import List, Optional

from colorize_bridge.protocol.messages import ColorizeResult, ColorizeUpdate, Image, Layer, PixelFormat, RawImage, Recipe

WIDTH, HEIGHT = 6, 4
REGION_A = (1, 0, 0)   # R, G, B of the index image
REGION_B = (2, 0, 0)
PAPER = (0, 0, 0)
RED, GREEN = (200, 30, 30), (30, 160, 60)


def region_of(x: int, y: int):
    if y <= 1:
        return REGION_A
    return REGION_B if x < 3 else PAPER


def rgba_image(pixel, width: int = WIDTH, height: int = HEIGHT) -> Image:
    """An RGBA8 image; `pixel(x, y)` gives its R, G, B, A."""
    data = b"".join(bytes(pixel(x, y)) for y in range(height) for x in range(width))
    return Image(RawImage(width, height, PixelFormat.RGBA8, data))


def flats_rgba(x: int, y: int):
    region = region_of(x, y)
    return (*RED, 255) if region == REGION_A else (*GREEN, 255) if region == REGION_B else (0, 0, 0, 0)


def shading_rgba(x: int, y: int):
    return (0, 0, 0, 90) if (x, y) == (1, 3) else (0, 0, 0, 0)


def lines_rgba(x: int, y: int):
    return (0, 0, 0, 255) if y == 1 else (0, 0, 0, 0)


def separate_layers(width: int = WIDTH, height: int = HEIGHT) -> List[Layer]:
    return [
        Layer("flats", rgba_image(flats_rgba, width, height)),
        Layer("shading", rgba_image(shading_rgba, width, height)),
        Layer("lines", rgba_image(lines_rgba, width, height)),
        Layer("regions", rgba_image(lambda x, y: (*region_of(x, y), 255), width, height)),
    ]


def layered_update(model: str = "alac", layers: Optional[List[Layer]] = None, width: int = WIDTH,
                   height: int = HEIGHT) -> ColorizeUpdate:
    """The result a flats-aware server sends: the composite and the layers."""
    composite = rgba_image(lambda x, y: (*flats_rgba(x, y)[:3], 255), width, height)
    return ColorizeUpdate(ColorizeResult(composite, separate_layers(width, height) if layers is None else layers,
                                         Recipe(model=model)))


def bgra(rgba) -> bytes:
    """R, G, B, A as Krita's B, G, R, A bytes."""
    r, g, b, a = rgba
    return bytes([b, g, r, a])
