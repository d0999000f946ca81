using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ColorizeBridge.Server.Hosting;
using ColorizeBridge.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Web.Tests.Support;

/// <summary>
/// A real server on 127.0.0.1 (free ports) serving one tiny TorchScript
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
        WriteTinyModel(models);
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

    private static void WriteTinyModel(string models)
    {
        string folder = Path.Combine(models, ModelName);
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "model.pt");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "fixtures", "torchscript", "hints_conv.pt"), file);
        var manifest = new JsonObject
        {
            ["name"] = ModelName,
            ["version"] = "0.1.0",
            ["kind"] = "hints",
            ["file"] = "model.pt",
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))),
            ["inputs"] = new JsonArray(
                new JsonObject { ["name"] = "line", ["channels"] = 1, ["scale"] = 1 },
                new JsonObject { ["name"] = "hints", ["channels"] = 4, ["scale"] = 0.25 }),
            ["outputs"] = new JsonArray(new JsonObject { ["name"] = "rgb", ["channels"] = 3, ["scale"] = 1 }),
            ["size_rules"] = new JsonObject { ["multiple_of"] = 16, ["min_side"] = 32, ["max_side"] = 512, ["preferred_side"] = 128 },
            ["default"] = true,
        };
        File.WriteAllText(Path.Combine(folder, "model.json"), manifest.ToJsonString());
    }
}
