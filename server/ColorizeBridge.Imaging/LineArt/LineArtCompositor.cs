using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.LineArt;

/// <summary>The composited result and, for "real layers" clients, the flat colour under the lines.</summary>
public sealed record CompositeResult(RgbaImage Image, RgbaImage Colour);

/// <summary>
/// Puts the user's line layer back over the model's colour:
/// out = line_rgb * alpha + colour * (1 - alpha), straight alpha, so wherever
/// the user drew full ink the output pixel is the user's pixel, byte for byte.
/// </summary>
public static class LineArtCompositor
{
    /// <param name="colour">The model's colour at the line art's full size (alpha ignored; the output is opaque); left as it is.</param>
    /// <param name="lineArt">The normalised line art.</param>
    /// <exception cref="ArgumentException">The sizes differ.</exception>
    public static CompositeResult Composite(RgbaImage colour, LineArtLayer lineArt)
    {
        RequireSameSize(colour, lineArt);
        var output = new RgbaImage(colour.Width, colour.Height);
        BlendOver(lineArt.Layer.Pixels, colour.Pixels, output.Pixels);
        return new CompositeResult(output, colour);
    }

    /// <summary>
    /// The composite written over <paramref name="colour"/> itself, byte for
    /// byte what <see cref="Composite"/> returns as its image, without a second
    /// image: for callers that do not return the flat colour as a layer.
    /// </summary>
    /// <exception cref="ArgumentException">The sizes differ.</exception>
    public static void CompositeInPlace(RgbaImage colour, LineArtLayer lineArt)
    {
        RequireSameSize(colour, lineArt);
        BlendOver(lineArt.Layer.Pixels, colour.Pixels, colour.Pixels);
    }

    private static void RequireSameSize(RgbaImage colour, LineArtLayer lineArt)
    {
        ArgumentNullException.ThrowIfNull(colour);
        ArgumentNullException.ThrowIfNull(lineArt);
        if (colour.Width != lineArt.Width || colour.Height != lineArt.Height)
        {
            throw new ArgumentException(
                $"Colour is {colour.Width}x{colour.Height} but the line art is {lineArt.Width}x{lineArt.Height}.", nameof(colour));
        }
    }

    /// <summary>Each pixel is read before it is written, so <paramref name="target"/> may be <paramref name="under"/>.</summary>
    private static void BlendOver(ReadOnlySpan<byte> line, ReadOnlySpan<byte> under, Span<byte> target)
    {
        for (int i = 0; i < target.Length; i += 4)
        {
            int alpha = line[i + 3];
            target[i] = Blend.Over(line[i], under[i], alpha);
            target[i + 1] = Blend.Over(line[i + 1], under[i + 1], alpha);
            target[i + 2] = Blend.Over(line[i + 2], under[i + 2], alpha);
            target[i + 3] = 255;
        }
    }
}
