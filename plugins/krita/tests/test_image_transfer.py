from __future__ import annotations

import pytest
from PyQt5.QtCore import QRect, QSize
from PyQt5.QtGui import QColor, QImage

from colorize_bridge import image_transfer
from colorize_bridge.image_transfer import (
    ImageDecodeError,
    bgra_bytes,
    fit_within,
    from_wire_image,
    masked,
    output_format_for,
    place_scaled,
    qimage_from_bgra,
    scaled,
    to_wire_image,
)
from colorize_bridge.protocol.messages import Image, OutputFormat, PixelFormat, RawImage


def solid(width: int, height: int, bgra: bytes) -> QImage:
    return qimage_from_bgra(bgra * (width * height), width, height)


def test_qimage_from_bgra_round_trips_bytes_exactly():
    pixels = bytes(range(2 * 3 * 4))
    assert bgra_bytes(qimage_from_bgra(pixels, 2, 3)) == pixels


def test_qimage_from_bgra_reads_b_g_r_a_order():
    image = qimage_from_bgra(bytes([10, 20, 30, 40]), 1, 1)
    colour = image.pixelColor(0, 0)
    assert (colour.red(), colour.green(), colour.blue(), colour.alpha()) == (30, 20, 10, 40)


def test_qimage_from_bgra_wrong_length_raises():
    with pytest.raises(ValueError):
        qimage_from_bgra(bytes(7), 1, 2)


def test_bgra_bytes_odd_width_has_no_row_padding():
    image = QImage(3, 2, QImage.Format_RGB888)  # 9-byte rows, padded to 12 by Qt
    image.fill(QColor(1, 2, 3))
    assert bgra_bytes(image) == bytes([3, 2, 1, 255]) * 6


def test_to_wire_image_small_image_is_raw_bgra8():
    wire = to_wire_image(solid(2, 2, bytes([1, 2, 3, 255])))
    assert wire.data == RawImage(2, 2, PixelFormat.BGRA8, bytes([1, 2, 3, 255]) * 4)


def test_to_wire_image_above_limit_is_png_that_decodes_to_the_same_pixels(monkeypatch):
    monkeypatch.setattr(image_transfer, "RAW_TRANSFER_LIMIT", 10)
    original = qimage_from_bgra(bytes([5, 6, 7, 128, 0, 0, 0, 0, 255, 255, 255, 255]), 3, 1)
    wire = to_wire_image(original)
    assert wire.data.startswith(b"\x89PNG")
    assert bgra_bytes(from_wire_image(wire)) == bgra_bytes(original)


def test_output_format_for_follows_the_raw_limit(monkeypatch):
    monkeypatch.setattr(image_transfer, "RAW_TRANSFER_LIMIT", 16)
    assert output_format_for(QSize(2, 2)) == OutputFormat.RAW_RGBA8
    assert output_format_for(QSize(3, 2)) == OutputFormat.PNG


@pytest.mark.parametrize("pixel_format, pixels, expected_bgra", [
    (PixelFormat.RGBA8, bytes([10, 20, 30, 40]), bytes([30, 20, 10, 40])),
    (PixelFormat.BGRA8, bytes([10, 20, 30, 40]), bytes([10, 20, 30, 40])),
    (PixelFormat.GRAY8, bytes([77]), bytes([77, 77, 77, 255])),
])
def test_from_wire_image_raw_formats_become_bgra(pixel_format, pixels, expected_bgra):
    image = from_wire_image(Image(RawImage(1, 1, pixel_format, pixels)))
    assert bgra_bytes(image) == expected_bgra


def test_from_wire_image_does_not_borrow_the_message_bytes():
    pixels = bytearray([1, 2, 3, 4])
    image = from_wire_image(Image(RawImage(1, 1, PixelFormat.BGRA8, pixels)))
    pixels[0] = 99
    assert bgra_bytes(image) == bytes([1, 2, 3, 4])


@pytest.mark.parametrize("raw", [
    RawImage(2, 2, PixelFormat.RGBA8, bytes(15)),
    RawImage(0, 0, PixelFormat.RGBA8, b""),
    RawImage(1, 1, PixelFormat.UNSPECIFIED, bytes(4)),
])
def test_from_wire_image_inconsistent_raw_raises(raw):
    with pytest.raises(ImageDecodeError):
        from_wire_image(Image(raw))


def test_from_wire_image_bad_png_raises():
    with pytest.raises(ImageDecodeError):
        from_wire_image(Image(b"not a png"))


def test_fit_within_shrinks_keeping_aspect_and_never_grows():
    assert fit_within(QSize(1000, 500), 320) == QSize(320, 160)
    assert fit_within(QSize(100, 50), 320) == QSize(100, 50)


def test_scaled_keeps_hint_colour_at_transparent_edges():
    # A red dot on transparent *white*: straight-alpha scaling would pull the
    # edge towards white; premultiplied scaling keeps it pure red.
    image = solid(4, 4, bytes([255, 255, 255, 0]))
    for x in (1, 2):
        for y in (1, 2):
            image.setPixelColor(x, y, QColor(255, 0, 0, 255))
    small = scaled(image, QSize(3, 3))
    edge = small.pixelColor(0, 1)
    assert edge.alpha() > 0
    assert (edge.red(), edge.green(), edge.blue()) == (255, 0, 0)


def test_place_scaled_puts_the_painted_part_at_its_scaled_position():
    part = solid(10, 10, bytes([0, 0, 255, 255]))  # red, covering (40,20)-(50,30) of a 100x100 canvas
    result = place_scaled(part, QRect(40, 20, 10, 10), QSize(100, 100), QSize(10, 10))
    assert result.pixelColor(4, 2) == QColor(255, 0, 0, 255)
    assert result.pixelColor(0, 0).alpha() == 0
    assert result.size() == QSize(10, 10)


def test_masked_multiplies_alpha_by_selection():
    image = solid(3, 1, bytes([0, 0, 255, 255]))
    result = masked(image, bytes([255, 0, 128]))
    assert [result.pixelColor(x, 0).alpha() for x in range(3)] == [255, 0, 128]
    assert result.pixelColor(2, 0).red() == 255


def test_masked_wrong_mask_size_raises():
    with pytest.raises(ValueError):
        masked(solid(2, 2, bytes(4)), bytes(3))
