using ColorizeBridge.Tests.Shared;
using System.Net;
using ColorizeBridge.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.PaintDotNet.Tests.Support;

/// <summary>A real server on 127.0.0.1 (a free port) serving one tiny ONNX "hints" model, "tiny", the default.</summary>
public sealed class ColorizeServerFixture : IAsyncLifetime
{
    public const string ModelName = "tiny";
    private readonly string _models = Path.Combine(Path.GetTempPath(), "cb-pdn-models-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    /// <summary>"127.0.0.1:PORT", as a user types it into the effect's dialog.</summary>
    public string Address { get; private set; } = "";

    public async Task InitializeAsync()
    {
        FixtureModels.Install(_models, ModelName, isDefault: true);
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
}
