"""grpc.testing interop client on Debian's grpcio, for the cases of
grpc/grpc doc/interop-test-descriptions.md that ColorizeBridge's server passes.

Usage: interop_client.py --server_port PORT --test_case NAME [--server_host HOST]
Exit code 0 and "PASS name" on success; 1 and the reason otherwise.
"""
from __future__ import annotations

import argparse
import queue
import sys
import time
from typing import Any, Callable

import grpc

from interop_protos import load

empty_pb2, messages_pb2 = load("grpc/testing", "empty.proto", "messages.proto")

SERVICE = "/grpc.testing.TestService/"
ECHO_INITIAL = ("x-grpc-test-echo-initial", "test_initial_metadata_value")
ECHO_TRAILING = ("x-grpc-test-echo-trailing-bin", b"\xab\xab\xab")
SPECIAL_MESSAGE = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n"


class Stub:
    """The TestService methods as generic grpcio callables."""

    def __init__(self, channel: grpc.Channel) -> None:
        def unary(name: str, req: Any, resp: Any) -> Any:
            return channel.unary_unary(SERVICE + name, req.SerializeToString, resp.FromString)

        self.empty_call = unary("EmptyCall", empty_pb2.Empty, empty_pb2.Empty)
        self.unary_call = unary("UnaryCall", messages_pb2.SimpleRequest, messages_pb2.SimpleResponse)
        self.unimplemented_call = unary("UnimplementedCall", empty_pb2.Empty, empty_pb2.Empty)
        self.unimplemented_service = channel.unary_unary(
            "/grpc.testing.UnimplementedService/UnimplementedCall",
            empty_pb2.Empty.SerializeToString, empty_pb2.Empty.FromString)
        self.streaming_output_call = channel.unary_stream(
            SERVICE + "StreamingOutputCall",
            messages_pb2.StreamingOutputCallRequest.SerializeToString,
            messages_pb2.StreamingOutputCallResponse.FromString)
        self.streaming_input_call = channel.stream_unary(
            SERVICE + "StreamingInputCall",
            messages_pb2.StreamingInputCallRequest.SerializeToString,
            messages_pb2.StreamingInputCallResponse.FromString)
        self.full_duplex_call = channel.stream_stream(
            SERVICE + "FullDuplexCall",
            messages_pb2.StreamingOutputCallRequest.SerializeToString,
            messages_pb2.StreamingOutputCallResponse.FromString)


class RequestFeed:
    """A request iterator the test feeds one message at a time (for ping-pong)."""

    def __init__(self) -> None:
        self._queue: queue.Queue[Any] = queue.Queue()

    def add(self, item: Any) -> None:
        self._queue.put(item)

    def close(self) -> None:
        self._queue.put(None)

    def __iter__(self) -> RequestFeed:
        return self

    def __next__(self) -> Any:
        item = self._queue.get()
        if item is None:
            raise StopIteration
        return item


def check(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def zeros(size: int) -> Any:
    return messages_pb2.Payload(body=b"\0" * size)


def large_request(**fields: Any) -> Any:
    return messages_pb2.SimpleRequest(response_size=314159, payload=zeros(271828), **fields)


def expect_status(code: grpc.StatusCode, call: Callable[[], Any]) -> grpc.RpcError:
    try:
        call()
    except grpc.RpcError as error:
        check(error.code() == code, f"expected {code}, got {error.code()}: {error.details()}")
        return error
    raise AssertionError(f"expected {code}, the call succeeded")


def empty_unary(stub: Stub) -> None:
    check(stub.empty_call(empty_pb2.Empty()) == empty_pb2.Empty(), "response is not empty")


def large_unary(stub: Stub) -> None:
    response = stub.unary_call(large_request())
    check(response.payload.body == b"\0" * 314159, "payload is not 314159 zeros")


def client_compressed_unary(stub: Stub) -> None:
    expect_status(grpc.StatusCode.INVALID_ARGUMENT,
                  lambda: stub.unary_call(large_request(expect_compressed=messages_pb2.BoolValue(value=True))))
    compressed = stub.unary_call(large_request(expect_compressed=messages_pb2.BoolValue(value=True)),
                                 compression=grpc.Compression.Gzip)
    check(len(compressed.payload.body) == 314159, "compressed call: wrong payload size")
    plain = stub.unary_call(large_request(expect_compressed=messages_pb2.BoolValue(value=False)))
    check(len(plain.payload.body) == 314159, "uncompressed call: wrong payload size")


def server_compressed_unary(stub: Stub) -> None:
    # grpcio does not expose the per-message compressed flag; the .NET client
    # test checks it. Here: both calls succeed and decode.
    for compressed in (True, False):
        response = stub.unary_call(large_request(response_compressed=messages_pb2.BoolValue(value=compressed)))
        check(response.payload.body == b"\0" * 314159, f"response_compressed={compressed}: wrong payload")


def client_streaming(stub: Stub) -> None:
    sizes = [27182, 8, 1828, 45904]
    requests = (messages_pb2.StreamingInputCallRequest(payload=zeros(size)) for size in sizes)
    response = stub.streaming_input_call(requests)
    check(response.aggregated_payload_size == 74922, f"aggregated size {response.aggregated_payload_size}")


def server_streaming(stub: Stub) -> None:
    sizes = [31415, 9, 2653, 58979]
    request = messages_pb2.StreamingOutputCallRequest(
        response_parameters=[messages_pb2.ResponseParameters(size=size) for size in sizes])
    received = [len(r.payload.body) for r in stub.streaming_output_call(request)]
    check(received == sizes, f"response sizes {received}")


def ping_pong(stub: Stub) -> None:
    request_sizes = [27182, 8, 1828, 45904]
    response_sizes = [31415, 9, 2653, 58979]
    feed = RequestFeed()
    responses = stub.full_duplex_call(feed)
    for request_size, response_size in zip(request_sizes, response_sizes):
        feed.add(messages_pb2.StreamingOutputCallRequest(
            response_parameters=[messages_pb2.ResponseParameters(size=response_size)],
            payload=zeros(request_size)))
        response = next(responses)
        check(len(response.payload.body) == response_size, f"response size {len(response.payload.body)}")
    feed.close()
    check(next(responses, None) is None, "more responses than requests")


def empty_stream(stub: Stub) -> None:
    check(list(stub.full_duplex_call(iter([]))) == [], "responses to an empty stream")


def custom_metadata(stub: Stub) -> None:
    metadata = (ECHO_INITIAL, ECHO_TRAILING)
    _, call = stub.unary_call.with_call(large_request(), metadata=metadata)
    check_echoed(call.initial_metadata(), call.trailing_metadata())

    request = messages_pb2.StreamingOutputCallRequest(
        response_parameters=[messages_pb2.ResponseParameters(size=314159)], payload=zeros(271828))
    responses = stub.full_duplex_call(iter([request]), metadata=metadata)
    check(len(next(responses).payload.body) == 314159, "duplex response size")
    check(next(responses, None) is None, "more than one duplex response")
    check_echoed(responses.initial_metadata(), responses.trailing_metadata())


def check_echoed(initial: Any, trailing: Any) -> None:
    check(ECHO_INITIAL in list(initial), f"initial metadata {initial}")
    check(ECHO_TRAILING in list(trailing), f"trailing metadata {trailing}")


def status_code_and_message(stub: Stub) -> None:
    status = messages_pb2.EchoStatus(code=2, message="test status message")
    error = expect_status(grpc.StatusCode.UNKNOWN, lambda: stub.unary_call(messages_pb2.SimpleRequest(response_status=status)))
    check(error.details() == "test status message", f"unary details {error.details()!r}")
    request = messages_pb2.StreamingOutputCallRequest(response_status=status)
    error = expect_status(grpc.StatusCode.UNKNOWN, lambda: list(stub.full_duplex_call(iter([request]))))
    check(error.details() == "test status message", f"duplex details {error.details()!r}")


def special_status_message(stub: Stub) -> None:
    status = messages_pb2.EchoStatus(code=2, message=SPECIAL_MESSAGE)
    error = expect_status(grpc.StatusCode.UNKNOWN, lambda: stub.unary_call(messages_pb2.SimpleRequest(response_status=status)))
    check(error.details() == SPECIAL_MESSAGE, f"details {error.details()!r}")


def unimplemented_method(stub: Stub) -> None:
    expect_status(grpc.StatusCode.UNIMPLEMENTED, lambda: stub.unimplemented_call(empty_pb2.Empty()))


def unimplemented_service(stub: Stub) -> None:
    expect_status(grpc.StatusCode.UNIMPLEMENTED, lambda: stub.unimplemented_service(empty_pb2.Empty()))


def cancel_after_begin(stub: Stub) -> None:
    feed = RequestFeed()
    future = stub.streaming_input_call.future(feed)
    future.cancel()
    check(future.cancelled(), "future not cancelled")
    check(future.code() == grpc.StatusCode.CANCELLED, f"status {future.code()}")


def cancel_after_first_response(stub: Stub) -> None:
    feed = RequestFeed()
    responses = stub.full_duplex_call(feed)
    feed.add(messages_pb2.StreamingOutputCallRequest(
        response_parameters=[messages_pb2.ResponseParameters(size=31415)], payload=zeros(27182)))
    check(len(next(responses).payload.body) == 31415, "first response size")
    responses.cancel()
    expect_status(grpc.StatusCode.CANCELLED, lambda: next(responses))


def timeout_on_sleeping_server(stub: Stub) -> None:
    feed = RequestFeed()
    responses = stub.full_duplex_call(feed, timeout=0.001)
    feed.add(messages_pb2.StreamingOutputCallRequest(payload=zeros(27182)))
    expect_status(grpc.StatusCode.DEADLINE_EXCEEDED, lambda: next(responses))
    feed.close()


CASES: dict[str, Callable[[Stub], None]] = {
    f.__name__: f for f in (
        empty_unary, large_unary, client_compressed_unary, server_compressed_unary, client_streaming,
        server_streaming, ping_pong, empty_stream, custom_metadata, status_code_and_message,
        special_status_message, unimplemented_method, unimplemented_service, cancel_after_begin,
        cancel_after_first_response, timeout_on_sleeping_server)
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server_host", default="127.0.0.1")
    parser.add_argument("--server_port", type=int, required=True)
    parser.add_argument("--test_case", required=True, choices=sorted(CASES))
    args = parser.parse_args()
    started = time.monotonic()
    with grpc.insecure_channel(f"{args.server_host}:{args.server_port}") as channel:
        try:
            CASES[args.test_case](Stub(channel))
        except (AssertionError, grpc.RpcError) as failure:
            print(f"FAIL {args.test_case}: {failure}", file=sys.stderr)
            return 1
    print(f"PASS {args.test_case} in {time.monotonic() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
