from __future__ import annotations

import pytest

from colorize_bridge.region_map import PAPER, colour_word, find_region, region_under_selection

A = bytes([0, 0, 1, 255])   # B, G, R, A: region colour (1, 0, 0)
B = bytes([0, 1, 0, 255])   # region colour (0, 1, 0)
P = bytes([0, 0, 0, 255])   # paper
OUT = bytes(4)              # outside the result


def test_colour_word_is_krita_pixel_bytes_read_as_one_word():
    assert colour_word(1, 0, 0) == int.from_bytes(A, "little")
    assert colour_word(0, 0, 0) == PAPER


def test_region_under_selection_counts_only_selected_pixels():
    pixels = A + A + B + B + B
    assert region_under_selection(pixels, [255, 255, 255, 0, 0]) == colour_word(1, 0, 0)
    assert region_under_selection(pixels, [0, 1, 255, 255, 255]) == colour_word(0, 1, 0)


def test_region_under_selection_may_be_the_paper():
    assert region_under_selection(P + P + A, [255, 255, 255]) == PAPER


def test_region_under_selection_ignores_pixels_outside_the_result():
    assert region_under_selection(OUT + OUT + OUT + A, [255, 255, 255, 255]) == colour_word(1, 0, 0)
    assert region_under_selection(OUT + OUT + A, [255, 255, 0]) is None


def test_region_under_selection_needs_a_mask_of_the_same_size():
    with pytest.raises(ValueError):
        region_under_selection(A + A, [255])


def ring(size: int = 9) -> bytes:
    """Region A is a one-pixel ring at the border, region B inside it."""
    return b"".join(A if x in (0, size - 1) or y in (0, size - 1) else B for y in range(size) for x in range(size))


def test_find_region_takes_every_pixel_of_that_colour_and_nothing_else():
    region = find_region(ring(), 9, colour_word(1, 0, 0))
    assert len(region.pixels) == 9 * 4 - 4
    assert all(index // 9 in (0, 8) or index % 9 in (0, 8) for index in region.pixels)


def test_find_region_of_a_colour_not_there_is_an_error():
    with pytest.raises(ValueError):
        find_region(ring(), 9, colour_word(9, 9, 9))


def test_centre_of_a_ring_lies_on_the_ring_not_in_its_hole():
    region = find_region(ring(), 9, colour_word(1, 0, 0))
    assert region.centre() in region.pixels


def test_dot_stays_inside_a_thin_region():
    region = find_region(ring(), 9, colour_word(1, 0, 0))
    dot = region.dot(radius=3)
    assert region.centre() in dot
    assert set(dot) <= set(region.pixels)
    assert dot == sorted(dot)


def test_dot_in_a_large_region_is_a_disc_around_the_centre():
    size = 21
    region = find_region(B * (size * size), size, colour_word(0, 1, 0))
    dot = region.dot(radius=2)
    assert region.centre() == 10 * size + 10
    assert len(dot) == 13  # the pixels within distance 2 of a point

