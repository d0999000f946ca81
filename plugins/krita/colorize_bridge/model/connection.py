"""The server connection: address, token, and the models it offers."""
from __future__ import annotations

import enum
from typing import List, Optional

from PyQt5.QtCore import QObject, pyqtSignal

from ..network.colorizer_client import ColorizerClient
from ..network.grpc_web_channel import CallHandle, ServerEndpoint
from ..protocol.grpc_web import GrpcStatus, StatusCode
from ..protocol.messages import ListModelsResponse
from .colorizer_api import ClientFactory, ColorizerApi
from .server_models import ServerModel


class ConnectionState(enum.Enum):
    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    ERROR = "error"


def describe_status(status: GrpcStatus, address: str) -> str:
    """A panel message for a failed call, with the likely fix."""
    if status.code == StatusCode.UNAVAILABLE:
        return (f"Cannot reach the server at {address} ({status.message}). "
                "Is it running with --web-listen on this address?")
    if status.code in (StatusCode.UNAUTHENTICATED, StatusCode.PERMISSION_DENIED):
        return f"The server refused the access token ({status.message or status.code.name})."
    if status.code == StatusCode.DEADLINE_EXCEEDED:
        return f"The server at {address} did not answer in time."
    return f"Server error {status}"


class Connection(QObject):
    changed = pyqtSignal()

    def __init__(self, client_factory: ClientFactory = ColorizerClient) -> None:
        super().__init__()
        self._client_factory = client_factory
        self._call: Optional[CallHandle] = None
        self.state = ConnectionState.DISCONNECTED
        self.error = ""
        self.client: Optional[ColorizerApi] = None
        self.endpoint: Optional[ServerEndpoint] = None
        self.models: List[ServerModel] = []
        self.default_model = ""

    @property
    def address(self) -> str:
        return self.endpoint.address if self.endpoint is not None else ""

    def model_named(self, name: str) -> Optional[ServerModel]:
        """The listed model of that name; for the empty name, the server's default model."""
        name = name or self.default_model
        return next((model for model in self.models if model.name == name), None)

    def connect_to(self, address: str, token: str = "") -> None:
        """Lists the models of the server at host:port `address` (its --web-listen)."""
        if self._call is not None:
            self._call.cancel()
        endpoint = ServerEndpoint(address, token)
        self.endpoint = endpoint
        self.client = None
        self.models = []
        self.error = ""
        if not endpoint.address.strip():
            self._set_state(ConnectionState.ERROR, "Enter the server address, e.g. 127.0.0.1:50052.")
            return
        client = self._client_factory(endpoint)
        self._set_state(ConnectionState.CONNECTING)
        response: List[ListModelsResponse] = []
        self._call = client.list_models(response.append,
                                        lambda status: self._list_finished(client, endpoint, response, status))

    def _list_finished(self, client: ColorizerApi, endpoint: ServerEndpoint, response: List[ListModelsResponse],
                       status: GrpcStatus) -> None:
        self._call = None
        if status.code == StatusCode.CANCELLED:
            return
        if not status.ok:
            self._set_state(ConnectionState.ERROR, describe_status(status, endpoint.address))
            return
        if not response:
            self._set_state(ConnectionState.ERROR, "The server answered ListModels with no message.")
            return
        self.client = client
        self.models = [ServerModel.from_info(info) for info in response[-1].models]
        self.default_model = response[-1].default_model
        if not any(model.usable for model in self.models):
            self._set_state(ConnectionState.ERROR, "Connected, but the server has no usable model" + "".join(
                f"; {m.name}: {m.error or m.state_name}" for m in self.models) + ".")
            return
        self._set_state(ConnectionState.CONNECTED)

    def _set_state(self, state: ConnectionState, error: str = "") -> None:
        self.state = state
        self.error = error
        self.changed.emit()
