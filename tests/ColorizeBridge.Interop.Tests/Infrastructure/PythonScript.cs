using System.Diagnostics;

namespace ColorizeBridge.Interop.Tests.Infrastructure;

/// <summary>
/// Runs the Python scripts beside the tests with Debian's interpreter, the
/// one that imports Debian's grpcio and protobuf.
/// </summary>
public static class PythonScript
{
    private const string Interpreter = "/usr/bin/python3";

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}";
    }

    public static async Task<Result> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var process = Process.Start(StartInfo(script, arguments))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new Result(-1, await output, await error + $"\n(killed after {timeout})");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Starts a script that keeps running (a server) with stdin open; closing stdin tells it to stop.</summary>
    public static Process Start(string script, IEnumerable<string> arguments) => Process.Start(StartInfo(script, arguments))!;

    private static ProcessStartInfo StartInfo(string script, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Interop", script));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }
}
