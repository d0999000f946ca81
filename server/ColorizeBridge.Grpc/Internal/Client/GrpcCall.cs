using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using ColorizeBridge.Grpc.Client;
using Google.Protobuf;

namespace ColorizeBridge.Grpc.Internal.Client;

/// <summary>
/// One client call over one HTTP request, whatever its shape. The first
/// status decided (by the server's trailers, the deadline, cancellation or a
/// protocol error) is final; every later read or write reports it.
/// </summary>
internal sealed class GrpcCall<TRequest, TResponse> : IClientCallWriter<TRequest>, IDisposable
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    private static readonly Status DeadlineExceededStatus = new(StatusCode.DeadlineExceeded, "Deadline Exceeded");
    private static readonly Status CancelledStatus = new(StatusCode.Cancelled, "Call cancelled by the client.");
    private static readonly Status MissingStatus = new(StatusCode.Internal, "Response ended without grpc-status.");

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _deadline = new();
    private readonly CancellationTokenSource _call;
    private readonly TaskCompletionSource<Status> _status = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _finishLock = new();
    private readonly List<KeyValuePair<string, string>> _grpcWebTrailers = [];
    private CancellationTokenRegistration _cancellation;
    private Metadata _trailers = new();
    private HttpResponseMessage? _response;
    private PipeReader? _responseReader;
    private string? _responseEncoding;
    private StreamingRequestContent? _requestContent;
    private Task<Metadata>? _responseHeaders;
    private int _disposed;
    private int _responsesRead;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _call = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken, _deadline.Token);
    }

    public Task<Metadata> ResponseHeadersAsync => _responseHeaders ?? throw new InvalidOperationException("The call has not started.");

    private GrpcChannelOptions ChannelOptions => _channel.Options;

    /// <summary>Starts a call whose request is one message (unary, server streaming).</summary>
    public void Start(TRequest request)
    {
        var body = new ArrayBufferWriter<byte>();
        LengthPrefixedMessageWriter.WriteMessage(body, request, ShouldCompress(_options.WriteOptions), ChannelOptions.MaxSendMessageSize);
        var content = new ByteArrayContent(body.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(RequestContentType);
        Start(content);
    }

    /// <summary>Starts a call whose requests are streamed; the returned writer sends them.</summary>
    public IClientStreamWriter<TRequest> StartStreaming()
    {
        if (ChannelOptions.UseGrpcWeb)
        {
            throw new NotSupportedException("Client and duplex streaming need HTTP/2; gRPC-Web over HTTP/1.1 cannot stream requests.");
        }

        _requestContent = new StreamingRequestContent(RequestContentType);
        Start(_requestContent);
        return new ClientStreamWriter<TRequest>(this, _options.WriteOptions);
    }

    public Status GetStatus() => _status.Task.IsCompleted
        ? _status.Task.Result
        : throw new InvalidOperationException("The call is still running; its status is not known yet.");

    public Metadata GetTrailers() => _status.Task.IsCompleted
        ? _trailers
        : throw new InvalidOperationException("The call is still running; its trailers are not known yet.");

    /// <summary>The next response message, or null after the last one when the call ended OK.</summary>
    public async Task<TResponse?> ReadMessageAsync(CancellationToken cancellationToken)
    {
        await ResponseHeadersAsync.ConfigureAwait(false);
        if (!_status.Task.IsCompleted)
        {
            try
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _call.Token);
                _responseReader ??= PipeReader.Create(await _response!.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false));
                var message = await LengthPrefixedMessageReader.ReadMessageAsync(
                    _responseReader,
                    _method.ResponseParser,
                    ChannelOptions.MaxReceiveMessageSize,
                    _responseEncoding,
                    linked.Token,
                    ChannelOptions.UseGrpcWeb ? _grpcWebTrailers : null).ConfigureAwait(false);
                if (message is not null)
                {
                    _responsesRead++;
                    return message;
                }

                FinishFromTrailers();
            }
            catch (Exception exception)
            {
                throw Fail(exception, cancellationToken);
            }
        }

        var status = await _status.Task.ConfigureAwait(false);
        return status.StatusCode == StatusCode.OK ? null : throw new RpcException(status, _trailers);
    }

    /// <summary>The one response of a unary or client streaming call, after which the call must end.</summary>
    /// <remarks>The call's resources are released once it has ended, whether or not the caller disposes it.</remarks>
    public async Task<TResponse> ReadSingleResponseAsync()
    {
        try
        {
            // FinishFromServer has turned an OK end without a message into INTERNAL.
            var response = await ReadMessageAsync(CancellationToken.None).ConfigureAwait(false)
                ?? throw new RpcException(GetStatus(), _trailers);
            var extra = await ReadMessageAsync(CancellationToken.None).ConfigureAwait(false);
            return extra is null ? response : throw Fail(new RpcException(new Status(StatusCode.Internal, "More than one response message for a unary call.")), default);
        }
        finally
        {
            Dispose();
        }
    }

    public async Task WriteMessageAsync(TRequest message, WriteOptions? writeOptions, CancellationToken cancellationToken)
    {
        ThrowIfFinished();
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _call.Token);
            var stream = await _requestContent!.GetStreamAsync().WaitAsync(linked.Token).ConfigureAwait(false);
            var frame = new ArrayBufferWriter<byte>();
            LengthPrefixedMessageWriter.WriteMessage(frame, message, ShouldCompress(writeOptions ?? _options.WriteOptions), ChannelOptions.MaxSendMessageSize);
            await stream.WriteAsync(frame.WrittenMemory, linked.Token).ConfigureAwait(false);
            await stream.FlushAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            throw Fail(exception, cancellationToken);
        }
    }

    /// <summary>Half-closes the request stream; harmless once the call has ended (its status comes with the responses).</summary>
    public void CompleteRequest() => _requestContent!.Complete();

    /// <summary>Ends the call if it still runs: the stream is reset and the status becomes CANCELLED.</summary>
    public void Dispose()
    {
        Finish(CancelledStatus, new Metadata());
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _cancellation.Dispose();
        _call.Cancel();
        _response?.Dispose();

        // The linked source holds a registration on the caller's token; long-lived tokens would collect them.
        _call.Dispose();
        _deadline.Dispose();
    }

    private bool ShouldCompress(WriteOptions? writeOptions) =>
        ChannelOptions.RequestCompressionAlgorithm is not null
        && (writeOptions?.Flags & WriteFlags.NoCompress) != WriteFlags.NoCompress;

    private string RequestContentType => ChannelOptions.UseGrpcWeb ? GrpcProtocolConstants.GrpcWebContentType : GrpcProtocolConstants.GrpcContentType;

    private void Start(HttpContent content)
    {
        var request = CreateRequest(content);
        if (_options.Deadline is { } deadline)
        {
            var remaining = deadline.ToUniversalTime() - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                Finish(DeadlineExceededStatus, new Metadata());
                _responseHeaders = Task.FromException<Metadata>(new RpcException(DeadlineExceededStatus));
                return;
            }

            request.Headers.TryAddWithoutValidation(GrpcProtocolConstants.TimeoutHeader, GrpcTimeout.Format(remaining));
            if (remaining.TotalMilliseconds < uint.MaxValue - 1)
            {
                _deadline.CancelAfter(remaining);
            }
        }

        _cancellation = _call.Token.Register(() => Finish(_deadline.IsCancellationRequested ? DeadlineExceededStatus : CancelledStatus, new Metadata()));
        _responseHeaders = SendAsync(request);
    }

    private HttpRequestMessage CreateRequest(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_channel.Address, _method.FullName))
        {
            Content = content,
            Version = ChannelOptions.UseGrpcWeb ? HttpVersion.Version11 : HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation(GrpcProtocolConstants.TeHeader, GrpcProtocolConstants.TeTrailers);
        headers.TryAddWithoutValidation("user-agent", GrpcProtocolConstants.UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocolConstants.MessageAcceptEncodingHeader, GrpcProtocolConstants.SupportedEncodings);
        if (ChannelOptions.RequestCompressionAlgorithm is { } encoding)
        {
            headers.TryAddWithoutValidation(GrpcProtocolConstants.MessageEncodingHeader, encoding);
        }

        if (ChannelOptions.UseGrpcWeb)
        {
            headers.TryAddWithoutValidation("x-grpc-web", "1");
        }

        foreach (var entry in _options.Headers ?? [])
        {
            if (!MetadataHeaders.IsReserved(entry.Key))
            {
                headers.TryAddWithoutValidation(entry.Key, MetadataHeaders.EncodeValue(entry));
            }
        }

        return request;
    }

    private async Task<Metadata> SendAsync(HttpRequestMessage request)
    {
        HttpResponseMessage response;
        try
        {
            response = await _channel.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _call.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            throw Fail(exception, default);
        }

        _response = response;
        if (_status.Task.IsCompleted)
        {
            // Cancelled or timed out while the headers were on their way.
            response.Dispose();
            throw new RpcException(_status.Task.Result, _trailers);
        }

        var headers = ReadMetadata(response.Headers);
        if (response.Headers.Contains(GrpcProtocolConstants.StatusTrailer))
        {
            // Trailers-only response: the status came in the headers, no body follows.
            FinishFromServer(ReadStatus(response.Headers), headers);
            return headers;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw Fail(new RpcException(HttpStatusMapping.ToStatus(response.StatusCode)), default);
        }

        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (contentType is null || !contentType.StartsWith(GrpcProtocolConstants.GrpcContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw Fail(new RpcException(new Status(StatusCode.Internal, $"Bad gRPC response: content-type '{contentType}'.")), default);
        }

        _responseEncoding = response.Headers.TryGetValues(GrpcProtocolConstants.MessageEncodingHeader, out var encodings)
            ? encodings.FirstOrDefault()
            : null;
        return headers;
    }

    private void FinishFromTrailers()
    {
        if (ChannelOptions.UseGrpcWeb)
        {
            var trailers = new Metadata();
            foreach (var (key, value) in _grpcWebTrailers)
            {
                MetadataHeaders.AddDecoded(trailers, key, value);
            }

            var lookup = _grpcWebTrailers.ToLookup(t => t.Key, t => t.Value);
            FinishFromServer(ReadStatus(lookup[GrpcProtocolConstants.StatusTrailer].FirstOrDefault(), lookup[GrpcProtocolConstants.MessageTrailer].FirstOrDefault()), trailers);
            return;
        }

        FinishFromServer(ReadStatus(_response!.TrailingHeaders), ReadMetadata(_response.TrailingHeaders));

        // The stream is complete: give the connection's resources back without waiting for Dispose.
        _response.Dispose();
    }

    /// <summary>Ends the call with the server's status; an OK unary call must have brought its one response.</summary>
    private void FinishFromServer(Status status, Metadata trailers)
    {
        var missingResponse = status.StatusCode == StatusCode.OK
            && _responsesRead == 0
            && _method.Type is MethodType.Unary or MethodType.ClientStreaming;
        Finish(missingResponse ? ProtocolErrors.MissingResponseMessage : status, trailers);
    }

    /// <summary>Decides the call's status from what went wrong, unless it was decided already, and returns the exception to throw.</summary>
    private RpcException Fail(Exception exception, CancellationToken readerToken)
    {
        var status = exception switch
        {
            _ when _deadline.IsCancellationRequested => DeadlineExceededStatus,
            _ when _options.CancellationToken.IsCancellationRequested || readerToken.IsCancellationRequested => CancelledStatus,
            RpcException rpc => rpc.Status,
            HttpProtocolException { ErrorCode: GrpcProtocolConstants.ResetStreamCancel } =>
                new Status(StatusCode.Cancelled, "The server reset the stream."),
            // A request stream HttpClient has already torn down (the server ended or reset the call) is disposed.
            HttpRequestException or IOException or ObjectDisposedException =>
                new Status(StatusCode.Unavailable, $"Error talking to the server: {exception.Message}"),
            OperationCanceledException => CancelledStatus,
            _ => new Status(StatusCode.Internal, $"Client error: {exception.GetType().Name}: {exception.Message}"),
        };
        Finish(status, exception is RpcException thrown ? thrown.Trailers : new Metadata());
        var final = _status.Task.Result;
        return exception is RpcException same && same.Status == final ? same : new RpcException(final, _trailers);
    }

    /// <summary>Sets the status once. A call ending with anything but OK is reset so the server stops.</summary>
    private void Finish(Status status, Metadata trailers)
    {
        lock (_finishLock)
        {
            if (_status.Task.IsCompleted)
            {
                return;
            }

            _trailers = trailers;
            _status.SetResult(status);
        }

        _requestContent?.Abort();
        if (status.StatusCode != StatusCode.OK)
        {
            _response?.Dispose();
        }
    }

    private void ThrowIfFinished()
    {
        if (_status.Task.IsCompleted)
        {
            var status = _status.Task.Result;
            throw status.StatusCode == StatusCode.OK
                ? new InvalidOperationException("The call has ended; no more requests can be sent.")
                : new RpcException(status, _trailers);
        }
    }

    private static Status ReadStatus(HttpHeaders headers)
    {
        string? First(string name) => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        return ReadStatus(First(GrpcProtocolConstants.StatusTrailer), First(GrpcProtocolConstants.MessageTrailer));
    }

    private static Status ReadStatus(string? statusValue, string? message)
    {
        if (statusValue is null || !int.TryParse(statusValue, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return MissingStatus;
        }

        return new Status((StatusCode)code, message is null ? string.Empty : GrpcStatusMessage.Decode(message));
    }

    private static Metadata ReadMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var (key, values) in headers.NonValidated)
        {
            foreach (var value in values)
            {
                MetadataHeaders.AddDecoded(metadata, key, value);
            }
        }

        return metadata;
    }
}
