using System.Buffers;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Geometry;

/// <summary>
/// How one image maps onto a model's input: the content is scaled (aspect
/// kept) so its longest side is the target side, placed at the top-left of a
/// work canvas whose sides are multiples of <see cref="SizeRules.MultipleOf"/>
/// within [min_side, max_side], and the rest is padding. The inverse crops the
/// padding off the model's output and scales it back to the source size.
/// </summary>
public sealed class FitPlan
{
    private FitPlan(int sourceWidth, int sourceHeight, int contentWidth, int contentHeight, int workWidth, int workHeight)
    {
        SourceWidth = sourceWidth;
        SourceHeight = sourceHeight;
        ContentWidth = contentWidth;
        ContentHeight = contentHeight;
        WorkWidth = workWidth;
        WorkHeight = workHeight;
    }

    public int SourceWidth { get; }

    public int SourceHeight { get; }

    /// <summary>The scaled image inside the work canvas (at its top-left).</summary>
    public int ContentWidth { get; }

    public int ContentHeight { get; }

    /// <summary>The model's input size, padding included.</summary>
    public int WorkWidth { get; }

    public int WorkHeight { get; }

    /// <summary>Work pixels per source pixel, horizontally.</summary>
    public double ScaleX => (double)ContentWidth / SourceWidth;

    /// <summary>Work pixels per source pixel, vertically.</summary>
    public double ScaleY => (double)ContentHeight / SourceHeight;

    /// <summary>Plans the fit of a <paramref name="sourceWidth"/> x <paramref name="sourceHeight"/> image.</summary>
    /// <param name="targetSide">Longest content side wanted; null = the rules' preferred side. Clamped to the rules.</param>
    public static FitPlan Create(int sourceWidth, int sourceHeight, SizeRules rules, int? targetSide = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceHeight);
        int target = Math.Clamp(targetSide ?? rules.PreferredSide, rules.SmallestSide, rules.LargestSide);
        double scale = (double)target / Math.Max(sourceWidth, sourceHeight);
        int contentWidth = Math.Clamp((int)Math.Round(sourceWidth * scale, MidpointRounding.AwayFromZero), 1, target);
        int contentHeight = Math.Clamp((int)Math.Round(sourceHeight * scale, MidpointRounding.AwayFromZero), 1, target);
        int workWidth = Math.Max(SizeRules.RoundUp(contentWidth, rules.MultipleOf), rules.SmallestSide);
        int workHeight = Math.Max(SizeRules.RoundUp(contentHeight, rules.MultipleOf), rules.SmallestSide);
        return new FitPlan(sourceWidth, sourceHeight, contentWidth, contentHeight, workWidth, workHeight);
    }

    /// <summary>
    /// The model's <c>line</c> input made straight from the line art into
    /// <paramref name="work"/> (WorkWidth x WorkHeight floats, e.g. a pooled
    /// buffer): the grey plane (paper +1, ink -1) scaled to the content size
    /// and padded with white paper (+1), without a source-size grey plane per call. When the content is the source size
    /// the grey is written into the work rows directly; otherwise it goes
    /// through one pooled scratch plane.
    /// </summary>
    /// <exception cref="ArgumentException">The line art is not the source size, or <paramref name="work"/> is not the work size.</exception>
    public void FitLine(LineArtLayer lineArt, Span<float> work)
    {
        ArgumentNullException.ThrowIfNull(lineArt);
        RequireSourceSize(lineArt.Width, lineArt.Height, nameof(lineArt));
        if (work.Length != WorkWidth * WorkHeight)
        {
            throw new ArgumentException($"The work plane has {work.Length} floats but {WorkWidth}x{WorkHeight} needs {WorkWidth * WorkHeight}.", nameof(work));
        }

        work.Fill(1f);
        if (ContentWidth == SourceWidth && ContentHeight == SourceHeight)
        {
            lineArt.WriteModelGrey(work, WorkWidth);
            return;
        }

        int sourceLength = SourceWidth * SourceHeight;
        float[] grey = ArrayPool<float>.Shared.Rent(sourceLength);
        float[] content = ArrayPool<float>.Shared.Rent(ContentWidth * ContentHeight);
        try
        {
            lineArt.WriteModelGrey(grey.AsSpan(0, sourceLength), SourceWidth);
            Resampler.ResizeRegion(grey.AsSpan(0, sourceLength), SourceWidth, SourceWidth, SourceHeight, content, ContentWidth, ContentHeight);
            for (int y = 0; y < ContentHeight; y++)
            {
                content.AsSpan(y * ContentWidth, ContentWidth).CopyTo(work.Slice(y * WorkWidth, ContentWidth));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(grey);
            ArrayPool<float>.Shared.Return(content);
        }
    }

    /// <summary>
    /// Turns the model's <c>rgb</c> output, float32 NCHW [1,3,WorkHeight,WorkWidth]
    /// in [-1,1], into an opaque RGBA image of the source size: padding cropped,
    /// content scaled back.
    /// </summary>
    /// <exception cref="ArgumentException">The buffer is not 3 x WorkHeight x WorkWidth floats.</exception>
    public RgbaImage RestoreOutput(ReadOnlySpan<float> rgbNchw)
    {
        int planeLength = RequireOutputLength(rgbNchw.Length);
        if (ContentWidth == SourceWidth && ContentHeight == SourceHeight)
        {
            // The model worked at the canvas size: crop and convert in one pass, no scratch planes.
            return CropContent(rgbNchw);
        }

        var image = new RgbaImage(SourceWidth, SourceHeight);
        int pixels = SourceWidth * SourceHeight;
        float[] channel = ArrayPool<float>.Shared.Rent(pixels);
        try
        {
            for (int c = 0; c < 3; c++)
            {
                Resampler.ResizeRegion(rgbNchw.Slice(c * planeLength, planeLength), WorkWidth, ContentWidth, ContentHeight, channel, SourceWidth, SourceHeight);
                Span<byte> target = image.Pixels;
                for (int i = 0, o = c; i < pixels; i++, o += 4)
                {
                    target[o] = Resampler.ToByte((channel[i] + 1f) * 127.5f);
                }
            }

            for (int o = 3; o < image.Pixels.Length; o += 4)
            {
                image.Pixels[o] = 255;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(channel);
        }

        return image;
    }

    /// <summary>
    /// The model's <c>rgb</c> output as <see cref="RestoreOutput"/> reads it, padding
    /// cropped but not scaled back: an opaque RGBA image of the content size (a
    /// preview, whose model works at the size it shows).
    /// </summary>
    /// <exception cref="ArgumentException">The buffer is not 3 x WorkHeight x WorkWidth floats.</exception>
    public RgbaImage CropContent(ReadOnlySpan<float> rgbNchw)
    {
        int planeLength = RequireOutputLength(rgbNchw.Length);
        var image = new RgbaImage(ContentWidth, ContentHeight);
        ReadOnlySpan<float> red = rgbNchw[..planeLength];
        ReadOnlySpan<float> green = rgbNchw.Slice(planeLength, planeLength);
        ReadOnlySpan<float> blue = rgbNchw.Slice(2 * planeLength, planeLength);
        for (int y = 0; y < ContentHeight; y++)
        {
            ReadOnlySpan<float> r = red.Slice(y * WorkWidth, ContentWidth);
            ReadOnlySpan<float> g = green.Slice(y * WorkWidth, ContentWidth);
            ReadOnlySpan<float> b = blue.Slice(y * WorkWidth, ContentWidth);
            Span<byte> row = image.GetRow(y);
            for (int x = 0, o = 0; x < r.Length; x++, o += 4)
            {
                row[o] = Resampler.ToByte((r[x] + 1f) * 127.5f);
                row[o + 1] = Resampler.ToByte((g[x] + 1f) * 127.5f);
                row[o + 2] = Resampler.ToByte((b[x] + 1f) * 127.5f);
                row[o + 3] = 255;
            }
        }

        return image;
    }

    /// <returns>The length of one output plane.</returns>
    private int RequireOutputLength(int length)
    {
        int planeLength = WorkWidth * WorkHeight;
        if (length != 3 * planeLength)
        {
            throw new ArgumentException(
                $"Model output has {length} floats but [1,3,{WorkHeight},{WorkWidth}] needs {3 * planeLength}.", "rgbNchw");
        }

        return planeLength;
    }

    internal void RequireSourceSize(int width, int height, string paramName)
    {
        if (width != SourceWidth || height != SourceHeight)
        {
            throw new ArgumentException(
                $"Image is {width}x{height} but this plan was made for the line art's {SourceWidth}x{SourceHeight}.", paramName);
        }
    }
}
