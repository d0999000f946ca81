from __future__ import annotations

import pytest

from colorize_bridge.document.krita_document import DocumentError, KritaDocument, LayerInfo
from colorize_bridge.model.layer_choice import HINTS_LAYER_NAME, LayerChoice, new_layer_anchor
from mock_krita import MockDocument


@pytest.fixture
def doc() -> MockDocument:
    document = MockDocument(4, 4)
    document.add_paint_layer("Lines")
    return document


def test_resolve_default_is_active_layer_and_no_hints(doc):
    line_art, hints = LayerChoice().resolve(KritaDocument(doc))
    assert line_art.name == "Lines"
    assert hints is None


def test_resolve_without_active_paint_layer_raises(doc):
    doc.setActiveNode(None)
    with pytest.raises(DocumentError, match="Select the line art layer"):
        LayerChoice().resolve(KritaDocument(doc))


def test_resolve_same_layer_for_both_raises(doc):
    lines = doc.activeNode().uniqueId()
    with pytest.raises(DocumentError, match="different layers"):
        LayerChoice(line_art=lines, hints=lines).resolve(KritaDocument(doc))


def test_resolve_deleted_hints_layer_raises(doc):
    hints = doc.add_paint_layer("Hints")
    choice = LayerChoice(hints=hints.uniqueId())
    hints.remove()
    with pytest.raises(DocumentError, match="hints layer"):
        choice.resolve(KritaDocument(doc))


def test_create_hints_layer_adds_it_above_line_art_activates_it_and_pins_the_line_art(doc, process_events):
    doc.add_paint_layer("Sketch")
    lines = doc.rootNode().childNodes()[0]
    doc.setActiveNode(lines)
    choice = LayerChoice()

    hints = choice.create_hints_layer(KritaDocument(doc))
    process_events(timeout_s=0.05)

    assert doc.layer_names() == ["Lines", HINTS_LAYER_NAME, "Sketch"]
    assert doc.activeNode().uniqueId() == hints.id  # ready for the brush
    line_art, chosen_hints = choice.resolve(KritaDocument(doc))
    assert line_art.name == "Lines"
    assert chosen_hints.id == hints.id


def test_new_layer_anchor_is_the_layer_under_the_hints(doc):
    lines = KritaDocument(doc).active_layer()
    doc.add_paint_layer("Older result")
    hints = doc.add_paint_layer("Hints")
    document = KritaDocument(doc)
    anchor = new_layer_anchor(document, lines, document.active_layer())
    assert anchor.name == "Older result"
    assert hints.uniqueId() != anchor.id


def test_new_layer_anchor_without_hints_is_the_line_art(doc):
    lines = KritaDocument(doc).active_layer()
    doc.add_paint_layer("Other")
    assert new_layer_anchor(KritaDocument(doc), lines, None) == lines


def test_new_layer_anchor_with_hints_at_the_bottom_is_the_line_art(doc):
    lines = KritaDocument(doc).active_layer()
    hints = doc.createNode("Hints", "paintlayer")
    doc.rootNode().addChildNode(hints, None)
    doc.rootNode().children.remove(hints)
    doc.rootNode().children.insert(0, hints)  # the bottom, which addChildNode cannot reach
    document = KritaDocument(doc)
    assert new_layer_anchor(document, lines, LayerInfo(hints.uniqueId(), "Hints")) == lines
