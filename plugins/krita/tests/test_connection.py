from __future__ import annotations

from colorize_bridge.model.connection import Connection, ConnectionState
from colorize_bridge.network.grpc_web_channel import ServerEndpoint
from colorize_bridge.protocol.grpc_web import GrpcStatus, StatusCode
from colorize_bridge.protocol.messages import ListModelsResponse, ModelInfo, ModelState
from fakes import ScriptedClient


class Factory:
    def __init__(self) -> None:
        self.clients = []

    def __call__(self, endpoint: ServerEndpoint) -> ScriptedClient:
        self.clients.append(ScriptedClient(endpoint))
        return self.clients[-1]


def connect(address: str = "127.0.0.1:50052", token: str = ""):
    factory = Factory()
    connection = Connection(factory)
    changes = []
    connection.changed.connect(lambda: changes.append(connection.state))
    connection.connect_to(address, token)
    return connection, factory, changes


def test_connect_lists_models_and_becomes_connected():
    connection, factory, changes = connect()
    call = factory.clients[0].last("ListModels")

    call.send(ListModelsResponse([ModelInfo("a", state=ModelState.READY)], default_model="a"))
    call.finish()

    assert changes == [ConnectionState.CONNECTING, ConnectionState.CONNECTED]
    assert [model.name for model in connection.models] == ["a"]
    assert connection.default_model == "a"
    assert connection.client is factory.clients[0]


def test_connect_passes_address_and_token_to_the_client():
    connection, factory, _ = connect("host:1", "tok")
    assert factory.clients[0].endpoint == ServerEndpoint("host:1", "tok")


def test_connect_empty_address_is_an_error_without_a_call():
    connection, factory, _ = connect("  ")
    assert connection.state == ConnectionState.ERROR
    assert "Enter the server address" in connection.error
    assert factory.clients == []


def test_connect_unreachable_server_explains_web_listen():
    connection, factory, _ = connect()
    factory.clients[0].last("ListModels").finish(GrpcStatus(StatusCode.UNAVAILABLE, "Connection refused"))
    assert connection.state == ConnectionState.ERROR
    assert "--web-listen" in connection.error
    assert connection.client is None


def test_connect_refused_token_says_so():
    connection, factory, _ = connect()
    factory.clients[0].last("ListModels").finish(GrpcStatus(StatusCode.UNAUTHENTICATED, "missing token"))
    assert "access token" in connection.error


def test_connect_only_failed_models_is_an_error_naming_them():
    connection, factory, _ = connect()
    call = factory.clients[0].last("ListModels")
    call.send(ListModelsResponse([ModelInfo("a", state=ModelState.FAILED, error="bad sha256")]))
    call.finish()
    assert connection.state == ConnectionState.ERROR
    assert "a: bad sha256" in connection.error


def test_connect_loading_model_counts_as_connected():
    connection, factory, _ = connect()
    call = factory.clients[0].last("ListModels")
    call.send(ListModelsResponse([ModelInfo("a", state=ModelState.LOADING)]))
    call.finish()
    assert connection.state == ConnectionState.CONNECTED


def test_reconnect_cancels_the_pending_call_quietly():
    connection, factory, changes = connect()
    first = factory.clients[0].last("ListModels")
    connection.connect_to("other:2")
    assert first.status.code == StatusCode.CANCELLED
    assert connection.state == ConnectionState.CONNECTING
    assert ConnectionState.ERROR not in changes
