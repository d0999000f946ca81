"""The steering of palette, reference and tags models: what reaches Hints, and
the messages for what is missing, before any call."""
from __future__ import annotations

import datetime

import pytest
from PyQt5.QtCore import QRect
from PyQt5.QtGui import QImage

from colorize_bridge.document.krita_document import DocumentError, KritaDocument
from colorize_bridge.model.colorize_job import ColorizeJob, JobState
from colorize_bridge.model.layer_choice import LayerChoice
from colorize_bridge.model.steering import (
    KIND_AUTO,
    KIND_HINTS,
    KIND_PALETTE,
    KIND_REFERENCE,
    KIND_TAGS,
    MAX_PALETTE_ENTRIES,
    REFERENCE_SIDE,
    Steering,
    SteeringError,
    parse_tags,
)
from colorize_bridge.protocol.messages import Color, Image, PaletteEntry, PixelFormat, RawImage
from fakes import ScriptedClient, connected
from mock_krita import MockDocument

PAPER = bytes([255, 255, 255, 255])
ORANGE = bytes([0, 128, 255, 255])  # B G R A
RED_DOT = bytes([0, 0, 255, 255])
VOCABULARY = ("red", "Blue_Hair", "green")


@pytest.fixture
def scene(qapp):
    doc = MockDocument(6, 4)
    lines = doc.add_paint_layer("Lines")
    lines.fill_rect(QRect(0, 0, 6, 4), PAPER)
    hints = doc.add_paint_layer("Hints")
    hints.fill_rect(QRect(1, 1, 1, 1), RED_DOT)
    reference = doc.add_paint_layer("Reference")
    reference.fill_rect(QRect(0, 0, 3, 4), ORANGE)
    client = ScriptedClient()
    job = ColorizeJob(connected(client), clock=lambda: datetime.datetime(2026, 1, 2, 3, 4, 5))
    choice = LayerChoice(line_art=lines.uniqueId(), hints=hints.uniqueId())
    return doc, lines, hints, reference, client, job, choice


def decoded_png(image: Image) -> QImage:
    assert isinstance(image.data, bytes)
    decoded = QImage.fromData(image.data, "PNG")
    assert not decoded.isNull()
    return decoded.convertToFormat(QImage.Format_ARGB32)


def test_parse_tags_trims_drops_empty_and_repeats():
    assert parse_tags(" red, ,Blue_hair,RED ,green,") == ("red", "Blue_hair", "green")
    assert parse_tags("") == ()


def test_palette_model_sends_palette_and_the_hints_layer(scene):
    doc, lines, hints, reference, client, job, choice = scene
    palette = (PaletteEntry(Color(255, 128, 0), 2.0), PaletteEntry(Color(0, 0, 0), 1.0))

    job.start(KritaDocument(doc), choice, "pal", steering=Steering(KIND_PALETTE, palette=palette))

    request = client.last("Colorize").request
    assert request.hints.palette == palette
    assert request.hints.hint_layer.data == RawImage(6, 4, PixelFormat.BGRA8, bytes(hints.pixels))
    assert (request.hints.reference, request.hints.tags) == (None, ())


def test_palette_model_without_colours_says_so_and_calls_nothing(scene):
    doc, lines, hints, reference, client, job, choice = scene

    job.start(KritaDocument(doc), choice, "pal", steering=Steering(KIND_PALETTE))

    assert job.state == JobState.ERROR
    assert job.message.startswith("Pick at least one palette colour")
    assert [call.method for call in client.calls] == ["ListModels"]


def test_palette_over_the_contracts_limit_is_refused(scene):
    doc, *_ = scene
    entries = tuple(PaletteEntry(Color(i, 0, 0)) for i in range(MAX_PALETTE_ENTRIES + 1))
    with pytest.raises(SteeringError, match="at most 32"):
        Steering(KIND_PALETTE, palette=entries).resolve(KritaDocument(doc))


def test_reference_model_sends_the_whole_reference_layer_as_png(scene):
    doc, lines, hints, reference, client, job, choice = scene

    job.start(KritaDocument(doc), choice, "ref", steering=Steering(KIND_REFERENCE, reference=reference.uniqueId()))

    request = client.last("Colorize").request
    image = decoded_png(request.hints.reference)
    assert (image.width(), image.height()) == (6, 4)
    assert image.pixelColor(0, 0).getRgb() == (255, 128, 0, 255)
    assert image.pixelColor(5, 0).alpha() == 0  # unpainted: transparent, the server puts it on white
    assert request.hints.hint_layer is not None
    assert request.hints.palette == () and request.hints.tags == ()


def test_reference_is_the_whole_layer_even_with_a_selection(scene):
    from mock_krita import MockSelection
    doc, lines, hints, reference, client, job, choice = scene
    doc.setSelection(MockSelection(QRect(4, 0, 2, 2), bytes([255]) * 4))

    job.start(KritaDocument(doc), choice, "ref", steering=Steering(KIND_REFERENCE, reference=reference.uniqueId()))

    request = client.last("Colorize").request
    assert request.line_art.data.width == 2
    assert decoded_png(request.hints.reference).size().width() == 6


def test_large_reference_is_shrunk_before_it_travels(qapp):
    doc = MockDocument(REFERENCE_SIDE * 2, 8)
    doc.add_paint_layer("Lines")
    ref = doc.add_paint_layer("Reference")
    ref.fill_rect(QRect(0, 0, 4, 4), ORANGE)

    resolved = Steering(KIND_REFERENCE, reference=ref.uniqueId()).resolve(KritaDocument(doc))

    assert decoded_png(resolved.reference).size().width() == REFERENCE_SIDE


@pytest.mark.parametrize("make, message", [
    (lambda ref, lines: Steering(KIND_REFERENCE), "Choose the reference layer"),
    (lambda ref, lines: Steering(KIND_REFERENCE, reference=lines), "must be different layers"),
])
def test_reference_model_without_a_usable_layer_says_what_to_do(scene, make, message):
    doc, lines, hints, reference, client, job, choice = scene

    job.start(KritaDocument(doc), choice, "ref", steering=make(reference.uniqueId(), lines.uniqueId()))

    assert job.state == JobState.ERROR and message in job.message
    assert [call.method for call in client.calls] == ["ListModels"]


def test_empty_or_deleted_reference_layer_is_named(scene):
    doc, lines, hints, reference, client, job, choice = scene
    empty = doc.add_paint_layer("Empty")
    with pytest.raises(SteeringError, match="“Empty” is empty"):
        Steering(KIND_REFERENCE, reference=empty.uniqueId()).resolve(KritaDocument(doc))
    reference.remove()
    with pytest.raises(DocumentError, match="no longer exists"):
        Steering(KIND_REFERENCE, reference=reference.uniqueId()).resolve(KritaDocument(doc))


def test_tags_model_sends_tags_in_the_vocabularys_spelling(scene):
    doc, lines, hints, reference, client, job, choice = scene

    job.start(KritaDocument(doc), choice, "tags",
              steering=Steering(KIND_TAGS, tags=("blue_hair", " RED"), vocabulary=VOCABULARY))

    request = client.last("Colorize").request
    assert request.hints.tags == ("Blue_Hair", "red")
    assert request.hints.hint_layer is not None


def test_tags_without_vocabulary_go_as_typed():
    resolved = Steering(KIND_TAGS, tags=("purple",)).resolve(KritaDocument(MockDocument(2, 2)))
    assert resolved.tags == ("purple",)


def test_unknown_tags_are_refused_with_the_vocabulary(scene):
    doc, *_ = scene
    with pytest.raises(SteeringError) as error:
        Steering(KIND_TAGS, tags=("red", "purple", "teal"), vocabulary=VOCABULARY).resolve(KritaDocument(doc))
    assert str(error.value) == "Unknown tags purple, teal; this model knows: red, Blue_Hair, green."


def test_no_tags_says_so_with_the_vocabulary(scene):
    doc, lines, hints, reference, client, job, choice = scene
    job.start(KritaDocument(doc), choice, "tags", steering=Steering(KIND_TAGS, vocabulary=VOCABULARY))
    assert job.message == "Enter at least one colour tag (this model knows: red, Blue_Hair, green)."
    assert [call.method for call in client.calls] == ["ListModels"]


def test_auto_model_sends_no_hints_even_with_a_hints_layer_chosen(scene):
    doc, lines, hints, reference, client, job, choice = scene
    hints.remove()  # a stale choice must not stop a model that ignores hints

    job.start(KritaDocument(doc), choice, "auto", steering=Steering(KIND_AUTO, palette=(PaletteEntry(Color()),)))

    request = client.last("Colorize").request
    assert request.hints.encode() == b""


def test_hints_model_sends_only_the_hints_layer(scene):
    doc, lines, hints, reference, client, job, choice = scene
    steering = Steering(KIND_HINTS, palette=(PaletteEntry(Color()),), reference=reference.uniqueId(), tags=("red",))

    job.start(KritaDocument(doc), choice, "hints", steering=steering)

    hints_sent = client.last("Colorize").request.hints
    assert hints_sent.hint_layer is not None
    assert (hints_sent.palette, hints_sent.reference, hints_sent.tags) == ((), None, ())
