namespace ColorizeBridge.Imaging.Pixels;

/// <summary>
/// ITU-R BT.601 luma in integer arithmetic (the weights PIL's "L" conversion
/// uses), so the server's grey matches what training saw from PIL.
/// </summary>
internal static class Luminance
{
    public static byte Of(byte r, byte g, byte b) => (byte)(((r * 19595) + (g * 38470) + (b * 7471) + 32768) >> 16);
}
