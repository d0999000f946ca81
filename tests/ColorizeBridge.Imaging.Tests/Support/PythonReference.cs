using System.Diagnostics;

namespace ColorizeBridge.Imaging.Tests.Support;

/// <summary>
/// Runs Reference/png_reference.py with Debian's /usr/bin/python3, the
/// interpreter that has PIL (python3-pil), numpy and pypng (python3-png).
/// </summary>
internal static class PythonReference
{
    public const string Interpreter = "/usr/bin/python3";

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Reference", "png_reference.py");

    /// <summary>Null when PIL, numpy and pypng are usable, otherwise why the reference tests must be skipped.</summary>
    public static readonly Lazy<string?> UnavailableReason = new(() =>
    {
        if (!File.Exists(Interpreter))
        {
            return $"{Interpreter} is missing (Debian python3 with python3-pil, python3-numpy and python3-png is the PNG reference).";
        }

        try
        {
            Run(["-c", "import PIL, numpy, png"], stdin: null);
            return null;
        }
        catch (InvalidOperationException exception)
        {
            return $"{Interpreter} cannot import PIL, numpy and png (apt install python3-pil python3-numpy python3-png): {exception.Message}";
        }
    });

    public static string RunScript(IEnumerable<string> arguments, string? stdin = null) =>
        Run([ScriptPath, .. arguments], stdin);

    public static string Run(IEnumerable<string> arguments, string? stdin)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Interpreter}.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Interpreter} exited with {process.ExitCode}: {errors.Result}");
        }

        return output.Result;
    }
}
