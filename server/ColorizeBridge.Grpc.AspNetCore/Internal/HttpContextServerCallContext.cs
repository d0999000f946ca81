using ColorizeBridge.Grpc.Internal;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Grpc.AspNetCore.Internal;

/// <summary>
/// One server call over one HTTP request: headers in, messages both ways,
/// status out. Every write and the final status go through one lock, so a
/// deadline that fires while the method is writing cannot interleave frames.
/// </summary>
internal sealed class HttpContextServerCallContext : ServerCallContext, IDisposable
{
    private readonly GrpcWireOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _callCancellation;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private Metadata? _requestHeaders;
    private Timer? _deadlineTimer;
    private Task? _deadlineExpiry;
    private bool _finished;
    private volatile bool _deadlineExpired;
    private DateTime _deadline = DateTime.MaxValue;

    public HttpContextServerCallContext(HttpContext httpContext, string method, GrpcWireOptions options, ILogger logger)
    {
        HttpContext = httpContext;
        Method = method;
        _options = options;
        _logger = logger;
        _callCancellation = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted);
        var encoding = httpContext.Request.Headers[GrpcProtocolConstants.MessageEncodingHeader].ToString();
        RequestEncoding = encoding.Length == 0 ? null : encoding;
        ResponseEncoding = ChooseResponseEncoding(httpContext, options);
    }

    public HttpContext HttpContext { get; }

    /// <summary>The request's <c>grpc-encoding</c>, null when absent.</summary>
    public string? RequestEncoding { get; }

    /// <summary>The encoding response messages are compressed with, null for none.</summary>
    public string? ResponseEncoding { get; }

    public int MaxReceiveMessageSize => _options.MaxReceiveMessageSize;

    public override string Method { get; }

    public override string Host => HttpContext.Request.Host.Value ?? string.Empty;

    public override string Peer => HttpContext.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } address => $"ipv6:[{address}]:{HttpContext.Connection.RemotePort}",
        var address => $"ipv4:{address}:{HttpContext.Connection.RemotePort}",
    };

    public override DateTime Deadline => _deadline;

    public override Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders(HttpContext.Request.Headers);

    public override CancellationToken CancellationToken => _callCancellation.Token;

    public override Metadata ResponseTrailers { get; } = new();

    public override Status Status { get; set; } = Status.DefaultSuccess;

    public override WriteOptions? WriteOptions { get; set; }

    /// <summary>Whether the client went away (reset the stream or dropped the connection).</summary>
    public bool ClientCancelled => HttpContext.RequestAborted.IsCancellationRequested && !_deadlineExpired;

    /// <summary>Sets the response headers every gRPC response carries and starts the deadline timer.</summary>
    public void Start(TimeSpan? timeout)
    {
        var response = HttpContext.Response;
        response.ContentType = GrpcProtocolConstants.GrpcContentType;
        response.Headers[GrpcProtocolConstants.MessageAcceptEncodingHeader] = GrpcProtocolConstants.SupportedEncodings;
        if (ResponseEncoding is not null)
        {
            response.Headers[GrpcProtocolConstants.MessageEncodingHeader] = ResponseEncoding;
        }

        if (timeout is { } requested)
        {
            _deadline = requested >= DateTime.MaxValue - DateTime.UtcNow ? DateTime.MaxValue : DateTime.UtcNow + requested;
        }

        // System.Threading.Timer takes at most 2^32-2 ms (about 49 days); a
        // longer grpc-timeout cannot expire in practice.
        if (timeout is { } due && due.TotalMilliseconds < uint.MaxValue - 1)
        {
            _deadlineTimer = new Timer(_ => Volatile.Write(ref _deadlineExpiry, OnDeadlineAsync()), null, due, Timeout.InfiniteTimeSpan);
        }
    }

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        await _writeLock.WaitAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfFinished();
            if (HttpContext.Response.HasStarted)
            {
                throw new InvalidOperationException("Response headers can only be sent once a call, before the first message.");
            }

            foreach (var entry in responseHeaders)
            {
                if (!MetadataHeaders.IsReserved(entry.Key))
                {
                    HttpContext.Response.Headers.Append(entry.Key, MetadataHeaders.EncodeValue(entry));
                }
            }

            await HttpContext.Response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task WriteMessageAsync(IMessage message, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfFinished();
            var compress = ResponseEncoding is not null && (WriteOptions?.Flags & WriteFlags.NoCompress) != WriteFlags.NoCompress;
            LengthPrefixedMessageWriter.WriteMessage(HttpContext.Response.BodyWriter, message, compress, _options.MaxSendMessageSize);
            await HttpContext.Response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Turns what the service method threw into the call's status; details of unexpected exceptions stay in the log.</summary>
    public void ProcessHandlerError(Exception exception)
    {
        switch (exception)
        {
            case RpcException rpc:
                _logger.RpcError(Method, rpc.StatusCode, rpc.Status.Detail);
                Status = rpc.Status;
                foreach (var trailer in rpc.Trailers)
                {
                    ResponseTrailers.Add(trailer);
                }

                break;
            // After the deadline the call is over; whatever the method hits next
            // (a cancelled token, a refused write) is a consequence, not a fault.
            case not RpcException when _deadlineExpired:
                Status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
                break;
            case OperationCanceledException or IOException when ClientCancelled:
                _logger.CallCancelled(Method);
                Status = new Status(StatusCode.Cancelled, "Call cancelled by the client.");
                break;
            default:
                _logger.HandlerError(Method, exception);
                Status = new Status(StatusCode.Unknown, "Exception was thrown by handler.");
                break;
        }
    }

    /// <summary>Sends the status: in trailers, or in the headers of a trailers-only response when nothing was sent yet.</summary>
    public async Task EndCallAsync()
    {
        if (_deadlineTimer is not null)
        {
            // Let a deadline that fired just now finish ending the call before it is disposed.
            await _deadlineTimer.DisposeAsync().ConfigureAwait(false);
            await (Volatile.Read(ref _deadlineExpiry) ?? Task.CompletedTask).ConfigureAwait(false);
        }

        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_finished || ClientCancelled)
            {
                _finished = true;
                return;
            }

            _finished = true;
            WriteStatus(Status);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _deadlineTimer?.Dispose();
        _callCancellation.Dispose();
        _writeLock.Dispose();
    }

    /// <summary>
    /// Ends the call with DEADLINE_EXCEEDED while the method may still run:
    /// its token fires, the status goes out, and the stream is reset so the
    /// client stops sending.
    /// </summary>
    private async Task OnDeadlineAsync()
    {
        _deadlineExpired = true;
        try
        {
            // Cancel before taking the lock: a write stuck on flow control
            // gives the lock back only once its token fires.
            await _callCancellation.CancelAsync().ConfigureAwait(false);
            await _writeLock.WaitAsync().ConfigureAwait(false);
            try
            {
                if (_finished)
                {
                    return;
                }

                _finished = true;
                _logger.DeadlineExceeded(Method);
                WriteStatus(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
                var body = HttpContext.Features.Get<IHttpResponseBodyFeature>();
                if (body is not null)
                {
                    await body.CompleteAsync().ConfigureAwait(false);
                }

                HttpContext.Features.Get<IHttpResetFeature>()?.Reset(GrpcProtocolConstants.ResetStreamCancel);
            }
            finally
            {
                _writeLock.Release();
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _logger.DeadlineCompletionError(Method, exception);
        }
    }

    private void WriteStatus(Status status)
    {
        var response = HttpContext.Response;
        var trailers = response.HasStarted ? HttpContext.Features.Get<IHttpResponseTrailersFeature>()?.Trailers : response.Headers;
        if (trailers is null)
        {
            return;
        }

        trailers[GrpcProtocolConstants.StatusTrailer] = ((int)status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(status.Detail))
        {
            trailers[GrpcProtocolConstants.MessageTrailer] = GrpcStatusMessage.Encode(status.Detail);
        }

        foreach (var entry in ResponseTrailers)
        {
            if (!MetadataHeaders.IsReserved(entry.Key))
            {
                trailers.Append(entry.Key, MetadataHeaders.EncodeValue(entry));
            }
        }
    }

    private void ThrowIfFinished()
    {
        if (_finished)
        {
            throw new InvalidOperationException("The call has ended; nothing more can be written.");
        }
    }

    private static Metadata ReadRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (key, values) in headers)
        {
            foreach (var value in values)
            {
                if (value is not null)
                {
                    MetadataHeaders.AddDecoded(metadata, key, value);
                }
            }
        }

        return metadata;
    }

    private static string? ChooseResponseEncoding(HttpContext httpContext, GrpcWireOptions options)
    {
        if (options.ResponseCompressionAlgorithm is not { } algorithm)
        {
            return null;
        }

        var accepted = httpContext.Request.Headers[GrpcProtocolConstants.MessageAcceptEncodingHeader].ToString();
        foreach (var name in accepted.Split(',', StringSplitOptions.TrimEntries))
        {
            if (string.Equals(name, algorithm, StringComparison.OrdinalIgnoreCase))
            {
                return algorithm;
            }
        }

        return null;
    }
}
