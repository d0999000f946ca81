// gRPC-Web over fetch (https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-WEB.md).
// Every message is a frame: a flag byte (0x00 data, 0x80 trailers), a
// 4-byte big-endian length, the payload. The status comes as a last frame of
// header lines, or — when a call fails before any message — as grpc-status
// response headers ("trailers-only").

const CONTENT_TYPE = "application/grpc-web+proto";
const FRAME_HEADER_SIZE = 5;
const TRAILERS_FLAG = 0x80;
const COMPRESSED_FLAG = 0x01;

const STATUS_NAMES = [
  "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
  "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
  "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
  "UNAUTHENTICATED",
];

export const StatusCode = Object.freeze(Object.fromEntries(STATUS_NAMES.map((name, code) => [name, code])));

/** A call that ended with a status other than OK. */
export class GrpcError extends Error {
  constructor(code, detail) {
    const name = STATUS_NAMES[code] ?? `status ${code}`;
    super(detail ? `${name}: ${detail}` : name);
    this.code = code;
    this.detail = detail;
  }
}

export function encodeFrame(message) {
  const frame = new Uint8Array(FRAME_HEADER_SIZE + message.length);
  new DataView(frame.buffer).setUint32(1, message.length);
  frame.set(message, FRAME_HEADER_SIZE);
  return frame;
}

/** grpc-status/grpc-message from a Headers object or a plain map; null when there is no status. */
function statusFrom(get) {
  const raw = get("grpc-status");
  if (raw === null || raw === undefined) {
    return null;
  }
  const code = Number.parseInt(raw.trim(), 10);
  let detail = (get("grpc-message") ?? "").trim();
  try {
    // PROTOCOL-HTTP2.md: grpc-message is percent-encoded UTF-8.
    detail = decodeURIComponent(detail);
  } catch {
    // Not valid percent-encoding: show it as it came.
  }
  return { code: Number.isNaN(code) ? StatusCode.UNKNOWN : code, detail };
}

function parseTrailerBlock(payload) {
  const headers = new Map();
  for (const line of new TextDecoder().decode(payload).split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) {
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
  }
  return headers;
}

/** Splits a body that arrives in arbitrary pieces into frames. */
export class FrameDecoder {
  #buffer = new Uint8Array();
  trailers = null;

  /** Adds a chunk; returns the data frames completed by it. */
  push(chunk) {
    const joined = new Uint8Array(this.#buffer.length + chunk.length);
    joined.set(this.#buffer);
    joined.set(chunk, this.#buffer.length);
    const messages = [];
    let offset = 0;
    while (joined.length - offset >= FRAME_HEADER_SIZE) {
      if (this.trailers !== null) {
        throw new GrpcError(StatusCode.INTERNAL, "data after the trailers frame");
      }
      const view = new DataView(joined.buffer, offset);
      const flag = view.getUint8(0);
      const length = view.getUint32(1);
      if (flag & COMPRESSED_FLAG) {
        throw new GrpcError(StatusCode.INTERNAL, "compressed frame, but the page asked for none");
      }
      if (joined.length - offset - FRAME_HEADER_SIZE < length) {
        break;
      }
      const payload = joined.slice(offset + FRAME_HEADER_SIZE, offset + FRAME_HEADER_SIZE + length);
      offset += FRAME_HEADER_SIZE + length;
      if (flag & TRAILERS_FLAG) {
        this.trailers = parseTrailerBlock(payload);
      } else {
        messages.push(payload);
      }
    }
    this.#buffer = joined.slice(offset);
    return messages;
  }

  get pendingBytes() {
    return this.#buffer.length;
  }
}

/**
 * Calls `path` (e.g. "/colorizebridge.v1.Colorizer/Colorize") with one
 * request message and yields the response messages as they arrive. Throws
 * GrpcError for a non-OK status; an AbortError when `signal` aborts.
 */
export async function* callStream(baseUrl, path, request, { signal, headers = {} } = {}) {
  let response;
  try {
    response = await fetch(new URL(path, baseUrl), {
      method: "POST",
      headers: { "content-type": CONTENT_TYPE, accept: CONTENT_TYPE, "x-grpc-web": "1", ...headers },
      body: encodeFrame(request),
      signal,
    });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new GrpcError(StatusCode.UNAVAILABLE, `cannot reach the server: ${error.message}`);
  }

  const headerStatus = statusFrom((name) => response.headers.get(name));
  if (headerStatus !== null && headerStatus.code !== StatusCode.OK) {
    throw new GrpcError(headerStatus.code, headerStatus.detail);
  }
  if (!response.ok) {
    throw new GrpcError(StatusCode.UNAVAILABLE, `HTTP ${response.status} ${response.statusText}`);
  }

  const decoder = new FrameDecoder();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const message of decoder.push(value)) {
        yield message;
      }
    }
  } finally {
    reader.releaseLock();
  }

  if (decoder.pendingBytes > 0) {
    throw new GrpcError(StatusCode.INTERNAL, "the response ended inside a frame");
  }
  const status = decoder.trailers !== null ? statusFrom((name) => decoder.trailers.get(name)) : headerStatus;
  if (status === null) {
    throw new GrpcError(StatusCode.INTERNAL, "the response ended without a grpc-status");
  }
  if (status.code !== StatusCode.OK) {
    throw new GrpcError(status.code, status.detail);
  }
}

/** A unary call: exactly one response message, or a GrpcError. */
export async function callUnary(baseUrl, path, request, options) {
  const messages = [];
  for await (const message of callStream(baseUrl, path, request, options)) {
    messages.push(message);
  }
  if (messages.length !== 1) {
    throw new GrpcError(StatusCode.INTERNAL, `expected one response message, got ${messages.length}`);
  }
  return messages[0];
}
