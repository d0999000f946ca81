using System.CommandLine;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Cli.Backends;
using ColorizeBridge.Cli.Output;

namespace ColorizeBridge.Cli.Commands;

/// <summary><c>models</c>: the table of models on stdout.</summary>
internal static class ModelsCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var command = new Command("models", "List the models with their version, kind, state, device, tags (of a tags model) and load error");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using IColorizerBackend backend = globals.CreateBackend(parse);
            ListModelsResponse response = await backend.ListModelsAsync(cancellationToken);
            ModelTable.Write(console.Out, response);
            console.Error.WriteLine(response.Models.Count == 0
                ? $"no models installed ({backend.Description})"
                : $"default model: {(string.IsNullOrEmpty(response.DefaultModel) ? "none" : response.DefaultModel)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
