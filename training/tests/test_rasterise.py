from __future__ import annotations

import numpy as np

from training.hints.rasterise import rasterise_hint_layer


def test_mask_is_max_over_cell_and_colour_is_mean_of_hinted_pixels() -> None:
    layer = np.zeros((8, 8, 4), np.uint8)
    layer[0, 0] = (255, 0, 0, 255)
    layer[1, 1] = (0, 0, 255, 128)

    hints = rasterise_hint_layer(layer)

    assert hints.shape == (4, 2, 2)
    assert hints[3].tolist() == [[1.0, 0.0], [0.0, 0.0]]
    assert np.allclose(hints[:3, 0, 0], [127.5 / 127.5 - 1.0, -1.0, 127.5 / 127.5 - 1.0])
    assert not hints[:3, 1, 1].any()


def test_odd_sizes_round_up_to_whole_cells() -> None:
    layer = np.zeros((9, 5, 4), np.uint8)
    layer[8, 4] = (255, 255, 255, 1)

    hints = rasterise_hint_layer(layer)

    assert hints.shape == (4, 3, 2) and hints[3, 2, 1] == 1.0 and np.allclose(hints[:3, 2, 1], 1.0)
