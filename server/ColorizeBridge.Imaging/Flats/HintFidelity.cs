using ColorizeBridge.Imaging.Colour;

namespace ColorizeBridge.Imaging.Flats;

/// <summary>
/// One hint (a connected dot or stroke of one colour) and what it got: the
/// colour asked for, the flat colour delivered in the region it fell in, their
/// CIEDE2000 and whether that is below the obeyed threshold.
/// </summary>
/// <param name="X">A pixel of the hint: the one nearest its centre.</param>
/// <param name="Y">See <paramref name="X"/>.</param>
/// <param name="Region">The region holding most of the hint's pixels.</param>
/// <param name="PixelCount">How many hint-layer pixels the hint covers.</param>
public sealed record HintFidelity(int X, int Y, Rgb Requested, Rgb Delivered, double DeltaE, bool Obeyed, int Region, int PixelCount);
