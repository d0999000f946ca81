using ColorizeBridge.Imaging.Colour;

namespace ColorizeBridge.Imaging.Flats;

/// <summary>Where a region's one flat colour came from.</summary>
public enum RegionColourSource
{
    /// <summary>Left as paper: transparent in the flats layer, white in the composite.</summary>
    Paper,

    /// <summary>The hint (dot or stroke) that won the region.</summary>
    Hint,

    /// <summary>The per-channel median of the model's colour over the region's interior.</summary>
    Model,

    /// <summary>The colour of the region's counterpart on a reference page (issue 17, <see cref="Matching.RegionMatcher"/>).</summary>
    Reference,
}

/// <summary>A region's flat colour (white for paper) and where it came from.</summary>
public readonly record struct RegionColour(Rgb Colour, RegionColourSource Source)
{
    public bool IsPaper => Source == RegionColourSource.Paper;
}
