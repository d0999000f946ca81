namespace ColorizeBridge.Cli;

/// <summary>A problem the user fixes on the command line or in the file system; exits with <see cref="ExitCodes.Usage"/>.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
