"""Live preview: watch the hint layer, send its newest state, show frames.

gRPC-Web cannot stream requests over HTTP/1.1, so every change is one
PreviewHints call carrying a single `start` request. Krita has no "layer
changed" signal in its Python API, so the hint layer is polled; a change
restarts a debounce timer, and when the strokes pause the newest state is
sent and any older call still running is aborted (newest wins). Line art and
hints travel at preview size so a call stays small and fast.

Palette, reference and tags models take the hints layer as an option: without
one, the preview sends once at the start and again whenever the panel changes
the steering (update_steering).

A reference page (issue 17) travels in every call's `start`, shrunk to the
preview size once per session and again when the panel takes another
(update_reference).
"""
from __future__ import annotations

import dataclasses
import enum
import time
from typing import Optional, Tuple

from PyQt5.QtCore import QObject, QRect, QSize, QTimer, pyqtSignal

from ..document.krita_document import DocumentError, KritaDocument, LayerInfo
from ..image_transfer import ImageDecodeError, fit_within, from_wire_image, place_scaled, scaled, to_wire_image
from ..network.grpc_web_channel import CallHandle
from ..protocol.grpc_web import GrpcStatus, StatusCode
from ..protocol.messages import (
    Image,
    OutputFormat,
    PreviewFrame,
    PreviewOptions,
    PreviewRequest,
    PreviewStart,
    ReferencePage,
)
from .active_document import NO_DOCUMENT
from .connection import Connection, describe_status
from .layer_choice import LayerChoice, new_layer_anchor
from .page_reference import PageReference
from .steering import KIND_AUTO, KIND_PALETTE, KIND_REFERENCE, KIND_TAGS, ResolvedSteering, Steering, SteeringError

PREVIEW_LAYER_NAME = "Colorize preview"
PREVIEW_SIDE = 320
POLL_INTERVAL_MS = 150
DEBOUNCE_MS = 250


class PreviewState(enum.Enum):
    OFF = "off"
    UP_TO_DATE = "up to date"
    UPDATING = "updating"
    ERROR = "error"


class _Session:
    """What one preview run remembers about the document."""

    def __init__(self, document: KritaDocument, line_art: LayerInfo, hints: Optional[LayerInfo], model_name: str,
                 preview_size: QSize, line_art_preview: Image, preview_layer: LayerInfo,
                 steering: Optional[ResolvedSteering], reference: Optional[ReferencePage]) -> None:
        self.document = document
        self.line_art = line_art
        self.hints = hints  # None: nothing to poll (a model that takes the hints layer as an option)
        self.steering = steering  # None: the panel's steering is incomplete, nothing is sent
        self.reference = reference  # the reference page at preview size; None: none
        self.model_name = model_name
        self.preview_size = preview_size
        self.line_art_preview = line_art_preview
        self.preview_layer = preview_layer
        self.hints_fingerprint: Optional[Tuple[int, int, int, int, int]] = None


class LivePreview(QObject):
    changed = pyqtSignal()

    def __init__(self, connection: Connection, poll_interval_ms: int = POLL_INTERVAL_MS,
                 debounce_ms: int = DEBOUNCE_MS, preview_side: int = PREVIEW_SIDE) -> None:
        super().__init__()
        self._connection = connection
        self._preview_side = preview_side
        self._session: Optional[_Session] = None
        self._call: Optional[CallHandle] = None
        self._revision = 0
        self._sent_at = 0.0
        self._poll = QTimer(self)
        self._poll.setInterval(poll_interval_ms)
        self._poll.timeout.connect(self._check_hints)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self._send_newest)
        self.state = PreviewState.OFF
        self.message = ""
        self.frames_shown = 0
        self.last_round_trip_ms = 0

    @property
    def is_on(self) -> bool:
        return self._session is not None

    def start(self, document: Optional[KritaDocument], layers: LayerChoice, model_name: str,
              steering: Steering = Steering(), reference: Optional[PageReference] = None) -> None:
        """Starts following the hints (or the steering) of `document`, steered
        by the `reference` page where there is one; no document (None): an
        error state that asks for one."""
        self.stop()
        if document is None:
            self._set(PreviewState.ERROR, NO_DOCUMENT)
            return
        if self._connection.client is None:
            self._set(PreviewState.ERROR, "Connect to a server first.")
            return
        try:
            document.check_format()
            line_art, hints = (layers if steering.takes_hints else dataclasses.replace(layers, hints=None)) \
                .resolve(document)
            if hints is None and steering.kind not in (KIND_AUTO, KIND_PALETTE, KIND_REFERENCE, KIND_TAGS):
                raise DocumentError("The live preview follows a hints layer: choose one or create it.")
            resolved = steering.resolve(document, line_art.id)
            preview_size = fit_within(document.size, self._preview_side)
            line_art_preview = to_wire_image(scaled(document.read_layer(line_art.id, document.canvas_rect),
                                                    preview_size))
            reference_preview = self._at_preview_size(reference)
            preview_layer = document.add_layer_above(new_layer_anchor(document, line_art, hints).id,
                                                     PREVIEW_LAYER_NAME)
        except (DocumentError, SteeringError, ImageDecodeError) as error:
            self._set(PreviewState.ERROR, str(error))
            return
        self._session = _Session(document, line_art, hints, model_name, preview_size, line_art_preview,
                                 preview_layer, resolved, reference_preview)
        self.frames_shown = 0
        self._set(PreviewState.UPDATING, "Starting…")
        if hints is None:
            self._debounce.start()
            return
        self._check_hints()
        self._poll.start()

    def update_steering(self, steering: Steering) -> None:
        """The panel's palette, reference or tags changed: the running preview
        keeps its layer and sends the new state once the edits pause. While
        something the model needs is missing, the message says so and nothing
        is sent."""
        session = self._session
        if session is None:
            return
        try:
            session.steering = steering.resolve(session.document, session.line_art.id)
        except (DocumentError, SteeringError) as error:
            session.steering = None
            self._cancel_call()
            self._debounce.stop()
            self._set(PreviewState.ERROR, str(error))
            return
        self._debounce.start()

    def update_reference(self, reference: Optional[PageReference]) -> None:
        """The panel took another reference page or cleared it: the running
        preview sends the current hints again with it."""
        session = self._session
        if session is None:
            return
        try:
            session.reference = self._at_preview_size(reference)
        except ImageDecodeError as error:
            self._fail(f"Live preview stopped: {error}")
            return
        self._debounce.start()

    def _at_preview_size(self, reference: Optional[PageReference]) -> Optional[ReferencePage]:
        return reference.wire(self._preview_side) if reference is not None else None

    def stop(self) -> None:
        self._poll.stop()
        self._debounce.stop()
        self._cancel_call()
        session, self._session = self._session, None
        if session is not None:
            try:
                session.document.remove_layer(session.preview_layer.id)
            except RuntimeError:
                pass  # the document was closed; its layers went with it
        if self.state != PreviewState.OFF:
            self._set(PreviewState.OFF, "")

    def _check_hints(self) -> None:
        session = self._session
        if session is None or session.hints is None:
            return
        try:
            rect = session.document.painted_rect(session.hints.id)
            checksum = session.document.pixel_checksum(session.hints.id, rect)
        except (DocumentError, RuntimeError) as error:
            self._fail(f"Live preview stopped: {error}")
            return
        fingerprint = (rect.x(), rect.y(), rect.width(), rect.height(), checksum)
        if fingerprint != session.hints_fingerprint:
            session.hints_fingerprint = fingerprint
            self._debounce.start()

    def _send_newest(self) -> None:
        session = self._session
        client = self._connection.client
        if session is None or client is None or session.steering is None:
            return
        self._cancel_call()
        try:
            rect = session.document.painted_rect(session.hints.id) if session.hints is not None else QRect()
            hints_image = session.document.read_layer(session.hints.id, rect) if not rect.isEmpty() else None
        except (DocumentError, RuntimeError) as error:
            self._fail(f"Live preview stopped: {error}")
            return
        hints_preview = place_scaled(hints_image, rect, session.document.size, session.preview_size) \
            if hints_image is not None else None
        self._revision += 1
        revision = self._revision
        request = PreviewRequest(revision, PreviewStart(
            model=session.model_name,
            line_art=session.line_art_preview,
            hints=session.steering.hints(to_wire_image(hints_preview) if hints_preview is not None else None),
            options=PreviewOptions(max_side=max(session.preview_size.width(), session.preview_size.height()),
                                   output_format=OutputFormat.RAW_RGBA8),
            reference_page=session.reference))
        self._sent_at = time.monotonic()
        self._set(PreviewState.UPDATING, "Updating…")
        self._call = client.preview_hints(request, self._show_frame,
                                          lambda status: self._on_finished(status, revision))

    def _show_frame(self, frame: PreviewFrame) -> None:
        session = self._session
        if session is None or frame.revision != self._revision or frame.image is None:
            return  # an answer to a state the user has painted over already
        try:
            image = scaled(from_wire_image(frame.image), session.document.size)
            session.document.write_layer(session.preview_layer.id, image)
        except (DocumentError, ImageDecodeError, RuntimeError) as error:
            self._fail(f"Live preview stopped: {error}")
            return
        self.frames_shown += 1
        self.last_round_trip_ms = int((time.monotonic() - self._sent_at) * 1000)

    def _on_finished(self, status: GrpcStatus, revision: int) -> None:
        if revision != self._revision:
            return
        self._call = None
        if status.code == StatusCode.CANCELLED or self._session is None:
            return
        if not status.ok:
            # The session stays on: the next stroke tries again.
            self._set(PreviewState.ERROR, describe_status(status, self._connection.address))
            return
        self._set(PreviewState.UP_TO_DATE, f"Up to date ({self.last_round_trip_ms} ms)")

    def _cancel_call(self) -> None:
        call, self._call = self._call, None
        if call is not None:
            call.cancel()

    def _fail(self, message: str) -> None:
        self.stop()
        self._set(PreviewState.ERROR, message)

    def _set(self, state: PreviewState, message: str) -> None:
        self.state = state
        self.message = message
        self.changed.emit()
