"""Protobuf wire format primitives (protobuf.dev/programming-guides/encoding).

Only what the plugin's messages use: varints, length-delimited fields and
fixed32 floats. Proto3 leaves scalar fields at their default value off the
wire, so the writer skips them; messages and oneof members are written
whenever they are present.
"""
from __future__ import annotations

import struct
from typing import Iterator, Tuple, Union

WIRE_VARINT = 0
WIRE_FIXED64 = 1
WIRE_LENGTH_DELIMITED = 2
WIRE_FIXED32 = 5

_UINT64_MASK = (1 << 64) - 1


class WireFormatError(ValueError):
    """The bytes are not a well-formed protobuf message."""


def encode_varint(value: int) -> bytes:
    # Negative int32/int64 values travel as their 64-bit two's complement.
    value &= _UINT64_MASK
    out = bytearray()
    while True:
        low = value & 0x7F
        value >>= 7
        if value:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


def decode_varint(data: bytes, offset: int) -> Tuple[int, int]:
    """Returns (value, offset after the varint)."""
    result = 0
    shift = 0
    while True:
        if offset >= len(data):
            raise WireFormatError("varint runs past the end of the message")
        byte = data[offset]
        offset += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result & _UINT64_MASK, offset
        shift += 7
        if shift >= 70:
            raise WireFormatError("varint longer than 10 bytes")


class MessageWriter:
    """Builds one message, field by field."""

    def __init__(self) -> None:
        self._out = bytearray()

    def _tag(self, field: int, wire_type: int) -> None:
        self._out += encode_varint(field << 3 | wire_type)

    def uint(self, field: int, value: int) -> None:
        """uint32, uint64, enum and bool fields; skipped when zero."""
        if value:
            self._tag(field, WIRE_VARINT)
            self._out += encode_varint(int(value))

    def float_field(self, field: int, value: float) -> None:
        """A proto3 `float` (fixed32, little-endian); skipped when zero."""
        if value:
            self._tag(field, WIRE_FIXED32)
            self._out += struct.pack("<f", value)

    def string(self, field: int, value: str) -> None:
        if value:
            self.length_delimited(field, value.encode("utf-8"))

    def bytes_field(self, field: int, value: bytes) -> None:
        if value:
            self.length_delimited(field, value)

    def message(self, field: int, encoded: bytes) -> None:
        """A present sub-message, even an empty one (presence matters for oneofs)."""
        self.length_delimited(field, encoded)

    def length_delimited(self, field: int, value: bytes) -> None:
        self._tag(field, WIRE_LENGTH_DELIMITED)
        self._out += encode_varint(len(value))
        self._out += value

    def finish(self) -> bytes:
        return bytes(self._out)


FieldValue = Union[int, bytes]


def read_fields(data: bytes) -> Iterator[Tuple[int, int, FieldValue]]:
    """Yields (field number, wire type, value) for every field of a message.

    Varints come as int, length-delimited fields as bytes, fixed32/fixed64 as
    their raw little-endian bytes. Unknown fields are simply yielded too, so a
    decoder ignores what a newer server adds.
    """
    offset = 0
    end = len(data)
    while offset < end:
        key, offset = decode_varint(data, offset)
        field, wire_type = key >> 3, key & 7
        if field == 0:
            raise WireFormatError("field number 0")
        if wire_type == WIRE_VARINT:
            value, offset = decode_varint(data, offset)
            yield field, wire_type, value
        elif wire_type == WIRE_LENGTH_DELIMITED:
            length, offset = decode_varint(data, offset)
            if offset + length > end:
                raise WireFormatError("length-delimited field runs past the end of the message")
            yield field, wire_type, bytes(data[offset:offset + length])
            offset += length
        elif wire_type in (WIRE_FIXED32, WIRE_FIXED64):
            size = 4 if wire_type == WIRE_FIXED32 else 8
            if offset + size > end:
                raise WireFormatError("fixed-size field runs past the end of the message")
            yield field, wire_type, bytes(data[offset:offset + size])
            offset += size
        else:
            raise WireFormatError(f"unsupported wire type {wire_type}")


def as_float(value: FieldValue) -> float:
    """A proto3 `float` field: fixed32, IEEE 754 little-endian."""
    if not isinstance(value, bytes) or len(value) != 4:
        raise WireFormatError("float field is not fixed32")
    return struct.unpack("<f", value)[0]


def as_int(value: FieldValue) -> int:
    if not isinstance(value, int):
        raise WireFormatError("integer field is not a varint")
    return value


def as_bytes(value: FieldValue) -> bytes:
    if not isinstance(value, bytes):
        raise WireFormatError("length-delimited field expected")
    return value


def as_string(value: FieldValue) -> str:
    try:
        return as_bytes(value).decode("utf-8")
    except UnicodeDecodeError as error:
        raise WireFormatError("string field is not UTF-8") from error
