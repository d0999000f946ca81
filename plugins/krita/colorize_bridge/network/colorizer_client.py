"""Typed calls of the `colorizebridge.v1.Colorizer` service."""
from __future__ import annotations

from typing import Callable

from ..protocol.messages import (
    ColorizeRequest,
    ColorizeUpdate,
    ListModelsRequest,
    ListModelsResponse,
    PreviewFrame,
    PreviewRequest,
)
from .grpc_web_channel import CallHandle, GrpcWebChannel, ServerEndpoint, StatusCallback

_SERVICE = "/colorizebridge.v1.Colorizer/"
LIST_MODELS_DEADLINE_S = 10.0


class ColorizerClient:
    """The service as the plugin's models use it; tests script a fake with
    the same three methods (tests/fakes.py)."""

    def __init__(self, endpoint: ServerEndpoint) -> None:
        self._channel = GrpcWebChannel(endpoint)

    @property
    def endpoint(self) -> ServerEndpoint:
        return self._channel.endpoint

    def list_models(self, on_response: Callable[[ListModelsResponse], None], on_finished: StatusCallback) -> CallHandle:
        return self._channel.call(_SERVICE + "ListModels", ListModelsRequest().encode(), ListModelsResponse.decode,
                                  on_response, on_finished, deadline_s=LIST_MODELS_DEADLINE_S)

    def colorize(self, request: ColorizeRequest, on_update: Callable[[ColorizeUpdate], None],
                 on_finished: StatusCallback) -> CallHandle:
        return self._channel.call(_SERVICE + "Colorize", request.encode(), ColorizeUpdate.decode, on_update, on_finished)

    def preview_hints(self, request: PreviewRequest, on_frame: Callable[[PreviewFrame], None],
                      on_finished: StatusCallback) -> CallHandle:
        return self._channel.call(_SERVICE + "PreviewHints", request.encode(), PreviewFrame.decode, on_frame, on_finished)
