from __future__ import annotations

import pytest
from PyQt5.QtCore import QRect

from colorize_bridge.document.krita_document import KritaDocument
from colorize_bridge.model.colorize_job import ColorizeJob
from colorize_bridge.model.connection import Connection
from colorize_bridge.model.live_preview import LivePreview
from colorize_bridge.network.grpc_web_channel import ServerEndpoint
from colorize_bridge.protocol.grpc_web import GrpcStatus, StatusCode
from colorize_bridge.protocol.messages import ListModelsResponse, ModelInfo, ModelState
from colorize_bridge.ui.panel import DEFAULT_ADDRESS, ColorizeBridgePanel
from fakes import ScriptedClient
from mock_krita import MockDocument


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
    panel = ColorizeBridgePanel(connection, ColorizeJob(connection), LivePreview(connection),
                                lambda: KritaDocument(doc), settings)
    yield panel, doc, clients, settings
    panel.preview.stop()


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
                                lambda: KritaDocument(active[0]), DictSettings())
    panel.create_hints_button.click()

    active[0] = documents[1]
    panel.document_changed()

    assert panel.layers.hints is None
    assert panel.hints_combo.currentText() == "None"


def test_document_changed_to_another_view_of_the_same_document_keeps_layers(ui):
    panel, doc, clients, settings = ui
    panel.create_hints_button.click()

    panel.document_changed()

    assert panel.hints_combo.currentText() == "Hints"
