namespace ColorizeBridge.Imaging.Png;

/// <summary>How the encoder picks each scanline's filter.</summary>
public enum PngFilterStrategy
{
    /// <summary>No filtering: fastest, largest.</summary>
    None,

    /// <summary>Every row Sub.</summary>
    Sub,

    /// <summary>Every row Up.</summary>
    Up,

    /// <summary>Every row Paeth.</summary>
    Paeth,

    /// <summary>Per row, the filter whose output has the minimum sum of absolute signed bytes (PNG spec 12.8 heuristic).</summary>
    Adaptive,
}
