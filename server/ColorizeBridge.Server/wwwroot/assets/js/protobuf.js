// Protocol Buffers wire format, just the parts the page's messages use
// (https://protobuf.dev/programming-guides/encoding/): varints, fixed32
// floats and length-delimited fields. uint64 values are JavaScript numbers,
// exact up to 2^53, which is plenty for revisions and seeds made here.

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

/** Builds one message. Zero, empty and false values are left out, as proto3 does. */
export class ProtoWriter {
  #chunks = [];
  #length = 0;

  #push(bytes) {
    this.#chunks.push(bytes);
    this.#length += bytes.length;
  }

  #varint(value) {
    const bytes = [];
    let rest = value;
    while (rest >= 0x80) {
      bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    bytes.push(rest);
    this.#push(Uint8Array.from(bytes));
  }

  #tag(field, wireType) {
    this.#varint(field * 8 + wireType);
  }

  uint(field, value) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`field ${field}: ${value} is not an unsigned integer`);
    }
    if (value !== 0) {
      this.#tag(field, WIRE_VARINT);
      this.#varint(value);
    }
    return this;
  }

  bool(field, value) {
    return this.uint(field, value ? 1 : 0);
  }

  float(field, value) {
    if (value !== 0) {
      const bytes = new Uint8Array(4);
      new DataView(bytes.buffer).setFloat32(0, value, true);
      this.#tag(field, WIRE_FIXED32);
      this.#push(bytes);
    }
    return this;
  }

  string(field, value) {
    return value ? this.bytes(field, textEncoder.encode(value)) : this;
  }

  bytes(field, value) {
    if (value.length > 0) {
      this.#tag(field, WIRE_LENGTH_DELIMITED);
      this.#varint(value.length);
      this.#push(value);
    }
    return this;
  }

  /** A nested message; written even when empty, since presence can matter (oneof members). */
  message(field, writer) {
    const bytes = writer.finish();
    this.#tag(field, WIRE_LENGTH_DELIMITED);
    this.#varint(bytes.length);
    this.#push(bytes);
    return this;
  }

  finish() {
    const out = new Uint8Array(this.#length);
    let offset = 0;
    for (const chunk of this.#chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

export class ProtoFormatError extends Error {}

/** Reads the fields of one message in order: `for (const f of readFields(bytes))`. */
export function* readFields(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;

  const varint = () => {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (offset >= bytes.length) {
        throw new ProtoFormatError("truncated varint");
      }
      const byte = bytes[offset++];
      value += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) {
        return value;
      }
      scale *= 0x80;
    }
    throw new ProtoFormatError("varint longer than 10 bytes");
  };

  const take = (length) => {
    if (offset + length > bytes.length) {
      throw new ProtoFormatError("field runs past the end of the message");
    }
    const slice = bytes.subarray(offset, offset + length);
    offset += length;
    return slice;
  };

  while (offset < bytes.length) {
    const tag = varint();
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    switch (wireType) {
      case WIRE_VARINT:
        yield new ProtoField(field, varint(), null);
        break;
      case WIRE_FIXED64:
        take(8);
        break;
      case WIRE_LENGTH_DELIMITED:
        yield new ProtoField(field, 0, take(varint()));
        break;
      case WIRE_FIXED32: {
        const at = offset;
        take(4);
        yield new ProtoField(field, view.getFloat32(at, true), null);
        break;
      }
      default:
        throw new ProtoFormatError(`unsupported wire type ${wireType} (field ${field})`);
    }
  }
}

/** One field as read: a number (varint or float) or bytes (length-delimited). */
export class ProtoField {
  constructor(number, value, bytes) {
    this.number = number;
    this.value = value;
    this.bytes = bytes;
  }

  get string() {
    return textDecoder.decode(this.bytes ?? new Uint8Array());
  }
}
