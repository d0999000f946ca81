using System.CommandLine;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using ColorizeBridge.Server.Hosting;
using ColorizeBridge.Server.Limits;
using ColorizeBridge.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

var listen = new Option<string>("--listen") { Description = "Cleartext HTTP/2 gRPC endpoint, HOST:PORT (port 0 = any free port)", DefaultValueFactory = _ => "127.0.0.1:50051" };
var webListen = new Option<string?>("--web-listen") { Description = "HTTP/1.1 gRPC-Web endpoint for browsers and the Krita plugin, HOST:PORT (off unless given)" };
var models = new Option<string>("--models") { Description = "Folder with one sub-folder per model (model.json + ONNX file)", DefaultValueFactory = _ => "models" };
var device = new Option<string>("--device") { Description = "Where models run: auto (CUDA if present), cpu, cuda or cuda:N", DefaultValueFactory = _ => "auto" };
var defaultModel = new Option<string?>("--default-model") { Description = "Model for requests that name none (default: the one whose model.json says \"default\": true)" };
var maxMessageMb = new Option<int>("--max-message-mb") { Description = "Largest gRPC message accepted or sent, in MiB", DefaultValueFactory = _ => 64 };
var tokenFile = new Option<string?>("--token-file") { Description = "File of access tokens, one a line: clients must send 'authorization: Bearer TOKEN' (also: COLORIZEBRIDGE_TOKEN)" };
var tlsCert = new Option<string?>("--tls-cert") { Description = "PEM certificate: serve both endpoints over TLS (with --tls-key)" };
var tlsKey = new Option<string?>("--tls-key") { Description = "PEM private key of --tls-cert" };
var tlsClientCa = new Option<string?>("--tls-client-ca") { Description = "PEM CA certificate: require TLS client certificates it issued (such clients need no token)" };
var allowUnauthenticated = new Option<bool>("--allow-unauthenticated") { Description = "Let other machines in without a token or client certificate (trusted networks only)" };
var threads = new Option<int>("--threads") { Description = "CPU threads for one model forward (0 = one per core)" };
var batchOnCpu = new Option<bool>("--batch-on-cpu") { Description = "Let waiting same-sized requests share one forward on the CPU too (by default only on a GPU: on a CPU a batch is slower than its forwards one by one)" };
var maxStreamsPerClient = new Option<int>("--max-streams-per-client") { HelpName = "N", Description = "Calls one client (token, or address without tokens) may have open at once; 0 = no limit", DefaultValueFactory = _ => 64 };
var rateLimit = new Option<string?>("--rate-limit") { HelpName = "N/s", Description = "Calls one client may start, N/s or N/m (e.g. 20/s); off unless given" };
var trustedProxy = new Option<string?>("--trusted-proxy") { HelpName = "IP[,IP]", Description = "Proxy addresses (comma-separated) whose X-Forwarded-For names the client, e.g. nginx's: limits then apply per client, not per proxy" };
var shutdownGrace = new Option<int>("--shutdown-grace-seconds") { HelpName = "N", Description = "After SIGTERM, how long calls in flight may run on while new connections are refused", DefaultValueFactory = _ => 30 };

var root = new RootCommand("ColorizeBridge server: colours line art with neural network models over gRPC.")
{
    listen, webListen, models, device, defaultModel, maxMessageMb, tokenFile, tlsCert, tlsKey, tlsClientCa, allowUnauthenticated, threads, batchOnCpu,
    maxStreamsPerClient, rateLimit, shutdownGrace, trustedProxy,
};
root.SetAction(async (parse, cancellationToken) =>
{
    ServerOptions options;
    try
    {
        string deviceName = parse.GetValue(device)!;
        if (deviceName is not ("auto" or "cpu" or "cuda") && !deviceName.StartsWith("cuda:", StringComparison.Ordinal))
        {
            throw new FormatException($"--device must be auto, cpu, cuda or cuda:N, got '{deviceName}'");
        }

        int threadCount = parse.GetValue(threads);
        if (threadCount < 0)
        {
            throw new FormatException($"--threads must be 0 or more, got {threadCount}");
        }

        int maxMessage = parse.GetValue(maxMessageMb);
        if (maxMessage is < 1 or > 1024)
        {
            throw new FormatException($"--max-message-mb must be 1..1024, got {maxMessage}");
        }

        int maxStreams = parse.GetValue(maxStreamsPerClient);
        if (maxStreams < 0)
        {
            throw new FormatException($"--max-streams-per-client must be 0 (no limit) or more, got {maxStreams}");
        }

        int graceSeconds = parse.GetValue(shutdownGrace);
        if (graceSeconds < 0)
        {
            throw new FormatException($"--shutdown-grace-seconds must be 0 or more, got {graceSeconds}");
        }

        options = new ServerOptions
        {
            Listen = ServerOptions.ParseEndpoint(parse.GetValue(listen)!, "--listen"),
            WebListen = parse.GetValue(webListen) is { } web ? ServerOptions.ParseEndpoint(web, "--web-listen") : null,
            ModelsDirectory = Path.GetFullPath(parse.GetValue(models)!),
            Device = deviceName,
            DefaultModel = parse.GetValue(defaultModel),
            MaxMessageSize = maxMessage * 1024 * 1024,
            Threads = threadCount,
            BatchOnCpu = parse.GetValue(batchOnCpu),
            AccessTokens = ReadAccessTokens(parse.GetValue(tokenFile)),
            TlsCertificate = ReadTlsCertificate(parse.GetValue(tlsCert), parse.GetValue(tlsKey)),
            TlsClientCa = parse.GetValue(tlsClientCa) is { } ca ? ReadPem(ca, "--tls-client-ca", path => X509Certificate2.CreateFromPemFile(path)) : null,
            AllowUnauthenticatedRemote = parse.GetValue(allowUnauthenticated),
            ClientLimits = new ClientLimits
            {
                MaxStreams = maxStreams,
                Rate = parse.GetValue(rateLimit) is { } rate ? RateLimit.Parse(rate, "--rate-limit") : null,
            },
            ShutdownGrace = TimeSpan.FromSeconds(graceSeconds),
            TrustedProxies = ParseAddresses(parse.GetValue(trustedProxy), "--trusted-proxy"),
        };
        options.Validate();
    }
    catch (FormatException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 2;
    }

    WebApplication app = ServerHost.Build(options);
    try
    {
        await app.StartAsync(cancellationToken);
    }
    catch (IOException e)
    {
        Console.Error.WriteLine($"error: cannot listen: {e.Message}");
        return 1;
    }

    // Scripts and tests that ask for port 0 read the real addresses here.
    foreach (string address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses)
    {
        Console.WriteLine($"listening on {address}");
    }

    await app.WaitForShutdownAsync(cancellationToken);
    return 0;
});

// The host handles SIGTERM and Ctrl+C itself (stop accepting, drain for
// --shutdown-grace-seconds); System.CommandLine's own handler would end the
// process after 2 s and cut the drain short.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

static IPAddress[] ParseAddresses(string? list, string option) =>
    list is null ? [] : [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(address =>
        IPAddress.TryParse(address, out IPAddress? parsed) ? parsed : throw new FormatException($"{option}: '{address}' is not an IP address"))];

static AccessTokens ReadAccessTokens(string? tokenFile)
{
    if (tokenFile is not null)
    {
        return AccessTokens.FromFile(tokenFile);
    }

    // The environment keeps a token out of `ps` and shell history.
    string? token = Environment.GetEnvironmentVariable("COLORIZEBRIDGE_TOKEN");
    return new AccessTokens(string.IsNullOrWhiteSpace(token) ? [] : [token]);
}

static X509Certificate2? ReadTlsCertificate(string? certificate, string? key)
{
    if (certificate is null && key is null)
    {
        return null;
    }

    if (certificate is null || key is null)
    {
        throw new FormatException("--tls-cert and --tls-key go together: give both PEM files");
    }

    return ReadPem(certificate, "--tls-cert", path => X509Certificate2.CreateFromPemFile(path, key));
}

static X509Certificate2 ReadPem(string path, string option, Func<string, X509Certificate2> read)
{
    try
    {
        return read(path);
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
    {
        throw new FormatException($"{option} {path}: {e.Message}");
    }
}
