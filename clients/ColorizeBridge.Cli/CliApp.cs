using System.CommandLine;
using ColorizeBridge.Cli.Commands;
using ColorizeBridge.Cli.Output;
using Grpc.Core;

namespace ColorizeBridge.Cli;

/// <summary>
/// The console client: parses the command line, runs the command and turns
/// every expected failure into one "error: ..." line and an exit code
/// (<see cref="ExitCodes"/>), never a stack trace.
/// </summary>
internal static class CliApp
{
    /// <summary>Runs the CLI with captured output (tests, hosts): progress is written as plain lines.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliConsole(stdout, stderr, ErrorIsTerminal: false), cancellationToken);

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("ColorizeBridge: colour line art with neural network models, on a server (--server) or in this process.")
        {
            ColorizeCommand.Create(globals, console),
            ModelsCommand.Create(globals, console),
            ExtractLineArtCommand.Create(globals, console),
            HealthCommand.Create(globals, console),
        };
        foreach (Option option in globals.All)
        {
            root.Options.Add(option);
        }

        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
            {
                console.Error.WriteLine($"error: {error.Message}");
            }

            console.Error.WriteLine("Run with --help for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (CliUsageException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (RpcException e)
        {
            console.Error.WriteLine($"error: {ErrorText.Of(e)}");
            if (e.StatusCode == StatusCode.Unavailable && parse.GetValue(globals.Server) is { } server)
            {
                console.Error.WriteLine($"is a ColorizeBridge server listening at {server}? (start one with ColorizeBridge.Server --listen {server})");
            }

            return ExitCodes.CallFailed;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("error: cancelled");
            return ExitCodes.Cancelled;
        }
    }
}
