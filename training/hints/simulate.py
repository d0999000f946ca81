"""Hint simulation after Ci et al. 2018: random cells of the 4x-downsampled ground
truth carry its colour, plus stroke-shaped hints so real user strokes are in
the training distribution. Output follows the model tensor convention:
[4, H/4, W/4], channels 0..2 = RGB in [-1, 1] where hinted, channel 3 = mask."""
from __future__ import annotations

import numpy as np

from training.colour import PAPER_WHITE

HINT_SCALE = 4
STEPS = np.array([(-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1)])


def downsample_truth(rgb: np.ndarray) -> np.ndarray:
    """Mean colour of every 4x4 cell of an HxWx3 uint8 image, in [0, 1]; H, W multiples of 4."""
    height, width = rgb.shape[:2]
    assert height % HINT_SCALE == 0 and width % HINT_SCALE == 0, f"{rgb.shape} not a multiple of {HINT_SCALE}"
    cells = rgb.astype(np.float32).reshape(height // HINT_SCALE, HINT_SCALE, width // HINT_SCALE, HINT_SCALE, 3)
    return cells.mean(axis=(1, 3)) / 255.0


def _pick_cell(painted: np.ndarray, rng: np.random.Generator, painted_bias: float) -> tuple[int, int]:
    """A random cell; with probability ``painted_bias`` one that is not blank paper,
    because users hint the things they want coloured."""
    height, width = painted.shape
    if rng.random() < painted_bias and painted.any():
        rows, cols = np.nonzero(painted)
        index = int(rng.integers(rows.size))
        return int(rows[index]), int(cols[index])
    return int(rng.integers(height)), int(rng.integers(width))


def _stroke_cells(small: np.ndarray, start: tuple[int, int], rng: np.random.Generator, length: int, tolerance: float) -> list[tuple[int, int]]:
    """A random walk from ``start`` that stays inside cells of similar colour, like a
    user's stroke that stays inside one region."""
    height, width = small.shape[:2]
    cells = [start]
    row, col = start
    direction = STEPS[int(rng.integers(len(STEPS)))]
    for _ in range(length - 1):
        if rng.random() < 0.3:
            direction = STEPS[int(rng.integers(len(STEPS)))]
        nr, nc = row + int(direction[0]), col + int(direction[1])
        if not (0 <= nr < height and 0 <= nc < width) or np.abs(small[nr, nc] - small[start]).max() > tolerance:
            break
        row, col = nr, nc
        cells.append((row, col))
    return cells


def simulate_hints(
    small: np.ndarray,
    rng: np.random.Generator,
    count: int,
    stroke_probability: float = 0.3,  # share of hints drawn as strokes instead of dots
    painted_bias: float = 0.85,  # share of hints placed on painted (non-paper) cells
    stroke_length: tuple[int, int] = (3, 16),  # stroke length range in cells
    stroke_tolerance: float = 0.12,  # max colour difference a stroke may cross
) -> np.ndarray:
    """``count`` hints (dots or strokes) on the downsampled truth ``small`` (h x w x 3 in [0, 1])."""
    assert small.ndim == 3 and small.shape[2] == 3, small.shape
    height, width = small.shape[:2]
    painted = small.min(axis=2) <= PAPER_WHITE
    colour = np.zeros((height, width, 3), np.float32)
    mask = np.zeros((height, width), np.float32)
    for _ in range(count):
        start = _pick_cell(painted, rng, painted_bias)
        if rng.random() < stroke_probability:
            cells = _stroke_cells(small, start, rng, int(rng.integers(*stroke_length)), stroke_tolerance)
            stroke_colour = small[start]
            for row, col in cells:
                colour[row, col], mask[row, col] = stroke_colour, 1.0
        else:
            colour[start], mask[start] = small[start], 1.0
    hints = np.concatenate([(colour * 2.0 - 1.0) * mask[..., None], mask[..., None]], axis=2)
    return np.ascontiguousarray(hints.transpose(2, 0, 1), dtype=np.float32)


def random_hint_count(
    rng: np.random.Generator,
    zero_probability: float = 0.1,  # the model must also colour without any hint
    max_count: int = 64,  # upper end of the log-uniform count
) -> int:
    """Training hint count: zero sometimes, else log-uniform in [1, max_count]."""
    if rng.random() < zero_probability:
        return 0
    return int(np.exp(rng.uniform(0.0, np.log(max_count + 1))))
