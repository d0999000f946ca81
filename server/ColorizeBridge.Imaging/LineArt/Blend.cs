namespace ColorizeBridge.Imaging.LineArt;

/// <summary>8-bit straight-alpha blending with exact rounding, shared so every path rounds alike.</summary>
internal static class Blend
{
    /// <summary>round(top*alpha/255 + bottom*(1 - alpha/255)).</summary>
    public static byte Over(byte top, byte bottom, int alpha) => DivideBy255((top * alpha) + (bottom * (255 - alpha)));

    public static byte OverWhite(byte top, int alpha) => DivideBy255((top * alpha) + (255 * (255 - alpha)));

    /// <summary>round(x / 255) for 0 &lt;= x &lt;= 255*255, without a division.</summary>
    private static byte DivideBy255(int x)
    {
        int t = x + 128;
        return (byte)((t + (t >> 8)) >> 8);
    }
}
