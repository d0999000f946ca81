"""Quality filters that keep colour illustrations and drop gradients, shapes,
arrows, logos, empty and near-monochrome images (issue 4, "Data")."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import ndimage

# Folder and file-name rules for openclipart, where the category says it all.
PATH_RULES: tuple[tuple[str, str], ...] = (
    ("special/gradients/", "gradient (folder)"),
    ("shapes/arrows/", "arrow (folder)"),
    ("shapes/callouts/", "shape (folder)"),
    ("logos/", "logo (folder)"),
    ("arrow", "arrow (file name)"),
    ("logo", "logo (file name)"),
)


@dataclass(frozen=True)
class ImageStatistics:
    painted_fraction: float  # share of pixels that are not near-white paper
    colourful_fraction: float  # share of painted pixels with visible saturation
    dominant_colours: int  # quantised colours covering >= 0.5 % of painted pixels
    edge_density: float  # share of pixels on a strong grey-level edge
    distinct_colours: int  # quantised (5 bits / channel) colours among painted pixels


def measure(rgb: np.ndarray) -> ImageStatistics:
    """Statistics of an HxWx3 uint8 image already composited over white."""
    assert rgb.ndim == 3 and rgb.shape[2] == 3 and rgb.dtype == np.uint8
    pixels = rgb.astype(np.float32) / 255.0
    paper = pixels.min(axis=2) > 0.94
    painted = pixels[~paper]
    painted_fraction = float(painted.shape[0]) / float(paper.size)
    if painted.shape[0] == 0:
        return ImageStatistics(0.0, 0.0, 0, 0.0, 0)
    high, low = painted.max(axis=1), painted.min(axis=1)
    saturation = (high - low) / np.maximum(high, 1e-6)
    colourful_fraction = float(np.mean((saturation > 0.25) & (high > 0.15)))
    coarse = (rgb[~paper] >> 4).astype(np.int32)
    coarse_keys = coarse[:, 0] * 256 + coarse[:, 1] * 16 + coarse[:, 2]
    counts = np.bincount(coarse_keys, minlength=4096)
    dominant_colours = int(np.sum(counts >= 0.005 * painted.shape[0]))
    fine = (rgb[~paper] >> 3).astype(np.int32)
    distinct_colours = int(np.unique(fine[:, 0] * 1024 + fine[:, 1] * 32 + fine[:, 2]).size)
    grey = pixels.mean(axis=2)
    gradient = np.hypot(ndimage.sobel(grey, axis=0), ndimage.sobel(grey, axis=1)) / 4.0
    edge_density = float(np.mean(gradient > 0.1))
    return ImageStatistics(painted_fraction, colourful_fraction, dominant_colours, edge_density, distinct_colours)


def rejection_reason(relative_name: str, stats: ImageStatistics) -> str | None:
    """The first reason to drop an image, or None to keep it."""
    lowered = relative_name.lower()
    for needle, reason in PATH_RULES:
        if needle in lowered:
            return reason
    if stats.painted_fraction < 0.05:
        return "nearly empty"
    if stats.colourful_fraction < 0.10:
        return "near-monochrome"
    if stats.dominant_colours <= 2:
        return "flat shape (<= 2 colours)"
    if stats.edge_density < 0.01 and stats.distinct_colours > 64:
        return "gradient (smooth, few edges)"
    return None
