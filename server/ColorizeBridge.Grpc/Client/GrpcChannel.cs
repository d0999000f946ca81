using ColorizeBridge.Grpc.Internal;

namespace ColorizeBridge.Grpc.Client;

/// <summary>
/// A connection to one gRPC server over HttpClient: HTTP/2 with prior
/// knowledge for http:// (h2c), ALPN for https://. Thread-safe; share one
/// channel for many calls.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        Options = options;
        var handler = options.HttpHandler ?? new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        };

        // Calls carry their own deadlines; HttpClient's 100 s default would cut long streams.
        HttpClient = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public Uri Address { get; }

    internal GrpcChannelOptions Options { get; }

    internal HttpClient HttpClient { get; }

    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) =>
        ForAddress(new Uri(address), options);

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"A gRPC address is http:// or https://, not '{address}'.", nameof(address));
        }

        options ??= new GrpcChannelOptions();
        if (options.RequestCompressionAlgorithm is { } algorithm && algorithm != GrpcProtocolConstants.GzipEncoding)
        {
            throw new ArgumentException($"Request compression '{algorithm}' is not supported; use \"gzip\" or null.", nameof(options));
        }

        return new GrpcChannel(address, options);
    }

    public CallInvoker CreateCallInvoker() => new(this);

    public void Dispose() => HttpClient.Dispose();
}
