namespace ColorizeBridge.Imaging.Png;

/// <summary>The five scanline filters of PNG filter method 0 (PNG spec 9.2).</summary>
internal enum PngFilterType : byte
{
    None = 0,
    Sub = 1,
    Up = 2,
    Average = 3,
    Paeth = 4,
}
