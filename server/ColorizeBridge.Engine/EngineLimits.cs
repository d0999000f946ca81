namespace ColorizeBridge.Engine;

/// <summary>What one request may ask of the engine; checked before memory is spent.</summary>
public sealed record EngineLimits
{
    /// <summary>Largest image (width x height) accepted, line art, hint layer or reference.</summary>
    public long MaxPixels { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest width or height accepted.</summary>
    public int MaxDimension { get; init; } = 16384;

    /// <summary>Most hint strokes, and points over all strokes, in one request.</summary>
    public int MaxStrokePoints { get; init; } = 100_000;

    /// <summary>Longest side a preview may ask for.</summary>
    public int MaxPreviewSide { get; init; } = 1024;
}
