"""grpc.testing.TestService on Debian's grpcio: a foreign server for the .NET
client's interop tests (grpc/grpc doc/interop-test-descriptions.md, "Server").

Usage: interop_server.py [--port 0]. Prints "PORT <n>" once it serves, then
runs until stdin closes (so it never outlives the test that started it).
"""
from __future__ import annotations

import argparse
import sys
import time
from concurrent import futures
from typing import Any, Iterator

import grpc

from interop_protos import load

empty_pb2, messages_pb2 = load("grpc/testing", "empty.proto", "messages.proto")

ECHO_INITIAL = "x-grpc-test-echo-initial"
ECHO_TRAILING = "x-grpc-test-echo-trailing-bin"


def zeros(size: int) -> Any:
    return messages_pb2.Payload(body=b"\0" * size)


def echo_metadata(context: grpc.ServicerContext) -> None:
    metadata = dict(context.invocation_metadata())
    if ECHO_INITIAL in metadata:
        context.send_initial_metadata(((ECHO_INITIAL, metadata[ECHO_INITIAL]),))
    if ECHO_TRAILING in metadata:
        context.set_trailing_metadata(((ECHO_TRAILING, metadata[ECHO_TRAILING]),))


def abort_if_requested(status: Any, context: grpc.ServicerContext) -> None:
    if status.code != 0:
        context.abort(grpc.StatusCode(next(c for c in grpc.StatusCode if c.value[0] == status.code)), status.message)


def empty_call(request: Any, context: grpc.ServicerContext) -> Any:
    return empty_pb2.Empty()


def unary_call(request: Any, context: grpc.ServicerContext) -> Any:
    echo_metadata(context)
    abort_if_requested(request.response_status, context)
    if request.HasField("response_compressed") and request.response_compressed.value:
        context.set_compression(grpc.Compression.Gzip)
    return messages_pb2.SimpleResponse(payload=zeros(request.response_size))


def responses_for(request: Any) -> Iterator[Any]:
    for parameters in request.response_parameters:
        if parameters.interval_us:
            time.sleep(parameters.interval_us / 1e6)
        yield messages_pb2.StreamingOutputCallResponse(payload=zeros(parameters.size))


def streaming_output_call(request: Any, context: grpc.ServicerContext) -> Iterator[Any]:
    yield from responses_for(request)
    abort_if_requested(request.response_status, context)


def streaming_input_call(requests: Iterator[Any], context: grpc.ServicerContext) -> Any:
    total = sum(len(r.payload.body) for r in requests)
    return messages_pb2.StreamingInputCallResponse(aggregated_payload_size=total)


def full_duplex_call(requests: Iterator[Any], context: grpc.ServicerContext) -> Iterator[Any]:
    echo_metadata(context)
    for request in requests:
        abort_if_requested(request.response_status, context)
        yield from responses_for(request)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()

    def handler(kind: Any, function: Any, request: Any, response: Any) -> Any:
        return kind(function, request_deserializer=request.FromString, response_serializer=response.SerializeToString)

    handlers = {
        "EmptyCall": handler(grpc.unary_unary_rpc_method_handler, empty_call, empty_pb2.Empty, empty_pb2.Empty),
        "UnaryCall": handler(grpc.unary_unary_rpc_method_handler, unary_call,
                             messages_pb2.SimpleRequest, messages_pb2.SimpleResponse),
        "StreamingOutputCall": handler(grpc.unary_stream_rpc_method_handler, streaming_output_call,
                                       messages_pb2.StreamingOutputCallRequest, messages_pb2.StreamingOutputCallResponse),
        "StreamingInputCall": handler(grpc.stream_unary_rpc_method_handler, streaming_input_call,
                                      messages_pb2.StreamingInputCallRequest, messages_pb2.StreamingInputCallResponse),
        "FullDuplexCall": handler(grpc.stream_stream_rpc_method_handler, full_duplex_call,
                                  messages_pb2.StreamingOutputCallRequest, messages_pb2.StreamingOutputCallResponse),
    }
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("grpc.testing.TestService", handlers),))
    port = server.add_insecure_port(f"127.0.0.1:{args.port}")
    server.start()
    print(f"PORT {port}", flush=True)
    sys.stdin.read()
    server.stop(grace=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
