namespace ColorizeBridge.Cli;

/// <summary>
/// Where a command writes: results on <see cref="Out"/>, progress and
/// diagnostics on <see cref="Error"/> (grpcurl's split, so results pipe cleanly).
/// </summary>
/// <param name="ErrorIsTerminal">Live progress bars only on a terminal; plain lines when stderr goes to a file or pipe.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal);
