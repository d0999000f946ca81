from __future__ import annotations

import numpy as np

from training.eval.flats_breakdown import breakdown

RED, BLUE, WHITE = (255, 0, 0), (0, 0, 255), (255, 255, 255)


def _wall() -> np.ndarray:
    """32x32 paper split by a vertical wall (columns 15-16) into two rooms."""
    line = np.ones((32, 32), np.float32)
    line[:, 15:17] = 0.0
    return line


def _red_dot_top_left() -> np.ndarray:
    hints = np.zeros((4, 8, 8), np.float32)
    hints[:3, 1, 1] = np.array([1.0, -1.0, -1.0])
    hints[3, 1, 1] = 1.0
    return hints


def _image(left: tuple[int, int, int], right: tuple[int, int, int]) -> np.ndarray:
    image = np.zeros((32, 32, 3), np.uint8)
    image[:, :16] = left
    image[:, 16:] = right
    return image


def test_a_hinted_room_and_a_room_left_white_that_the_truth_paints() -> None:
    regions = np.zeros((32, 32), np.int64)
    regions[:, 16:] = 1

    row = breakdown(_image(RED, BLUE), _wall(), _red_dot_top_left(), regions, _image(RED, WHITE))

    assert abs(row["hinted: share of painted"] - 0.5) < 0.05
    assert abs(row["left paper: share of painted"] - 0.5) < 0.05
    assert row["model: share of painted"] == 0.0
    assert row["hinted: flats dE00"] < 1.0
    assert row["left paper: flats dE00"] > 30.0
    assert row["left paper: nearest hint dE00"] > 30.0  # the red dot repeated over the blue room


def test_paper_a_hinted_page_region_paints_is_counted_there() -> None:
    regions = np.zeros((32, 32), np.int64)  # one region: the lines do not close the right room

    row = breakdown(_image(RED, WHITE), _wall(), _red_dot_top_left(), regions, _image(RED, RED))

    assert row["paper lost in a hinted page region"] > 0.95
    assert row["paper lost elsewhere"] == 0.0


def test_a_hint_lost_to_a_rival_in_its_region_is_counted_as_such() -> None:
    regions = np.zeros((32, 32), np.int64)  # one region holding a red dot and a blue dot
    hints = _red_dot_top_left()
    hints[:3, 6, 6] = np.array([-1.0, -1.0, 1.0])
    hints[3, 6, 6] = 1.0

    row = breakdown(_image(RED, BLUE), _wall(), hints, regions, _image(RED, RED))

    assert row["hints not obeyed"] == 0.5  # the blue dot got red
    assert row["not obeyed, a rival in the region"] == 0.5


def test_a_hint_missed_without_a_rival_is_not_blamed_on_one() -> None:
    regions = np.zeros((32, 32), np.int64)
    regions[:, 16:] = 1

    row = breakdown(_image(RED, BLUE), _wall(), _red_dot_top_left(), regions, _image(BLUE, BLUE))

    assert row["hints not obeyed"] == 1.0
    assert row["not obeyed, a rival in the region"] == 0.0
