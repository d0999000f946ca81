using System.IO.Compression;

namespace ColorizeBridge.Imaging.Png;

/// <summary>Encoder settings. The defaults favour speed: previews are encoded on every request.</summary>
public sealed record PngEncoderOptions
{
    public static readonly PngEncoderOptions Default = new();

    public CompressionLevel CompressionLevel { get; init; } = CompressionLevel.Fastest;

    /// <summary>
    /// Up by default: on line art and colourised output it was the fastest of
    /// the fixed filters with files close to Adaptive's (see the imaging report
    /// in the commit history for the measurement).
    /// </summary>
    public PngFilterStrategy Filter { get; init; } = PngFilterStrategy.Up;
}
