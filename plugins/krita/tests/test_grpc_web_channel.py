from __future__ import annotations

import socket
import threading

import pytest

from colorize_bridge.network.grpc_web_channel import GrpcWebChannel, ServerEndpoint
from colorize_bridge.protocol.grpc_web import GrpcStatus, StatusCode
from colorize_bridge.protocol.wire import as_string
from grpc_web_test_server import GrpcWebTestServer, data_frame, trailers_frame

PATH = "/test.Service/Method"


@pytest.fixture
def server():
    test_server = GrpcWebTestServer()
    yield test_server
    test_server.close()


class Recorder:
    def __init__(self) -> None:
        self.messages = []
        self.statuses = []

    @property
    def done(self) -> bool:
        return bool(self.statuses)


def start_call(address: str, recorder: Recorder, token: str = "", deadline_s=None, request: bytes = b"req"):
    channel = GrpcWebChannel(ServerEndpoint(address, token))
    handle = channel.call(PATH, request, as_string, recorder.messages.append,
                          recorder.statuses.append, deadline_s=deadline_s)
    return channel, handle


def test_call_unary_sends_grpc_web_request_and_reads_message_and_trailers(server, process_events):
    def answer(request, respond):
        respond.start()
        respond.write(data_frame(b"hello") + trailers_frame(0))
        respond.end()
    server.handlers[PATH] = answer
    recorder = Recorder()

    channel, _ = start_call(server.address, recorder, token="s3cret")
    process_events(lambda: recorder.done)

    assert recorder.messages == ["hello"]
    assert recorder.statuses == [GrpcStatus(StatusCode.OK)]
    sent = server.requests[0]
    assert sent.body == data_frame(b"req")
    assert sent.headers["content-type"] == "application/grpc-web+proto"
    assert sent.headers["x-grpc-web"] == "1"
    assert sent.headers["authorization"] == "Bearer s3cret"


def test_call_without_token_sends_no_authorization(server, process_events):
    def answer(request, respond):
        respond.start()
        respond.write(trailers_frame(0))
        respond.end()
    server.handlers[PATH] = answer
    recorder = Recorder()

    channel, _ = start_call(server.address, recorder)
    process_events(lambda: recorder.done)

    assert "authorization" not in server.requests[0].headers


def test_call_streaming_delivers_each_message_before_the_stream_ends(server, process_events):
    release = threading.Event()

    def answer(request, respond):
        respond.start()
        respond.write(data_frame(b"queued"))
        release.wait(5)
        respond.write(data_frame(b"result") + trailers_frame(0))
        respond.end()
    server.handlers[PATH] = answer
    recorder = Recorder()

    channel, _ = start_call(server.address, recorder)
    process_events(lambda: recorder.messages)
    seen_before_end = list(recorder.messages)
    release.set()
    process_events(lambda: recorder.done)

    assert seen_before_end == ["queued"]
    assert recorder.messages == ["queued", "result"]
    assert recorder.statuses == [GrpcStatus(StatusCode.OK)]


def test_call_frames_split_across_chunks_are_reassembled(server, process_events):
    body = data_frame(b"split message") + trailers_frame(0)

    def answer(request, respond):
        respond.start()
        for index in range(0, len(body), 3):
            respond.write(body[index:index + 3])
        respond.end()
    server.handlers[PATH] = answer
    recorder = Recorder()

    channel, _ = start_call(server.address, recorder)
    process_events(lambda: recorder.done)

    assert recorder.messages == ["split message"]


def test_call_error_in_trailers_after_messages_reports_that_status(server, process_events):
    def answer(request, respond):
        respond.start()
        respond.write(data_frame(b"partial") + trailers_frame(8, "queue%20full"))
        respond.end()
    server.handlers[PATH] = answer
    recorder = Recorder()

    channel, _ = start_call(server.address, recorder)
    process_events(lambda: recorder.done)

    assert recorder.messages == ["partial"]
    assert recorder.statuses == [GrpcStatus(StatusCode.RESOURCE_EXHAUSTED, "queue full")]


def test_call_trailers_only_response_reports_header_status(server, process_events):
    def answer(request, respond):
        respond.start(headers={"grpc-status": "3", "grpc-message": "line%20art%20too%20large"})
        respond.end()
    server.handlers[PATH] = answer
    recorder = Recorder()

    channel, _ = start_call(server.address, recorder)
    process_events(lambda: recorder.done)

    assert recorder.statuses == [GrpcStatus(StatusCode.INVALID_ARGUMENT, "line art too large")]


def test_call_http_404_without_grpc_status_is_unimplemented(server, process_events):
    recorder = Recorder()

    channel, _ = start_call(server.address, recorder)  # no handler: 404
    process_events(lambda: recorder.done)

    assert recorder.statuses[0].code == StatusCode.UNIMPLEMENTED


def test_call_http_401_with_grpc_status_reports_grpc_status(server, process_events):
    def answer(request, respond):
        respond.start(status=401, headers={"grpc-status": "16", "grpc-message": "bad token"})
        respond.end()
    server.handlers[PATH] = answer
    recorder = Recorder()

    channel, _ = start_call(server.address, recorder)
    process_events(lambda: recorder.done)

    assert recorder.statuses == [GrpcStatus(StatusCode.UNAUTHENTICATED, "bad token")]


def test_call_non_grpc_web_answer_says_so(server, process_events):
    def answer(request, respond):
        respond.start(content_type="text/html")
        respond.write(b"<html>hello</html>")
        respond.end()
    server.handlers[PATH] = answer
    recorder = Recorder()

    channel, _ = start_call(server.address, recorder)
    process_events(lambda: recorder.done)

    assert recorder.statuses[0].code == StatusCode.UNKNOWN
    assert "--web-listen" in recorder.statuses[0].message


def test_call_body_ending_inside_a_frame_is_internal(server, process_events):
    def answer(request, respond):
        respond.start()
        respond.write(data_frame(b"abcdef")[:-2])
        respond.end()
    server.handlers[PATH] = answer
    recorder = Recorder()

    channel, _ = start_call(server.address, recorder)
    process_events(lambda: recorder.done)

    assert recorder.statuses[0].code == StatusCode.INTERNAL


def test_call_refused_connection_is_unavailable(process_events):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    recorder = Recorder()

    channel, _ = start_call(f"127.0.0.1:{free_port}", recorder)
    process_events(lambda: recorder.done)

    assert recorder.statuses[0].code == StatusCode.UNAVAILABLE


def test_cancel_during_stream_reports_cancelled_once_and_no_more_messages(server, process_events):
    release = threading.Event()

    def answer(request, respond):
        respond.start()
        respond.write(data_frame(b"first"))
        release.wait(5)
        respond.write(data_frame(b"after cancel") + trailers_frame(0))
        respond.end()
    server.handlers[PATH] = answer
    recorder = Recorder()

    channel, handle = start_call(server.address, recorder)
    process_events(lambda: recorder.messages)
    handle.cancel()
    release.set()
    process_events(timeout_s=0.3)

    assert recorder.messages == ["first"]
    assert recorder.statuses == [GrpcStatus(StatusCode.CANCELLED, "cancelled")]


def test_deadline_passed_reports_deadline_exceeded(server, process_events):
    release = threading.Event()

    def answer(request, respond):
        release.wait(5)
    server.handlers[PATH] = answer
    recorder = Recorder()

    channel, _ = start_call(server.address, recorder, deadline_s=0.2)
    process_events(lambda: recorder.done)
    release.set()

    assert recorder.statuses[0].code == StatusCode.DEADLINE_EXCEEDED
    assert server.requests[0].headers["grpc-timeout"] == "200m"


def test_undecodable_message_is_internal(server, process_events):
    def answer(request, respond):
        respond.start()
        respond.write(data_frame(b"\xff\xfe") + trailers_frame(0))
        respond.end()
    server.handlers[PATH] = answer
    recorder = Recorder()

    channel, _ = start_call(server.address, recorder)  # as_string refuses bytes that are not UTF-8
    process_events(lambda: recorder.done)

    assert recorder.statuses[0].code == StatusCode.INTERNAL


def test_endpoint_url_accepts_address_with_or_without_scheme():
    assert ServerEndpoint("host:1").url("/a/B").toString() == "http://host:1/a/B"
    assert ServerEndpoint("https://host:1/").url("/a/B").toString() == "https://host:1/a/B"


def test_callback_raising_finishes_the_call_as_internal(server, process_events):
    def answer(request, respond):
        respond.start()
        respond.write(data_frame(b"one") + trailers_frame(0))
        respond.end()
    server.handlers[PATH] = answer
    statuses = []

    def explode(message):
        raise KeyError(message)

    channel = GrpcWebChannel(ServerEndpoint(server.address))
    channel.call(PATH, b"", as_string, explode, statuses.append)
    process_events(lambda: statuses)

    assert statuses[0].code == StatusCode.INTERNAL
    assert "KeyError" in statuses[0].message
