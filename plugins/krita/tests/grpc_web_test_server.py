"""A scriptable HTTP/1.1 server for the gRPC-Web channel tests.

Each test registers a handler per path; the handler gets the request (path,
headers, body) and a `Responder` that writes headers and chunked body parts,
so a test can hold a stream open and release it when it likes.
"""
from __future__ import annotations

import struct
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Dict, List, Optional


@dataclass
class RecordedRequest:
    path: str
    headers: Dict[str, str]
    body: bytes


def data_frame(payload: bytes) -> bytes:
    return struct.pack(">BI", 0, len(payload)) + payload


def trailers_frame(code: int, message: str = "") -> bytes:
    text = f"grpc-status: {code}\r\n" + (f"grpc-message: {message}\r\n" if message else "")
    return struct.pack(">BI", 0x80, len(text)) + text.encode()


class Responder:
    def __init__(self, handler: BaseHTTPRequestHandler) -> None:
        self._handler = handler

    def start(self, status: int = 200, headers: Optional[Dict[str, str]] = None,
              content_type: str = "application/grpc-web+proto") -> None:
        self._handler.send_response(status)
        self._handler.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self._handler.send_header(name, value)
        self._handler.send_header("Transfer-Encoding", "chunked")
        self._handler.end_headers()

    def write(self, data: bytes) -> None:
        if data:
            self._handler.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self._handler.wfile.flush()

    def end(self) -> None:
        self._handler.wfile.write(b"0\r\n\r\n")
        self._handler.wfile.flush()


Handler = Callable[[RecordedRequest, Responder], None]


@dataclass
class GrpcWebTestServer:
    handlers: Dict[str, Handler] = field(default_factory=dict)
    requests: List[RecordedRequest] = field(default_factory=list)

    def __post_init__(self) -> None:
        owner = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                request = RecordedRequest(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                owner.requests.append(request)
                handler = owner.handlers.get(self.path)
                try:
                    if handler is None:
                        self.send_response(404)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    handler(request, Responder(self))
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client aborted, as cancellation tests want

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def address(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{host}:{port}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
