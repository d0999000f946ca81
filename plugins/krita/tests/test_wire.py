from __future__ import annotations

import struct

import pytest

from colorize_bridge.protocol.wire import (
    MessageWriter,
    WireFormatError,
    as_float,
    decode_varint,
    encode_varint,
    read_fields,
)


@pytest.mark.parametrize("value, encoded", [
    (0, b"\x00"),
    (1, b"\x01"),
    (127, b"\x7f"),
    (128, b"\x80\x01"),
    (300, b"\xac\x02"),
    ((1 << 64) - 1, b"\xff" * 9 + b"\x01"),
])
def test_encode_varint_known_values_match_the_spec(value, encoded):
    assert encode_varint(value) == encoded


def test_encode_varint_negative_is_ten_bytes_of_twos_complement():
    assert encode_varint(-1) == b"\xff" * 9 + b"\x01"


def test_decode_varint_returns_value_and_next_offset():
    assert decode_varint(b"\x00\xac\x02\x05", 1) == (300, 3)


def test_decode_varint_truncated_raises():
    with pytest.raises(WireFormatError):
        decode_varint(b"\x80\x80", 0)


def test_decode_varint_longer_than_ten_bytes_raises():
    with pytest.raises(WireFormatError):
        decode_varint(b"\x80" * 11 + b"\x01", 0)


def test_writer_skips_proto3_default_scalars():
    writer = MessageWriter()
    writer.uint(1, 0)
    writer.string(2, "")
    writer.bytes_field(3, b"")
    assert writer.finish() == b""


def test_writer_float_field_is_little_endian_fixed32_and_skips_zero():
    writer = MessageWriter()
    writer.float_field(9, 0.0)
    writer.float_field(9, 0.5)
    assert writer.finish() == b"\x4d" + struct.pack("<f", 0.5)  # field 9, wire type 5


def test_writer_keeps_empty_present_message():
    writer = MessageWriter()
    writer.message(4, b"")
    assert writer.finish() == b"\x22\x00"


def test_read_fields_yields_every_wire_type():
    data = (b"\x08\x96\x01"                     # 1: varint 150
            + b"\x12\x03abc"                    # 2: bytes
            + b"\x1d" + struct.pack("<f", 0.5)  # 3: fixed32
            + b"\x21" + b"\x01" * 8)            # 4: fixed64
    fields = list(read_fields(data))
    assert fields[0] == (1, 0, 150)
    assert fields[1] == (2, 2, b"abc")
    assert as_float(fields[2][2]) == 0.5
    assert fields[3] == (4, 1, b"\x01" * 8)


@pytest.mark.parametrize("data", [
    b"\x12\x05ab",        # length past the end
    b"\x1d\x00\x00",      # fixed32 cut short
    b"\x0b",              # group start (wire type 3) is not supported
    b"\x00\x01",          # field number 0
])
def test_read_fields_malformed_input_raises(data):
    with pytest.raises(WireFormatError):
        list(read_fields(data))
