"""The click-to-image maths of document/krita_canvas.py. The transform's
shape (centre, scroll, rotation, mirror, zoom x 72 / ppi) was read off a real
Krita 5.1 canvas; tests/test_real_krita.py clicks a real one."""
from __future__ import annotations

import math

import pytest
from PyQt5.QtCore import QPoint, QPointF, QSize

from colorize_bridge.document.krita_canvas import ViewGeometry


def geometry(zoom=1.0, resolution=72.0, rotation=0.0, mirror=False, scroll=(0.0, 0.0),
             widget=(800, 600), image=(400, 300)) -> ViewGeometry:
    return ViewGeometry(widget_size=QSize(*widget), image_size=QSize(*image), zoom_level=zoom,
                        resolution=resolution, rotation=rotation, mirror=mirror,
                        scroll_x=scroll[0], scroll_y=scroll[1])


def close(a: QPointF, b: QPointF, tolerance: float = 1e-6) -> bool:
    return abs(a.x() - b.x()) <= tolerance and abs(a.y() - b.y()) <= tolerance


def test_at_100_percent_the_image_sits_centred_in_the_widget():
    view = geometry()
    # The image (400 x 300) is centred in the widget (800 x 600): its corner is at (200, 150).
    assert view.image_pixel(QPointF(200.5, 150.5)) == QPoint(0, 0)
    assert view.image_pixel(QPointF(599.5, 449.5)) == QPoint(399, 299)
    assert view.image_pixel(QPointF(199.5, 150.5)) is None
    assert view.image_pixel(QPointF(600.5, 300)) is None


def test_zoom_scales_about_the_centre():
    view = geometry(zoom=2.0)
    assert close(view.image_point(QPointF(400, 300)), QPointF(200, 150))
    assert close(view.image_point(QPointF(400 + 20, 300 - 10)), QPointF(210, 145))


def test_zoom_counts_in_72_ppi_pixels():
    # A 144-ppi document at Krita's zoom level 2 shows one image pixel per screen pixel.
    assert close(geometry(zoom=2.0, resolution=144.0).image_point(QPointF(410, 300)), QPointF(210, 150))


def test_scrolling_right_moves_the_image_left():
    view = geometry(scroll=(30.0, -20.0))
    # The image centre now shows at (400 - 30, 300 + 20).
    assert close(view.image_point(QPointF(370, 320)), QPointF(200, 150))


def test_rotation_is_clockwise_on_screen():
    view = geometry(rotation=90.0)
    # Turned a quarter clockwise, a point right of the centre in the image shows below the centre.
    assert close(view.widget_point(QPointF(210, 150)), QPointF(400, 310))
    assert close(view.image_point(QPointF(400, 310)), QPointF(210, 150))


def test_mirror_flips_left_and_right_before_the_rotation():
    assert close(geometry(mirror=True).widget_point(QPointF(210, 140)), QPointF(390, 290))
    view = geometry(mirror=True, rotation=90.0)
    assert close(view.widget_point(QPointF(210, 150)), QPointF(400, 290))


@pytest.mark.parametrize("zoom,rotation,mirror,scroll", [
    (1.5, 30.0, False, (-51.0, 12.0)), (0.7, 0.0, True, (-282.0, 5.0)), (1.3, -45.0, True, (-100.0, -40.0)),
])
def test_image_point_inverts_widget_point(zoom, rotation, mirror, scroll):
    view = geometry(zoom=zoom, rotation=rotation, mirror=mirror, scroll=scroll)
    for point in (QPointF(0, 0), QPointF(123.25, 45.5), QPointF(399, 299)):
        assert close(view.image_point(view.widget_point(point)), point, 1e-6)


def test_a_turned_view_keeps_distances():
    view = geometry(zoom=1.0, rotation=37.0)
    a, b = view.widget_point(QPointF(10, 10)), view.widget_point(QPointF(110, 10))
    assert math.isclose(math.hypot(b.x() - a.x(), b.y() - a.y()), 100.0)


def test_a_view_with_no_zoom_is_refused():
    with pytest.raises(ValueError, match="zoom 0"):
        geometry(zoom=0.0).image_point(QPointF(0, 0))
