using ColorizeBridge.Api.V1;

namespace ColorizeBridge.Cli.Output;

/// <summary>
/// Shows how far each file's Colorize call has come, on stderr: live bars on
/// a terminal, one plain line per stage otherwise (logs and CI stay readable).
/// </summary>
internal abstract class ProgressReporter
{
    /// <summary>Runs <paramref name="work"/> with the reporter that suits <paramref name="console"/>.</summary>
    public static Task<T> RunAsync<T>(CliConsole console, Func<ProgressReporter, Task<T>> work) =>
        console.ErrorIsTerminal
            ? SpectreProgressReporter.RunAsync(console.Error, work)
            : work(new PlainProgressReporter(console.Error));

    /// <summary>One update of the call colouring <paramref name="item"/>.</summary>
    public abstract void Report(string item, ColorizeUpdate update);

    /// <summary>The call for <paramref name="item"/> has ended, well or not.</summary>
    public abstract void Finish(string item, bool succeeded);
}
