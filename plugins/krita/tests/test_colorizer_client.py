from __future__ import annotations

import pytest

from colorize_bridge.network.colorizer_client import ColorizerClient
from colorize_bridge.network.grpc_web_channel import ServerEndpoint
from colorize_bridge.protocol.grpc_web import StatusCode
from colorize_bridge.protocol.messages import (
    ColorizeRequest,
    Hints,
    Image,
    PreviewRequest,
    PreviewStart,
    Progress,
)
from grpc_web_test_server import GrpcWebTestServer, data_frame, trailers_frame

SERVICE = "/colorizebridge.v1.Colorizer/"


@pytest.fixture
def server():
    test_server = GrpcWebTestServer()
    yield test_server
    test_server.close()


def answer_with(*frames: bytes):
    def answer(request, respond):
        respond.start()
        respond.write(b"".join(frames))
        respond.end()
    return answer


def test_list_models_posts_empty_request_and_decodes_response(server, process_events):
    server.handlers[SERVICE + "ListModels"] = answer_with(data_frame(b"\x12\x01m"), trailers_frame(0))  # default_model "m"
    responses, statuses = [], []

    ColorizerClient(ServerEndpoint(server.address)).list_models(responses.append, statuses.append)
    process_events(lambda: statuses)

    assert responses[0].default_model == "m"
    assert statuses[0].ok
    assert server.requests[0].body == data_frame(b"")
    assert "grpc-timeout" in server.requests[0].headers


def test_colorize_posts_encoded_request_and_decodes_updates(server, process_events):
    progress = b"\x12\x05\x0d\x00\x00\x00\x3f"  # ColorizeUpdate{progress{fraction: 0.5}}
    server.handlers[SERVICE + "Colorize"] = answer_with(data_frame(progress), trailers_frame(0))
    request = ColorizeRequest("m", Image(b"png"), Hints())
    updates, statuses = [], []

    ColorizerClient(ServerEndpoint(server.address)).colorize(request, updates.append, statuses.append)
    process_events(lambda: statuses)

    assert server.requests[0].body == data_frame(request.encode())
    assert updates[0].update == Progress(0.5, "")
    assert "grpc-timeout" not in server.requests[0].headers


def test_preview_hints_posts_one_start_request_and_decodes_frames(server, process_events):
    server.handlers[SERVICE + "PreviewHints"] = answer_with(data_frame(b"\x08\x07"), trailers_frame(0))  # revision 7
    request = PreviewRequest(7, PreviewStart("", Image(b"png"), Hints()))
    frames, statuses = [], []

    ColorizerClient(ServerEndpoint(server.address)).preview_hints(request, frames.append, statuses.append)
    process_events(lambda: statuses)

    assert server.requests[0].body == data_frame(request.encode())
    assert frames[0].revision == 7
    assert statuses[0].code == StatusCode.OK
