"""Non-learned baselines (issue 4, "Evaluation"), registered by name. Each maps
(line art HxW in [0, 1], hints [4, h, w]) -> HxWx3 colour in [0, 1] before the
line art is composited back."""
from __future__ import annotations

from typing import Callable

import numpy as np
import torch
from scipy import ndimage

from training.hints.simulate import HINT_SCALE
from training.networks.hint_prior import RegionFill
from training.registry import Registry

Baseline = Callable[[np.ndarray, np.ndarray], np.ndarray]
BASELINES: Registry[Baseline] = Registry("baseline")
baseline = BASELINES.register
get_baseline = BASELINES.named
LINE_THRESHOLD = 0.5  # line-art values below this are ink (walls for the bucket fill)


def _hint_colours(hints: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(mask h x w bool, colour h x w x 3 in [0, 1])."""
    return hints[3] > 0.5, (hints[:3].transpose(1, 2, 0) + 1.0) / 2.0


@baseline("voronoi")
def voronoi_fill(line: np.ndarray, hints: np.ndarray) -> np.ndarray:
    """Every pixel takes the colour of the nearest hinted cell; white without hints."""
    height, width = line.shape
    mask, colour = _hint_colours(hints)
    if not mask.any():
        return np.ones((height, width, 3), np.float32)
    _, (rows, cols) = ndimage.distance_transform_edt(~mask, return_indices=True)
    cells = colour[rows, cols]
    full = np.repeat(np.repeat(cells, HINT_SCALE, axis=0), HINT_SCALE, axis=1)
    return full[:height, :width].astype(np.float32)


def enclosed_regions(line: np.ndarray) -> np.ndarray:
    """Region label of every pixel: paper pixels 4-connected once the ink is grown
    by one pixel (closing 1-2 px gaps, like a paint program's "close gap"
    option); ink and the grown rim join the nearest region."""
    walls = ndimage.binary_dilation(line < LINE_THRESHOLD)
    labels, _ = ndimage.label(~walls)
    if labels.max() == 0:
        return np.ones_like(labels)
    _, (rows, cols) = ndimage.distance_transform_edt(labels == 0, return_indices=True)
    return labels[rows, cols]


def bucket_fill(line: np.ndarray, hints: np.ndarray, unhinted_white: bool) -> np.ndarray:
    """Paint-bucket fill: each region enclosed by the line art takes the mean colour
    of the hint cells that touch it. Regions without a hint take the nearest
    hint's colour (Voronoi) or stay white; no hints at all: white."""
    height, width = line.shape
    fill = voronoi_fill(line, hints)
    mask, colour = _hint_colours(hints)
    if not mask.any():
        return fill
    labels = enclosed_regions(line)
    region_count = int(labels.max())
    sums = np.zeros((region_count + 1, 3))
    counts = np.zeros(region_count + 1)
    for r, c in zip(*np.nonzero(mask)):
        block = labels[r * HINT_SCALE : (r + 1) * HINT_SCALE, c * HINT_SCALE : (c + 1) * HINT_SCALE]
        for region in np.unique(block):
            sums[region] += colour[r, c]
            counts[region] += 1
    region_colour = sums / np.maximum(counts, 1)[:, None]
    hinted = (counts > 0)[labels]
    if unhinted_white:
        fill[:] = 1.0
    fill[hinted] = region_colour[labels[hinted]]
    return fill


@baseline("bucket")
def bucket_fill_nearest(line: np.ndarray, hints: np.ndarray) -> np.ndarray:
    """Bucket fill; unhinted regions take the nearest hint's colour."""
    return bucket_fill(line, hints, unhinted_white=False)


@baseline("bucket-white")
def bucket_fill_white(line: np.ndarray, hints: np.ndarray) -> np.ndarray:
    """Bucket fill; unhinted regions stay white paper."""
    return bucket_fill(line, hints, unhinted_white=True)


@baseline("region-fill")
def region_fill(line: np.ndarray, hints: np.ndarray) -> np.ndarray:
    """The generator's own fixed region fill (networks/hint_prior.py RegionFill) used
    as a colouring by itself: each 4x4 cell takes the colour the flood gave it, and
    nothing is learned. Not one of issue 4's two baselines; scored beside them so
    the table shows what the network adds to its input."""
    height, width = line.shape
    with torch.no_grad():
        fill = RegionFill(HINT_SCALE)(torch.from_numpy(line[None, None] * 2.0 - 1.0).float(), torch.from_numpy(hints[None]).float())[0].numpy()
    if not hints[3].any():
        return np.ones((height, width, 3), np.float32)
    cells = ((fill[:3] + 1.0) / 2.0).transpose(1, 2, 0)
    full = np.repeat(np.repeat(cells, HINT_SCALE, axis=0), HINT_SCALE, axis=1)
    return full[:height, :width].astype(np.float32)


def composite_line_art(colour: np.ndarray, line: np.ndarray) -> np.ndarray:
    """Multiply the line art over a colour layer, as the server composites it back."""
    return np.clip(colour * line[..., None], 0.0, 1.0)
