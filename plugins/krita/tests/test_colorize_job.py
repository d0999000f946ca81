from __future__ import annotations

import datetime

import pytest
from PyQt5.QtCore import QRect

from colorize_bridge.document.krita_document import KritaDocument
from colorize_bridge.model.colorize_job import ColorizeJob, JobState
from colorize_bridge.model.connection import Connection
from colorize_bridge.model.layer_choice import LayerChoice
from colorize_bridge.model.page_reference import PageReference
from colorize_bridge.protocol.grpc_web import GrpcStatus, StatusCode
from colorize_bridge.protocol.messages import (
    ColorizeResult,
    ColorizeUpdate,
    Image,
    OutputFormat,
    PixelFormat,
    Progress,
    Queued,
    RawImage,
    Recipe,
    ReferencePage,
)
from fakes import ScriptedClient, connected
from mock_krita import MockDocument, MockSelection

INK = bytes([0, 0, 0, 255])
PAPER = bytes([255, 255, 255, 255])
BLUE_RGBA = bytes([0, 0, 255, 255])


@pytest.fixture
def scene():
    doc = MockDocument(6, 4)
    lines = doc.add_paint_layer("Lines")
    lines.fill_rect(QRect(0, 0, 6, 4), PAPER)
    lines.fill_rect(QRect(0, 1, 6, 1), INK)
    hints = doc.add_paint_layer("Hints")
    hints.fill_rect(QRect(2, 2, 1, 1), bytes([0, 0, 255, 255]))
    client = ScriptedClient()
    job = ColorizeJob(connected(client), clock=lambda: datetime.datetime(2026, 1, 2, 3, 4, 5))
    choice = LayerChoice(line_art=lines.uniqueId(), hints=hints.uniqueId())
    return doc, lines, hints, client, job, choice


def result_update(width: int, height: int, model: str = "test") -> ColorizeUpdate:
    image = Image(RawImage(width, height, PixelFormat.RGBA8, BLUE_RGBA * (width * height)))
    return ColorizeUpdate(ColorizeResult(image, recipe=Recipe(model=model)))


def test_start_sends_line_art_and_hints_unconverted(scene):
    doc, lines, hints, client, job, choice = scene

    job.start(KritaDocument(doc), choice, "test", work_side=512)

    request = client.last("Colorize").request
    assert request.model == "test"
    assert request.line_art.data == RawImage(6, 4, PixelFormat.BGRA8, bytes(lines.pixels))
    assert request.hints.hint_layer.data == RawImage(6, 4, PixelFormat.BGRA8, bytes(hints.pixels))
    assert request.options.output_format == OutputFormat.RAW_RGBA8
    assert request.options.work_side == 512
    assert job.state == JobState.RUNNING


def test_result_becomes_named_layer_above_line_art_and_line_art_is_unchanged(scene):
    doc, lines, hints, client, job, choice = scene
    line_pixels = bytes(lines.pixels)
    job.start(KritaDocument(doc), choice, "test")
    call = client.last("Colorize")

    call.send(ColorizeUpdate(Queued(0)))
    call.send(ColorizeUpdate(Progress(0.5, "model")))
    call.send(result_update(6, 4, model="alac"))
    call.finish()

    assert doc.layer_names() == ["Lines", "alac 03:04:05", "Hints"]
    result = doc.rootNode().childNodes()[1]
    assert result.pixelData(0, 0, 1, 1) == bytes([255, 0, 0, 255])  # blue, as B G R A
    assert bytes(lines.pixels) == line_pixels
    assert job.state == JobState.DONE
    assert job.result_layer.name == "alac 03:04:05"
    assert "alac 03:04:05" in job.message


def test_progress_and_queue_position_are_visible(scene):
    doc, lines, hints, client, job, choice = scene
    job.start(KritaDocument(doc), choice, "test")
    call = client.last("Colorize")

    call.send(ColorizeUpdate(Queued(2)))
    queued_message = job.message
    call.send(ColorizeUpdate(Progress(0.25, "model")))

    assert "2 ahead" in queued_message
    assert job.progress == 0.25
    assert job.message == "Model…"


def test_selection_sends_only_the_selected_area_and_masks_the_result(scene):
    doc, lines, hints, client, job, choice = scene
    doc.setSelection(MockSelection(QRect(1, 1, 2, 2), bytes([255, 0, 255, 255])))
    job.start(KritaDocument(doc), choice, "test")
    call = client.last("Colorize")

    assert (call.request.line_art.data.width, call.request.line_art.data.height) == (2, 2)
    call.send(result_update(2, 2))
    call.finish()

    result = doc.rootNode().childNodes()[1]
    assert result.bounds() == QRect(1, 1, 2, 2)
    assert result.pixelData(1, 1, 2, 1) == bytes([255, 0, 0, 255]) + bytes(4)


def test_server_error_becomes_error_state_not_exception(scene):
    doc, lines, hints, client, job, choice = scene
    job.start(KritaDocument(doc), choice, "test")

    client.last("Colorize").finish(GrpcStatus(StatusCode.INVALID_ARGUMENT, "hint layer size differs"))

    assert job.state == JobState.ERROR
    assert "hint layer size differs" in job.message
    assert doc.layer_names() == ["Lines", "Hints"]


def test_result_of_wrong_size_is_an_error(scene):
    doc, lines, hints, client, job, choice = scene
    job.start(KritaDocument(doc), choice, "test")
    call = client.last("Colorize")
    call.send(result_update(3, 2))
    call.finish()
    assert job.state == JobState.ERROR
    assert "expected 6x4" in job.message


def test_finish_without_result_is_an_error(scene):
    doc, lines, hints, client, job, choice = scene
    job.start(KritaDocument(doc), choice, "test")
    client.last("Colorize").finish()
    assert job.state == JobState.ERROR


def test_cancel_stops_the_call_and_adds_nothing(scene):
    doc, lines, hints, client, job, choice = scene
    job.start(KritaDocument(doc), choice, "test")

    job.cancel()

    assert client.last("Colorize").status.code == StatusCode.CANCELLED
    assert job.state == JobState.CANCELLED
    assert doc.layer_names() == ["Lines", "Hints"]


def test_start_while_running_is_ignored(scene):
    doc, lines, hints, client, job, choice = scene
    job.start(KritaDocument(doc), choice, "test")
    job.start(KritaDocument(doc), choice, "test")
    assert len([call for call in client.calls if call.method == "Colorize"]) == 1


def test_start_unconnected_is_an_error():
    job = ColorizeJob(Connection(lambda endpoint: ScriptedClient()))
    job.start(KritaDocument(MockDocument(2, 2)), LayerChoice(), "")
    assert job.state == JobState.ERROR
    assert "Connect" in job.message


def test_start_on_16bit_document_refuses_with_the_way_out():
    client = ScriptedClient()
    job = ColorizeJob(connected(client))
    doc = MockDocument(2, 2, "RGBA", "U16")
    doc.add_paint_layer("Lines")
    job.start(KritaDocument(doc), LayerChoice(), "")
    assert job.state == JobState.ERROR
    assert "8-bit" in job.message
    assert [call.method for call in client.calls] == ["ListModels"]


def test_result_for_a_deleted_line_art_layer_is_an_error(scene):
    doc, lines, hints, client, job, choice = scene
    job.start(KritaDocument(doc), choice, "test")
    lines.remove()
    call = client.last("Colorize")
    call.send(result_update(6, 4))
    call.finish()
    assert job.state == JobState.ERROR
    assert "no longer exists" in job.message


def test_newer_result_lies_over_the_older_one_under_the_hints(scene):
    doc, lines, hints, client, job, choice = scene
    for _ in range(2):
        job.start(KritaDocument(doc), choice, "test")
        call = client.last("Colorize")
        call.send(result_update(6, 4, model="m"))
        call.finish()
    assert doc.layer_names() == ["Lines", "m 03:04:05", "m 03:04:05", "Hints"]
    assert doc.rootNode().childNodes()[2].uniqueId() == job.result_layer.id


def a_reference_page() -> PageReference:
    return PageReference("Page 1", "“Colours”", b"\x89PNG lines", b"\x89PNG colours")


def test_a_reference_page_travels_with_the_request_and_its_confidence(scene):
    doc, lines, hints, client, job, choice = scene

    job.start(KritaDocument(doc), choice, "test", reference=a_reference_page(), min_match_confidence=0.7)

    request = client.last("Colorize").request
    assert request.reference_page == ReferencePage(Image(b"\x89PNG lines"), Image(b"\x89PNG colours"))
    assert request.options.min_match_confidence == 0.7


def test_without_a_reference_page_none_is_sent(scene):
    doc, lines, hints, client, job, choice = scene

    job.start(KritaDocument(doc), choice, "test")

    assert client.last("Colorize").request.reference_page is None
    assert client.last("Colorize").request.options.min_match_confidence == 0.0


def test_a_result_following_a_reference_page_says_so(scene):
    doc, lines, hints, client, job, choice = scene
    job.start(KritaDocument(doc), choice, "test", reference=a_reference_page())
    call = client.last("Colorize")

    call.send(result_update(6, 4, model="alac"))
    call.finish()

    assert job.state == JobState.DONE
    assert job.message == "Added layer “alac 03:04:05”, following the reference page (Page 1: “Colours”)."


def test_a_refused_reference_page_is_a_status_line_with_the_way_out(scene):
    doc, lines, hints, client, job, choice = scene
    job.start(KritaDocument(doc), choice, "test", reference=a_reference_page())

    client.last("Colorize").finish(GrpcStatus(
        StatusCode.INVALID_ARGUMENT,
        "reference_page.colours is 6x4 but reference_page.line_art is 8x4: send the coloured page at its "
        "line art's size"))

    assert job.state == JobState.ERROR
    assert "reference_page.colours is 6x4" in job.message
    assert job.message.endswith("Take the reference page again, or clear it.")
    assert doc.layer_names() == ["Lines", "Hints"]
