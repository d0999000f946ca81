"""A user's full-resolution hint layer -> the model's hint tensor, exactly as the
engine does it (model tensor convention): mask = max over each 4x4 cell of
(alpha > 0); colour = mean RGB of the hinted pixels of the cell."""
from __future__ import annotations

import numpy as np

from training.hints.simulate import HINT_SCALE


def rasterise_hint_layer(rgba: np.ndarray) -> np.ndarray:
    """[4, ceil(H/4), ceil(W/4)] float32 from an HxWx4 uint8 hint layer."""
    assert rgba.ndim == 3 and rgba.shape[2] == 4 and rgba.dtype == np.uint8, (rgba.shape, rgba.dtype)
    height, width = rgba.shape[:2]
    padded_h, padded_w = -(-height // HINT_SCALE) * HINT_SCALE, -(-width // HINT_SCALE) * HINT_SCALE
    layer = np.zeros((padded_h, padded_w, 4), np.float32)
    layer[:height, :width] = rgba
    hinted = (layer[..., 3] > 0).astype(np.float32)
    shape = (padded_h // HINT_SCALE, HINT_SCALE, padded_w // HINT_SCALE, HINT_SCALE)
    hinted_cells = hinted.reshape(shape)
    count = hinted_cells.sum(axis=(1, 3))
    colour_sum = (layer[..., :3] * hinted[..., None]).reshape(*shape, 3).sum(axis=(1, 3))
    mask = (count > 0).astype(np.float32)
    colour = colour_sum / np.maximum(count, 1.0)[..., None] / 127.5 - 1.0
    hints = np.concatenate([colour * mask[..., None], mask[..., None]], axis=2)
    return np.ascontiguousarray(hints.transpose(2, 0, 1), dtype=np.float32)
