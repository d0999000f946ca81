from __future__ import annotations

import struct

import pytest

from colorize_bridge.protocol.grpc_web import (
    FrameDecoder,
    GrpcStatus,
    GrpcWebProtocolError,
    StatusCode,
    encode_data_frame,
    parse_trailer_block,
    status_from_headers,
)

TRAILERS = b"grpc-status: 5\r\ngrpc-message: no%20such%20model\r\n"


def trailer_frame(payload: bytes = TRAILERS) -> bytes:
    return struct.pack(">BI", 0x80, len(payload)) + payload


def test_encode_data_frame_has_flag_and_big_endian_length():
    assert encode_data_frame(b"abc") == b"\x00\x00\x00\x00\x03abc"


def test_feed_byte_by_byte_yields_each_message_when_complete():
    decoder = FrameDecoder(1024)
    body = encode_data_frame(b"one") + encode_data_frame(b"") + encode_data_frame(b"three") + trailer_frame()
    messages = []
    for index in range(len(body)):
        messages += decoder.feed(body[index:index + 1])
    assert messages == [b"one", b"", b"three"]
    assert decoder.trailers == {"grpc-status": "5", "grpc-message": "no%20such%20model"}
    assert not decoder.has_partial_frame


def test_feed_partial_frame_is_reported():
    decoder = FrameDecoder(1024)
    assert decoder.feed(encode_data_frame(b"abcdef")[:-2]) == []
    assert decoder.has_partial_frame


def test_feed_message_over_limit_raises():
    with pytest.raises(GrpcWebProtocolError):
        FrameDecoder(4).feed(encode_data_frame(b"12345"))


def test_feed_compressed_frame_raises():
    with pytest.raises(GrpcWebProtocolError):
        FrameDecoder(64).feed(b"\x01\x00\x00\x00\x01x")


def test_feed_data_after_trailers_raises():
    with pytest.raises(GrpcWebProtocolError):
        FrameDecoder(64).feed(trailer_frame() + encode_data_frame(b"late"))


def test_parse_trailer_block_lowercases_names_and_trims_values():
    assert parse_trailer_block(b"Grpc-Status:0\r\nGRPC-MESSAGE:  ok \r\n") == {"grpc-status": "0", "grpc-message": "ok"}


def test_status_from_headers_percent_decodes_message():
    status = status_from_headers(parse_trailer_block(TRAILERS))
    assert status == GrpcStatus(StatusCode.NOT_FOUND, "no such model")
    assert not status.ok


def test_status_from_headers_without_grpc_status_is_none():
    assert status_from_headers({"content-type": "text/html"}) is None


def test_status_from_headers_unknown_code_becomes_unknown():
    assert status_from_headers({"grpc-status": "99"}).code == StatusCode.UNKNOWN
