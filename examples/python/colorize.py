#!/usr/bin/python3
"""Colour a line art through a ColorizeBridge server from Python grpcio.

    /usr/bin/python3 examples/python/colorize.py LINEART.png OUT.png \
        [--hints HINTS.png] [--server 127.0.0.1:50051] [--model NAME]

Needs Debian's python3-grpcio and python3-grpc-tools: the Python classes are
generated from proto/ at start-up, so this script never goes stale.
"""
from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
from pathlib import Path

import grpc
from grpc_tools import protoc

PROTO_ROOT = Path(__file__).resolve().parents[2] / "proto"


def load_api():
    """Generates colorizer_pb2 / colorizer_pb2_grpc into a temp dir and imports them."""
    out = tempfile.mkdtemp(prefix="colorizebridge-py-")
    args = ["protoc", f"-I{PROTO_ROOT}", f"--python_out={out}", f"--grpc_python_out={out}", "colorizebridge/v1/colorizer.proto"]
    if protoc.main(args) != 0:
        raise RuntimeError("protoc failed on colorizer.proto")
    sys.path.insert(0, out)
    return (importlib.import_module("colorizebridge.v1.colorizer_pb2"),
            importlib.import_module("colorizebridge.v1.colorizer_pb2_grpc"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("line_art", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--hints", type=Path, help="PNG the size of the line art; opaque pixels are colour hints")
    parser.add_argument("--server", default="127.0.0.1:50051")
    parser.add_argument("--model", default="", help="model name (empty = the server's default)")
    args = parser.parse_args()

    pb, rpc = load_api()
    request = pb.ColorizeRequest(model=args.model, line_art=pb.Image(png=args.line_art.read_bytes()))
    if args.hints:
        request.hints.hint_layer.png = args.hints.read_bytes()

    with grpc.insecure_channel(args.server, options=[("grpc.max_receive_message_length", 64 << 20)]) as channel:
        stub = rpc.ColorizerStub(channel)
        try:
            for update in stub.Colorize(request, timeout=300):
                kind = update.WhichOneof("update")
                if kind == "queued":
                    print(f"queued at position {update.queued.position}", file=sys.stderr)
                elif kind == "progress":
                    print(f"{update.progress.stage} {update.progress.fraction:.0%}", file=sys.stderr)
                elif kind == "result":
                    args.output.write_bytes(update.result.image.png)
                    recipe = update.result.recipe
                    print(f"wrote {args.output} ({recipe.model} {recipe.version})", file=sys.stderr)
        except grpc.RpcError as error:
            print(f"error: {error.code().name}: {error.details()}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
