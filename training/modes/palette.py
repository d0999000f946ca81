"""Palette / colour-histogram mode (the Stanford poster's global hint): a
512-bin histogram over 8x8x8 sRGB bins of the painted pixels of the target.
Users send a palette of a few colours with weights; training thins some
histograms to their largest bins so that form is in the training data too
(docs/MODELS.md, "The other kinds")."""
from __future__ import annotations

import numpy as np

from training.colour import painted_mask

BINS = 512
BIN_SHIFT = 5  # 8 levels per channel
MAX_PALETTE = 32


def colour_bins(rgb: np.ndarray) -> np.ndarray:
    """Bin index of each uint8 colour in ``rgb`` (..., 3)."""
    rgb = rgb.astype(np.int64) >> BIN_SHIFT
    return rgb[..., 0] * 64 + rgb[..., 1] * 8 + rgb[..., 2]


def bin_colours() -> np.ndarray:
    """[512, 3] uint8 centre colour of every bin."""
    index = np.arange(BINS)
    levels = np.stack([index // 64, (index // 8) % 8, index % 8], axis=1)
    return (levels * 32 + 16).astype(np.uint8)


def painted_histogram(truth: np.ndarray, line: np.ndarray) -> np.ndarray:
    """Normalised histogram of the painted pixels (not ink, not paper); zeros when none."""
    mask = painted_mask(truth, line)
    histogram = np.bincount(colour_bins(truth[mask]), minlength=BINS).astype(np.float32)
    total = histogram.sum()
    return histogram / total if total > 0 else histogram


def palette_histogram(colours: list[tuple[int, int, int]], weights: list[float] | None = None) -> np.ndarray:
    """A user palette as the model's histogram: each colour's weight in its bin
    (no weights or all zero = equal shares), normalised to sum to 1."""
    if not 1 <= len(colours) <= MAX_PALETTE:
        raise ValueError(f"a palette has 1..{MAX_PALETTE} colours, got {len(colours)}")
    shares = np.ones(len(colours)) if not weights or not any(weights) else np.asarray(weights, np.float64)
    if (shares < 0).any():
        raise ValueError("palette weights must be >= 0")
    histogram = np.zeros(BINS, np.float32)
    for colour, share in zip(colours, shares):
        histogram[int(colour_bins(np.asarray(colour, np.uint8)))] += share
    return histogram / histogram.sum()


def thin_histogram(histogram: np.ndarray, keep: int) -> np.ndarray:
    """Keeps the ``keep`` largest bins, renormalised: what a user palette looks like."""
    if histogram.sum() == 0:
        return histogram
    thinned = np.zeros_like(histogram)
    top = np.argsort(histogram)[::-1][:keep]
    thinned[top] = histogram[top]
    return thinned / thinned.sum()


def training_condition(truth: np.ndarray, line: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The full histogram half of the time, else its 1..8 largest bins."""
    histogram = painted_histogram(truth, line)
    if rng.random() < 0.5:
        histogram = thin_histogram(histogram, int(rng.integers(1, 9)))
    return histogram


def dominant_colour(histogram: np.ndarray) -> np.ndarray:
    """The centre colour of the largest bin, in [0, 1] (for the flat-fill baseline)."""
    return bin_colours()[int(np.argmax(histogram))].astype(np.float32) / 255.0
