from __future__ import annotations

import pytest
from PyQt5.QtCore import QRect
from PyQt5.QtGui import QImage

from colorize_bridge.document.krita_document import KritaDocument
from colorize_bridge.image_transfer import png_bytes
from colorize_bridge.model.connection import Connection
from colorize_bridge.model.layer_choice import LayerChoice
from colorize_bridge.model.live_preview import PREVIEW_LAYER_NAME, LivePreview, PreviewState
from colorize_bridge.model.page_reference import PageReference
from colorize_bridge.protocol.grpc_web import GrpcStatus, StatusCode
from colorize_bridge.model.steering import KIND_PALETTE, KIND_TAGS, Steering
from colorize_bridge.protocol.messages import (
    Color,
    Image,
    OutputFormat,
    PaletteEntry,
    PixelFormat,
    PreviewFrame,
    RawImage,
)
from fakes import ScriptedClient, connected
from mock_krita import MockDocument

RED = bytes([0, 0, 255, 255])
GREEN_RGBA = bytes([0, 255, 0, 255])


@pytest.fixture
def scene(qapp):
    doc = MockDocument(40, 20)
    lines = doc.add_paint_layer("Lines")
    lines.fill_rect(QRect(0, 0, 40, 20), bytes([255, 255, 255, 255]))
    hints = doc.add_paint_layer("Hints")
    client = ScriptedClient()
    preview = LivePreview(connected(client), poll_interval_ms=5, debounce_ms=20, preview_side=10)
    choice = LayerChoice(line_art=lines.uniqueId(), hints=hints.uniqueId())
    yield doc, lines, hints, client, preview, choice
    preview.stop()


def preview_calls(client: ScriptedClient):
    return [call for call in client.calls if call.method == "PreviewHints"]


def frame(revision: int, width: int = 10, height: int = 5) -> PreviewFrame:
    pixels = GREEN_RGBA * (width * height)
    return PreviewFrame(revision, Image(RawImage(width, height, PixelFormat.RGBA8, pixels)), width, height)


def test_start_sends_downsized_line_art_and_hints_once_strokes_pause(scene, process_events):
    doc, lines, hints, client, preview, choice = scene
    hints.fill_rect(QRect(20, 10, 4, 4), RED)

    preview.start(KritaDocument(doc), choice, "test")
    process_events(lambda: preview_calls(client))

    request = preview_calls(client)[0].request
    assert request.start.model == "test"
    assert (request.start.line_art.data.width, request.start.line_art.data.height) == (10, 5)
    hint = request.start.hints.hint_layer.data
    assert (hint.width, hint.height, hint.format) == (10, 5, PixelFormat.BGRA8)
    assert hint.pixels[(2 * 10 + 5) * 4:(2 * 10 + 5) * 4 + 4] == RED  # (20,10) of 40x20 is (5,2) of 10x5
    assert request.start.options.max_side == 10
    assert request.start.options.output_format == OutputFormat.RAW_RGBA8
    assert doc.layer_names() == ["Lines", PREVIEW_LAYER_NAME, "Hints"]


def test_frame_is_scaled_up_onto_the_preview_layer(scene, process_events):
    doc, lines, hints, client, preview, choice = scene
    preview.start(KritaDocument(doc), choice, "")
    process_events(lambda: preview_calls(client))
    call = preview_calls(client)[0]

    call.send(frame(call.request.revision))
    call.finish()

    layer = doc.rootNode().childNodes()[1]
    assert layer.bounds() == QRect(0, 0, 40, 20)
    assert layer.pixelData(39, 19, 1, 1) == bytes([0, 255, 0, 255])
    assert preview.frames_shown == 1
    assert preview.state == PreviewState.UP_TO_DATE


def test_new_stroke_aborts_the_older_call_and_newest_wins(scene, process_events):
    doc, lines, hints, client, preview, choice = scene
    preview.start(KritaDocument(doc), choice, "")
    process_events(lambda: preview_calls(client))
    first = preview_calls(client)[0]

    hints.fill_rect(QRect(0, 0, 2, 2), RED)
    process_events(lambda: len(preview_calls(client)) == 2)
    second = preview_calls(client)[1]

    assert first.status.code == StatusCode.CANCELLED
    assert second.request.revision > first.request.revision
    assert preview.state == PreviewState.UPDATING


def test_stale_frame_is_not_shown(scene, process_events):
    doc, lines, hints, client, preview, choice = scene
    preview.start(KritaDocument(doc), choice, "")
    process_events(lambda: preview_calls(client))
    call = preview_calls(client)[0]

    call.send(frame(call.request.revision - 1))

    assert preview.frames_shown == 0


def test_unchanged_hints_send_nothing_more(scene, process_events):
    doc, lines, hints, client, preview, choice = scene
    preview.start(KritaDocument(doc), choice, "")
    process_events(lambda: preview_calls(client))
    preview_calls(client)[0].finish()

    process_events(timeout_s=0.2)

    assert len(preview_calls(client)) == 1


def test_server_error_is_shown_and_the_next_stroke_retries(scene, process_events):
    doc, lines, hints, client, preview, choice = scene
    preview.start(KritaDocument(doc), choice, "")
    process_events(lambda: preview_calls(client))
    preview_calls(client)[0].finish(GrpcStatus(StatusCode.RESOURCE_EXHAUSTED, "busy"))
    error_state = preview.state

    hints.fill_rect(QRect(5, 5, 1, 1), RED)
    process_events(lambda: len(preview_calls(client)) == 2)

    assert error_state == PreviewState.ERROR
    assert preview.is_on


def test_stop_cancels_and_removes_the_preview_layer(scene, process_events):
    doc, lines, hints, client, preview, choice = scene
    preview.start(KritaDocument(doc), choice, "")
    process_events(lambda: preview_calls(client))

    preview.stop()

    assert preview_calls(client)[0].status.code == StatusCode.CANCELLED
    assert doc.layer_names() == ["Lines", "Hints"]
    assert preview.state == PreviewState.OFF


def test_hints_layer_deleted_stops_with_a_message(scene, process_events):
    doc, lines, hints, client, preview, choice = scene
    preview.start(KritaDocument(doc), choice, "")
    hints.remove()
    process_events(lambda: not preview.is_on)
    assert preview.state == PreviewState.ERROR
    assert "no longer exists" in preview.message


def test_start_without_hints_layer_is_an_error(scene):
    doc, lines, hints, client, preview, choice = scene
    preview.start(KritaDocument(doc), LayerChoice(line_art=lines.uniqueId()), "")
    assert preview.state == PreviewState.ERROR
    assert not preview.is_on


def test_start_unconnected_is_an_error(qapp):
    preview = LivePreview(Connection(lambda endpoint: ScriptedClient()))
    preview.start(KritaDocument(MockDocument(2, 2)), LayerChoice(), "")
    assert preview.state == PreviewState.ERROR
    assert "Connect" in preview.message


def test_preview_layer_goes_under_the_hints_above_older_results(scene):
    doc, lines, hints, client, preview, choice = scene
    result = doc.createNode("Result", "paintlayer")
    doc.rootNode().addChildNode(result, lines)

    preview.start(KritaDocument(doc), choice, "")

    assert doc.layer_names() == ["Lines", "Result", PREVIEW_LAYER_NAME, "Hints"]


# ------------------------------------------------- palette, reference, tags

ORANGE_ENTRY = PaletteEntry(Color(255, 128, 0), 1.0)
TEAL_ENTRY = PaletteEntry(Color(0, 128, 128), 3.0)


def test_palette_model_preview_sends_palette_with_the_hints(scene, process_events):
    doc, lines, hints, client, preview, choice = scene
    hints.fill_rect(QRect(20, 10, 4, 4), RED)

    preview.start(KritaDocument(doc), choice, "pal", Steering(KIND_PALETTE, palette=(ORANGE_ENTRY,)))
    process_events(lambda: preview_calls(client))

    sent = preview_calls(client)[0].request.start.hints
    assert sent.palette == (ORANGE_ENTRY,)
    assert sent.hint_layer is not None


def test_palette_model_preview_runs_without_hints_layer_and_follows_palette_edits(scene, process_events):
    doc, lines, hints, client, preview, choice = scene
    no_hints = LayerChoice(line_art=lines.uniqueId())

    preview.start(KritaDocument(doc), no_hints, "pal", Steering(KIND_PALETTE, palette=(ORANGE_ENTRY,)))
    process_events(lambda: preview_calls(client))
    first = preview_calls(client)[0]
    first.finish()
    process_events(timeout_s=0.1)
    preview.update_steering(Steering(KIND_PALETTE, palette=(ORANGE_ENTRY, TEAL_ENTRY)))
    process_events(lambda: len(preview_calls(client)) == 2)

    assert first.request.start.hints.hint_layer is None
    assert first.request.start.hints.palette == (ORANGE_ENTRY,)
    assert preview_calls(client)[1].request.start.hints.palette == (ORANGE_ENTRY, TEAL_ENTRY)
    assert doc.layer_names() == ["Lines", PREVIEW_LAYER_NAME, "Hints"]  # the same preview layer throughout


def test_palette_emptied_while_previewing_says_so_and_sends_nothing(scene, process_events):
    doc, lines, hints, client, preview, choice = scene
    preview.start(KritaDocument(doc), choice, "pal", Steering(KIND_PALETTE, palette=(ORANGE_ENTRY,)))
    process_events(lambda: preview_calls(client))

    preview.update_steering(Steering(KIND_PALETTE))
    hints.fill_rect(QRect(5, 5, 1, 1), RED)
    process_events(timeout_s=0.2)

    assert len(preview_calls(client)) == 1
    assert preview_calls(client)[0].status.code == StatusCode.CANCELLED
    assert preview.state == PreviewState.ERROR
    assert preview.message.startswith("Pick at least one palette colour")
    assert preview.is_on


def test_tags_model_preview_start_without_tags_is_an_error(scene):
    doc, lines, hints, client, preview, choice = scene
    preview.start(KritaDocument(doc), choice, "tags", Steering(KIND_TAGS, vocabulary=("red",)))
    assert preview.state == PreviewState.ERROR
    assert "colour tag" in preview.message
    assert not preview.is_on
    assert doc.layer_names() == ["Lines", "Hints"]


def reference_of(width: int, height: int) -> PageReference:
    image = QImage(width, height, QImage.Format_ARGB32)
    image.fill(0xFF3060C0)
    png = png_bytes(image)
    return PageReference("Page 1", "“Colours”", png, png)


def png_size(image: Image):
    decoded = QImage.fromData(image.data, "PNG")
    return decoded.width(), decoded.height()


def test_a_reference_page_goes_with_every_call_at_preview_size(scene, process_events):
    doc, lines, hints, client, preview, choice = scene
    hints.fill_rect(QRect(20, 10, 4, 4), RED)

    preview.start(KritaDocument(doc), choice, "test", reference=reference_of(80, 40))
    process_events(lambda: preview_calls(client))
    hints.fill_rect(QRect(2, 2, 4, 4), RED)
    process_events(lambda: len(preview_calls(client)) >= 2)

    for call in preview_calls(client)[:2]:
        page = call.request.start.reference_page
        assert png_size(page.line_art) == png_size(page.colours) == (10, 5)  # 80x40 fitted within 10


def test_update_reference_sends_again_with_the_new_page_or_without_one(scene, process_events):
    doc, lines, hints, client, preview, choice = scene
    hints.fill_rect(QRect(20, 10, 4, 4), RED)
    preview.start(KritaDocument(doc), choice, "test")
    process_events(lambda: preview_calls(client))
    first = preview_calls(client)[0].request.start.reference_page

    preview.update_reference(reference_of(6, 4))
    process_events(lambda: len(preview_calls(client)) >= 2)
    preview.update_reference(None)
    process_events(lambda: len(preview_calls(client)) >= 3)

    calls = preview_calls(client)
    assert first is None
    assert png_size(calls[1].request.start.reference_page.colours) == (6, 4)  # small enough already
    assert calls[2].request.start.reference_page is None
    assert calls[1].status.code == StatusCode.CANCELLED  # newest wins
    assert doc.layer_names() == ["Lines", PREVIEW_LAYER_NAME, "Hints"]


def test_update_reference_without_a_session_does_nothing(scene):
    doc, lines, hints, client, preview, choice = scene

    preview.update_reference(reference_of(6, 4))

    assert preview_calls(client) == []
    assert preview.state == PreviewState.OFF
