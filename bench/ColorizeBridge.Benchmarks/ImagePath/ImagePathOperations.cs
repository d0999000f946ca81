using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Geometry;
using ColorizeBridge.Imaging.Hints;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Benchmarks.ImagePath;

/// <summary>
/// The image-path stages of one Colorize call on a line art of a given size,
/// each callable on its own: shared by the BenchmarkDotNet benchmarks and the
/// end-to-end harness's per-megapixel table.
/// </summary>
public sealed class ImagePathOperations
{
    private static readonly SizeRules Rules = new(32, 64, 2048, 512);

    public ImagePathOperations(RgbaImage lineArt, RgbaImage hints)
    {
        LineArt = lineArt;
        Hints = hints;
        Png = ImageEncoder.EncodePng(lineArt);
        Layer = LineArtLayer.FromImage(lineArt);
        Plan = FitPlan.Create(lineArt.Width, lineArt.Height, Rules);
        ModelOutput = new float[3 * Plan.WorkWidth * Plan.WorkHeight];
        Colour = Plan.RestoreOutput(ModelOutput);
        LineInput = new float[Plan.WorkWidth * Plan.WorkHeight];
        HintInput = new float[HintRasterizer.TensorLength(Plan)];
        Scratch = new RgbaImage(lineArt.Width, lineArt.Height);
    }

    public RgbaImage LineArt { get; }

    public RgbaImage Hints { get; }

    public byte[] Png { get; }

    public LineArtLayer Layer { get; }

    public FitPlan Plan { get; }

    public float[] ModelOutput { get; }

    public RgbaImage Colour { get; }

    /// <summary>Stand-ins for a request's pooled tensor buffers (the request path rents them; renting allocates nothing).</summary>
    public float[] LineInput { get; }

    public float[] HintInput { get; }

    /// <summary>An image the in-place stages work on: the decoded line art or the restored colour of a request.</summary>
    public RgbaImage Scratch { get; }

    public double Megapixels => LineArt.Width * (double)LineArt.Height / 1e6;

    /// <summary>
    /// The stages by name, in the order a request meets them, in the forms
    /// the request path uses (ColorizerEngine): the layer made in the decoded
    /// image, grey and hints written into pooled buffers, the composite over
    /// the restored colour. Reset (not timed) puts back what an in-place
    /// stage consumed.
    /// </summary>
    public IReadOnlyList<ImagePathStage> Stages =>
    [
        new("PNG decode", () => ImageDecoder.Decode(Png)),
        new("line art normalisation", () => LineArtLayer.FromImageInPlace(Scratch), () => LineArt.Pixels.CopyTo(Scratch.Pixels, 0)),
        new("fit to the model (resize + pad)", () => Plan.FitLine(Layer, LineInput)),
        new("hint rasterisation", () => HintRasterizer.RasterizeInto(Plan, Hints, null, HintInput)),
        new("colour back to full size", () => Plan.RestoreOutput(ModelOutput)),
        new("composite (in place)", () => LineArtCompositor.CompositeInPlace(Scratch, Layer), () => Colour.Pixels.CopyTo(Scratch.Pixels, 0)),
        new("PNG encode", () => ImageEncoder.EncodePng(Colour)),
    ];

    /// <summary>Upscales the sample line art (nearest, keeping lines crisp) to a square of <paramref name="side"/>.</summary>
    public static ImagePathOperations FromSample(string samplesDirectory, int side)
    {
        RgbaImage lineArt = Square(ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(samplesDirectory, "lineart.png"))), side, white: true);
        RgbaImage hints = Square(ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(samplesDirectory, "hints.png"))), side, white: false);
        return new ImagePathOperations(lineArt, hints);
    }

    /// <summary>The image centred on a square canvas of <paramref name="side"/>, scaled to fit (nearest neighbour).</summary>
    public static RgbaImage Square(RgbaImage source, int side, bool white)
    {
        var target = new RgbaImage(side, side);
        if (white)
        {
            target.Pixels.AsSpan().Fill(255);
        }

        double scale = Math.Min((double)side / source.Width, (double)side / source.Height);
        int width = (int)(source.Width * scale);
        int height = (int)(source.Height * scale);
        int left = (side - width) / 2;
        int top = (side - height) / 2;
        for (int y = 0; y < height; y++)
        {
            int sy = Math.Min(source.Height - 1, (int)(y / scale));
            for (int x = 0; x < width; x++)
            {
                int sx = Math.Min(source.Width - 1, (int)(x / scale));
                source.Pixels.AsSpan(((sy * source.Width) + sx) * 4, 4).CopyTo(target.Pixels.AsSpan((((top + y) * side) + left + x) * 4));
            }
        }

        return target;
    }
}

/// <param name="Reset">Run before each timed call, untimed: restores what an in-place stage changed.</param>
public sealed record ImagePathStage(string Name, Action Run, Action? Reset = null);
