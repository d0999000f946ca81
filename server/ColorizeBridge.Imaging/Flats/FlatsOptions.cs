namespace ColorizeBridge.Imaging.Flats;

/// <summary>How regions are coloured and what counts as paper, obeyed and shading.</summary>
public sealed record FlatsOptions
{
    public static FlatsOptions Default { get; } = new();

    /// <summary>A hint is obeyed when the colour delivered under it is within this CIEDE2000 of the colour asked for (issue 16).</summary>
    public double ObeyedDeltaE { get; init; } = 5.0;

    /// <summary>An unhinted region whose model colour is within this CIEDE2000 of white is left as paper.</summary>
    public double PaperDeltaE { get; init; } = 5.0;

    /// <summary>
    /// An unhinted part cut from the background is paper when less than this
    /// share of its border with the page runs along the lines: the model
    /// painted a patch on the page that no line separates from it.
    /// </summary>
    public double OpenPartLineShare { get; init; } = 0.5;

    /// <summary>
    /// An unhinted region holding at least this share of the canvas border is
    /// paper (the background around the drawing); one that only grazes the
    /// border (a drop cut by the page edge) is coloured like any other.
    /// </summary>
    public double PaperBorderShare { get; init; } = 0.1;

    /// <summary>An unhinted region's model colour within this CIEDE2000 of a hint's colour takes that hint's colour (0 = never).</summary>
    public double SnapToHintDeltaE { get; init; } = 25.0;

    /// <summary>Neighbouring hint pixels whose channels differ by at most this much belong to the same hint (one stroke or dot).</summary>
    public int HintColourTolerance { get; init; } = 24;

    /// <summary>Darkening weaker than this share (of the region's own model colour) is noise, not shading.</summary>
    public double ShadingFloor { get; init; } = 0.06;

    /// <summary>Cut large regions where the model's colour changes before colouring them (<see cref="Regions.ModelColourSplit"/>).</summary>
    public bool SplitByModelColour { get; init; } = true;

    /// <summary>
    /// Before that cut, a hinted part of the same regions behind a neck up to
    /// this many pixels wide is cut off (<see cref="Regions.WideGapSplit"/>): a
    /// gap wider than the region finder's joined the hinted figure to the page;
    /// 0 = no such cut.
    /// </summary>
    public int WideGapSize { get; init; } = Regions.WideGapSplit.DefaultWideGapSize;

    /// <summary>
    /// A region still holding hints of different colours once the cuts above
    /// are made is divided between them (<see cref="Regions.RivalHintSplit"/>),
    /// so every hint is obeyed; off, the colour with the most hint pixels takes
    /// the whole region and the others are reported not obeyed.
    /// </summary>
    public bool SplitRivalHints { get; init; } = true;

    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        if (!(ObeyedDeltaE > 0 && ObeyedDeltaE <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(ObeyedDeltaE), ObeyedDeltaE, "The obeyed threshold must be a CIEDE2000 above 0 and at most 100.");
        }

        if (!(PaperDeltaE >= 0 && PaperDeltaE <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(PaperDeltaE), PaperDeltaE, "The paper threshold must be a CIEDE2000 from 0 to 100.");
        }

        if (!(SnapToHintDeltaE >= 0 && SnapToHintDeltaE <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(SnapToHintDeltaE), SnapToHintDeltaE, "The snap threshold must be a CIEDE2000 from 0 to 100.");
        }

        if (!(OpenPartLineShare is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(OpenPartLineShare), OpenPartLineShare, "The open part's line share must be from 0 to 1.");
        }

        if (!(PaperBorderShare is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(PaperBorderShare), PaperBorderShare, "The paper border share must be from 0 to 1.");
        }

        if (WideGapSize is < 0 or > Regions.RegionOptions.MaxGapSize)
        {
            throw new ArgumentOutOfRangeException(nameof(WideGapSize), WideGapSize, $"The wide gap size must be 0 (off) to {Regions.RegionOptions.MaxGapSize} pixels.");
        }

        if (HintColourTolerance is < 0 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(HintColourTolerance), HintColourTolerance, "The hint colour tolerance must be 0 to 255.");
        }

        if (!(ShadingFloor is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ShadingFloor), ShadingFloor, "The shading floor must be at least 0 and below 1.");
        }
    }
}
