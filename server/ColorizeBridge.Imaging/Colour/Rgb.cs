namespace ColorizeBridge.Imaging.Colour;

/// <summary>An 8-bit sRGB colour.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb White => new(255, 255, 255);

    /// <summary>"#RRGGBB", as paint programs show a colour.</summary>
    public override string ToString() => $"#{R:X2}{G:X2}{B:X2}";
}
