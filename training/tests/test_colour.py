from __future__ import annotations

import numpy as np

from training.colour import ciede2000, painted_mask, srgb_to_lab

# Sharma, Wu & Dalal (2005), Table 1: (L1, a1, b1), (L2, a2, b2), dE00. Pairs 13-16
# exercise the mean-hue branches around 0/360 degrees.
SHARMA_PAIRS = [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
    ((50.0, 2.8361, -74.0200), (50.0, 0.0, -82.7485), 3.4412),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0009), 7.1792),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0010), 7.1792),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0011), 7.2195),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0012), 7.2195),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (56.0, -27.0, -3.0), 31.9030),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((90.9257, -0.5406, -0.9208), (88.6381, -0.8985, -0.7239), 1.5381),
]


def test_matches_sharma_reference_pairs() -> None:
    first = np.array([p[0] for p in SHARMA_PAIRS])
    second = np.array([p[1] for p in SHARMA_PAIRS])
    expected = np.array([p[2] for p in SHARMA_PAIRS])

    assert np.allclose(ciede2000(first, second), expected, atol=1e-4)


def test_is_symmetric_and_zero_for_equal_colours() -> None:
    rng = np.random.default_rng(0)
    a, b = srgb_to_lab(rng.integers(0, 256, (50, 3)).astype(np.uint8)), srgb_to_lab(rng.integers(0, 256, (50, 3)).astype(np.uint8))

    assert np.allclose(ciede2000(a, b), ciede2000(b, a))
    assert np.allclose(ciede2000(a, a), 0.0)


def test_srgb_to_lab_of_white_black_and_red() -> None:
    lab = srgb_to_lab(np.array([[255, 255, 255], [0, 0, 0], [255, 0, 0]], np.uint8))

    assert np.allclose(lab[0], [100.0, 0.0, 0.0], atol=1e-3)
    assert np.allclose(lab[1], [0.0, 0.0, 0.0], atol=1e-6)
    assert np.allclose(lab[2], [53.24, 80.09, 67.20], atol=0.02)


def test_painted_mask_excludes_paper_and_lines(boxes: np.ndarray) -> None:
    line = np.ones(boxes.shape[:2], np.float32)
    line[10, 10] = 0.0

    mask = painted_mask(boxes, line)

    assert not mask[0, 0], "paper"
    assert not mask[10, 10], "line"
    assert mask[12, 12], "red paint"
