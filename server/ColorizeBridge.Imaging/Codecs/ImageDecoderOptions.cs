namespace ColorizeBridge.Imaging.Codecs;

/// <summary>Limits checked against the declared size before any pixel memory is allocated.</summary>
public sealed record ImageDecoderOptions
{
    public static readonly ImageDecoderOptions Default = new();

    /// <summary>Largest width*height accepted; 64 megapixels by default.</summary>
    public long MaxPixels { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest width or height accepted.</summary>
    public int MaxDimension { get; init; } = 32768;
}
