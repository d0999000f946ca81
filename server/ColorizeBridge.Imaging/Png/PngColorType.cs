namespace ColorizeBridge.Imaging.Png;

/// <summary>PNG colour types (PNG spec 11.2.2, IHDR).</summary>
public enum PngColorType : byte
{
    Grayscale = 0,
    Rgb = 2,
    Palette = 3,
    GrayscaleAlpha = 4,
    Rgba = 6,
}
