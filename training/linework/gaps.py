"""Gaps cut into line art, as a sketchy drawing leaves them: where the evaluation
checks that one hint's colour does not run through a gap into the next region
(issue 16, "2-4 px gaps")."""
from __future__ import annotations

import numpy as np
from scipy import ndimage

INK = 0.5  # line-art values below this are ink


def cut_gaps(line: np.ndarray, rng: np.random.Generator, gap_range: tuple[int, int] = (2, 4), every: int = 120, reach: int = 6) -> np.ndarray:
    """A copy of ``line`` (HxW in [0, 1], 1 = paper) with one gap about every
    ``every`` ink pixels: at a random ink pixel, every ink pixel within half the gap
    width (2..4 px, drawn per gap) along the local stroke direction
    and whose distance across it is at most ``reach`` becomes paper, so the gap
    cuts through the whole stroke."""
    ink = line < INK
    rows, cols = np.nonzero(ink)
    if rows.size == 0:
        return line.copy()
    # Local stroke direction from the ink's structure tensor (smoothed gradients).
    smooth = ndimage.gaussian_filter(ink.astype(np.float32), 1.5)
    gy, gx = ndimage.sobel(smooth, 0), ndimage.sobel(smooth, 1)
    jxx, jyy, jxy = (ndimage.gaussian_filter(v, 2.0) for v in (gx * gx, gy * gy, gx * gy))
    out = line.copy()
    height, width = line.shape
    count = max(1, rows.size // every)
    for index in rng.choice(rows.size, size=min(count, rows.size), replace=False):
        r, c = int(rows[index]), int(cols[index])
        # The gradient's dominant direction is across the stroke; along is perpendicular to it.
        angle = 0.5 * np.arctan2(2.0 * jxy[r, c], jxx[r, c] - jyy[r, c])
        across = np.array([np.sin(angle), np.cos(angle)])  # (dy, dx)
        along = np.array([across[1], -across[0]])
        half = rng.integers(gap_range[0], gap_range[1] + 1) / 2.0
        top, bottom = max(0, r - reach), min(height, r + reach + 1)
        left, right = max(0, c - reach), min(width, c + reach + 1)
        dy, dx = np.mgrid[top:bottom, left:right]
        dy, dx = dy - r, dx - c
        offset = dy * along[0] + dx * along[1]
        window = (offset >= -half) & (offset < half) & (np.abs(dy * across[0] + dx * across[1]) <= reach)
        patch = out[top:bottom, left:right]
        patch[window & (patch < INK)] = 1.0
    return out
