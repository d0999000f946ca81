"""gRPC-Web calls over HTTP/1.1 with QNetworkAccessManager.

Qt 5's network stack cannot read HTTP/2 trailers, which gRPC needs, so the
plugin speaks gRPC-Web to the server's `--web-listen` endpoint. Everything is
asynchronous: responses arrive through Qt signals on the UI thread, stream
messages as soon as their frame is complete (readyRead), and every call ends
with exactly one `on_finished(GrpcStatus)`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Generic, Optional, Set, TypeVar

from PyQt5.QtCore import QByteArray, QTimer, QUrl
from PyQt5.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest

from ..protocol.grpc_web import (
    CONTENT_TYPE,
    FrameDecoder,
    GrpcStatus,
    GrpcWebProtocolError,
    StatusCode,
    encode_data_frame,
    status_from_headers,
)
from ..protocol.wire import WireFormatError

T = TypeVar("T")
StatusCallback = Callable[[GrpcStatus], None]

MAX_RECEIVE_MESSAGE_SIZE = 256 * 1024 * 1024

# grpc/doc/http-grpc-status-mapping.md: the status of a response that is not
# gRPC at all, by HTTP status.
_HTTP_TO_GRPC = {
    400: StatusCode.INTERNAL,
    401: StatusCode.UNAUTHENTICATED,
    403: StatusCode.PERMISSION_DENIED,
    404: StatusCode.UNIMPLEMENTED,
    429: StatusCode.UNAVAILABLE,
    502: StatusCode.UNAVAILABLE,
    503: StatusCode.UNAVAILABLE,
    504: StatusCode.UNAVAILABLE,
}


@dataclass(frozen=True)
class ServerEndpoint:
    """Where the server's gRPC-Web endpoint is, and the token it wants."""

    address: str
    token: str = ""

    def url(self, method_path: str) -> QUrl:
        base = self.address.strip().rstrip("/")
        if "://" not in base:
            base = "http://" + base
        return QUrl(base + method_path)


class CallHandle:
    """What a caller keeps of a running call: a way to cancel it."""

    def __init__(self, cancel: Callable[[], None]) -> None:
        self._cancel = cancel

    def cancel(self) -> None:
        self._cancel()


class _GrpcWebCall(Generic[T]):
    # Running calls stay referenced here, so a call (and the network manager
    # owning its reply) lives until it finishes even when its caller lets go.
    _running: Set[_GrpcWebCall] = set()

    def __init__(
        self,
        network: QNetworkAccessManager,
        reply: QNetworkReply,
        decode: Callable[[bytes], T],
        on_message: Callable[[T], None],
        on_finished: StatusCallback,
    ) -> None:
        self._network = network
        self._reply = reply
        self._decode = decode
        self._on_message = on_message
        self._on_finished = on_finished
        self._frames = FrameDecoder(MAX_RECEIVE_MESSAGE_SIZE)
        self._done = False
        self._deadline: Optional[QTimer] = None
        reply.readyRead.connect(self._read_available)
        reply.finished.connect(self._reply_finished)
        _GrpcWebCall._running.add(self)

    def start_deadline(self, seconds: float) -> None:
        self._deadline = QTimer()
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(
            lambda: self._finish(GrpcStatus(StatusCode.DEADLINE_EXCEEDED, f"no answer within {seconds:g} s")))
        self._deadline.start(int(seconds * 1000))

    def cancel(self) -> None:
        self._finish(GrpcStatus(StatusCode.CANCELLED, "cancelled"))

    def _read_available(self) -> None:
        if self._done:
            return
        if not self._is_grpc_web():
            self._reply.readAll()  # an error page; the status comes from _final_status
            return
        try:
            messages = [self._decode(payload) for payload in self._frames.feed(bytes(self._reply.readAll()))]
        except (GrpcWebProtocolError, WireFormatError) as error:
            self._finish(GrpcStatus(StatusCode.INTERNAL, f"unreadable response: {error}"))
            return
        for message in messages:
            if self._done:  # a callback may have cancelled the call
                return
            try:
                self._on_message(message)
            except Exception as error:  # noqa: BLE001 (a Qt slot must not raise: the panel shows it instead)
                self._finish(GrpcStatus(StatusCode.INTERNAL, f"the plugin failed on a response: {error!r}"))
                return

    def _reply_finished(self) -> None:
        if self._done:
            return
        if self._reply.error() == QNetworkReply.NoError:
            self._read_available()
            if self._done:
                return
        self._finish(self._final_status())

    def _is_grpc_web(self) -> bool:
        return (self._header("content-type") or "").startswith("application/grpc-web")

    def _header(self, name: str) -> Optional[str]:
        raw = bytes(self._reply.rawHeader(QByteArray(name.encode("ascii"))))
        return raw.decode("latin-1") if raw else None

    def _final_status(self) -> GrpcStatus:
        if self._frames.trailers is not None:
            status = status_from_headers(self._frames.trailers)
            return status or GrpcStatus(StatusCode.INTERNAL, "trailers without grpc-status")
        headers = {name: value for name in ("grpc-status", "grpc-message") if (value := self._header(name)) is not None}
        trailers_only = status_from_headers(headers)
        if trailers_only is not None:
            return trailers_only
        http_status = self._reply.attribute(QNetworkRequest.HttpStatusCodeAttribute)
        if self._reply.error() != QNetworkReply.NoError:
            if http_status:
                code = _HTTP_TO_GRPC.get(int(http_status), StatusCode.UNKNOWN)
                return GrpcStatus(code, f"HTTP {http_status}: {self._reply.errorString()} "
                                        "(is this the server's --web-listen address?)")
            return GrpcStatus(StatusCode.UNAVAILABLE, self._reply.errorString())
        if not self._is_grpc_web():
            return GrpcStatus(StatusCode.UNKNOWN,
                              f"not a gRPC-Web answer (HTTP {http_status}, content-type "
                              f"'{self._header('content-type') or ''}'); is this the server's --web-listen address?")
        if self._frames.has_partial_frame:
            return GrpcStatus(StatusCode.INTERNAL, "response ended inside a frame")
        return GrpcStatus(StatusCode.INTERNAL, "response ended without a status")

    def _finish(self, status: GrpcStatus) -> None:
        if self._done:
            return
        self._done = True
        if self._deadline is not None:
            self._deadline.stop()
        self._reply.readyRead.disconnect(self._read_available)
        self._reply.finished.disconnect(self._reply_finished)
        if self._reply.isRunning():
            self._reply.abort()
        self._reply.deleteLater()
        _GrpcWebCall._running.discard(self)
        self._on_finished(status)


class GrpcWebChannel:
    """Starts gRPC-Web calls to one endpoint."""

    def __init__(self, endpoint: ServerEndpoint, network: Optional[QNetworkAccessManager] = None) -> None:
        self.endpoint = endpoint
        self._network = network or QNetworkAccessManager()

    def call(
        self,
        method_path: str,
        request: bytes,
        decode: Callable[[bytes], T],
        on_message: Callable[[T], None],
        on_finished: StatusCallback,
        deadline_s: Optional[float] = None,
    ) -> CallHandle:
        """Starts a unary or server-streaming call; `method_path` is `/package.Service/Method`."""
        http_request = QNetworkRequest(self.endpoint.url(method_path))
        http_request.setHeader(QNetworkRequest.ContentTypeHeader, CONTENT_TYPE)
        http_request.setRawHeader(b"Accept", CONTENT_TYPE.encode("ascii"))
        http_request.setRawHeader(b"X-Grpc-Web", b"1")
        # Messages go uncompressed: the images are raw pixels or PNG already.
        http_request.setRawHeader(b"grpc-accept-encoding", b"identity")
        if deadline_s is not None:
            http_request.setRawHeader(b"grpc-timeout", f"{int(deadline_s * 1000)}m".encode("ascii"))
        if self.endpoint.token:
            http_request.setRawHeader(b"Authorization", f"Bearer {self.endpoint.token}".encode("utf-8"))
        reply = self._network.post(http_request, encode_data_frame(request))
        call = _GrpcWebCall(self._network, reply, decode, on_message, on_finished)
        if deadline_s is not None:
            call.start_deadline(deadline_s)
        return CallHandle(call.cancel)
