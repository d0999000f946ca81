using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine;
using ColorizeBridge.Engine.Colorization;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Grpc.AspNetCore;
using ColorizeBridge.Server.Services;
using ColorizeBridge.Torch;
using ColorizeBridge.Torch.LibTorch;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Server.Hosting;

/// <summary>Builds the server: endpoints, the engine and its models, the gRPC services.</summary>
public static class ServerHost
{
    public static WebApplication Build(ServerOptions options, Action<ILoggingBuilder>? configureLogging = null)
    {
        if (options.Threads > 0)
        {
            LibTorchBackend.IntraOpThreads = options.Threads;
        }

        // The browser page (wwwroot/) travels with the binaries, whatever the
        // current directory is.
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        configureLogging?.Invoke(builder.Logging);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenGrpc(options.Listen);
            if (options.WebListen is { } web)
            {
                kestrel.ListenGrpcWeb(web);
            }
        });

        builder.Services.AddGrpcWire(wire =>
        {
            wire.MaxReceiveMessageSize = options.MaxMessageSize;
            wire.MaxSendMessageSize = options.MaxMessageSize;
        });
        builder.Services.AddSingleton<IInferenceBackend, LibTorchBackend>();
        builder.Services.AddSingleton(new ModelRegistryOptions
        {
            ModelsDirectory = options.ModelsDirectory,
            Device = options.Device,
            DefaultModel = options.DefaultModel,
        });
        builder.Services.AddSingleton<ModelRegistry>();
        builder.Services.AddSingleton(new EngineLimits());
        builder.Services.AddSingleton<ColorizerEngine>();
        builder.Services.AddSingleton<ColorizerService>();
        builder.Services.AddHostedService<ModelLoadingService>();

        WebApplication app = builder.Build();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseGrpcWeb();
        app.MapGrpcService<ColorizerService>(ColorizerReflection.Descriptor.Services[0]);
        app.MapGrpcHealth();
        app.MapGrpcReflection();
        return app;
    }
}
