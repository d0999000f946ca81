namespace ColorizeBridge.Imaging.Png;

/// <summary>Limits checked against the header before any pixel memory is allocated.</summary>
public sealed record PngDecoderOptions
{
    public static readonly PngDecoderOptions Default = new();

    /// <summary>Largest width*height accepted; 64 megapixels by default.</summary>
    public long MaxPixels { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest width or height accepted.</summary>
    public int MaxDimension { get; init; } = 32768;
}
