namespace ColorizeBridge.Cli;

/// <summary>What the process exit status tells a script.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A call failed with a gRPC status (printed), or a health check was not SERVING.</summary>
    public const int CallFailed = 1;

    /// <summary>The command line asked for something impossible: a bad flag, a missing or unreadable file.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
