from __future__ import annotations

import numpy as np
import pytest

from training.hints.simulate import downsample_truth, random_hint_count, simulate_hints


def test_downsample_truth_averages_four_by_four_cells(boxes: np.ndarray) -> None:
    small = downsample_truth(boxes)

    assert small.shape == (16, 16, 3)
    assert np.allclose(small[3, 3], np.array([220, 30, 30]) / 255.0)
    assert np.allclose(small[0, 0], 1.0)


def test_zero_hints_give_an_empty_tensor(boxes: np.ndarray) -> None:
    hints = simulate_hints(downsample_truth(boxes), np.random.default_rng(0), 0)

    assert hints.shape == (4, 16, 16) and not hints.any()


@pytest.mark.parametrize("count", [1, 5, 20])
def test_dot_count_is_respected(boxes: np.ndarray, count: int) -> None:
    hints = simulate_hints(downsample_truth(boxes), np.random.default_rng(count), count, stroke_probability=0.0)

    marked = int(hints[3].sum())
    assert 1 <= marked <= count  # two dots may land on the same cell
    if count == 1:
        assert marked == 1


def test_dot_colours_come_from_downsampled_truth(boxes: np.ndarray) -> None:
    small = downsample_truth(boxes)

    hints = simulate_hints(small, np.random.default_rng(4), 30, stroke_probability=0.0)

    mask = hints[3] > 0
    assert np.allclose(hints[:3].transpose(1, 2, 0)[mask], small[mask] * 2.0 - 1.0)


def test_colour_is_zero_where_mask_is_zero(boxes: np.ndarray) -> None:
    hints = simulate_hints(downsample_truth(boxes), np.random.default_rng(5), 40, stroke_probability=0.5)

    assert set(np.unique(hints[3])) <= {0.0, 1.0}
    assert not hints[:3, hints[3] == 0].any()


def test_strokes_stay_in_one_colour_region(boxes: np.ndarray) -> None:
    small = downsample_truth(boxes)

    hints = simulate_hints(small, np.random.default_rng(6), 6, stroke_probability=1.0, painted_bias=1.0)

    mask = hints[3] > 0
    assert mask.sum() > 6, "strokes cover more than one cell"
    colours = hints[:3].transpose(1, 2, 0)[mask]
    assert np.abs(colours - (small[mask] * 2.0 - 1.0)).max() <= 2 * 0.12 + 1e-6


def test_painted_bias_places_hints_on_paint(boxes: np.ndarray) -> None:
    small = downsample_truth(boxes)

    hints = simulate_hints(small, np.random.default_rng(7), 25, stroke_probability=0.0, painted_bias=1.0)

    assert np.all(small[hints[3] > 0].min(axis=1) <= 0.94)


def test_random_hint_count_includes_zero_and_stays_in_range() -> None:
    rng = np.random.default_rng(0)

    counts = [random_hint_count(rng, max_count=64) for _ in range(500)]

    assert 0 in counts and max(counts) <= 64 and min(c for c in counts if c) >= 1
