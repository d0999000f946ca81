"""Line styles, registered by name, so the model does not overfit to one filter."""
from __future__ import annotations

from typing import Callable

import numpy as np
from scipy import ndimage

from training.linework.xdog import PAPER_SIGMAS, xdog
from training.registry import Registry

LineStyle = Callable[[np.ndarray, np.random.Generator], np.ndarray]
LINE_STYLES: Registry[LineStyle] = Registry("line style")
line_style = LINE_STYLES.register
get_line_style = LINE_STYLES.named


def to_grey(rgb: np.ndarray) -> np.ndarray:
    """ITU-R 601 luma in [0, 1] of an HxWx3 uint8 image."""
    return (rgb.astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)) / 255.0


@line_style("xdog")
def xdog_style(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The paper's style: crisp, binary XDoG lines."""
    return xdog(to_grey(rgb), sigma=float(rng.choice(PAPER_SIGMAS)))


def colour_edges(rgb: np.ndarray, threshold: float) -> np.ndarray:
    """HxW bool: pixels whose colour differs from the pixel below or to the right
    by more than ``threshold`` (0..1) in some channel, one pixel wide."""
    pixels = rgb.astype(np.float32) / 255.0
    down = np.abs(np.diff(pixels, axis=0, append=pixels[-1:])).max(axis=2)
    right = np.abs(np.diff(pixels, axis=1, append=pixels[:, -1:])).max(axis=2)
    return np.maximum(down, right) > threshold


@line_style("colour-edges")
def colour_edge_style(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Thresholded colour differences (catches hue edges of equal brightness that
    XDoG misses), thinned to one side of the edge, then thickened by 0-2 px."""
    edges = colour_edges(rgb, rng.uniform(0.12, 0.3))
    thickness = int(rng.integers(0, 3))
    if thickness:
        edges = ndimage.binary_dilation(edges, iterations=thickness)
    line = 1.0 - edges.astype(np.float32)
    return ndimage.gaussian_filter(line, rng.uniform(0.0, 0.6)) if rng.random() < 0.5 else line


@line_style("pencil")
def pencil_style(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Soft grey XDoG strokes with gaps and grain, like a pencil sketch."""
    soft = xdog(to_grey(rgb), sigma=rng.uniform(0.4, 0.9), phi=rng.uniform(10.0, 40.0), epsilon=rng.uniform(-0.08, -0.03))
    ink = 1.0 - soft
    field = ndimage.gaussian_filter(rng.standard_normal(ink.shape).astype(np.float32), rng.uniform(2.0, 5.0))
    gaps = field > np.quantile(field, rng.uniform(0.7, 0.9))
    grain = 1.0 - 0.3 * rng.random(ink.shape, dtype=np.float32)
    ink = ink * np.where(gaps, 0.0, 1.0) * grain * rng.uniform(0.6, 1.0)
    return np.clip(1.0 - ink, 0.0, 1.0).astype(np.float32)


def augment_ink(
    line: np.ndarray,
    rng: np.random.Generator,
    intensity_range: tuple[float, float] = (0.7, 1.0),  # Ci et al.: random line intensity
    faint_probability: float = 0.25,  # share of samples made faint
    faint_range: tuple[float, float] = (1.0, 7.0),  # Tag2Pix brightness factor U(1, 7)
) -> np.ndarray:
    """Randomly lightens the ink so faint and grey real sketches are in distribution."""
    ink = (1.0 - line) * rng.uniform(*intensity_range)
    if rng.random() < faint_probability:
        ink = ink / rng.uniform(*faint_range)
    return (1.0 - ink).astype(np.float32)


def synthesise_line_art(rgb: np.ndarray, rng: np.random.Generator, styles: tuple[str, ...], augment: bool = True) -> np.ndarray:
    """Line art in [0, 1] (1 = paper) in a style drawn from ``styles``."""
    line = get_line_style(str(rng.choice(styles)))(rgb, rng)
    return augment_ink(line, rng) if augment else line
