"""Shared fixtures: small deterministic images so every test runs in milliseconds."""
from __future__ import annotations

import numpy as np
import pytest
import torch


@pytest.fixture(autouse=True)
def _single_thread() -> None:
    # The machine has 2 shared cores; tests must not fight the builds beside them.
    torch.set_num_threads(1)


def boxes_image(side: int = 64) -> np.ndarray:
    """White paper with a red and a blue box, each outlined in black."""
    image = np.full((side, side, 3), 255, np.uint8)
    for top, left, colour in ((8, 8, (220, 30, 30)), (8, 36, (30, 60, 220))):
        image[top : top + 20, left : left + 20] = 0
        image[top + 2 : top + 18, left + 2 : left + 18] = colour
    return image


@pytest.fixture
def boxes() -> np.ndarray:
    return boxes_image()
