using System.CommandLine;
using ColorizeBridge.Cli.Backends;
using ColorizeBridge.Cli.Output;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ColorizeBridge.Cli.Commands;

/// <summary><c>health</c>: grpc.health.v1 Check; prints the status, exits 0 only when SERVING (like grpc_health_probe).</summary>
internal static class HealthCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var service = new Option<string>("--service")
        {
            HelpName = "NAME",
            Description = "Service to check: \"\" = the server, colorizebridge.v1.Colorizer = the default model, colorizebridge.v1.Colorizer/NAME = one model",
            DefaultValueFactory = _ => "",
        };
        var command = new Command("health", "Check whether the server (or one service or model) is serving") { service };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using IColorizerBackend backend = globals.CreateBackend(parse);
            HealthCheckResponse response = await backend.CheckHealthAsync(parse.GetValue(service)!, cancellationToken);
            console.Out.WriteLine(ConstantNames.Of(response.Status));
            return response.Status == ServingStatus.Serving ? ExitCodes.Success : ExitCodes.CallFailed;
        });
        return command;
    }
}
