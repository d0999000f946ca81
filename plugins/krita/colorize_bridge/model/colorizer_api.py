"""The calls the models make, so tests can script a client (tests/fakes.py)."""
from __future__ import annotations

from typing import Callable, Protocol

from ..network.grpc_web_channel import CallHandle, ServerEndpoint, StatusCallback
from ..protocol.messages import ColorizeRequest, ColorizeUpdate, ListModelsResponse, PreviewFrame, PreviewRequest


class ColorizerApi(Protocol):
    def list_models(self, on_response: Callable[[ListModelsResponse], None],
                    on_finished: StatusCallback) -> CallHandle: ...

    def colorize(self, request: ColorizeRequest, on_update: Callable[[ColorizeUpdate], None],
                 on_finished: StatusCallback) -> CallHandle: ...

    def preview_hints(self, request: PreviewRequest, on_frame: Callable[[PreviewFrame], None],
                      on_finished: StatusCallback) -> CallHandle: ...


ClientFactory = Callable[[ServerEndpoint], ColorizerApi]
