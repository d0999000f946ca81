"""Pixels between Krita, QImage and the wire.

Krita hands out an 8-bit RGBA layer as B, G, R, A bytes with straight alpha,
which is QImage's Format_ARGB32 on every little-endian machine Krita runs on
and the contract's PIXEL_FORMAT_BGRA8, so layers go on the wire unconverted.
"""
from __future__ import annotations

from PyQt5.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize, Qt
from PyQt5.QtGui import QImage, QPainter

from .protocol.messages import Image, OutputFormat, PixelFormat, RawImage

# Above this many bytes of raw pixels an image travels as PNG: line art and
# hint layers compress well, and the server refuses messages over 64 MiB.
RAW_TRANSFER_LIMIT = 16 * 1024 * 1024

_FORMAT_FOR_PIXELS = {
    PixelFormat.RGBA8: QImage.Format_RGBA8888,
    PixelFormat.BGRA8: QImage.Format_ARGB32,
    PixelFormat.GRAY8: QImage.Format_Grayscale8,
}


class ImageDecodeError(ValueError):
    """The server sent an image the plugin cannot read."""


def qimage_from_bgra(pixels: bytes, width: int, height: int) -> QImage:
    expected = width * height * 4
    if len(pixels) != expected:
        raise ValueError(f"expected {expected} bytes for {width}x{height} BGRA, got {len(pixels)}")
    # QImage does not own `pixels`; copy() detaches it from the Python buffer.
    return QImage(pixels, width, height, width * 4, QImage.Format_ARGB32).copy()


def bgra_bytes(image: QImage) -> bytes:
    """The pixels as tightly packed B, G, R, A rows with straight alpha."""
    straight = image.convertToFormat(QImage.Format_ARGB32)
    row_bytes = straight.width() * 4
    data = straight.constBits()
    data.setsize(straight.sizeInBytes())
    buffer = bytes(data)
    if straight.bytesPerLine() == row_bytes:
        return buffer
    stride = straight.bytesPerLine()
    return b"".join(buffer[row * stride:row * stride + row_bytes] for row in range(straight.height()))


def png_bytes(image: QImage, quality: int = -1) -> bytes:
    """The image as a PNG file (straight alpha); quality 100 is Qt's fastest zlib level."""
    encoded = QByteArray()
    buffer = QBuffer(encoded)
    buffer.open(QIODevice.WriteOnly)
    image.convertToFormat(QImage.Format_ARGB32).save(buffer, "PNG", quality)
    buffer.close()
    return bytes(encoded)


def to_wire_image(image: QImage) -> Image:
    if image.width() * image.height() * 4 <= RAW_TRANSFER_LIMIT:
        return Image(RawImage(image.width(), image.height(), PixelFormat.BGRA8, bgra_bytes(image)))
    return Image(png_bytes(image, 100))


def output_format_for(size: QSize) -> OutputFormat:
    """The format to ask the server for, by the same rule as `to_wire_image`."""
    return OutputFormat.RAW_RGBA8 if size.width() * size.height() * 4 <= RAW_TRANSFER_LIMIT else OutputFormat.PNG


def from_wire_image(image: Image) -> QImage:
    """The image as Format_ARGB32 (straight alpha)."""
    if isinstance(image.data, RawImage):
        raw = image.data
        qt_format = _FORMAT_FOR_PIXELS.get(raw.format)
        if qt_format is None:
            raise ImageDecodeError(f"unknown pixel format {int(raw.format)}")
        bytes_per_pixel = raw.format.bytes_per_pixel()
        if len(raw.pixels) != raw.width * raw.height * bytes_per_pixel or raw.width == 0 or raw.height == 0:
            raise ImageDecodeError(f"raw image of {len(raw.pixels)} bytes does not match {raw.width}x{raw.height}")
        borrowed = QImage(raw.pixels, raw.width, raw.height, raw.width * bytes_per_pixel, qt_format)
        # copy() first: converting to the same format would keep borrowing `raw.pixels`.
        return borrowed.copy().convertToFormat(QImage.Format_ARGB32)
    decoded = QImage.fromData(image.data, "PNG")
    if decoded.isNull():
        raise ImageDecodeError("the PNG cannot be decoded")
    return decoded.convertToFormat(QImage.Format_ARGB32)


def scaled(image: QImage, size: QSize) -> QImage:
    """Smooth scaling in premultiplied alpha, so the colour of transparent
    pixels never bleeds into a hint's edge."""
    if image.size() == size:
        return image
    premultiplied = image.convertToFormat(QImage.Format_ARGB32_Premultiplied)
    return premultiplied.scaled(size, Qt.IgnoreAspectRatio, Qt.SmoothTransformation).convertToFormat(QImage.Format_ARGB32)


def fit_within(size: QSize, max_side: int) -> QSize:
    """`size` shrunk (never grown) so its longer side is at most `max_side`."""
    longest = max(size.width(), size.height())
    if longest <= max_side:
        return QSize(size)
    factor = max_side / longest
    return QSize(max(1, round(size.width() * factor)), max(1, round(size.height() * factor)))


def place_scaled(image: QImage, source_rect: QRect, canvas: QSize, target: QSize) -> QImage:
    """A transparent image of size `target` standing for a `canvas`-sized
    area, with `image` (covering `source_rect` of the canvas) drawn in scaled.
    Reads only the painted part of a layer instead of the whole canvas."""
    result = QImage(target, QImage.Format_ARGB32_Premultiplied)
    result.fill(Qt.transparent)
    if not source_rect.isEmpty():
        sx = target.width() / canvas.width()
        sy = target.height() / canvas.height()
        destination = QRect(QPoint(int(source_rect.x() * sx), int(source_rect.y() * sy)),
                            QSize(max(1, round(source_rect.width() * sx)), max(1, round(source_rect.height() * sy))))
        painter = QPainter(result)
        painter.setRenderHint(QPainter.SmoothPixmapTransform)
        painter.drawImage(destination, image.convertToFormat(QImage.Format_ARGB32_Premultiplied))
        painter.end()
    return result.convertToFormat(QImage.Format_ARGB32)


def masked(image: QImage, mask: bytes) -> QImage:
    """`image` with its alpha multiplied by an 8-bit mask (Krita's selection
    pixels: 255 = selected), so pixels outside a selection stay untouched."""
    width, height = image.width(), image.height()
    if len(mask) != width * height:
        raise ValueError(f"mask of {len(mask)} bytes does not match {width}x{height}")
    alpha = QImage(mask, width, height, width, QImage.Format_Alpha8).copy()
    result = image.convertToFormat(QImage.Format_ARGB32_Premultiplied)
    painter = QPainter(result)
    painter.setCompositionMode(QPainter.CompositionMode_DestinationIn)
    painter.drawImage(0, 0, alpha)
    painter.end()
    return result.convertToFormat(QImage.Format_ARGB32)
