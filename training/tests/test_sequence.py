from __future__ import annotations

import numpy as np
import pytest

from training.eval.sequence import TRANSFORMS, line_regions, page_line_art, reference_dots, regions_matching

SIDE = 128


def _drawing() -> np.ndarray:
    """White paper with a figure in the middle: a red box beside a blue box inside a
    green one, outlined in black, away from the border."""
    image = np.full((SIDE, SIDE, 3), 255, np.uint8)
    image[32:96, 32:96] = 0
    image[34:94, 34:94] = (40, 170, 60)
    image[44:84, 44:62] = 0
    image[46:82, 46:60] = (210, 40, 40)
    image[44:84, 68:86] = 0
    image[46:82, 70:84] = (40, 60, 200)
    return image


@pytest.mark.parametrize("transform", sorted(TRANSFORMS))
def test_transforms_keep_size_and_white_paper(transform: str) -> None:
    truth = _drawing()

    page = TRANSFORMS[transform](truth, np.random.default_rng(3))
    line = page_line_art(page, transform)

    assert page.shape == truth.shape and page.dtype == np.uint8
    assert line.shape == truth.shape[:2]
    # Every transform moves the figure by well under a quarter of the page: the rim stays paper.
    rim = np.ones((SIDE, SIDE), bool)
    rim[12:-12, 12:-12] = False
    assert np.all(page[rim] == 255)
    assert np.all(line[rim] == 1.0)


def test_transforms_change_the_drawing_but_restyled_only_its_lines() -> None:
    truth = _drawing()

    for transform, function in TRANSFORMS.items():
        page = function(truth, np.random.default_rng(3))
        assert np.array_equal(page, truth) == (transform == "restyled"), transform
    assert not np.array_equal(page_line_art(truth, "restyled"), page_line_art(truth, "moved"))


def test_regions_are_the_painted_parts_enclosed_by_lines() -> None:
    truth = _drawing()

    labels, count = line_regions(page_line_art(truth, "reference"), truth)

    assert count == 3  # green surround, red box, blue box; the paper is no part
    assert labels[0, 0] == 0 and len({labels[60, 52], labels[60, 76], labels[38, 38]}) == 3


def test_region_colour_metric_is_full_for_the_truth_and_less_for_a_wrong_colouring() -> None:
    truth = _drawing()
    labels, count = line_regions(page_line_art(truth, "reference"), truth)
    wrong = truth.copy()
    wrong[46:82, 46:60] = (40, 60, 200)  # the red box painted blue

    assert regions_matching(truth, truth, labels, count) == count
    assert regions_matching(wrong, truth, labels, count) == count - 1
    assert regions_matching(np.full_like(truth, 128), truth, labels, count) == 0


def test_reference_dots_put_one_dot_of_the_truth_colour_in_each_region() -> None:
    truth = _drawing()

    hints = reference_dots(truth, page_line_art(truth, "reference"))

    rows, cols = np.nonzero(hints[3] > 0.5)
    colours = {tuple(np.round((hints[:3, r, c] + 1.0) * 127.5).astype(int)) for r, c in zip(rows, cols)}
    assert rows.size == 3
    assert colours == {(40, 170, 60), (210, 40, 40), (40, 60, 200)}
