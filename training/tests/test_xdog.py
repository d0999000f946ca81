from __future__ import annotations

import numpy as np

from training.linework.xdog import xdog


def _disc(side: int = 64) -> np.ndarray:
    ys, xs = np.mgrid[0:side, 0:side]
    return np.where(np.hypot(ys - side / 2, xs - side / 2) < side / 4, 0.2, 1.0).astype(np.float32)


def test_xdog_step_transition_is_binary() -> None:
    line = xdog(_disc(), sigma=0.4)

    assert set(np.unique(np.round(line, 3))) <= {0.0, 1.0}
    assert (line == 0).any()


def test_xdog_larger_sigma_draws_thicker_lines() -> None:
    ink = [float((xdog(_disc(), sigma=s) < 0.5).sum()) for s in (0.3, 0.5, 1.0)]

    assert ink[0] < ink[1] < ink[2]


def test_xdog_white_image_stays_white() -> None:
    line = xdog(np.ones((32, 32), np.float32), sigma=0.5)

    assert np.all(line == 1.0)


def test_xdog_flat_dark_fill_is_not_ink() -> None:
    """Large dark areas become paper: line art marks edges, not fills."""
    image = np.zeros((64, 64), np.float32)

    assert np.all(xdog(image, sigma=0.4) == 1.0)
