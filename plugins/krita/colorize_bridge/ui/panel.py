"""The panel's widgets, bound to the models in ../model and nothing else
(tests/test_layering.py); no Krita import, so tests can build it with a mock
document."""
from __future__ import annotations

from typing import Dict, Optional, Protocol, Sequence, Tuple

from PyQt5.QtCore import QPoint, Qt, QUuid, pyqtSignal
from PyQt5.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..model.active_document import ActiveDocument
from ..model.canvas_clicks import CanvasClicks
from ..model.colorize_job import ColorizeJob, JobState
from ..model.connection import Connection, ConnectionState
from ..model.layer_choice import LayerChoice
from ..model.live_preview import LivePreview, PreviewState
from ..model.page_reference import PageReferenceState, SequenceReference
from ..model.region_recolour import RecolourState, RegionRecolour
from ..model.server_models import ServerModel
from ..model.steering import KIND_AUTO, KIND_HINTS, KIND_PALETTE, KIND_REFERENCE, KIND_TAGS, Steering
from .steering_controls import ColorSource, PaletteEditor, TagsEditor

DEFAULT_ADDRESS = "127.0.0.1:50052"
SERVER_DEFAULT_MODEL = ""
MAX_WORK_SIDE = 4096
# The widest gap the server closes (options.gap_size, docs/LAYERS.md).
MAX_GAP_SIZE = 64
_ERROR_STYLE = "color: #d04040;"

NO_HINTS_NOTE = "This model takes no hints."
CLICK_TO_RECOLOUR = "Click to recolour"
CLICK_TO_RECOLOUR_ON = ("Click a region of the result on the canvas: it takes the foreground colour. "
                        "Esc or the button again to stop.")
NO_CANVAS = "No canvas to click on: open a view of the document first."
USE_AS_REFERENCE = "Use as reference"
USE_FRAME_AS_REFERENCE = "Use this frame as reference"
_STEERING_TITLES = {KIND_PALETTE: "Palette", KIND_REFERENCE: "Reference", KIND_TAGS: "Colour tags"}


class _RefreshingComboBox(QComboBox):
    """Krita does not signal layer changes to Python, so layer lists refresh
    whenever the user opens them."""

    about_to_show = pyqtSignal()

    def showPopup(self) -> None:  # noqa: N802 (Qt override)
        self.about_to_show.emit()
        super().showPopup()


class SettingsStore(Protocol):
    """Where the address and token persist (Krita's kritarc in the docker)."""

    def read(self, key: str, default: str) -> str: ...

    def write(self, key: str, value: str) -> None: ...


class ColorizeBridgePanel(QWidget):
    def __init__(self, connection: Connection, job: ColorizeJob, preview: LivePreview,
                 document: ActiveDocument, settings: SettingsStore, parent: Optional[QWidget] = None,
                 foreground_color: ColorSource = lambda: None, recolour: Optional[RegionRecolour] = None,
                 sequence: Optional[SequenceReference] = None, canvas_clicks: Optional[CanvasClicks] = None) -> None:
        super().__init__(parent)
        self.connection = connection
        self.job = job
        self.preview = preview
        self.document = document
        self.recolour = recolour if recolour is not None else RegionRecolour()
        # Without a canvas source (tests, kritarunner) clicking finds no canvas and says so.
        self.canvas_clicks = canvas_clicks if canvas_clicks is not None else CanvasClicks(lambda: None)
        # The reference page is the panel's, not a document's: it steers any open document.
        self.sequence = sequence if sequence is not None else SequenceReference()
        self._settings = settings
        self._foreground_color = foreground_color

        self.address = QLineEdit(settings.read("address", DEFAULT_ADDRESS))
        self.address.setPlaceholderText("host:port of the server's --web-listen")
        self.token = QLineEdit(settings.read("token", ""))
        self.token.setEchoMode(QLineEdit.Password)
        self.token.setPlaceholderText("access token (optional)")
        self.connect_button = QPushButton("Connect")
        self.connection_status = QLabel()
        self.connection_status.setWordWrap(True)
        self.model_combo = QComboBox()
        self.work_side = QSpinBox()
        self.work_side.setRange(0, MAX_WORK_SIDE)
        self.work_side.setSingleStep(64)
        self.work_side.setSuffix(" px")
        self.work_side.setSpecialValueText("Model's size")
        self.work_side.setToolTip("Longest side the model works at. The result always comes back at the canvas "
                                  "size; larger is slower and uses more memory on the server.")
        self.gap_size = QSpinBox()
        self.gap_size.setRange(0, MAX_GAP_SIZE)
        self.gap_size.setSuffix(" px")
        self.gap_size.setSpecialValueText("Server default (3 px)")
        self.gap_size.setToolTip("Gaps in the lines up to about this wide are closed when the line art is cut into "
                                 "regions, as the Colorize Mask's gap closing does: raise it for sketchy lines whose "
                                 "colour runs out of a figure.")
        self.line_art_combo = _RefreshingComboBox()
        self.hints_combo = _RefreshingComboBox()
        self.create_hints_button = QPushButton("Create hints layer")
        self.create_hints_button.setToolTip("Adds a “Hints” layer above the line art: paint colour dots and strokes "
                                            "on it with any brush.")
        self.separate_layers_check = QCheckBox("Separate layers (flats, shading, lines)")
        self.separate_layers_check.setToolTip("The result comes as a group: Flats (one colour per region), Shading "
                                              "(multiply), Lines, and a hidden Regions layer for Click to recolour.")
        self.click_recolour_button = QPushButton(CLICK_TO_RECOLOUR)
        self.click_recolour_button.setCheckable(True)
        self.click_recolour_button.setToolTip("While on, a left click on a region of a result fills its flat with "
                                              "the foreground colour, and a hint dot keeps it in the next Colorize; "
                                              "Edit > Undo takes it back. Esc or this button ends it.")
        self.recolour_button = QPushButton("Recolour selection")
        self.recolour_button.setToolTip("Fills the region under the selection with the foreground colour, as a "
                                        "click does in Click to recolour.")
        self.recolour_status = QLabel()
        self.recolour_status.setWordWrap(True)
        self.colorize_button = QPushButton("Colorize")
        self.cancel_button = QPushButton("Cancel")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.job_status = QLabel()
        self.job_status.setWordWrap(True)
        self.no_hints_note = QLabel(NO_HINTS_NOTE)
        self.no_hints_note.setWordWrap(True)
        self.palette = PaletteEditor(foreground_color)
        self.reference_label = QLabel("Reference layer")
        self.reference_combo = _RefreshingComboBox()
        self.reference_combo.setToolTip("A colour illustration for the model to follow (its colours and their "
                                        "rough layout); the whole layer is sent.")
        self.tags = TagsEditor()
        self.use_reference_button = QPushButton(USE_AS_REFERENCE)
        self.use_reference_button.setToolTip(
            "Keeps this document's line art and coloured layer (the selected paint layer, or the Flats of a result "
            "group) as the reference page: every later Colorize, on any open document, gives each region the "
            "colour of its counterpart on it. Hints still win.")
        self.clear_reference_button = QPushButton("Clear reference")
        self.reference_page_label = QLabel()
        self.reference_page_label.setWordWrap(True)
        self.reference_page_status = QLabel()
        self.reference_page_status.setWordWrap(True)
        self.min_match_confidence = QDoubleSpinBox()
        self.min_match_confidence.setRange(0.0, 1.0)
        self.min_match_confidence.setSingleStep(0.05)
        self.min_match_confidence.setDecimals(2)
        self.min_match_confidence.setSpecialValueText("Server default (0.5)")
        self.min_match_confidence.setToolTip("How sure a region's match must be to take the reference's colour; "
                                             "less sure regions are coloured by the model. The result group's "
                                             "hidden “Match confidence” layer shows how sure each match was.")
        self.live_preview_check = QCheckBox("Live preview while painting hints")
        self.preview_status = QLabel()
        self.preview_status.setWordWrap(True)
        self._build_layout()

        self.connect_button.clicked.connect(self._connect)
        self.model_combo.activated.connect(self._model_chosen)
        self.line_art_combo.about_to_show.connect(self.refresh_layers)
        self.hints_combo.about_to_show.connect(self.refresh_layers)
        self.reference_combo.about_to_show.connect(self.refresh_layers)
        self.line_art_combo.activated.connect(self._layers_chosen)
        self.hints_combo.activated.connect(self._layers_chosen)
        self.reference_combo.activated.connect(self._reference_chosen)
        self.palette.changed.connect(self._steering_changed)
        self.tags.changed.connect(self._steering_changed)
        self.create_hints_button.clicked.connect(self._create_hints_layer)
        self.colorize_button.clicked.connect(self._colorize)
        self.cancel_button.clicked.connect(job.cancel)
        self.recolour_button.clicked.connect(self._recolour_region)
        self.click_recolour_button.toggled.connect(self._toggle_click_recolour)
        self.canvas_clicks.clicked.connect(self._recolour_at)
        self.canvas_clicks.missed.connect(self.recolour.click_missed)
        self.canvas_clicks.stopped.connect(self._click_recolour_stopped)
        self.recolour.changed.connect(self._update_recolour)
        self.use_reference_button.clicked.connect(self._use_as_reference)
        self.clear_reference_button.clicked.connect(self.sequence.clear)
        self.sequence.changed.connect(self._update_reference_page)
        self.live_preview_check.toggled.connect(self._toggle_preview)
        connection.changed.connect(self._update_connection)
        job.changed.connect(self._update_job)
        preview.changed.connect(self._update_preview)
        self._update_connection()
        self._update_job()
        self._update_preview()
        self._update_recolour()
        self._update_reference_page()
        self.refresh_layers()

    def _build_layout(self) -> None:
        server = QGroupBox("Server")
        server_form = QFormLayout(server)
        address_row = QHBoxLayout()
        address_row.addWidget(self.address, 1)
        address_row.addWidget(self.connect_button)
        server_form.addRow("Address", address_row)
        server_form.addRow("Token", self.token)
        server_form.addRow(self.connection_status)
        server_form.addRow("Model", self.model_combo)
        server_form.addRow("Work size", self.work_side)
        server_form.addRow("Close gaps", self.gap_size)

        layers = QGroupBox("Layers")
        layers_form = QFormLayout(layers)
        layers_form.addRow("Line art", self.line_art_combo)
        layers_form.addRow("Hints", self.hints_combo)
        layers_form.addRow(self.create_hints_button)
        layers_form.addRow(self.no_hints_note)

        # One group for what the selected model's kind adds; only its control shows.
        self.steering_box = QGroupBox()
        steering_form = QFormLayout(self.steering_box)
        steering_form.addRow(self.palette)
        steering_form.addRow(self.reference_label, self.reference_combo)
        steering_form.addRow(self.tags)

        reference_page = QGroupBox("Reference page")
        reference_form = QFormLayout(reference_page)
        reference_buttons = QHBoxLayout()
        reference_buttons.addWidget(self.use_reference_button, 1)
        reference_buttons.addWidget(self.clear_reference_button)
        reference_form.addRow(reference_buttons)
        reference_form.addRow(self.reference_page_label)
        reference_form.addRow(self.reference_page_status)
        reference_form.addRow("Follow matches from", self.min_match_confidence)

        buttons = QHBoxLayout()
        buttons.addWidget(self.colorize_button, 1)
        buttons.addWidget(self.cancel_button)

        column = QVBoxLayout(self)
        column.addWidget(server)
        column.addWidget(layers)
        column.addWidget(self.steering_box)
        column.addWidget(reference_page)
        column.addWidget(self.separate_layers_check)
        column.addLayout(buttons)
        column.addWidget(self.progress)
        column.addWidget(self.job_status)
        recolour_buttons = QHBoxLayout()
        recolour_buttons.addWidget(self.click_recolour_button, 1)
        recolour_buttons.addWidget(self.recolour_button)
        column.addLayout(recolour_buttons)
        column.addWidget(self.recolour_status)
        column.addWidget(self.live_preview_check)
        column.addWidget(self.preview_status)
        column.addStretch(1)

    @property
    def layers(self) -> LayerChoice:
        """The layers chosen in the active document."""
        return self.document.layers

    @property
    def model_name(self) -> str:
        return self.model_combo.currentData() or SERVER_DEFAULT_MODEL

    @property
    def selected_model(self) -> Optional[ServerModel]:
        """The chosen model; for *Server default*, the server's default model."""
        return self.connection.model_named(self.model_name)

    @property
    def model_kind(self) -> str:
        model = self.selected_model
        return model.kind if model is not None else KIND_HINTS

    def steering(self) -> Steering:
        """What the kind-specific controls hold, for the selected model's kind."""
        model = self.selected_model
        return Steering(kind=self.model_kind, palette=self.palette.entries(), reference=self.layers.reference,
                        tags=self.tags.tags(), vocabulary=model.tags if model is not None else ())

    # ------------------------------------------------------------ actions

    def _connect(self) -> None:
        self._settings.write("address", self.address.text().strip())
        self._settings.write("token", self.token.text())
        self.connection.connect_to(self.address.text().strip(), self.token.text().strip())

    def _colorize(self) -> None:
        self.job.start(self.document.current(), self.layers, self.model_name, self.work_side.value(), self.steering(),
                       separate=self.separate_layers_check.isChecked(), reference=self.sequence.page,
                       min_match_confidence=self.min_match_confidence.value(), gap_size=self.gap_size.value())

    def _use_as_reference(self) -> None:
        self.sequence.take(self.document.current(), self.layers)

    def _recolour_region(self) -> None:
        self.recolour.recolour(self.document.current(), self.layers, self._foreground_color())

    def _recolour_at(self, point: QPoint) -> None:
        self.recolour.recolour_at(self.document.current(), self.layers, self._foreground_color(), point)

    def _toggle_click_recolour(self, on: bool) -> None:
        if not on:
            self.canvas_clicks.stop()
            self._show(self.recolour_status, "")
        elif self.canvas_clicks.start():
            self._show(self.recolour_status, CLICK_TO_RECOLOUR_ON)
        else:
            self._set_click_recolour(False)
            self._show(self.recolour_status, NO_CANVAS, error=True)

    def _click_recolour_stopped(self) -> None:
        """Esc on the canvas, or the canvas went away."""
        self._set_click_recolour(False)
        if self.recolour_status.text() == CLICK_TO_RECOLOUR_ON:
            self._show(self.recolour_status, "")

    def _set_click_recolour(self, on: bool) -> None:
        self.click_recolour_button.blockSignals(True)
        self.click_recolour_button.setChecked(on)
        self.click_recolour_button.blockSignals(False)

    def _create_hints_layer(self) -> None:
        problem = self.document.create_hints_layer()
        if problem:
            self._show(self.job_status, problem, error=True)
        self.refresh_layers()
        self._restart_preview()

    def _toggle_preview(self, on: bool) -> None:
        if on:
            self.preview.start(self.document.current(), self.layers, self.model_name, self.steering(),
                               self.sequence.page)
        else:
            self.preview.stop()

    def _restart_preview(self) -> None:
        if self.live_preview_check.isChecked():
            self._toggle_preview(True)

    def _model_chosen(self) -> None:
        self._update_kind()
        self._restart_preview()

    def _steering_changed(self) -> None:
        if self.preview.is_on:
            self.preview.update_steering(self.steering())

    def _reference_chosen(self) -> None:
        self.layers.reference = self.reference_combo.currentData()
        self._steering_changed()

    def _layers_chosen(self) -> None:
        self.layers.line_art = self.line_art_combo.currentData()
        self.layers.hints = self.hints_combo.currentData()
        self._restart_preview()

    # ------------------------------------------------------------ binding

    def document_changed(self) -> None:
        """Krita switched canvases. For another document, the running preview
        belongs to the old one (ActiveDocument.follow forgets its layers)."""
        if self.document.follow():
            self.preview.stop()
        if self.click_recolour_button.isChecked() and not self.canvas_clicks.start():  # the new view's canvas
            self._set_click_recolour(False)
            self._show(self.recolour_status, NO_CANVAS, error=True)
        self.refresh_layers()

    def refresh_layers(self) -> None:
        layers = self.document.paint_layers()
        self._fill_layer_combo(self.line_art_combo, "Active layer", layers, self.layers.line_art)
        self._fill_layer_combo(self.hints_combo, "None", layers, self.layers.hints)
        self._fill_layer_combo(self.reference_combo, "Choose a layer", layers, self.layers.reference)
        # Krita signals no change of frame; the label follows whenever the layers refresh.
        animated = self.document.animation_frame() is not None
        self.use_reference_button.setText(USE_FRAME_AS_REFERENCE if animated else USE_AS_REFERENCE)

    @staticmethod
    def _fill_layer_combo(combo: QComboBox, empty_label: str, layers: Sequence[Tuple[str, QUuid]],
                          chosen: Optional[QUuid]) -> None:
        combo.clear()
        combo.addItem(empty_label, None)
        for name, layer_id in layers:
            combo.addItem(name, layer_id)
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def _update_connection(self) -> None:
        state = self.connection.state
        texts: Dict[ConnectionState, str] = {
            ConnectionState.DISCONNECTED: "Not connected.",
            ConnectionState.CONNECTING: "Connecting…",
            ConnectionState.CONNECTED: f"Connected, {len(self.connection.models)} model(s).",
        }
        self._show(self.connection_status, self.connection.error or texts.get(state, ""),
                   error=state == ConnectionState.ERROR)
        self.connect_button.setEnabled(state != ConnectionState.CONNECTING)
        chosen = self.model_combo.currentData()
        self.model_combo.clear()
        self.model_combo.addItem("Server default" + (f" ({self.connection.default_model})"
                                                     if self.connection.default_model else ""), SERVER_DEFAULT_MODEL)
        for model in self.connection.models:
            label = model.name if model.ready else f"{model.name} ({model.state_name})"
            self.model_combo.addItem(label, model.name)
            if model.failed:
                self.model_combo.model().item(self.model_combo.count() - 1).setEnabled(False)
                self.model_combo.setItemData(self.model_combo.count() - 1, model.error, Qt.ToolTipRole)
        self.model_combo.setCurrentIndex(max(self.model_combo.findData(chosen), 0) if chosen else 0)
        self._update_kind()

    def _update_kind(self) -> None:
        """Shows only the controls the selected model uses."""
        kind = self.model_kind
        takes_hints = kind != KIND_AUTO
        self.hints_combo.setEnabled(takes_hints)
        self.create_hints_button.setEnabled(takes_hints)
        self.no_hints_note.setVisible(not takes_hints)
        self.steering_box.setVisible(kind in _STEERING_TITLES)
        self.steering_box.setTitle(_STEERING_TITLES.get(kind, ""))
        self.palette.setVisible(kind == KIND_PALETTE)
        self.reference_label.setVisible(kind == KIND_REFERENCE)
        self.reference_combo.setVisible(kind == KIND_REFERENCE)
        self.tags.setVisible(kind == KIND_TAGS)
        model = self.selected_model
        self.tags.set_vocabulary(model.tags if model is not None else ())
        if not takes_hints and self.live_preview_check.isChecked():
            self.live_preview_check.setChecked(False)
        self._update_job()

    def _update_job(self) -> None:
        connected = self.connection.state == ConnectionState.CONNECTED
        running = self.job.is_running
        self.colorize_button.setEnabled(connected and not running)
        self.cancel_button.setEnabled(running)
        takes_hints = self.model_kind != KIND_AUTO
        self.live_preview_check.setEnabled(takes_hints and (connected or self.live_preview_check.isChecked()))
        self.live_preview_check.setToolTip("" if takes_hints else NO_HINTS_NOTE)
        self.progress.setValue(int(self.job.progress * 1000))
        self._show(self.job_status, self.job.message, error=self.job.state == JobState.ERROR)

    def _update_preview(self) -> None:
        if not self.preview.is_on and self.live_preview_check.isChecked():
            self.live_preview_check.blockSignals(True)
            self.live_preview_check.setChecked(False)
            self.live_preview_check.blockSignals(False)
        self._show(self.preview_status, self.preview.message, error=self.preview.state == PreviewState.ERROR)

    def _update_reference_page(self) -> None:
        self.reference_page_label.setText(self.sequence.description)
        self.clear_reference_button.setEnabled(self.sequence.page is not None)
        self._show(self.reference_page_status, self.sequence.message,
                   error=self.sequence.state == PageReferenceState.ERROR)
        if self.preview.is_on and self.sequence.state != PageReferenceState.ERROR:  # a failed take keeps the page
            self.preview.update_reference(self.sequence.page)

    def _update_recolour(self) -> None:
        self._show(self.recolour_status, self.recolour.message, error=self.recolour.state == RecolourState.ERROR)

    @staticmethod
    def _show(label: QLabel, text: str, error: bool = False) -> None:
        label.setText(text)
        label.setStyleSheet(_ERROR_STYLE if error else "")
        label.setVisible(bool(text))
