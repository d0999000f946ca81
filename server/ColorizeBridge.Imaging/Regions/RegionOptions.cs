namespace ColorizeBridge.Imaging.Regions;

/// <summary>How line art is cut into regions. Defaults suit clean and scanned line art alike.</summary>
public sealed record RegionOptions
{
    /// <summary>The default gap that is closed, in pixels (Krita's Colorize Mask closes small gaps too).</summary>
    public const int DefaultGapSize = 3;

    /// <summary>The largest gap accepted: wider "gaps" are real openings and would eat thin regions.</summary>
    public const int MaxGapSize = 64;

    public static RegionOptions Default { get; } = new();

    /// <summary>
    /// Gaps in the lines up to about this many pixels are closed: no region
    /// grows from a pixel nearer than (GapSize + 1) / 2 to ink, so colour
    /// cannot run through the gap. 0 closes nothing.
    /// </summary>
    public int GapSize { get; init; } = DefaultGapSize;

    /// <summary>Regions smaller than this many pixels are specks and join their neighbour.</summary>
    public int MinRegionArea { get; init; } = 24;

    /// <summary>
    /// A pixel is ink when its lightness is below (1 - InkContrast) times the
    /// mean lightness around it (Bradley and Roth's adaptive threshold), so
    /// pencil on grey paper is found as well as ink on white.
    /// </summary>
    public double InkContrast { get; init; } = 0.15;

    /// <summary>The radius of the square window the local paper lightness is averaged over, in pixels.</summary>
    public int PaperWindowRadius { get; init; } = 15;

    /// <summary>Throws naming the first option out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        if (GapSize is < 0 or > MaxGapSize)
        {
            throw new ArgumentOutOfRangeException(nameof(GapSize), GapSize, $"The gap size must be 0 to {MaxGapSize} pixels.");
        }

        if (MinRegionArea is < 1 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MinRegionArea), MinRegionArea, "The smallest region must be 1 to 1,000,000 pixels.");
        }

        if (!(InkContrast is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(InkContrast), InkContrast, "The ink contrast must lie strictly between 0 and 1.");
        }

        if (PaperWindowRadius is < 1 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(PaperWindowRadius), PaperWindowRadius, "The paper window radius must be 1 to 1024 pixels.");
        }
    }
}
