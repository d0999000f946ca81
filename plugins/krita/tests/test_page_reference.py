from __future__ import annotations

import datetime

import pytest
from PyQt5.QtCore import QRect
from PyQt5.QtGui import QImage

from colorize_bridge.document.krita_document import KritaDocument
from colorize_bridge.image_transfer import bgra_bytes, png_bytes
from colorize_bridge.model.colorize_job import ColorizeJob
from colorize_bridge.model.layer_choice import LayerChoice
from colorize_bridge.model.page_reference import (
    CHOOSE_LINE_ART,
    NO_COLOURED_LAYER,
    NO_REFERENCE,
    PageReference,
    PageReferenceState,
    SequenceReference,
)
from fakes import ScriptedClient, connected
from layered_result import layered_update
from mock_krita import MockDocument

PAPER = bytes([255, 255, 255, 255])
INK = bytes([0, 0, 0, 255])
RED = bytes([30, 30, 200, 255])  # B G R A


@pytest.fixture
def page(qapp):
    """A 6x4 page (the size of layered_result's layers): line art, and a red coloured layer above it."""
    doc = MockDocument(6, 4, name="Page 1")
    lines = doc.add_paint_layer("Line art")
    lines.fill_rect(QRect(0, 0, 6, 4), PAPER)
    lines.fill_rect(QRect(0, 1, 6, 1), INK)
    colours = doc.add_paint_layer("Colours")
    colours.fill_rect(QRect(0, 0, 6, 4), RED)
    return doc, lines, colours


def decoded(png: bytes) -> bytes:
    image = QImage.fromData(png, "PNG")
    assert not image.isNull(), "the reference keeps PNG files"
    return bgra_bytes(image)


def add_result_group(doc: MockDocument, lines) -> None:
    """A result group as Colorize with Separate layers makes it."""
    client = ScriptedClient()
    job = ColorizeJob(connected(client), clock=lambda: datetime.datetime(2026, 1, 2, 3, 4, 5))
    job.start(KritaDocument(doc), LayerChoice(line_art=lines.uniqueId()), "alac", separate=True)
    call = client.last("Colorize")
    call.send(layered_update())
    call.finish()


def test_takes_the_line_art_and_the_selected_paint_layer_as_png(page):
    doc, lines, colours = page
    sequence = SequenceReference()

    sequence.take(KritaDocument(doc), LayerChoice(line_art=lines.uniqueId()))

    assert sequence.state == PageReferenceState.SET
    assert decoded(sequence.page.line_art_png) == bytes(lines.pixels)
    assert decoded(sequence.page.colours_png) == bytes(colours.pixels)
    assert (sequence.page.document_name, sequence.page.layer_name) == ("Page 1", "“Colours”")
    assert sequence.page.frame is None
    assert sequence.description == "Reference page: Page 1: “Colours”"
    assert sequence.message == "Every Colorize, on any open document, follows its colours until you clear it."


def test_the_flats_of_the_result_group_holding_the_active_layer_win(page):
    doc, lines, colours = page
    add_result_group(doc, lines)
    group = next(node for node in doc.rootNode().childNodes() if node.type() == "grouplayer")
    flats = group.childNodes()[1]
    doc.setActiveNode(group.childNodes()[2])  # the Shading layer
    sequence = SequenceReference()

    sequence.take(KritaDocument(doc), LayerChoice(line_art=lines.uniqueId()))

    assert decoded(sequence.page.colours_png) == bytes(flats.pixels)
    assert sequence.page.layer_name == "Flats of “alac 03:04:05”"


def test_with_the_line_art_active_the_newest_result_groups_flats_are_taken(page):
    doc, lines, colours = page
    colours.remove()
    add_result_group(doc, lines)
    doc.setActiveNode(lines)
    sequence = SequenceReference()

    sequence.take(KritaDocument(doc), LayerChoice())  # the line art is the active layer

    flats = doc.rootNode().childNodes()[1].childNodes()[1]
    assert decoded(sequence.page.line_art_png) == bytes(lines.pixels)
    assert decoded(sequence.page.colours_png) == bytes(flats.pixels)


def test_the_hints_layer_is_never_the_coloured_layer(page):
    doc, lines, colours = page
    colours.remove()
    hints = doc.add_paint_layer("Hints")
    hints.fill_rect(QRect(1, 2, 1, 1), RED)
    sequence = SequenceReference()

    sequence.take(KritaDocument(doc), LayerChoice(line_art=lines.uniqueId(), hints=hints.uniqueId()))

    assert sequence.state == PageReferenceState.ERROR
    assert NO_COLOURED_LAYER in sequence.message
    assert sequence.page is None


def test_a_result_layer_active_without_a_chosen_line_art_asks_for_the_line_art(page):
    doc, lines, colours = page
    add_result_group(doc, lines)
    group = next(node for node in doc.rootNode().childNodes() if node.type() == "grouplayer")
    doc.setActiveNode(group.childNodes()[1])

    sequence = SequenceReference()
    sequence.take(KritaDocument(doc), LayerChoice())

    assert sequence.state == PageReferenceState.ERROR
    assert CHOOSE_LINE_ART in sequence.message


def test_an_empty_coloured_layer_is_refused_by_name(page):
    doc, lines, colours = page
    colours.pixels[:] = bytes(len(colours.pixels))
    sequence = SequenceReference()

    sequence.take(KritaDocument(doc), LayerChoice(line_art=lines.uniqueId()))

    assert sequence.state == PageReferenceState.ERROR
    assert "The coloured layer “Colours” is empty." in sequence.message


def test_no_line_art_layer_is_a_message_not_an_exception(page):
    doc, lines, colours = page
    doc.setActiveNode(None)
    sequence = SequenceReference()

    sequence.take(KritaDocument(doc), LayerChoice())

    assert sequence.state == PageReferenceState.ERROR
    assert "Select the line art layer" in sequence.message


def test_no_document_and_other_formats_are_messages(page):
    doc, lines, colours = page
    sequence = SequenceReference()
    sequence.take(None, LayerChoice())
    no_document = sequence.message
    sequence.take(KritaDocument(MockDocument(2, 2, color_depth="U16")), LayerChoice())

    assert no_document == "Open a document first."
    assert "8-bit RGB/Alpha" in sequence.message


def test_a_failed_take_keeps_the_page_taken_before(page):
    doc, lines, colours = page
    sequence = SequenceReference()
    sequence.take(KritaDocument(doc), LayerChoice(line_art=lines.uniqueId()))
    kept = sequence.page

    sequence.take(None, LayerChoice())

    assert sequence.state == PageReferenceState.ERROR
    assert sequence.page is kept


def test_an_animated_document_records_the_current_frame(page):
    doc, lines, colours = page
    lines.set_animated(True)
    doc.setCurrentTime(7)
    sequence = SequenceReference()

    sequence.take(KritaDocument(doc), LayerChoice(line_art=lines.uniqueId()))

    assert sequence.page.frame == 7
    assert sequence.description == "Reference page: Page 1, frame 7: “Colours”"


def test_clear_forgets_the_page_and_says_nothing(page):
    doc, lines, colours = page
    sequence = SequenceReference()
    sequence.take(KritaDocument(doc), LayerChoice(line_art=lines.uniqueId()))
    signals = []
    sequence.changed.connect(lambda: signals.append(1))

    sequence.clear()

    assert (sequence.page, sequence.state, sequence.message) == (None, PageReferenceState.NONE, "")
    assert sequence.description == NO_REFERENCE
    assert signals == [1]


def test_wire_sends_the_png_files_and_shrinks_both_for_a_preview(qapp):
    big = QImage(40, 20, QImage.Format_ARGB32)
    big.fill(0xFFFF0000)
    png = png_bytes(big)
    reference = PageReference("p", "“c”", png, png)

    full = reference.wire()
    small = reference.wire(max_side=10)
    unchanged = reference.wire(max_side=64)

    assert (full.line_art.data, full.colours.data) == (png, png)
    for image in (small.line_art, small.colours):
        decoded_image = QImage.fromData(image.data, "PNG")
        assert (decoded_image.width(), decoded_image.height()) == (10, 5)
        assert decoded_image.pixel(5, 2) == 0xFFFF0000
    assert unchanged.colours.data == png
