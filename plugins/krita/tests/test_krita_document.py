from __future__ import annotations

import pytest
from PyQt5.QtCore import QPoint, QRect, QSize, QUuid
from PyQt5.QtGui import QColor

from colorize_bridge.document.krita_document import DocumentError, KritaDocument
from colorize_bridge.image_transfer import bgra_bytes, qimage_from_bgra
from mock_krita import MockDocument, MockSelection

RED = bytes([0, 0, 255, 255])


@pytest.fixture
def doc() -> MockDocument:
    document = MockDocument(8, 6)
    document.add_paint_layer("Lines")
    return document


def test_check_format_accepts_8bit_rgba(doc):
    KritaDocument(doc).check_format()


@pytest.mark.parametrize("model, depth", [("RGBA", "U16"), ("RGBA", "F32"), ("GRAYA", "U8"), ("CMYKA", "U8")])
def test_check_format_other_depth_or_model_raises_with_the_way_out(model, depth):
    with pytest.raises(DocumentError, match="Convert Image Color Space"):
        KritaDocument(MockDocument(4, 4, model, depth)).check_format()


def test_paint_layers_lists_top_first_and_skips_other_types(doc):
    doc.add_paint_layer("Hints")
    group = doc.createNode("Group", "grouplayer")
    doc.rootNode().addChildNode(group, None)
    assert [layer.name for layer in KritaDocument(doc).paint_layers()] == ["Hints", "Lines"]


def test_active_layer_of_other_type_is_none(doc):
    group = doc.createNode("Group", "grouplayer")
    doc.setActiveNode(group)
    assert KritaDocument(doc).active_layer() is None


def test_read_layer_returns_the_rect_pixels(doc):
    doc.activeNode().fill_rect(QRect(2, 1, 2, 2), RED)
    image = KritaDocument(doc).read_layer(doc.activeNode().uniqueId(), QRect(1, 1, 3, 1))
    assert bgra_bytes(image) == bytes(4) + RED + RED


def test_read_layer_missing_layer_raises(doc):
    with pytest.raises(DocumentError, match="no longer exists"):
        KritaDocument(doc).read_layer(QUuid.createUuid(), QRect(0, 0, 1, 1))


def test_painted_rect_is_clipped_to_canvas_and_empty_for_empty_layer(doc):
    document = KritaDocument(doc)
    layer = doc.activeNode().uniqueId()
    assert document.painted_rect(layer).isEmpty()
    doc.activeNode().fill_rect(QRect(6, 4, 2, 2), RED)
    assert document.painted_rect(layer) == QRect(6, 4, 2, 2)


def test_pixel_checksum_changes_with_pixels(doc):
    document = KritaDocument(doc)
    layer = doc.activeNode().uniqueId()
    before = document.pixel_checksum(layer, QRect(0, 0, 8, 6))
    doc.activeNode().fill_rect(QRect(0, 0, 1, 1), RED)
    assert document.pixel_checksum(layer, QRect(0, 0, 8, 6)) != before


def test_selection_none_without_selection(doc):
    assert KritaDocument(doc).selection() is None


def test_selection_returns_rect_and_mask(doc):
    doc.setSelection(MockSelection(QRect(1, 2, 2, 1), bytes([255, 7])))
    area = KritaDocument(doc).selection()
    assert area.rect == QRect(1, 2, 2, 1)
    assert area.mask == bytes([255, 7])


def test_add_layer_above_places_layer_and_pixels_and_leaves_reference_alone(doc):
    lines = doc.activeNode()
    lines.fill_rect(QRect(0, 0, 8, 6), bytes([9, 9, 9, 255]))
    before = bytes(lines.pixels)
    doc.add_paint_layer("Top")
    image = qimage_from_bgra(RED * 4, 2, 2)

    added = KritaDocument(doc).add_layer_above(lines.uniqueId(), "Result", image, QPoint(3, 2))

    assert doc.layer_names() == ["Lines", "Result", "Top"]
    node = doc.find_node(added.id)
    assert node.pixelData(3, 2, 2, 2) == RED * 4
    assert node.bounds() == QRect(3, 2, 2, 2)
    assert bytes(lines.pixels) == before
    assert doc.refreshes == 1


def test_add_layer_above_keeps_the_active_layer_after_krita_activates_the_new_one(doc, process_events):
    painting = doc.add_paint_layer("Hints")
    process_events(timeout_s=0.05)

    KritaDocument(doc).add_layer_above(doc.rootNode().childNodes()[0].uniqueId(), "Preview")
    process_events(timeout_s=0.05)

    assert doc.activeNode() is painting


def test_add_layer_above_with_activate_makes_the_new_layer_active(doc, process_events):
    added = KritaDocument(doc).add_layer_above(doc.activeNode().uniqueId(), "Hints", activate=True)
    process_events(timeout_s=0.05)

    assert doc.activeNode().uniqueId() == added.id


def test_write_layer_replaces_pixels(doc):
    document = KritaDocument(doc)
    layer = doc.activeNode().uniqueId()
    document.write_layer(layer, qimage_from_bgra(RED * 48, 8, 6))
    assert bgra_bytes(document.read_layer(layer, document.canvas_rect)) == RED * 48


def test_remove_layer_removes_and_ignores_missing(doc):
    document = KritaDocument(doc)
    document.remove_layer(doc.activeNode().uniqueId())
    document.remove_layer(QUuid.createUuid())
    assert doc.layer_names() == []


def test_size_and_canvas_rect_follow_the_document(doc):
    document = KritaDocument(doc)
    assert document.size == QSize(8, 6)
    assert document.canvas_rect == QRect(0, 0, 8, 6)


def test_layer_below_is_the_sibling_under_or_none_at_the_bottom(doc):
    top = doc.add_paint_layer("Top")
    document = KritaDocument(doc)
    assert document.layer_below(top.uniqueId()).name == "Lines"
    assert document.layer_below(doc.rootNode().childNodes()[0].uniqueId()) is None


def test_identity_is_stable_per_document_and_differs_between_documents(doc):
    assert KritaDocument(doc).identity == KritaDocument(doc).identity
    assert KritaDocument(doc).identity != KritaDocument(MockDocument(2, 2)).identity


def test_name_is_the_title_else_the_file_name_else_untitled():
    assert KritaDocument(MockDocument(2, 2, name="Page 1")).name == "Page 1"
    assert KritaDocument(MockDocument(2, 2, name="", file_name="/comics/page-02.kra")).name == "page-02.kra"
    assert KritaDocument(MockDocument(2, 2, name="", file_name="C:\\comics\\page-03.kra")).name == "page-03.kra"
    assert KritaDocument(MockDocument(2, 2, name="")).name == "Untitled"


def test_animation_frame_is_the_current_time_only_when_a_layer_is_animated(doc):
    layer = doc.add_paint_layer("Line art")
    doc.setCurrentTime(12)
    still = KritaDocument(doc).animation_frame()
    layer.set_animated(True)

    assert still is None
    assert KritaDocument(doc).animation_frame() == 12


def test_fill_pixels_without_a_view_writes_exactly_those_pixels(doc):
    layer = doc.add_paint_layer("Flats")
    layer.fill_rect(QRect(0, 0, 8, 6), RED)
    pixels = [1 * 8 + 2, 1 * 8 + 3, 3 * 8 + 5]  # (2, 1), (3, 1), (5, 3)

    undoable = KritaDocument(doc).fill_pixels(layer.uniqueId(), pixels, QColor(10, 20, 30))

    assert not undoable  # the mock has no view: written round Krita's history
    for y in range(6):
        for x in range(8):
            expected = bytes([30, 20, 10, 255]) if y * 8 + x in pixels else RED
            assert layer.pixelData(x, y, 1, 1) == expected, (x, y)


def test_fill_pixels_refuses_a_locked_layer_and_no_pixels(doc):
    layer = doc.add_paint_layer("Flats")
    layer.setLocked(True)
    with pytest.raises(DocumentError, match="“Flats” is locked"):
        KritaDocument(doc).fill_pixels(layer.uniqueId(), [0], QColor(1, 2, 3))
    with pytest.raises(ValueError):
        KritaDocument(doc).fill_pixels(layer.uniqueId(), [], QColor(1, 2, 3))
