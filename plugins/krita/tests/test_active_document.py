from __future__ import annotations

from colorize_bridge.model.active_document import NO_DOCUMENT, ActiveDocument
from colorize_bridge.model.colorize_job import ColorizeJob, JobState
from colorize_bridge.model.live_preview import LivePreview, PreviewState
from fakes import ScriptedClient, connected
from mock_krita import MockDocument


def _document(*layer_names: str) -> MockDocument:
    document = MockDocument(4, 4)
    for name in layer_names:
        document.add_paint_layer(name)
    return document


def test_paint_layers_are_listed_by_name_and_id_and_none_without_a_document():
    document = MockDocument(4, 4)
    lines, colours = document.add_paint_layer("Lines"), document.add_paint_layer("Colours")

    listed = ActiveDocument(lambda: document).paint_layers()
    closed = ActiveDocument(lambda: None).paint_layers()

    assert sorted(listed) == sorted([("Lines", lines.uniqueId()), ("Colours", colours.uniqueId())])
    assert closed == []


def test_create_hints_layer_chooses_it_and_without_a_document_says_what_to_do():
    document = _document("Lines")
    active = [document]
    model = ActiveDocument(lambda: active[0])

    created = model.create_hints_layer()
    active[0] = None
    missing = model.create_hints_layer()

    assert created == "" and model.layers.hints is not None
    assert missing == NO_DOCUMENT == "Open a document first."


def test_follow_forgets_the_layers_only_for_another_document():
    first, second = _document("Lines"), _document("Lines")
    active = [first]
    model = ActiveDocument(lambda: active[0])
    model.create_hints_layer()

    same = model.follow()
    kept = model.layers.hints
    active[0] = second
    other = model.follow()

    assert (same, other) == (False, True)
    assert kept is not None and model.layers.hints is None


def test_colorize_and_preview_without_a_document_become_an_error_state(qapp):
    connection = connected(ScriptedClient())
    job, preview = ColorizeJob(connection), LivePreview(connection)

    job.start(None, ActiveDocument(lambda: None).layers, "test")
    preview.start(None, ActiveDocument(lambda: None).layers, "test")

    assert (job.state, job.message) == (JobState.ERROR, NO_DOCUMENT)
    assert (preview.state, preview.message, preview.is_on) == (PreviewState.ERROR, NO_DOCUMENT, False)
