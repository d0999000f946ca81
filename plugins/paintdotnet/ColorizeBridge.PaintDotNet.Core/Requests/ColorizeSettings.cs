namespace ColorizeBridge.PaintDotNet.Core.Requests;

/// <summary>What the user set in the effect's dialog.</summary>
public sealed record ColorizeSettings
{
    public const string DefaultServerAddress = "127.0.0.1:50051";

    /// <summary>"HOST:PORT" (cleartext HTTP/2) or an http:// or https:// URI.</summary>
    public string ServerAddress { get; init; } = DefaultServerAddress;

    /// <summary>Sent as a bearer token when the server asks for one; empty sends none.</summary>
    public string AccessToken { get; init; } = "";

    /// <summary>Empty: the server's default model.</summary>
    public string Model { get; init; } = "";

    public HintSource HintSource { get; init; } = HintSource.LayerBelow;

    /// <summary>The colour of the dot when <see cref="HintSource"/> is <see cref="HintSource.Color"/>.</summary>
    public HintColor HintColor { get; init; } = new(224, 68, 62);

    /// <summary>True: colour under the user's own lines (multiply); false: the model's output as it is.</summary>
    public bool KeepLines { get; init; } = true;

    /// <summary>Longest side sent in one request; larger areas go tile by tile.</summary>
    public int MaxTileSide { get; init; } = 2048;

    /// <summary>Pixels neighbouring tiles share, cross-faded so no seam shows.</summary>
    public int TileOverlap { get; init; } = 64;

    /// <summary>How long one request may take before it ends as DEADLINE_EXCEEDED.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
