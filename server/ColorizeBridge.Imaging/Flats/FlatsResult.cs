using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;

namespace ColorizeBridge.Imaging.Flats;

/// <summary>
/// The colouring as layers (docs/LAYERS.md): <see cref="Flats"/>, one opaque
/// colour per region with paper transparent; <see cref="Shading"/>, black with
/// alpha to multiply over the flats; plus per region its colour and per hint
/// what it got.
/// </summary>
public sealed class FlatsResult
{
    internal FlatsResult(RegionMap regions, RgbaImage flats, RgbaImage shading, RegionColour[] colours, HintFidelity[] hints)
    {
        Regions = regions;
        Flats = flats;
        Shading = shading;
        Colours = colours;
        Hints = hints;
    }

    public RegionMap Regions { get; }

    public RgbaImage Flats { get; }

    public RgbaImage Shading { get; }

    /// <summary>By region index.</summary>
    public IReadOnlyList<RegionColour> Colours { get; }

    /// <summary>In raster order of each hint's first pixel.</summary>
    public IReadOnlyList<HintFidelity> Hints { get; }

    /// <summary>The share of hints obeyed; 1 when there are none.</summary>
    public double ObeyedShare => Hints.Count == 0 ? 1.0 : Hints.Count(h => h.Obeyed) / (double)Hints.Count;
}
