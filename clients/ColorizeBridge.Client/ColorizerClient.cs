using System.Runtime.CompilerServices;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Client.Internal;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace ColorizeBridge.Client;

/// <summary>
/// Typed calls to a ColorizeBridge server: the four RPCs of
/// <c>colorizebridge.v1.Colorizer</c> and <c>grpc.health.v1.Health/Check</c>.
/// Failures are <see cref="RpcException"/>s carrying the server's status
/// (UNAVAILABLE when the server cannot be reached). Thread-safe: share one
/// client for many calls.
/// </summary>
public sealed class ColorizerClient : IDisposable
{
    private const string AuthorizationHeader = "authorization";

    private readonly GrpcChannel _channel;
    private readonly Colorizer.ColorizerClient _colorizer;
    private readonly Health.HealthClient _health;
    private readonly ColorizerClientOptions _options;

    private ColorizerClient(Uri address, GrpcChannel channel, ColorizerClientOptions options)
    {
        Address = address;
        _channel = channel;
        _colorizer = new Colorizer.ColorizerClient(channel);
        _health = new Health.HealthClient(channel);
        _options = options;
    }

    /// <summary>The server's address as the channel uses it, e.g. <c>http://127.0.0.1:50051/</c>.</summary>
    public Uri Address { get; }

    /// <summary>
    /// A client for the server at <paramref name="address"/>: "HOST:PORT"
    /// (cleartext HTTP/2) or an http:// or https:// URI. Connects lazily, on the first call.
    /// </summary>
    /// <exception cref="FormatException">The address is neither form.</exception>
    public static ColorizerClient Create(string address, ColorizerClientOptions? options = null)
    {
        options ??= new ColorizerClientOptions();
        Uri uri = ServerAddress.Parse(address);
        var channel = GrpcChannel.ForAddress(uri, new GrpcChannelOptions
        {
            HttpHandler = options.HttpHandler,
            MaxReceiveMessageSize = options.MaxMessageSize,
            MaxSendMessageSize = options.MaxMessageSize,
        });
        return new ColorizerClient(uri, channel, options);
    }

    /// <summary>The models the server knows, with their state, and its default model.</summary>
    public Task<ListModelsResponse> ListModelsAsync(DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        UnaryAsync(options => _colorizer.ListModelsAsync(new ListModelsRequest(), options), deadline, cancellationToken);

    /// <summary>
    /// Colours one line art: the server's updates as they come (queued,
    /// progress, previews), the last one carrying the result.
    /// </summary>
    public async IAsyncEnumerable<ColorizeUpdate> ColorizeAsync(ColorizeRequest request, DateTime? deadline = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        deadline = DeadlineFor(deadline);
        for (int attempt = 0; ; attempt++)
        {
            using var call = _colorizer.Colorize(request, CallOptionsFor(deadline, cancellationToken));
            bool answered = false;
            try
            {
                answered = await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e) when (attempt < _options.ConnectionRetries && NeverAnswered(e))
            {
                await Task.Delay(RetryDelay(attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!answered)
            {
                yield break;
            }

            yield return call.ResponseStream.Current;
            while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                yield return call.ResponseStream.Current;
            }

            yield break;
        }
    }

    /// <summary>
    /// Opens a live preview session: write a <see cref="PreviewRequest"/> with
    /// <c>start</c> first, then hint changes; read frames from the response
    /// stream. Dispose the call to end the session.
    /// </summary>
    public AsyncDuplexStreamingCall<PreviewRequest, PreviewFrame> PreviewHints(DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        _colorizer.PreviewHints(CallOptionsFor(deadline, cancellationToken));

    /// <summary>Turns a drawing or a scanned sketch into black-on-white line art.</summary>
    public async Task<ExtractLineArtResponse> ExtractLineArtAsync(ExtractLineArtRequest request, DateTime? deadline = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await UnaryAsync(options => _colorizer.ExtractLineArtAsync(request, options), deadline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The serving status of <paramref name="service"/>: "" for the whole
    /// server, <c>colorizebridge.v1.Colorizer</c> for the default model,
    /// <c>colorizebridge.v1.Colorizer/NAME</c> for one model. NOT_FOUND for a name the server does not know.
    /// </summary>
    public Task<HealthCheckResponse> CheckHealthAsync(string service = "", DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        UnaryAsync(options => _health.CheckAsync(new HealthCheckRequest { Service = service }, options), deadline, cancellationToken);

    public void Dispose() => _channel.Dispose();

    /// <summary>
    /// True when the call failed in the connection before any response header
    /// came back: Grpc.Net.Client reports that as "Error starting gRPC call"
    /// with the HttpClient's <see cref="HttpRequestException"/> (a refused or
    /// reset connection, or an HTTP/2 GOAWAY from a proxy closing the
    /// connection). A failure after the answer began is an IOException
    /// instead, and a status the server sent carries no exception at all.
    /// </summary>
    internal static bool NeverAnswered(RpcException e) =>
        e.StatusCode is StatusCode.Unavailable or StatusCode.Internal && e.Status.DebugException is HttpRequestException;

    /// <summary>One unary call, sent again while its connection failed before the server answered.</summary>
    private async Task<TResponse> UnaryAsync<TResponse>(Func<CallOptions, AsyncUnaryCall<TResponse>> start, DateTime? deadline,
        CancellationToken cancellationToken)
    {
        deadline = DeadlineFor(deadline);
        for (int attempt = 0; ; attempt++)
        {
            using AsyncUnaryCall<TResponse> call = start(CallOptionsFor(deadline, cancellationToken));
            try
            {
                return await call.ResponseAsync.ConfigureAwait(false);
            }
            catch (RpcException e) when (attempt < _options.ConnectionRetries && NeverAnswered(e))
            {
                await Task.Delay(RetryDelay(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The deadline of a call and all its repeats: an explicit one, or <see cref="ColorizerClientOptions.CallTimeout"/> from now.</summary>
    private DateTime? DeadlineFor(DateTime? deadline) => deadline ?? (_options.CallTimeout is { } timeout ? DateTime.UtcNow + timeout : null);

    private TimeSpan RetryDelay(int attempt) => _options.ConnectionRetryDelay * (1 << Math.Min(attempt, 10));

    /// <summary>The call's headers and deadline: an explicit deadline wins over <see cref="ColorizerClientOptions.CallTimeout"/>.</summary>
    private CallOptions CallOptionsFor(DateTime? deadline, CancellationToken cancellationToken)
    {
        Metadata? headers = _options.AccessToken is { } token ? new Metadata { { AuthorizationHeader, $"Bearer {token}" } } : null;
        DateTime? effective = deadline ?? (_options.CallTimeout is { } timeout ? DateTime.UtcNow + timeout : null);
        return new CallOptions(headers, effective?.ToUniversalTime(), cancellationToken);
    }
}
