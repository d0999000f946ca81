namespace ColorizeBridge.Imaging.Regions;

/// <summary>What a pixel is to the region it belongs to.</summary>
public enum PixelRole : byte
{
    /// <summary>Inside the region, away from the lines: where the model's colour is trusted.</summary>
    Interior = 0,

    /// <summary>Not ink, but within the closing distance of ink (the band a gap is closed in).</summary>
    NearLine = 1,

    /// <summary>Ink: belongs to the region it borders.</summary>
    Line = 2,
}
