from __future__ import annotations

import numpy as np
import pytest

from training.linework.styles import LINE_STYLES, augment_ink, get_line_style, synthesise_line_art


@pytest.mark.parametrize("style", sorted(LINE_STYLES))
def test_style_returns_line_art_in_unit_range(style: str, boxes: np.ndarray) -> None:
    line = get_line_style(style)(boxes, np.random.default_rng(0))

    assert line.shape == boxes.shape[:2] and line.dtype == np.float32
    assert line.min() >= 0.0 and line.max() <= 1.0
    assert (line < 0.9).any(), "the box outlines must leave ink"


@pytest.mark.parametrize("style", sorted(LINE_STYLES))
def test_style_keeps_white_image_white(style: str) -> None:
    white = np.full((32, 32, 3), 255, np.uint8)

    assert np.allclose(get_line_style(style)(white, np.random.default_rng(0)), 1.0)


def test_colour_edges_find_equal_brightness_hue_edge() -> None:
    image = np.zeros((32, 32, 3), np.uint8)
    image[:, :16] = (200, 60, 60)
    image[:, 16:] = (60, 110, 110)  # similar luma, different hue

    line = get_line_style("colour-edges")(image, np.random.default_rng(1))

    assert (line[:, 14:18] < 0.5).any()


def test_augment_ink_only_lightens() -> None:
    line = np.linspace(0.0, 1.0, 100, dtype=np.float32).reshape(10, 10)

    for seed in range(20):
        lighter = augment_ink(line, np.random.default_rng(seed))
        assert np.all(lighter >= line - 1e-6) and lighter.max() <= 1.0


def test_unknown_style_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown line style"):
        get_line_style("watercolour")


def test_synthesise_line_art_uses_requested_styles_only(boxes: np.ndarray) -> None:
    xdog_only = synthesise_line_art(boxes, np.random.default_rng(3), ("xdog",), augment=False)

    assert set(np.unique(np.round(xdog_only, 3))) <= {0.0, 1.0}
