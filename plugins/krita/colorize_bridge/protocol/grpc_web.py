"""gRPC-Web framing (github.com/grpc/grpc/blob/master/doc/PROTOCOL-WEB.md).

Each message is one frame: a flag byte (0x00 data, 0x80 trailers), a 4-byte
big-endian length and the payload. HTTP/1.1 has no trailers the plugin's Qt
can read, so the status travels as a last frame whose payload is header lines
(`grpc-status: 0\r\ngrpc-message: ...\r\n`). A call that fails before any
message may instead put grpc-status in the response headers (trailers-only).
"""
from __future__ import annotations

import enum
import struct
import urllib.parse
from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional

CONTENT_TYPE = "application/grpc-web+proto"
_DATA_FLAG = 0x00
_TRAILERS_FLAG = 0x80
_COMPRESSED_FLAG = 0x01
_HEADER_SIZE = 5


class StatusCode(enum.IntEnum):
    OK = 0
    CANCELLED = 1
    UNKNOWN = 2
    INVALID_ARGUMENT = 3
    DEADLINE_EXCEEDED = 4
    NOT_FOUND = 5
    ALREADY_EXISTS = 6
    PERMISSION_DENIED = 7
    RESOURCE_EXHAUSTED = 8
    FAILED_PRECONDITION = 9
    ABORTED = 10
    OUT_OF_RANGE = 11
    UNIMPLEMENTED = 12
    INTERNAL = 13
    UNAVAILABLE = 14
    DATA_LOSS = 15
    UNAUTHENTICATED = 16


@dataclass(frozen=True)
class GrpcStatus:
    code: StatusCode
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.code == StatusCode.OK

    def __str__(self) -> str:
        return f"{self.code.name}: {self.message}" if self.message else self.code.name


class GrpcWebProtocolError(ValueError):
    """The response is not gRPC-Web the plugin can read."""


def encode_data_frame(message: bytes) -> bytes:
    return struct.pack(">BI", _DATA_FLAG, len(message)) + message


def status_from_headers(headers: Mapping[str, str]) -> Optional[GrpcStatus]:
    """grpc-status / grpc-message from header lines (names in lower case)."""
    raw_code = headers.get("grpc-status")
    if raw_code is None:
        return None
    try:
        code = StatusCode(int(raw_code.strip()))
    except ValueError:
        code = StatusCode.UNKNOWN
    # PROTOCOL-HTTP2.md: grpc-message is percent-encoded UTF-8.
    message = urllib.parse.unquote(headers.get("grpc-message", "").strip())
    return GrpcStatus(code, message)


def parse_trailer_block(payload: bytes) -> Dict[str, str]:
    headers: Dict[str, str] = {}
    for line in payload.decode("utf-8", errors="replace").split("\r\n"):
        name, separator, value = line.partition(":")
        if separator:
            headers[name.strip().lower()] = value.strip()
    return headers


class FrameDecoder:
    """Splits a response body, fed in arbitrary pieces, into frames.

    `feed` returns the complete data frames so far; the trailers frame, once
    seen, is kept in `trailers`. Bytes after the trailers are a protocol error.
    """

    def __init__(self, max_message_size: int) -> None:
        self._buffer = bytearray()
        self._max_message_size = max_message_size
        self.trailers: Optional[Dict[str, str]] = None

    def feed(self, chunk: bytes) -> List[bytes]:
        self._buffer += chunk
        messages: List[bytes] = []
        while len(self._buffer) >= _HEADER_SIZE:
            if self.trailers is not None:
                raise GrpcWebProtocolError("data after the trailers frame")
            flag, length = struct.unpack_from(">BI", self._buffer)
            if flag & _COMPRESSED_FLAG:
                raise GrpcWebProtocolError("compressed frame, but the plugin asked for none")
            if length > self._max_message_size:
                raise GrpcWebProtocolError(f"message of {length} bytes exceeds the limit of {self._max_message_size}")
            if len(self._buffer) < _HEADER_SIZE + length:
                break
            payload = bytes(self._buffer[_HEADER_SIZE:_HEADER_SIZE + length])
            del self._buffer[:_HEADER_SIZE + length]
            if flag & _TRAILERS_FLAG:
                self.trailers = parse_trailer_block(payload)
            else:
                messages.append(payload)
        return messages

    @property
    def has_partial_frame(self) -> bool:
        return bool(self._buffer)
