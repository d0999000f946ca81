using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ColorizeBridge.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.PaintDotNet.Tests.Support;

/// <summary>A real server on 127.0.0.1 (a free port) serving one tiny TorchScript "hints" model, "tiny", the default.</summary>
public sealed class ColorizeServerFixture : IAsyncLifetime
{
    public const string ModelName = "tiny";
    private readonly string _models = Path.Combine(Path.GetTempPath(), "cb-pdn-models-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    /// <summary>"127.0.0.1:PORT", as a user types it into the effect's dialog.</summary>
    public string Address { get; private set; } = "";

    public async Task InitializeAsync()
    {
        WriteTinyModel();
        _app = ServerHost.Build(
            new ServerOptions
            {
                Listen = new IPEndPoint(IPAddress.Loopback, 0),
                ModelsDirectory = _models,
                Device = "cpu",
            },
            logging => logging.SetMinimumLevel(LogLevel.Warning));
        await _app.StartAsync();
        var grpc = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Address = $"{grpc.Host}:{grpc.Port}";
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(_models, recursive: true);
    }

    private void WriteTinyModel()
    {
        string folder = Path.Combine(_models, ModelName);
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
