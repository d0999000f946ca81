using ColorizeBridge.Imaging.Colour;

namespace ColorizeBridge.Imaging.Flats;

/// <summary>One hint as found in the hint layer: its colour (alpha-weighted mean), size, a pixel near its centre and the region holding most of it.</summary>
internal readonly record struct HintBlob(Rgb Colour, int PixelCount, int X, int Y, int Region);
