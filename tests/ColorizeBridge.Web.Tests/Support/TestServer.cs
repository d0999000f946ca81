using ColorizeBridge.Tests.Shared;
using System.Net;
using ColorizeBridge.Server.Hosting;
using ColorizeBridge.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Web.Tests.Support;

/// <summary>
/// A real server on 127.0.0.1 (free ports) serving one tiny ONNX
/// "hints" model, "tiny", the default, and the browser page on its web endpoint.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    public const string ModelName = "tiny";

    private readonly WebApplication _app;
    private readonly string _models;

    private TestServer(WebApplication app, string models, Uri pageAddress)
    {
        _app = app;
        _models = models;
        PageAddress = pageAddress;
    }

    /// <summary>The page's address: the server's HTTP/1.1 (gRPC-Web + static files) endpoint.</summary>
    public Uri PageAddress { get; }

    /// <param name="accessTokens">Tokens the server demands; none: an open server.</param>
    public static async Task<TestServer> StartAsync(params string[] accessTokens)
    {
        string models = Path.Combine(Path.GetTempPath(), "cb-web-models-" + Guid.NewGuid().ToString("N"));
        FixtureModels.Install(models, ModelName, isDefault: true);
        WebApplication app = ServerHost.Build(
            new ServerOptions
            {
                Listen = new IPEndPoint(IPAddress.Loopback, 0),
                WebListen = new IPEndPoint(IPAddress.Loopback, 0),
                ModelsDirectory = models,
                Device = "cpu",
                AccessTokens = new AccessTokens(accessTokens),
            },
            logging => logging.SetMinimumLevel(LogLevel.Error));
        await app.StartAsync();
        string[] addresses = [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];
        return new TestServer(app, models, new Uri(addresses[1]));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_models, recursive: true);
    }
}
