"""ColorizeJob with "Separate layers": the result group (result_layers.py)."""
from __future__ import annotations

import datetime

import pytest
from PyQt5.QtCore import QRect

from colorize_bridge.document.krita_document import KritaDocument
from colorize_bridge.model.colorize_job import ColorizeJob, JobState
from colorize_bridge.model.layer_choice import LayerChoice
from colorize_bridge.model.result_layers import current_result_group, result_group_of_active_layer
from colorize_bridge.protocol.messages import Image, Layer, PixelFormat, RawImage
from fakes import ScriptedClient, connected
from layered_result import (
    HEIGHT,
    WIDTH,
    bgra,
    flats_rgba,
    layered_update,
    separate_layers,
    lines_rgba,
    region_of,
    rgba_image,
    shading_rgba,
)
from mock_krita import MockDocument, MockSelection

INK = bytes([0, 0, 0, 255])
PAPER_WHITE = bytes([255, 255, 255, 255])


@pytest.fixture
def scene():
    doc = MockDocument(WIDTH, HEIGHT)
    lines = doc.add_paint_layer("Line art")
    lines.fill_rect(QRect(0, 0, WIDTH, HEIGHT), PAPER_WHITE)
    lines.fill_rect(QRect(0, 1, WIDTH, 1), INK)
    hints = doc.add_paint_layer("Hints")
    hints.fill_rect(QRect(1, 2, 1, 1), bytes([0, 255, 0, 255]))
    client = ScriptedClient()
    job = ColorizeJob(connected(client), clock=lambda: datetime.datetime(2026, 1, 2, 3, 4, 5))
    choice = LayerChoice(line_art=lines.uniqueId(), hints=hints.uniqueId())
    return doc, lines, hints, client, job, choice


def colorize(scene, update, separate=True):
    doc, lines, hints, client, job, choice = scene
    job.start(KritaDocument(doc), choice, "alac", separate=separate)
    call = client.last("Colorize")
    call.send(update)
    call.finish()
    return call


def expected_pixels(rgba_at, rect=QRect(0, 0, WIDTH, HEIGHT)) -> bytes:
    return b"".join(bgra(rgba_at(x, y)) for y in range(rect.top(), rect.bottom() + 1)
                    for x in range(rect.left(), rect.right() + 1))


def test_separate_layers_asks_the_server_for_them(scene):
    call = colorize(scene, layered_update())
    assert call.request.options.return_layers


def test_without_separate_layers_the_request_asks_for_none(scene):
    call = colorize(scene, layered_update(), separate=False)
    assert not call.request.options.return_layers


def test_layers_become_one_group_named_after_the_model_and_time_under_the_hints(scene):
    doc, lines, hints, client, job, choice = scene
    colorize(scene, layered_update(model="alac"))

    assert doc.layer_names() == ["Line art", "alac 03:04:05", "Hints"]
    group = doc.rootNode().childNodes()[1]
    assert group.type() == "grouplayer"
    assert [child.name() for child in group.childNodes()] == ["Regions", "Flats", "Shading", "Lines"]
    assert job.state == JobState.DONE
    assert job.result_layer.id == group.uniqueId()
    assert job.message == "Added layer group “alac 03:04:05”."


def test_group_layers_blend_show_and_lock_as_an_artist_needs(scene):
    doc = scene[0]
    colorize(scene, layered_update())

    regions, flats, shading, lines = doc.rootNode().childNodes()[1].childNodes()
    assert [node.blendingMode() for node in (regions, flats, shading, lines)] == \
        ["normal", "normal", "multiply", "normal"]
    assert [node.visible() for node in (regions, flats, shading, lines)] == [False, True, True, True]
    assert [node.locked() for node in (regions, flats, shading, lines)] == [True, False, False, True]
    assert all(node.type() == "paintlayer" for node in (regions, flats, shading, lines))


def test_group_layers_hold_the_servers_pixels_and_the_line_art_is_untouched(scene):
    doc, line_art = scene[0], scene[1]
    line_art_before = bytes(line_art.pixels)
    colorize(scene, layered_update())

    regions, flats, shading, lines = doc.rootNode().childNodes()[1].childNodes()
    assert bytes(regions.pixels) == expected_pixels(lambda x, y: (*region_of(x, y), 255))
    assert bytes(flats.pixels) == expected_pixels(flats_rgba)
    assert bytes(shading.pixels) == expected_pixels(shading_rgba)
    assert bytes(lines.pixels) == expected_pixels(lines_rgba)
    assert bytes(line_art.pixels) == line_art_before


def test_group_keeps_the_active_layer(scene, process_events):
    doc, hints = scene[0], scene[2]
    doc.setActiveNode(hints)
    colorize(scene, layered_update())
    process_events(timeout_s=0.05)
    assert doc.activeNode() is hints


def test_old_server_without_the_layers_keeps_the_single_result_layer(scene):
    doc, lines, hints, client, job, choice = scene
    old = [Layer("colour", rgba_image(flats_rgba)), Layer("line art", rgba_image(lines_rgba))]
    colorize(scene, layered_update(model="alac", layers=old))

    assert doc.layer_names() == ["Line art", "alac 03:04:05", "Hints"]
    result = doc.rootNode().childNodes()[1]
    assert result.type() == "paintlayer"
    assert result.childNodes() == []
    assert job.message == "Added layer “alac 03:04:05”."


def test_old_server_sending_no_layers_keeps_the_single_result_layer(scene):
    doc = scene[0]
    colorize(scene, layered_update(layers=[]))
    assert doc.rootNode().childNodes()[1].type() == "paintlayer"


def test_layers_not_asked_for_give_the_single_result_layer(scene):
    doc = scene[0]
    colorize(scene, layered_update(), separate=False)
    assert doc.rootNode().childNodes()[1].type() == "paintlayer"


def test_selection_masks_every_layer_and_cuts_the_regions_hard(scene):
    doc = scene[0]
    selected = QRect(1, 1, 3, 2)
    doc.setSelection(MockSelection(selected, bytes([255, 128, 0, 255, 255, 255])))  # one soft, one unselected pixel
    colorize(scene, layered_update(width=3, height=2))

    regions, flats, shading, lines = doc.rootNode().childNodes()[1].childNodes()
    assert regions.bounds() == selected and flats.bounds() == selected
    assert lines.bounds() == QRect(1, 2, 3, 1)  # the ink row of the 3x2 answer, placed at the selection
    assert regions.pixelData(2, 1, 1, 1) == bgra((*region_of(1, 0), 255))   # soft: kept exactly
    assert regions.pixelData(3, 1, 1, 1) == bytes(4)                        # unselected: transparent
    assert flats.pixelData(2, 1, 1, 1)[3] in (127, 128)                     # soft: faded like a result layer
    assert flats.pixelData(3, 1, 1, 1) == bytes(4)


def test_a_layer_of_the_wrong_size_is_an_error(scene):
    doc, lines, hints, client, job, choice = scene
    layers = layered_update().update.layers
    layers[1] = Layer("shading", rgba_image(shading_rgba, 3, 2))
    colorize(scene, layered_update(layers=layers))

    assert job.state == JobState.ERROR
    assert "shading" in job.message and "expected 6x4" in job.message
    assert doc.layer_names() == ["Line art", "Hints"]


def match_layer(width: int = WIDTH, height: int = HEIGHT) -> Layer:
    """The "match" layer of a result steered by a reference page: greyscale, 255 x confidence."""
    grey = bytes(200 if region_of(x, y) == (1, 0, 0) else 0 for y in range(height) for x in range(width))
    return Layer("match", Image(RawImage(width, height, PixelFormat.GRAY8, grey)))


def test_match_layer_goes_on_top_of_the_group_hidden_and_locked(scene):
    doc = scene[0]
    colorize(scene, layered_update(layers=separate_layers() + [match_layer()]))

    group = doc.rootNode().childNodes()[1]
    assert [child.name() for child in group.childNodes()] == \
        ["Regions", "Flats", "Shading", "Lines", "Match confidence"]
    match = group.childNodes()[4]
    assert (match.visible(), match.locked(), match.blendingMode()) == (False, True, "normal")
    assert bytes(match.pixels) == expected_pixels(
        lambda x, y: (200, 200, 200, 255) if region_of(x, y) == (1, 0, 0) else (0, 0, 0, 255))


def test_without_a_match_layer_the_group_has_none(scene):
    doc = scene[0]
    colorize(scene, layered_update())

    assert "Match confidence" not in [child.name() for child in doc.rootNode().childNodes()[1].childNodes()]


def test_match_layer_is_limited_to_the_selection_like_the_others(scene):
    doc = scene[0]
    doc.setSelection(MockSelection(QRect(0, 0, 2, 1), bytes([255, 0])))
    colorize(scene, layered_update(layers=separate_layers(2, 1) + [match_layer(2, 1)], width=2, height=1))

    match = doc.rootNode().childNodes()[1].childNodes()[4]
    assert match.pixelData(0, 0, 2, 1) == bytes([200, 200, 200, 255]) + bytes(4)


def test_result_group_of_active_layer_is_none_outside_a_group_and_the_newest_is_current(scene):
    doc, lines = scene[0], scene[1]
    colorize(scene, layered_update())
    colorize(scene, layered_update())
    older, newer = doc.rootNode().childNodes()[1:3]
    doc.setActiveNode(lines)

    assert result_group_of_active_layer(KritaDocument(doc)) is None
    assert current_result_group(KritaDocument(doc)).group.id == newer.uniqueId()
    doc.setActiveNode(older.childNodes()[2])
    assert result_group_of_active_layer(KritaDocument(doc)).group.id == older.uniqueId()
    assert result_group_of_active_layer(KritaDocument(doc)).flats.id == older.childNodes()[1].uniqueId()
