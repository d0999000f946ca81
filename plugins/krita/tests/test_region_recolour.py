from __future__ import annotations

import datetime

import pytest
from PyQt5.QtCore import QPoint, QRect
from PyQt5.QtGui import QColor

from colorize_bridge.document.krita_document import KritaDocument
from colorize_bridge.model.active_document import NO_DOCUMENT
from colorize_bridge.model.colorize_job import ColorizeJob
from colorize_bridge.model.layer_choice import LayerChoice
from colorize_bridge.model.region_recolour import (
    CLICK_OFF_IMAGE,
    CLICK_ON_PAPER,
    CLICK_OUTSIDE_RESULT,
    NO_FOREGROUND,
    NO_RESULT_GROUP,
    NO_SELECTION,
    ON_PAPER,
    OUTSIDE_RESULT,
    RecolourState,
    RegionRecolour,
)
from fakes import ScriptedClient, connected
from layered_result import HEIGHT, REGION_B, WIDTH, layered_update, region_of
from mock_krita import MockDocument, MockSelection

PURPLE = QColor(120, 40, 200)
PURPLE_BGRA = bytes([200, 40, 120, 255])


def select(doc: MockDocument, rect: QRect, mask: bytes = None) -> None:
    doc.setSelection(MockSelection(rect, mask if mask is not None else bytes([255]) * (rect.width() * rect.height())))


def add_result_group(doc, choice, client, job, selection: QRect = None):
    if selection is not None:
        select(doc, selection)
    job.start(KritaDocument(doc), choice, "alac", separate=True)
    call = client.last("Colorize")
    area = selection or QRect(0, 0, WIDTH, HEIGHT)
    call.send(layered_update(width=area.width(), height=area.height()))
    call.finish()
    doc.setSelection(None)
    return doc.find_node(job.result_layer.id)


@pytest.fixture
def scene():
    doc = MockDocument(WIDTH, HEIGHT)
    lines = doc.add_paint_layer("Line art")
    lines.fill_rect(QRect(0, 1, WIDTH, 1), bytes([0, 0, 0, 255]))
    hints = doc.add_paint_layer("Hints")
    client = ScriptedClient()
    job = ColorizeJob(connected(client), clock=lambda: datetime.datetime(2026, 1, 2, 3, 4, 5))
    choice = LayerChoice(line_art=lines.uniqueId(), hints=hints.uniqueId())
    return doc, lines, hints, client, job, choice


def snapshot(doc: MockDocument):
    """Every layer's bytes, by layer."""
    nodes, stack = [], [doc.rootNode()]
    while stack:
        node = stack.pop()
        nodes.append(node)
        stack.extend(node.children)
    return {node.uniqueId().toString(): bytes(node.pixels) for node in nodes}


def test_recolour_fills_exactly_the_selected_region_of_the_flats(scene):
    doc, lines, hints, client, job, choice = scene
    group = add_result_group(doc, choice, client, job)
    regions, flats, shading, group_lines = group.childNodes()
    flats_before = bytes(flats.pixels)
    others_before = {key: value for key, value in snapshot(doc).items()
                     if key not in (flats.uniqueId().toString(), hints.uniqueId().toString())}
    select(doc, QRect(0, 2, 2, 2))  # inside region B

    recolour = RegionRecolour()
    recolour.recolour(KritaDocument(doc), choice, PURPLE)

    assert recolour.state == RecolourState.DONE, recolour.message
    for y in range(HEIGHT):
        for x in range(WIDTH):
            pixel = flats.pixelData(x, y, 1, 1)
            if region_of(x, y) == REGION_B:
                assert pixel == PURPLE_BGRA, (x, y)
            else:
                offset = (y * WIDTH + x) * 4
                assert pixel == flats_before[offset:offset + 4], (x, y)
    after = snapshot(doc)
    assert {key: after[key] for key in others_before} == others_before  # line art, regions, shading, lines
    assert "6 pixels" in recolour.message and "alac 03:04:05" in recolour.message


def test_recolour_leaves_a_hint_dot_of_the_colour_inside_the_region(scene):
    doc, lines, hints, client, job, choice = scene
    add_result_group(doc, choice, client, job)
    select(doc, QRect(2, 3, 1, 1))

    RegionRecolour().recolour(KritaDocument(doc), choice, PURPLE)

    dotted = [(x, y) for y in range(HEIGHT) for x in range(WIDTH) if hints.pixelData(x, y, 1, 1) != bytes(4)]
    assert (1, 2) in dotted  # the region's pixel nearest its centroid (1, 2.5)
    assert all(region_of(x, y) == REGION_B for x, y in dotted)
    assert all(hints.pixelData(x, y, 1, 1) == PURPLE_BGRA for x, y in dotted)


def test_the_region_with_most_selected_pixels_wins(scene):
    doc, lines, hints, client, job, choice = scene
    group = add_result_group(doc, choice, client, job)
    flats = group.childNodes()[1]
    select(doc, QRect(0, 1, 2, 3))  # 2 pixels of region A, 4 of region B

    RegionRecolour().recolour(KritaDocument(doc), choice, PURPLE)

    assert flats.pixelData(0, 3, 1, 1) == PURPLE_BGRA
    assert flats.pixelData(0, 0, 1, 1) != PURPLE_BGRA


def test_recolour_works_in_the_group_holding_the_active_layer(scene):
    doc, lines, hints, client, job, choice = scene
    older = add_result_group(doc, choice, client, job)
    newer = add_result_group(doc, choice, client, job)
    doc.setActiveNode(older.childNodes()[1])
    select(doc, QRect(0, 2, 1, 1))

    RegionRecolour().recolour(KritaDocument(doc), choice, PURPLE)

    assert older.childNodes()[1].pixelData(0, 2, 1, 1) == PURPLE_BGRA
    assert newer.childNodes()[1].pixelData(0, 2, 1, 1) != PURPLE_BGRA


def test_without_an_active_result_layer_the_topmost_group_is_recoloured(scene):
    doc, lines, hints, client, job, choice = scene
    older = add_result_group(doc, choice, client, job)
    newer = add_result_group(doc, choice, client, job)
    doc.setActiveNode(hints)
    select(doc, QRect(0, 2, 1, 1))

    RegionRecolour().recolour(KritaDocument(doc), choice, PURPLE)

    assert newer.childNodes()[1].pixelData(0, 2, 1, 1) == PURPLE_BGRA
    assert older.childNodes()[1].pixelData(0, 2, 1, 1) != PURPLE_BGRA


def test_without_a_hints_layer_the_region_is_recoloured_and_the_message_says_how_to_keep_it(scene):
    doc, lines, hints, client, job, choice = scene
    group = add_result_group(doc, choice, client, job)
    select(doc, QRect(0, 2, 1, 1))
    recolour = RegionRecolour()

    recolour.recolour(KritaDocument(doc), LayerChoice(line_art=lines.uniqueId()), PURPLE)

    assert recolour.state == RecolourState.DONE
    assert group.childNodes()[1].pixelData(0, 2, 1, 1) == PURPLE_BGRA
    assert "Choose a hints layer" in recolour.message
    assert bytes(hints.pixels) == bytes(len(hints.pixels))


def assert_refused(doc, recolour, message):
    assert recolour.state == RecolourState.ERROR
    assert recolour.message == message


def test_no_result_group_is_a_message(scene):
    doc, lines, hints, client, job, choice = scene
    select(doc, QRect(0, 2, 1, 1))
    before = snapshot(doc)
    recolour = RegionRecolour()
    recolour.recolour(KritaDocument(doc), choice, PURPLE)
    assert_refused(doc, recolour, NO_RESULT_GROUP)
    assert snapshot(doc) == before


def test_a_single_result_layer_is_no_result_group(scene):
    doc, lines, hints, client, job, choice = scene
    job.start(KritaDocument(doc), choice, "alac")
    client.last("Colorize").send(layered_update())
    client.last("Colorize").finish()
    select(doc, QRect(0, 2, 1, 1))
    recolour = RegionRecolour()
    recolour.recolour(KritaDocument(doc), choice, PURPLE)
    assert_refused(doc, recolour, NO_RESULT_GROUP)


def test_no_selection_is_a_message(scene):
    doc, lines, hints, client, job, choice = scene
    add_result_group(doc, choice, client, job)
    before = snapshot(doc)
    recolour = RegionRecolour()
    recolour.recolour(KritaDocument(doc), choice, PURPLE)
    assert_refused(doc, recolour, NO_SELECTION)
    assert snapshot(doc) == before


def test_selection_on_paper_is_a_message(scene):
    doc, lines, hints, client, job, choice = scene
    add_result_group(doc, choice, client, job)
    select(doc, QRect(3, 2, 3, 2))
    before = snapshot(doc)
    recolour = RegionRecolour()
    recolour.recolour(KritaDocument(doc), choice, PURPLE)
    assert_refused(doc, recolour, ON_PAPER)
    assert snapshot(doc) == before


def test_selection_outside_a_result_made_in_a_selection_is_a_message(scene):
    doc, lines, hints, client, job, choice = scene
    add_result_group(doc, choice, client, job, selection=QRect(0, 0, 3, 2))
    select(doc, QRect(4, 3, 2, 1))
    recolour = RegionRecolour()
    recolour.recolour(KritaDocument(doc), choice, PURPLE)
    assert_refused(doc, recolour, OUTSIDE_RESULT)


def test_no_foreground_colour_is_a_message(scene):
    doc, lines, hints, client, job, choice = scene
    add_result_group(doc, choice, client, job)
    select(doc, QRect(0, 2, 1, 1))
    recolour = RegionRecolour()
    recolour.recolour(KritaDocument(doc), choice, None)
    assert_refused(doc, recolour, NO_FOREGROUND)


def test_no_document_is_a_message():
    recolour = RegionRecolour()
    recolour.recolour(None, LayerChoice(), PURPLE)
    assert recolour.state == RecolourState.ERROR
    assert recolour.message == NO_DOCUMENT


def test_a_deleted_hints_layer_is_not_an_exception(scene):
    doc, lines, hints, client, job, choice = scene
    add_result_group(doc, choice, client, job)
    hints.remove()
    select(doc, QRect(0, 2, 1, 1))
    recolour = RegionRecolour()
    recolour.recolour(KritaDocument(doc), choice, PURPLE)
    assert recolour.state == RecolourState.DONE
    assert "Choose a hints layer" in recolour.message


def test_a_16bit_document_is_refused_with_the_way_out():
    doc = MockDocument(2, 2, "RGBA", "U16")
    doc.add_paint_layer("Line art")
    recolour = RegionRecolour()
    recolour.recolour(KritaDocument(doc), LayerChoice(), PURPLE)
    assert recolour.state == RecolourState.ERROR
    assert "8-bit" in recolour.message


def test_a_click_fills_exactly_the_clicked_region_and_leaves_a_hint_dot(scene):
    doc, lines, hints, client, job, choice = scene
    group = add_result_group(doc, choice, client, job)
    flats = group.childNodes()[1]
    flats_before = bytes(flats.pixels)
    recolour = RegionRecolour()

    recolour.recolour_at(KritaDocument(doc), choice, PURPLE, QPoint(2, 3))  # region B

    assert recolour.state == RecolourState.DONE, recolour.message
    for y in range(HEIGHT):
        for x in range(WIDTH):
            offset = (y * WIDTH + x) * 4
            expected = PURPLE_BGRA if region_of(x, y) == REGION_B else flats_before[offset:offset + 4]
            assert flats.pixelData(x, y, 1, 1) == expected, (x, y)
    dotted = [(x, y) for y in range(HEIGHT) for x in range(WIDTH) if hints.pixelData(x, y, 1, 1) != bytes(4)]
    assert dotted and all(region_of(x, y) == REGION_B for x, y in dotted)
    # The mock has no view, so the fill went round Krita's history, and the message does not promise an undo.
    assert "Undo" not in recolour.message


def test_a_click_ignores_the_selection(scene):
    doc, lines, hints, client, job, choice = scene
    group = add_result_group(doc, choice, client, job)
    select(doc, QRect(0, 0, 2, 1))  # region A

    RegionRecolour().recolour_at(KritaDocument(doc), choice, PURPLE, QPoint(0, 3))  # region B

    assert group.childNodes()[1].pixelData(0, 3, 1, 1) == PURPLE_BGRA
    assert group.childNodes()[1].pixelData(0, 0, 1, 1) != PURPLE_BGRA


def test_a_click_on_the_paper_is_a_message(scene):
    doc, lines, hints, client, job, choice = scene
    add_result_group(doc, choice, client, job)
    before = snapshot(doc)
    recolour = RegionRecolour()
    recolour.recolour_at(KritaDocument(doc), choice, PURPLE, QPoint(4, 3))
    assert_refused(doc, recolour, CLICK_ON_PAPER)
    assert snapshot(doc) == before


def test_a_click_outside_a_result_made_in_a_selection_is_a_message(scene):
    doc, lines, hints, client, job, choice = scene
    add_result_group(doc, choice, client, job, selection=QRect(0, 0, 3, 2))
    recolour = RegionRecolour()
    recolour.recolour_at(KritaDocument(doc), choice, PURPLE, QPoint(5, 3))
    assert_refused(doc, recolour, CLICK_OUTSIDE_RESULT)


def test_a_click_beside_the_image_is_a_message():
    recolour = RegionRecolour()
    recolour.click_missed()
    assert recolour.state == RecolourState.ERROR
    assert recolour.message == CLICK_OFF_IMAGE


def test_a_locked_flats_layer_is_a_message_and_nothing_changes(scene):
    doc, lines, hints, client, job, choice = scene
    group = add_result_group(doc, choice, client, job)
    group.childNodes()[1].setLocked(True)
    before = snapshot(doc)
    recolour = RegionRecolour()
    recolour.recolour_at(KritaDocument(doc), choice, PURPLE, QPoint(0, 3))
    assert recolour.state == RecolourState.ERROR
    assert "“Flats” is locked" in recolour.message
    assert snapshot(doc) == before
