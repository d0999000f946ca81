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
    public async Task<ListModelsResponse> ListModelsAsync(DateTime? deadline = null, CancellationToken cancellationToken = default)
    {
        using var call = _colorizer.ListModelsAsync(new ListModelsRequest(), CallOptionsFor(deadline, cancellationToken));
        return await call.ResponseAsync.ConfigureAwait(false);
    }

    /// <summary>
    /// Colours one line art: the server's updates as they come (queued,
    /// progress, previews), the last one carrying the result.
    /// </summary>
    public async IAsyncEnumerable<ColorizeUpdate> ColorizeAsync(ColorizeRequest request, DateTime? deadline = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var call = _colorizer.Colorize(request, CallOptionsFor(deadline, cancellationToken));
        while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return call.ResponseStream.Current;
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
        using var call = _colorizer.ExtractLineArtAsync(request, CallOptionsFor(deadline, cancellationToken));
        return await call.ResponseAsync.ConfigureAwait(false);
    }

    /// <summary>
    /// The serving status of <paramref name="service"/>: "" for the whole
    /// server, <c>colorizebridge.v1.Colorizer</c> for the default model,
    /// <c>colorizebridge.v1.Colorizer/NAME</c> for one model. NOT_FOUND for a name the server does not know.
    /// </summary>
    public async Task<HealthCheckResponse> CheckHealthAsync(string service = "", DateTime? deadline = null, CancellationToken cancellationToken = default)
    {
        using var call = _health.CheckAsync(new HealthCheckRequest { Service = service }, CallOptionsFor(deadline, cancellationToken));
        return await call.ResponseAsync.ConfigureAwait(false);
    }

    public void Dispose() => _channel.Dispose();

    /// <summary>The call's headers and deadline: an explicit deadline wins over <see cref="ColorizerClientOptions.CallTimeout"/>.</summary>
    private CallOptions CallOptionsFor(DateTime? deadline, CancellationToken cancellationToken)
    {
        Metadata? headers = _options.AccessToken is { } token ? new Metadata { { AuthorizationHeader, $"Bearer {token}" } } : null;
        DateTime? effective = deadline ?? (_options.CallTimeout is { } timeout ? DateTime.UtcNow + timeout : null);
        return new CallOptions(headers, effective?.ToUniversalTime(), cancellationToken);
    }
}
