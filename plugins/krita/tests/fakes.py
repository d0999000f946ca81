"""A scriptable ColorizerApi: tests answer each call by hand."""
from __future__ import annotations

from typing import Any, Callable, List, Optional

from colorize_bridge.network.grpc_web_channel import CallHandle, ServerEndpoint
from colorize_bridge.protocol.grpc_web import GrpcStatus, StatusCode


class FakeCall:
    def __init__(self, method: str, request: Any, on_message: Callable[[Any], None],
                 on_finished: Callable[[GrpcStatus], None]) -> None:
        self.method = method
        self.request = request
        self._on_message = on_message
        self._on_finished = on_finished
        self.status: Optional[GrpcStatus] = None

    @property
    def finished(self) -> bool:
        return self.status is not None

    def send(self, message: Any) -> None:
        assert not self.finished, "a finished call receives no messages"
        self._on_message(message)

    def finish(self, status: GrpcStatus = GrpcStatus(StatusCode.OK)) -> None:
        assert not self.finished, "a call finishes once"
        self.status = status
        self._on_finished(status)

    def cancel(self) -> None:
        # Like the real channel: cancelling reports CANCELLED at once, once.
        if not self.finished:
            self.finish(GrpcStatus(StatusCode.CANCELLED, "cancelled"))


class ScriptedClient:
    def __init__(self, endpoint: ServerEndpoint = ServerEndpoint("fake:1")) -> None:
        self.endpoint = endpoint
        self.calls: List[FakeCall] = []

    def _start(self, method: str, request: Any, on_message: Callable[[Any], None],
               on_finished: Callable[[GrpcStatus], None]) -> CallHandle:
        call = FakeCall(method, request, on_message, on_finished)
        self.calls.append(call)
        return CallHandle(call.cancel)

    def list_models(self, on_response, on_finished) -> CallHandle:
        return self._start("ListModels", None, on_response, on_finished)

    def colorize(self, request, on_update, on_finished) -> CallHandle:
        return self._start("Colorize", request, on_update, on_finished)

    def preview_hints(self, request, on_frame, on_finished) -> CallHandle:
        return self._start("PreviewHints", request, on_frame, on_finished)

    def last(self, method: str) -> FakeCall:
        return [call for call in self.calls if call.method == method][-1]


def connected(client: ScriptedClient, models=("test",)):
    """A Connection that has listed `models` through `client`."""
    from colorize_bridge.model.connection import Connection
    from colorize_bridge.protocol.messages import ListModelsResponse, ModelInfo, ModelState

    connection = Connection(lambda endpoint: client)
    connection.connect_to(client.endpoint.address, client.endpoint.token)
    call = client.last("ListModels")
    call.send(ListModelsResponse([ModelInfo(name, state=ModelState.READY) for name in models], models[0]))
    call.finish()
    return connection
