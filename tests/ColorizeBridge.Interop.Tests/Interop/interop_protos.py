"""Generates Python message classes from Debian's grpc-proto files at run time.

Only messages are generated (no grpcio stubs): the scripts call methods with
grpcio's generic API. Each file is compiled from its own folder, so the
modules are top-level (``messages_pb2``) and do not shadow the ``grpc`` package.
"""
from __future__ import annotations

import importlib
import os
import sys
import tempfile
from types import ModuleType

from grpc_tools import protoc

PROTO_ROOT = "/usr/share/grpc-proto"


def load(relative_dir: str, *names: str) -> list[ModuleType]:
    """Compiles ``names`` (e.g. "messages.proto") found in PROTO_ROOT/relative_dir."""
    out_dir = tempfile.mkdtemp(prefix="cb-grpc-py-")
    source_dir = os.path.join(PROTO_ROOT, relative_dir)
    args = ["protoc", f"-I{source_dir}", f"--python_out={out_dir}", *names]
    if protoc.main(args) != 0:
        raise RuntimeError(f"protoc failed for {names} in {source_dir}")
    sys.path.insert(0, out_dir)
    try:
        return [importlib.import_module(name[: -len(".proto")] + "_pb2") for name in names]
    finally:
        sys.path.remove(out_dir)
