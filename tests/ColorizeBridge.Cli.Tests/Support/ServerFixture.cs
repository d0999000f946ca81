using ColorizeBridge.Tests.Shared;
using System.Net;
using ColorizeBridge.Client;
using ColorizeBridge.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ColorizeBridge.Cli.Tests.Support;

/// <summary>
/// A real ColorizeBridge server on 127.0.0.1 (a free port) serving the tiny
/// model and the fixture model of each other kind ("fixture-palette", ...),
/// shared by the tests of one collection.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly TempFolder _models = new();
    private WebApplication? _app;

    /// <summary>HOST:PORT, as a user passes it to --server.</summary>
    public string Address { get; private set; } = "";

    public async Task InitializeAsync()
    {
        FixtureModels.Install(_models.Root, TestModels.TinyModel, isDefault: true, preferredSide: 64);
        foreach (string kind in FixtureModels.Kinds)
        {
            FixtureModels.InstallKind(_models.Root, kind);
        }
        _app = ServerHost.Build(
            new ServerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), ModelsDirectory = _models.Root, Device = "cpu" },
            logging => logging.SetMinimumLevel(LogLevel.Warning));
        await _app.StartAsync();
        var listening = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Address = $"{listening.Host}:{listening.Port}";
        await WaitUntilModelsLoadedAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _models.Dispose();
    }

    /// <summary>The server loads models after it starts listening; the Colorizer's health entry turns SERVING when they are ready.</summary>
    private async Task WaitUntilModelsLoadedAsync()
    {
        using ColorizerClient client = ColorizerClient.Create(Address);
        for (int attempt = 0; attempt < 300; attempt++)
        {
            if ((await client.CheckHealthAsync("colorizebridge.v1.Colorizer")).Status == ServingStatus.Serving)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The server's models did not load within 30 s.");
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
