"""One Colorize call: request from the document, progress, result layer."""
from __future__ import annotations

import dataclasses
import datetime
import enum
from typing import Callable, Optional

from PyQt5.QtCore import QObject, QRect, pyqtSignal

from ..document.krita_document import DocumentError, KritaDocument, LayerInfo, SelectionArea
from ..image_transfer import ImageDecodeError, from_wire_image, masked, output_format_for, to_wire_image
from ..network.grpc_web_channel import CallHandle
from ..protocol.grpc_web import GrpcStatus, StatusCode
from ..protocol.messages import (
    ColorizeOptions,
    ColorizeRequest,
    ColorizeResult,
    ColorizeUpdate,
    Progress,
    Queued,
)
from .active_document import NO_DOCUMENT
from .connection import Connection, describe_status
from .layer_choice import LayerChoice, new_layer_anchor
from .page_reference import PageReference
from .result_layers import has_separate_layers, separate_layers
from .steering import Steering, SteeringError


class JobState(enum.Enum):
    IDLE = "idle"
    RUNNING = "running"
    DONE = "done"
    CANCELLED = "cancelled"
    ERROR = "error"


class ColorizeJob(QObject):
    changed = pyqtSignal()

    def __init__(self, connection: Connection,
                 clock: Callable[[], datetime.datetime] = datetime.datetime.now) -> None:
        super().__init__()
        self._connection = connection
        self._clock = clock
        self._call: Optional[CallHandle] = None
        self._result: Optional[ColorizeResult] = None
        self.state = JobState.IDLE
        self.progress = 0.0
        self.message = ""
        self.result_layer: Optional[LayerInfo] = None

    @property
    def is_running(self) -> bool:
        return self.state == JobState.RUNNING

    def start(self, document: Optional[KritaDocument], layers: LayerChoice, model_name: str, work_side: int = 0,
              steering: Steering = Steering(), separate: bool = False, reference: Optional[PageReference] = None,
              min_match_confidence: float = 0.0, gap_size: int = 0) -> None:
        """Sends the line art and hints (only the selected area, where there is
        a selection) with what `steering` adds for the model's kind; the result
        becomes a new layer (see new_layer_anchor), or with `separate` a group
        of its flats, shading and lines (result_layers.py) where the server
        sends them. With a `reference` page the regions take its colours where
        they match at least `min_match_confidence` (0 = the server's default),
        and the group gets its "Match confidence" layer. `gap_size`: gaps in
        the lines up to that many pixels are closed for the flats (0 = the
        server's default). No document (None):
        an error state that asks for one."""
        if self.is_running:
            return
        if document is None:
            self._set(JobState.ERROR, NO_DOCUMENT)
            return
        client = self._connection.client
        if client is None:
            self._set(JobState.ERROR, "Connect to a server first.")
            return
        try:
            document.check_format()
            # A model that takes no hints ignores the hints layer, even a stale one.
            line_art, hints = (layers if steering.takes_hints else dataclasses.replace(layers, hints=None)) \
                .resolve(document)
            extras = steering.resolve(document, line_art.id)
            selection = document.selection()
            area = selection.rect if selection is not None else document.canvas_rect
            request = ColorizeRequest(
                model=model_name,
                line_art=to_wire_image(document.read_layer(line_art.id, area)),
                hints=extras.hints(to_wire_image(document.read_layer(hints.id, area)) if hints is not None else None),
                options=ColorizeOptions(output_format=output_format_for(area.size()), work_side=work_side,
                                        return_layers=separate, min_match_confidence=min_match_confidence,
                                        gap_size=gap_size),
                reference_page=reference.wire() if reference is not None else None)
        except (DocumentError, SteeringError) as error:
            self._set(JobState.ERROR, str(error))
            return
        self._result = None
        self.result_layer = None
        self.progress = 0.0
        self._set(JobState.RUNNING, "Sending…")
        self._call = client.colorize(
            request, self._on_update,
            lambda status: self._on_finished(status, document, line_art, hints, area, selection, model_name,
                                             separate, reference))

    def cancel(self) -> None:
        if self._call is not None:
            self._call.cancel()

    def _on_update(self, update: ColorizeUpdate) -> None:
        kind = update.update
        if isinstance(kind, Queued):
            self._set(JobState.RUNNING, "Waiting for the model…" if kind.position == 0
                      else f"Queued, {kind.position} ahead")
        elif isinstance(kind, Progress):
            self.progress = min(max(kind.fraction, 0.0), 1.0)
            self._set(JobState.RUNNING, f"{kind.stage.capitalize() or 'Working'}…")
        elif isinstance(kind, ColorizeResult):
            self._result = kind

    def _on_finished(self, status: GrpcStatus, document: KritaDocument, line_art: LayerInfo,
                     hints: Optional[LayerInfo], area: QRect, selection: Optional[SelectionArea],
                     model_name: str, separate: bool, reference: Optional[PageReference]) -> None:
        self._call = None
        if status.code == StatusCode.CANCELLED:
            self._set(JobState.CANCELLED, "Cancelled.")
            return
        if not status.ok:
            message = describe_status(status, self._connection.address)
            if reference is not None and status.code == StatusCode.INVALID_ARGUMENT \
                    and "reference_page" in status.message:
                message += " Take the reference page again, or clear it."
            self._set(JobState.ERROR, message)
            return
        result = self._result
        if result is None or result.image is None:
            self._set(JobState.ERROR, "The server finished without a result image.")
            return
        # An older server answers return_layers with no layers, or only
        # "colour" and "line art": the result stays one layer, as before.
        grouped = separate and has_separate_layers(result)
        try:
            name = f"{result.recipe.model or model_name or 'Colorized'} {self._clock():%H:%M:%S}"
            anchor = new_layer_anchor(document, line_art, hints)
            if grouped:
                stack = separate_layers(result, area.size(), selection)
                self.result_layer = document.add_group_above(anchor.id, name, stack, area.topLeft())
            else:
                image = from_wire_image(result.image)
                if image.size() != area.size():
                    raise ImageDecodeError(f"result is {image.width()}x{image.height()}, "
                                           f"expected {area.width()}x{area.height()}")
                if selection is not None:
                    image = masked(image, selection.mask)
                self.result_layer = document.add_layer_above(anchor.id, name, image, area.topLeft())
        except (DocumentError, ImageDecodeError) as error:
            self._set(JobState.ERROR, f"Could not add the result: {error}")
            return
        except RuntimeError as error:  # Krita deleted the document or layer meanwhile
            self._set(JobState.ERROR, f"Could not add the result to the document: {error}")
            return
        self.progress = 1.0
        following = f", following the reference page ({reference.description})" if reference is not None else ""
        self._set(JobState.DONE, f"Added layer{' group' if grouped else ''} "
                                 f"“{self.result_layer.name}”{following}.")

    def _set(self, state: JobState, message: str) -> None:
        self.state = state
        self.message = message
        self.changed.emit()
