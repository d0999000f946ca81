"""Drives server reflection (v1 or v1alpha) and health with Debian's grpcio,
and proves the FileDescriptorProtos decode: they are loaded into a fresh
protobuf DescriptorPool and the service and its methods are looked up there.

Usage: reflection_client.py --server_port PORT --version v1|v1alpha --service NAME
Prints what it found; exit code 0 when every check passed.
"""
from __future__ import annotations

import argparse
import sys
from typing import Any

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool

from interop_protos import load


def ask(call: Any, request: Any) -> Any:
    (response,) = list(call(iter([request])))
    if response.HasField("error_response"):
        raise AssertionError(f"error response: {response.error_response}")
    return response


def load_files(pool: descriptor_pool.DescriptorPool, blobs: list[bytes]) -> None:
    """Adds files in dependency order, whatever order the server sent them in."""
    pending = [descriptor_pb2.FileDescriptorProto.FromString(blob) for blob in blobs]
    while pending:
        ready = [f for f in pending if all(_known(pool, d) for d in f.dependency)]
        if not ready:
            raise AssertionError(f"unresolved dependencies among {[f.name for f in pending]}")
        for file in ready:
            if not _known(pool, file.name):
                pool.Add(file)
            pending.remove(file)


def _known(pool: descriptor_pool.DescriptorPool, name: str) -> bool:
    try:
        pool.FindFileByName(name)
        return True
    except KeyError:
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server_port", type=int, required=True)
    parser.add_argument("--version", choices=["v1", "v1alpha"], required=True)
    parser.add_argument("--service", required=True, help="a service the server must list and describe")
    args = parser.parse_args()
    (reflection_pb2,) = load(f"grpc/reflection/{args.version}", "reflection.proto")
    (health_pb2,) = load("grpc/health/v1", "health.proto")

    with grpc.insecure_channel(f"127.0.0.1:{args.server_port}") as channel:
        info = channel.stream_stream(
            f"/grpc.reflection.{args.version}.ServerReflection/ServerReflectionInfo",
            reflection_pb2.ServerReflectionRequest.SerializeToString,
            reflection_pb2.ServerReflectionResponse.FromString)
        Request = reflection_pb2.ServerReflectionRequest
        try:
            listed = [s.name for s in ask(info, Request(list_services="")).list_services_response.service]
            assert args.service in listed, f"{args.service} not in {listed}"

            pool = descriptor_pool.DescriptorPool()
            by_symbol = ask(info, Request(file_containing_symbol=args.service))
            load_files(pool, list(by_symbol.file_descriptor_response.file_descriptor_proto))
            service = pool.FindServiceByName(args.service)
            methods = [m.name for m in service.methods]
            assert methods, "service has no methods"

            by_name = ask(info, Request(file_by_filename=service.file.name))
            assert by_name.file_descriptor_response.file_descriptor_proto, "file_by_filename returned nothing"

            (missing,) = list(info(iter([Request(file_containing_symbol="no.such.Symbol")])))
            assert missing.error_response.error_code == grpc.StatusCode.NOT_FOUND.value[0], missing

            check = channel.unary_unary("/grpc.health.v1.Health/Check",
                                        health_pb2.HealthCheckRequest.SerializeToString,
                                        health_pb2.HealthCheckResponse.FromString)
            serving = check(health_pb2.HealthCheckRequest(service=""))
            assert serving.status == health_pb2.HealthCheckResponse.SERVING, serving
        except (AssertionError, grpc.RpcError) as failure:
            print(f"FAIL: {failure}", file=sys.stderr)
            return 1
    print(f"PASS services={listed} methods={methods}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
