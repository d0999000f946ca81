using System.Net;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Server.Hosting;
using ColorizeBridge.Tests.Shared;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Server.Tests.Support;

/// <summary>
/// A real server on 127.0.0.1 (free ports) serving one tiny ONNX model
/// ("tiny", the default) and one whose file is corrupt ("broken"), with a
/// client channel to it.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string ModelName = "tiny";
    public const int MaxMessageSize = 8 * 1024 * 1024;
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Colorizer = ColorizerReflection.Descriptor.Services[0];
    private readonly ModelFolder _models = new();
    private WebApplication? _app;

    public GrpcChannel Channel { get; private set; } = null!;

    public CallInvoker Invoker { get; private set; } = null!;

    public Uri WebAddress { get; private set; } = null!;

    /// <summary>The cleartext HTTP/2 address of <see cref="Channel"/>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>A method of the Colorizer service, built from its descriptor, for calls through <see cref="Invoker"/>.</summary>
    public static Method<TRequest, TResponse> MethodOf<TRequest, TResponse>(string name)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        GrpcMethods.From<TRequest, TResponse>(Colorizer.FindMethodByName(name));

    public async Task InitializeAsync()
    {
        (_app, string[] addresses) = await StartServerAsync(new ServerOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            WebListen = new IPEndPoint(IPAddress.Loopback, 0),
            ModelsDirectory = _models.Path,
            Device = "cpu",
            MaxMessageSize = MaxMessageSize,
        });
        Address = new Uri(addresses[0]);
        Channel = GrpcChannel.ForAddress(Address);
        WebAddress = new Uri(addresses[1]);
        Invoker = Channel.CreateCallInvoker();
        await WaitForModelsAsync(Invoker);
    }

    /// <summary>A server of its own over this fixture's models, e.g. with tokens or TLS; returns its addresses.</summary>
    public async Task<(WebApplication App, string[] Addresses)> StartServerAsync(ServerOptions options)
    {
        WebApplication app = ServerHost.Build(options with { ModelsDirectory = _models.Path, Device = "cpu" },
            logging => logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        string[] addresses = [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];
        return (app, addresses);
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _models.Dispose();
    }

    public Task<ListModelsResponse> ListModelsAsync() =>
        Invoker.AsyncUnaryCall(MethodOf<ListModelsRequest, ListModelsResponse>("ListModels"), new ListModelsRequest()).ResponseAsync;

    /// <summary>Runs Colorize to the end and returns every update.</summary>
    public async Task<List<ColorizeUpdate>> ColorizeAsync(ColorizeRequest request)
    {
        using var call = Invoker.AsyncServerStreamingCall(MethodOf<ColorizeRequest, ColorizeUpdate>("Colorize"), request);
        var updates = new List<ColorizeUpdate>();
        while (await call.ResponseStream.MoveNext())
        {
            updates.Add(call.ResponseStream.Current);
        }

        return updates;
    }

    /// <summary>Waits for the Colorizer's health entry, which the server sets once every model has loaded or failed.</summary>
    public static async Task WaitForModelsAsync(CallInvoker invoker)
    {
        var client = new Health.HealthClient(invoker);
        var request = new HealthCheckRequest { Service = ModelHealth.ColorizerService };
        for (int attempt = 0; attempt < 300; attempt++)
        {
            HealthCheckResponse health = await client.CheckAsync(request);
            if (health.Status == HealthCheckResponse.Types.ServingStatus.Serving)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The Colorizer service did not report SERVING within 30 s.");
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
