from __future__ import annotations

import pytest
from PyQt5.QtCore import QEvent, QPointF, QRect, QSize, Qt
from PyQt5.QtGui import QColor, QImage, QKeyEvent, QMouseEvent
from PyQt5.QtWidgets import QApplication, QWidget

from colorize_bridge.document.krita_canvas import CanvasWidget, ViewGeometry
from colorize_bridge.model.active_document import ActiveDocument
from colorize_bridge.model.canvas_clicks import CanvasClicks
from colorize_bridge.model.colorize_job import ColorizeJob
from colorize_bridge.model.connection import Connection
from colorize_bridge.model.live_preview import LivePreview
from colorize_bridge.network.grpc_web_channel import ServerEndpoint
from colorize_bridge.protocol.grpc_web import GrpcStatus, StatusCode
from colorize_bridge.protocol.messages import Color, ListModelsResponse, ModelInfo, ModelState, PaletteEntry
from colorize_bridge.ui.panel import CLICK_TO_RECOLOUR_ON, DEFAULT_ADDRESS, NO_CANVAS, NO_HINTS_NOTE, ColorizeBridgePanel
from colorize_bridge.model.page_reference import NO_COLOURED_LAYER, NO_REFERENCE
from colorize_bridge.model.region_recolour import NO_RESULT_GROUP
from fakes import ScriptedClient
from layered_result import layered_update
from mock_krita import MockDocument, MockSelection


class DictSettings:
    def __init__(self, values=None) -> None:
        self.values = dict(values or {})

    def read(self, key: str, default: str) -> str:
        return self.values.get(key, default)

    def write(self, key: str, value: str) -> None:
        self.values[key] = value


@pytest.fixture
def ui(qapp):
    doc = MockDocument(8, 8)
    lines = doc.add_paint_layer("Lines")
    lines.fill_rect(QRect(0, 0, 8, 8), bytes([255, 255, 255, 255]))
    clients = []

    def factory(endpoint: ServerEndpoint) -> ScriptedClient:
        clients.append(ScriptedClient(endpoint))
        return clients[-1]

    connection = Connection(factory)
    settings = DictSettings()
    foreground = [QColor(255, 128, 0)]
    canvas = QWidget()
    canvas.resize(80, 80)
    canvases = [CanvasWidget(canvas, canvas_geometry)]  # tests take the canvas away here
    panel = ColorizeBridgePanel(connection, ColorizeJob(connection), LivePreview(connection),
                                ActiveDocument(lambda: doc), settings, foreground_color=lambda: foreground[0],
                                canvas_clicks=CanvasClicks(lambda: canvases[0]))
    panel.foreground = foreground  # tests change Krita's foreground colour here
    panel.canvases = canvases
    yield panel, doc, clients, settings
    panel.preview.stop()
    panel.canvas_clicks.stop()


def canvas_geometry() -> ViewGeometry:
    """The 8 x 8 document at 1000 %, centred in the 80 x 80 widget: pixel (x, y) at (10x .. 10x + 9, 10y ..)."""
    return ViewGeometry(QSize(80, 80), QSize(8, 8), 10.0, 72.0, 0.0, False, 0.0, 0.0)


def click_canvas(panel, x: float, y: float) -> None:
    canvas = panel.canvases[0].widget
    for kind in (QEvent.MouseButtonPress, QEvent.MouseButtonRelease):
        buttons = Qt.LeftButton if kind == QEvent.MouseButtonPress else Qt.NoButton
        QApplication.sendEvent(canvas, QMouseEvent(kind, QPointF(x, y), Qt.LeftButton, buttons, Qt.NoModifier))


def connect(panel, clients, models=(ModelInfo("alac", state=ModelState.READY),), default="alac"):
    panel.connect_button.click()
    call = clients[-1].last("ListModels")
    call.send(ListModelsResponse(list(models), default))
    call.finish()


def test_starts_disconnected_with_colorize_disabled_and_default_address(ui):
    panel, doc, clients, settings = ui
    assert panel.address.text() == DEFAULT_ADDRESS
    assert not panel.colorize_button.isEnabled()
    assert not panel.cancel_button.isEnabled()
    assert panel.connection_status.text() == "Not connected."


def test_connect_uses_and_remembers_address_and_token(ui):
    panel, doc, clients, settings = ui
    panel.address.setText(" gpu-box:50052 ")
    panel.token.setText("tok")
    connect(panel, clients)
    assert clients[0].endpoint == ServerEndpoint("gpu-box:50052", "tok")
    assert settings.values == {"address": "gpu-box:50052", "token": "tok"}
    assert panel.colorize_button.isEnabled()


def test_models_fill_the_list_and_failed_ones_are_disabled(ui):
    panel, doc, clients, settings = ui
    connect(panel, clients, [ModelInfo("alac", state=ModelState.READY),
                             ModelInfo("broken", state=ModelState.FAILED, error="bad file")])
    labels = [panel.model_combo.itemText(i) for i in range(panel.model_combo.count())]
    assert labels == ["Server default (alac)", "alac", "broken (failed)"]
    assert not panel.model_combo.model().item(2).isEnabled()
    assert panel.model_name == ""


def test_connection_error_is_shown_in_the_panel(ui):
    panel, doc, clients, settings = ui
    panel.connect_button.click()
    clients[0].last("ListModels").finish(GrpcStatus(StatusCode.UNAVAILABLE, "refused"))
    assert "Cannot reach the server" in panel.connection_status.text()
    assert "d04040" in panel.connection_status.styleSheet()


def test_layer_lists_offer_active_layer_and_none(ui):
    panel, doc, clients, settings = ui
    assert [panel.line_art_combo.itemText(i) for i in range(panel.line_art_combo.count())] == ["Active layer", "Lines"]
    assert [panel.hints_combo.itemText(i) for i in range(panel.hints_combo.count())] == ["None", "Lines"]


def test_create_hints_layer_selects_it_in_the_list(ui):
    panel, doc, clients, settings = ui
    panel.create_hints_button.click()
    assert doc.layer_names() == ["Lines", "Hints"]
    assert panel.hints_combo.currentText() == "Hints"
    assert panel.line_art_combo.currentText() == "Lines"


def test_colorize_click_sends_chosen_model_and_cancel_stops_it(ui):
    panel, doc, clients, settings = ui
    connect(panel, clients)
    panel.model_combo.setCurrentIndex(1)

    panel.colorize_button.click()
    running = (panel.colorize_button.isEnabled(), panel.cancel_button.isEnabled())
    panel.cancel_button.click()

    call = clients[0].last("Colorize")
    assert call.request.model == "alac"
    assert call.request.options.work_side == 0
    assert running == (False, True)
    assert call.status.code == StatusCode.CANCELLED
    assert panel.job_status.text() == "Cancelled."


def test_work_size_goes_into_the_request(ui):
    panel, doc, clients, settings = ui
    connect(panel, clients)
    panel.work_side.setValue(768)

    panel.colorize_button.click()

    assert clients[0].last("Colorize").request.options.work_side == 768
    assert panel.work_side.text() == "768 px"


def test_close_gaps_goes_into_the_request_and_zero_is_the_servers_default(ui):
    panel, doc, clients, settings = ui
    connect(panel, clients)
    assert panel.gap_size.text() == "Server default (3 px)"

    panel.colorize_button.click()
    first = clients[0].last("Colorize")
    panel.cancel_button.click()
    panel.gap_size.setValue(12)
    panel.colorize_button.click()

    assert first.request.options.gap_size == 0
    assert clients[0].last("Colorize") is not first
    assert clients[0].last("Colorize").request.options.gap_size == 12
    assert panel.gap_size.text() == "12 px"


def test_separate_layers_box_asks_the_server_for_the_layers(ui):
    panel, doc, clients, settings = ui
    connect(panel, clients)
    panel.colorize_button.click()
    panel.cancel_button.click()
    panel.separate_layers_check.setChecked(True)

    panel.colorize_button.click()

    calls = [call for call in clients[0].calls if call.method == "Colorize"]
    assert [call.request.options.return_layers for call in calls] == [False, True]


def test_recolour_region_without_a_result_group_says_what_to_do(ui):
    panel, doc, clients, settings = ui
    assert panel.recolour_status.isHidden()

    panel.recolour_button.click()

    assert panel.recolour_status.text() == NO_RESULT_GROUP
    assert not panel.recolour_status.isHidden()
    assert "d04040" in panel.recolour_status.styleSheet()


def test_recolour_region_uses_kritas_foreground_colour(ui):
    panel, doc, clients, settings = ui
    panel.create_hints_button.click()
    connect(panel, clients)
    panel.separate_layers_check.setChecked(True)
    panel.colorize_button.click()
    call = clients[0].last("Colorize")
    call.send(layered_update(width=8, height=8))
    call.finish()
    doc.setSelection(MockSelection(QRect(0, 3, 1, 1), bytes([255])))
    panel.foreground[0] = QColor(10, 20, 30)

    panel.recolour_button.click()

    flats = doc.find_node(panel.job.result_layer.id).childNodes()[1]
    assert flats.pixelData(0, 3, 1, 1) == bytes([30, 20, 10, 255])
    assert panel.recolour_status.text().startswith("Recoloured a region")
    assert "a hint dot in “Hints”" in panel.recolour_status.text()
    assert panel.recolour_status.styleSheet() == ""


def colorized_with_layers(panel, doc, clients):
    panel.create_hints_button.click()
    connect(panel, clients)
    panel.separate_layers_check.setChecked(True)
    panel.colorize_button.click()
    call = clients[0].last("Colorize")
    call.send(layered_update(width=8, height=8))
    call.finish()
    return doc.find_node(panel.job.result_layer.id).childNodes()[1]


def test_click_to_recolour_fills_the_clicked_region_with_the_foreground_colour(ui):
    panel, doc, clients, settings = ui
    flats = colorized_with_layers(panel, doc, clients)
    panel.foreground[0] = QColor(10, 20, 30)

    panel.click_recolour_button.click()
    assert panel.click_recolour_button.isChecked()
    assert panel.recolour_status.text() == CLICK_TO_RECOLOUR_ON
    click_canvas(panel, 5, 35)  # image pixel (0, 3): region B

    assert flats.pixelData(0, 3, 1, 1) == bytes([30, 20, 10, 255])
    assert flats.pixelData(0, 0, 1, 1) != bytes([30, 20, 10, 255])
    assert panel.recolour_status.text().startswith("Recoloured a region")
    assert panel.click_recolour_button.isChecked()  # stays on for the next region


def test_click_to_recolour_without_a_canvas_says_so_and_turns_off(ui):
    panel, doc, clients, settings = ui
    panel.canvases[0] = None

    panel.click_recolour_button.click()

    assert not panel.click_recolour_button.isChecked()
    assert panel.recolour_status.text() == NO_CANVAS
    assert "d04040" in panel.recolour_status.styleSheet()


def test_escape_on_the_canvas_turns_click_to_recolour_off(ui):
    panel, doc, clients, settings = ui
    flats = colorized_with_layers(panel, doc, clients)
    panel.click_recolour_button.click()

    QApplication.sendEvent(panel.canvases[0].widget, QKeyEvent(QEvent.KeyPress, Qt.Key_Escape, Qt.NoModifier))
    before = bytes(flats.pixels)
    click_canvas(panel, 5, 35)

    assert not panel.click_recolour_button.isChecked()
    assert panel.recolour_status.isHidden()
    assert bytes(flats.pixels) == before


def test_turning_click_to_recolour_off_stops_taking_clicks(ui):
    panel, doc, clients, settings = ui
    flats = colorized_with_layers(panel, doc, clients)
    panel.click_recolour_button.click()
    panel.click_recolour_button.click()
    before = bytes(flats.pixels)

    click_canvas(panel, 5, 35)

    assert not panel.canvas_clicks.is_on
    assert bytes(flats.pixels) == before


def test_live_preview_without_hints_layer_shows_why_and_unchecks(ui):
    panel, doc, clients, settings = ui
    connect(panel, clients)
    panel.live_preview_check.setChecked(True)
    assert not panel.live_preview_check.isChecked()
    assert "hints layer" in panel.preview_status.text()


def test_live_preview_with_hints_layer_starts_a_session(ui, process_events):
    panel, doc, clients, settings = ui
    connect(panel, clients)
    panel.create_hints_button.click()
    panel.live_preview_check.setChecked(True)
    process_events(lambda: [c for c in clients[0].calls if c.method == "PreviewHints"])
    assert panel.preview.is_on
    assert [c.method for c in clients[0].calls][-1] == "PreviewHints"


def test_document_changed_to_another_document_forgets_chosen_layers(qapp):
    documents = [MockDocument(4, 4), MockDocument(4, 4)]
    for document in documents:
        document.add_paint_layer("Lines")
    active = [documents[0]]
    connection = Connection(lambda endpoint: ScriptedClient())
    panel = ColorizeBridgePanel(connection, ColorizeJob(connection), LivePreview(connection),
                                ActiveDocument(lambda: active[0]), DictSettings())
    panel.create_hints_button.click()

    active[0] = documents[1]
    panel.document_changed()

    assert panel.layers.hints is None
    assert panel.hints_combo.currentText() == "None"


def test_without_a_document_colorize_hints_and_preview_ask_for_one(qapp):
    clients = []
    connection = Connection(lambda endpoint: clients.append(ScriptedClient(endpoint)) or clients[-1])
    panel = ColorizeBridgePanel(connection, ColorizeJob(connection), LivePreview(connection),
                                ActiveDocument(lambda: None), DictSettings())
    connect(panel, clients)

    panel.colorize_button.click()
    colorize_text = panel.job_status.text()
    panel.create_hints_button.click()
    hints_text = panel.job_status.text()
    panel.live_preview_check.setChecked(True)

    assert colorize_text == hints_text == "Open a document first."
    assert "d04040" in panel.job_status.styleSheet()
    assert not panel.live_preview_check.isChecked() and not panel.preview.is_on
    assert panel.preview_status.text() == "Open a document first."
    assert [call.method for call in clients[0].calls] == ["ListModels"]


def test_document_changed_to_another_view_of_the_same_document_keeps_layers(ui):
    panel, doc, clients, settings = ui
    panel.create_hints_button.click()

    panel.document_changed()

    assert panel.hints_combo.currentText() == "Hints"


# ------------------------------------------- controls of the other model kinds

KIND_MODELS = [ModelInfo("alac", kind="hints", state=ModelState.READY),
               ModelInfo("pal", kind="palette", state=ModelState.READY),
               ModelInfo("ref", kind="reference", state=ModelState.READY),
               ModelInfo("tagged", kind="tags", state=ModelState.READY, tags=("red", "blue_hair", "green")),
               ModelInfo("auto", kind="auto", state=ModelState.READY)]


def choose_model(panel, name: str) -> None:
    panel.model_combo.setCurrentIndex(panel.model_combo.findData(name))
    panel.model_combo.activated.emit(panel.model_combo.currentIndex())


def shown(widget) -> bool:
    return not widget.isHidden()


def colorize(panel, clients):
    calls_before = len(clients[-1].calls)
    panel.colorize_button.click()
    calls = clients[-1].calls[calls_before:]
    return calls[-1].request if calls else None


@pytest.fixture
def kinds(ui):
    panel, doc, clients, settings = ui
    connect(panel, clients, KIND_MODELS, default="alac")
    panel.create_hints_button.click()
    doc.find_node(panel.layers.hints).fill_rect(QRect(1, 1, 1, 1), bytes([0, 0, 255, 255]))
    return panel, doc, clients


def test_hints_model_shows_no_extra_controls(kinds):
    panel, doc, clients = kinds
    choose_model(panel, "alac")
    assert not shown(panel.steering_box) and not shown(panel.no_hints_note)
    assert panel.hints_combo.isEnabled() and panel.create_hints_button.isEnabled()


def test_server_default_uses_the_default_models_controls(ui):
    panel, doc, clients, settings = ui
    connect(panel, clients, KIND_MODELS, default="pal")
    assert panel.model_name == ""
    assert shown(panel.steering_box) and panel.steering_box.title() == "Palette"


def test_palette_model_shows_only_the_palette(kinds):
    panel, doc, clients = kinds
    choose_model(panel, "pal")
    assert shown(panel.steering_box) and panel.steering_box.title() == "Palette"
    assert shown(panel.palette)
    assert not shown(panel.reference_combo) and not shown(panel.reference_label) and not shown(panel.tags)


def test_palette_without_colours_says_so_before_calling(kinds):
    panel, doc, clients = kinds
    choose_model(panel, "pal")
    assert colorize(panel, clients) is None
    assert panel.job_status.text().startswith("Pick at least one palette colour")
    assert "d04040" in panel.job_status.styleSheet()


def test_palette_swatches_add_change_weigh_and_remove_into_the_request(kinds):
    panel, doc, clients = kinds
    choose_model(panel, "pal")
    editor = panel.palette
    editor.add_button.click()                    # Krita's foreground: orange
    panel.foreground[0] = QColor(10, 20, 30)
    editor.add_button.click()
    panel.foreground[0] = QColor(0, 0, 0)
    editor.add_button.click()
    asked = []
    editor.pick_color = lambda initial, parent: asked.append(initial.name()) or QColor(0, 200, 100)
    editor.swatches[1].button.click()            # the colour dialog changes the second swatch
    editor.swatches[0].weight.setValue(3)
    editor.swatches[2].remove_button.click()

    request = colorize(panel, clients)

    assert asked == ["#0a141e"]
    assert request.model == "pal"
    assert request.hints.palette == (PaletteEntry(Color(255, 128, 0), 3.0), PaletteEntry(Color(0, 200, 100), 1.0))
    assert request.hints.hint_layer is not None  # dots still go with a palette
    assert (request.hints.reference, request.hints.tags) == (None, ())


def test_palette_dialog_cancelled_keeps_the_colour(kinds):
    panel, doc, clients = kinds
    choose_model(panel, "pal")
    panel.palette.add_button.click()
    panel.palette.pick_color = lambda initial, parent: None
    panel.palette.swatches[0].button.click()
    assert panel.palette.entries() == (PaletteEntry(Color(255, 128, 0), 1.0),)


def test_palette_stops_at_32_colours(kinds):
    panel, doc, clients = kinds
    for _ in range(33):
        panel.palette.add_button.click()
    assert len(panel.palette.entries()) == 32
    assert not panel.palette.add_button.isEnabled()


def test_reference_model_shows_the_layer_choice_and_sends_the_layer(kinds):
    panel, doc, clients = kinds
    reference = doc.add_paint_layer("Painting")
    reference.fill_rect(QRect(0, 0, 8, 8), bytes([255, 0, 0, 255]))  # blue
    choose_model(panel, "ref")
    assert shown(panel.reference_combo) and not shown(panel.palette) and not shown(panel.tags)

    missing = colorize(panel, clients)
    missing_text = panel.job_status.text()
    panel.reference_combo.about_to_show.emit()
    labels = [panel.reference_combo.itemText(i) for i in range(panel.reference_combo.count())]
    panel.reference_combo.setCurrentIndex(panel.reference_combo.findText("Painting"))
    panel.reference_combo.activated.emit(panel.reference_combo.currentIndex())
    request = colorize(panel, clients)

    assert missing is None and missing_text.startswith("Choose the reference layer")
    assert labels == ["Choose a layer", "Painting", "Hints", "Lines"]
    image = QImage.fromData(request.hints.reference.data, "PNG")
    assert (image.width(), image.height()) == (8, 8)
    assert image.pixelColor(4, 4).getRgb() == (0, 0, 255, 255)
    assert request.hints.hint_layer is not None
    assert request.hints.palette == ()


def test_tags_model_shows_vocabulary_chips_that_fill_the_field(kinds):
    panel, doc, clients = kinds
    choose_model(panel, "tagged")
    chips = {chip.text(): chip for chip in panel.tags.chips}
    assert shown(panel.tags) and panel.steering_box.title() == "Colour tags"
    assert list(chips) == ["red", "blue_hair", "green"]

    chips["green"].click()
    chips["red"].click()
    chips["green"].click()                       # off again
    panel.tags.field.setText(panel.tags.field.text() + ", Blue_Hair")
    request = colorize(panel, clients)

    assert [chip.isChecked() for chip in panel.tags.chips] == [True, True, False]
    assert request.hints.tags == ("red", "blue_hair")
    assert request.hints.hint_layer is not None


def test_tags_field_completes_the_tag_after_the_last_comma(kinds):
    panel, doc, clients = kinds
    choose_model(panel, "tagged")
    completer = panel.tags.field.completer()
    panel.tags.field.setText("red, bl")
    assert completer.splitPath("red, bl") == ["bl"]
    completer.setCompletionPrefix("bl")
    offered = completer.completionModel().mapToSource(completer.currentIndex())
    assert completer.pathFromIndex(offered) == "red, blue_hair"


def test_unknown_or_missing_tags_are_explained_before_calling(kinds):
    panel, doc, clients = kinds
    choose_model(panel, "tagged")
    assert colorize(panel, clients) is None
    empty_text = panel.job_status.text()
    panel.tags.field.setText("red, purple")
    assert colorize(panel, clients) is None
    assert empty_text == "Enter at least one colour tag (this model knows: red, blue_hair, green)."
    assert panel.job_status.text() == "Unknown tag purple; this model knows: red, blue_hair, green."


def test_auto_model_disables_hint_controls_with_a_note_and_sends_no_hints(kinds):
    panel, doc, clients = kinds
    choose_model(panel, "auto")

    assert shown(panel.no_hints_note) and panel.no_hints_note.text() == NO_HINTS_NOTE == "This model takes no hints."
    assert not panel.hints_combo.isEnabled() and not panel.create_hints_button.isEnabled()
    assert not panel.live_preview_check.isEnabled()
    assert not shown(panel.steering_box)
    request = colorize(panel, clients)
    assert request.model == "auto"
    assert request.hints.encode() == b""


def test_choosing_an_auto_model_turns_the_live_preview_off(kinds, process_events):
    panel, doc, clients = kinds
    panel.live_preview_check.setChecked(True)
    process_events(lambda: panel.preview.is_on)
    choose_model(panel, "auto")
    assert not panel.live_preview_check.isChecked() and not panel.preview.is_on
    choose_model(panel, "alac")
    assert panel.live_preview_check.isEnabled() and not shown(panel.no_hints_note)


def test_live_preview_follows_palette_edits(kinds, process_events):
    panel, doc, clients = kinds
    choose_model(panel, "pal")
    panel.palette.add_button.click()
    panel.live_preview_check.setChecked(True)
    previews = lambda: [c for c in clients[-1].calls if c.method == "PreviewHints"]  # noqa: E731
    process_events(lambda: previews())
    first = previews()[0].request.start.hints.palette

    panel.foreground[0] = QColor(0, 0, 255)
    panel.palette.add_button.click()
    process_events(lambda: len(previews()) == 2)

    assert first == (PaletteEntry(Color(255, 128, 0), 1.0),)
    assert previews()[1].request.start.hints.palette == (PaletteEntry(Color(255, 128, 0), 1.0),
                                                         PaletteEntry(Color(0, 0, 255), 1.0))


# ------------------------------------------------------------ reference page

@pytest.fixture
def two_pages(qapp):
    """Page 1 with line art and a coloured layer (active), page 2 with line art only; page 1 is active."""
    page_1, page_2 = MockDocument(8, 8, name="Page 1"), MockDocument(8, 8, name="Page 2")
    for document in (page_1, page_2):
        document.add_paint_layer("Lines").fill_rect(QRect(0, 0, 8, 8), bytes([255, 255, 255, 255]))
    colours = page_1.add_paint_layer("Colours")
    colours.fill_rect(QRect(0, 0, 8, 8), bytes([30, 30, 200, 255]))
    active = [page_1]
    clients = []
    connection = Connection(lambda endpoint: clients.append(ScriptedClient(endpoint)) or clients[-1])
    panel = ColorizeBridgePanel(connection, ColorizeJob(connection), LivePreview(connection),
                                ActiveDocument(lambda: active[0]), DictSettings())
    connect(panel, clients)
    yield panel, page_1, page_2, colours, active, clients
    panel.preview.stop()


def choose_line_art(panel, name: str) -> None:
    panel.refresh_layers()
    panel.line_art_combo.setCurrentIndex(panel.line_art_combo.findText(name))
    panel.line_art_combo.activated.emit(panel.line_art_combo.currentIndex())


def test_use_as_reference_shows_the_page_and_steers_colorize_on_another_document(two_pages):
    panel, page_1, page_2, colours, active, clients = two_pages
    assert panel.reference_page_label.text() == NO_REFERENCE
    assert not panel.clear_reference_button.isEnabled()
    choose_line_art(panel, "Lines")

    panel.use_reference_button.click()
    active[0] = page_2
    panel.document_changed()
    panel.min_match_confidence.setValue(0.6)
    panel.colorize_button.click()

    assert panel.reference_page_label.text() == "Reference page: Page 1: “Colours”"
    assert panel.clear_reference_button.isEnabled()
    assert panel.reference_page_status.styleSheet() == ""
    request = clients[0].last("Colorize").request
    assert QImage.fromData(request.reference_page.colours.data, "PNG").pixel(3, 3) == QColor(200, 30, 30).rgba()
    assert request.options.min_match_confidence == pytest.approx(0.6)
    assert request.line_art.data.width == 8


def test_clear_reference_stops_sending_it(two_pages):
    panel, page_1, page_2, colours, active, clients = two_pages
    choose_line_art(panel, "Lines")
    panel.use_reference_button.click()

    panel.clear_reference_button.click()
    panel.colorize_button.click()

    assert panel.reference_page_label.text() == NO_REFERENCE
    assert clients[0].last("Colorize").request.reference_page is None
    assert panel.min_match_confidence.text() == "Server default (0.5)"


def test_use_as_reference_without_a_coloured_layer_says_what_to_do_in_red(two_pages):
    panel, page_1, page_2, colours, active, clients = two_pages
    active[0] = page_2
    panel.document_changed()

    panel.use_reference_button.click()

    assert NO_COLOURED_LAYER in panel.reference_page_status.text()
    assert "d04040" in panel.reference_page_status.styleSheet()
    assert panel.reference_page_label.text() == NO_REFERENCE


def test_an_animated_document_offers_this_frame_as_reference(two_pages):
    panel, page_1, page_2, colours, active, clients = two_pages
    assert panel.use_reference_button.text() == "Use as reference"
    page_1.rootNode().childNodes()[0].set_animated(True)
    page_1.setCurrentTime(4)
    choose_line_art(panel, "Lines")

    panel.use_reference_button.click()

    assert panel.use_reference_button.text() == "Use this frame as reference"
    assert panel.reference_page_label.text() == "Reference page: Page 1, frame 4: “Colours”"


def test_a_running_live_preview_takes_up_a_new_reference_page(two_pages, process_events):
    panel, page_1, page_2, colours, active, clients = two_pages
    choose_line_art(panel, "Lines")
    panel.create_hints_button.click()  # makes the hints layer active
    panel.live_preview_check.setChecked(True)
    process_events(lambda: [c for c in clients[0].calls if c.method == "PreviewHints"])
    page_1.setActiveNode(colours)

    panel.use_reference_button.click()
    process_events(lambda: len([c for c in clients[0].calls if c.method == "PreviewHints"]) >= 2)
    panel.clear_reference_button.click()
    process_events(lambda: len([c for c in clients[0].calls if c.method == "PreviewHints"]) >= 3)

    previews = [c for c in clients[0].calls if c.method == "PreviewHints"]
    assert [c.request.start.reference_page is not None for c in previews] == [False, True, False]
    assert panel.preview.is_on
