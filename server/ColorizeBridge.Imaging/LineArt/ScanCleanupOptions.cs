namespace ColorizeBridge.Imaging.LineArt;

/// <summary>Settings of <see cref="ScanLineCleaner"/>.</summary>
public sealed record ScanCleanupOptions
{
    public static readonly ScanCleanupOptions Default = new();

    /// <summary>Half the side of the square window whose mean is the local paper tone.</summary>
    public int WindowRadius { get; init; } = 12;

    /// <summary>A pixel is ink when it is darker than the local mean by more than this fraction (Bradley-Roth t).</summary>
    public float Threshold { get; init; } = 0.15f;

    /// <summary>8-connected ink specks with fewer pixels than this are removed as dust.</summary>
    public int MinSpeckPixels { get; init; } = 8;

    internal void Validate()
    {
        if (WindowRadius < 1 || !(Threshold is > 0 and < 1) || MinSpeckPixels < 0)
        {
            throw new ArgumentException(
                $"Scan clean-up needs window radius >= 1, 0 < threshold < 1, min speck >= 0; got {WindowRadius}, {Threshold}, {MinSpeckPixels}.");
        }
    }
}
