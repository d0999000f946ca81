"""Reference-image mode (style2paints V1). In training the reference is the
target itself under strong, colour-preserving spatial augmentation (random
resized crop with aspect change, flips, quarter turns and a shuffle of 4x4
tiles), so the network learns to take colours from it but cannot copy pixels
into place (Zhang et al. 2017)."""
from __future__ import annotations

import numpy as np
from PIL import Image

REFERENCE_SIDE = 128
TILES = 4


def to_reference_tensor(rgb: np.ndarray) -> np.ndarray:
    """uint8 HxWx3 -> [3, 128, 128] float32 in [-1, 1], resized without keeping aspect."""
    resized = np.asarray(Image.fromarray(rgb).resize((REFERENCE_SIDE, REFERENCE_SIDE), Image.Resampling.BILINEAR))
    return np.ascontiguousarray(resized.transpose(2, 0, 1), dtype=np.float32) / 127.5 - 1.0


def scramble(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    height, width = rgb.shape[:2]
    crop_h = int(height * rng.uniform(0.5, 1.0))
    crop_w = int(width * rng.uniform(0.5, 1.0))
    top, left = int(rng.integers(height - crop_h + 1)), int(rng.integers(width - crop_w + 1))
    view = rgb[top : top + crop_h, left : left + crop_w]
    if rng.random() < 0.5:
        view = view[:, ::-1]
    if rng.random() < 0.5:
        view = view[::-1]
    view = np.rot90(view, int(rng.integers(4)))
    side = REFERENCE_SIDE
    view = np.asarray(Image.fromarray(np.ascontiguousarray(view)).resize((side, side), Image.Resampling.BILINEAR))
    tile = side // TILES
    tiles = [view[r * tile : (r + 1) * tile, c * tile : (c + 1) * tile] for r in range(TILES) for c in range(TILES)]
    order = rng.permutation(len(tiles))
    rows = [np.concatenate([tiles[order[r * TILES + c]] for c in range(TILES)], axis=1) for r in range(TILES)]
    return np.concatenate(rows, axis=0)


def training_condition(truth: np.ndarray, line: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return to_reference_tensor(scramble(truth, rng))
