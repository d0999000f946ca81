from __future__ import annotations

import numpy as np
import pytest

from training.eval.baselines import bucket_fill_nearest, bucket_fill_white, composite_line_art, enclosed_regions, get_baseline, voronoi_fill


def _two_rooms() -> np.ndarray:
    """32x32 paper split by a vertical wall into left and right rooms."""
    line = np.ones((32, 32), np.float32)
    line[:, 15:17] = 0.0
    return line


def _hints(cells: list[tuple[int, int, tuple[float, float, float]]]) -> np.ndarray:
    hints = np.zeros((4, 8, 8), np.float32)
    for row, col, rgb in cells:
        hints[:3, row, col] = np.array(rgb) * 2.0 - 1.0
        hints[3, row, col] = 1.0
    return hints


def test_no_hints_leave_everything_white() -> None:
    for fill in (voronoi_fill, bucket_fill_nearest, bucket_fill_white):
        assert np.all(fill(_two_rooms(), np.zeros((4, 8, 8), np.float32)) == 1.0)


def test_bucket_fills_each_room_with_its_hint() -> None:
    hints = _hints([(1, 1, (1.0, 0.0, 0.0)), (6, 1, (0.0, 0.0, 1.0)), (2, 6, (0.0, 1.0, 0.0))])

    fill = bucket_fill_nearest(_two_rooms(), hints)

    assert np.allclose(fill[:, :12], [0.5, 0.0, 0.5])  # left room: mean of red and blue
    assert np.allclose(fill[:, 20:], [0.0, 1.0, 0.0])


def test_unhinted_room_takes_nearest_hint_or_stays_white() -> None:
    hints = _hints([(3, 1, (1.0, 0.0, 0.0))])

    assert np.allclose(bucket_fill_nearest(_two_rooms(), hints)[:, 20:], [1.0, 0.0, 0.0])
    assert np.allclose(bucket_fill_white(_two_rooms(), hints)[:, 20:], 1.0)


def test_voronoi_takes_the_nearest_hint_across_lines() -> None:
    hints = _hints([(0, 0, (1.0, 0.0, 0.0)), (7, 7, (0.0, 0.0, 1.0))])

    fill = voronoi_fill(_two_rooms(), hints)

    assert np.allclose(fill[0, 0], [1.0, 0.0, 0.0]) and np.allclose(fill[31, 31], [0.0, 0.0, 1.0])


def test_one_pixel_gap_is_closed() -> None:
    line = _two_rooms()
    line[10, 15:17] = 1.0  # a gap in the wall

    labels = enclosed_regions(line)

    assert labels[5, 5] != labels[5, 25]


def test_composite_multiplies_ink_over_colour() -> None:
    colour = np.full((2, 2, 3), 0.5, np.float32)
    line = np.array([[1.0, 0.0], [1.0, 1.0]], np.float32)

    assert np.allclose(composite_line_art(colour, line)[0, 1], 0.0) and np.allclose(composite_line_art(colour, line)[0, 0], 0.5)


def test_unknown_baseline_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown baseline"):
        get_baseline("magic-wand")


def test_region_fill_keeps_each_room_to_its_hint_and_is_white_without_hints() -> None:
    hints = _hints([(3, 1, (1.0, 0.0, 0.0)), (3, 6, (0.0, 0.0, 1.0))])

    fill = get_baseline("region-fill")(_two_rooms(), hints)

    assert fill.shape == (32, 32, 3)
    assert np.allclose(fill[:, :12], [1.0, 0.0, 0.0]) and np.allclose(fill[:, 20:], [0.0, 0.0, 1.0])
    assert np.all(get_baseline("region-fill")(_two_rooms(), np.zeros((4, 8, 8), np.float32)) == 1.0)
