from __future__ import annotations

import numpy as np

from training.colour import painted_mask
from training.eval.metrics import METRICS, ciede2000_painted, psnr


def test_identical_images_score_perfectly(boxes: np.ndarray) -> None:
    mask = np.ones(boxes.shape[:2], bool)

    assert ciede2000_painted(boxes, boxes, mask) == 0.0
    assert psnr(boxes, boxes, mask) == float("inf")


def test_wrong_colour_scores_worse_than_close_colour(boxes: np.ndarray) -> None:
    mask = painted_mask(boxes, np.ones(boxes.shape[:2], np.float32))
    close, wrong = boxes.copy(), boxes.copy()
    close[mask] = np.clip(boxes[mask].astype(int) + 5, 0, 255)
    wrong[mask] = (0, 200, 0)

    assert ciede2000_painted(close, boxes, mask) < ciede2000_painted(wrong, boxes, mask)
    assert psnr(close, boxes, mask) > psnr(wrong, boxes, mask)


def test_no_painted_pixels_gives_nan() -> None:
    white = np.full((8, 8, 3), 255, np.uint8)

    assert np.isnan(ciede2000_painted(white, white, np.zeros((8, 8), bool)))


def test_metrics_are_registered() -> None:
    assert {"ciede2000_painted", "psnr"} <= set(METRICS)
