namespace ColorizeBridge.PaintDotNet.Core.Requests;

/// <summary>An opaque colour, 0..255 a channel.</summary>
public readonly record struct HintColor(byte R, byte G, byte B)
{
    /// <summary>From Paint.NET's 0xRRGGBB form (what its colour wheel property holds).</summary>
    public static HintColor FromRgb24(int rgb) => new((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);

    public int ToRgb24() => (R << 16) | (G << 8) | B;
}
