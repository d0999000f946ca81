using ColorizeBridge.Imaging.Geometry;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Hints;

/// <summary>
/// Every hint of a request on one canvas at the line art's own size (or
/// scaled, for a preview): the hint layer with the strokes painted over it,
/// as the flats step reads hints (alpha &gt; 0 = hint).
/// </summary>
public static class HintCanvas
{
    /// <returns>Null when there is neither a layer nor a stroke; the layer itself (not copied) when there are no strokes.</returns>
    /// <exception cref="ArgumentException">The layer is not width x height, or a stroke is invalid.</exception>
    public static RgbaImage? Compose(RgbaImage? hintLayer, IReadOnlyList<HintStroke>? strokes, int width, int height) =>
        ComposeAt(hintLayer, strokes, width, height, width, height);

    /// <summary>
    /// The hints of a <paramref name="sourceWidth"/> x <paramref name="sourceHeight"/>
    /// line art on a <paramref name="width"/> x <paramref name="height"/> canvas:
    /// the layer resized (a canvas pixel is hinted where any hint pixel it covers is),
    /// the strokes painted scaled.
    /// </summary>
    /// <returns>As <see cref="Compose"/>.</returns>
    /// <exception cref="ArgumentException">The layer is not the source size, or a stroke is invalid.</exception>
    public static RgbaImage? ComposeAt(RgbaImage? hintLayer, IReadOnlyList<HintStroke>? strokes, int sourceWidth, int sourceHeight, int width, int height)
    {
        if (hintLayer is not null && (hintLayer.Width != sourceWidth || hintLayer.Height != sourceHeight))
        {
            throw new ArgumentException($"The hint layer is {hintLayer.Width}x{hintLayer.Height} but the line art is {sourceWidth}x{sourceHeight}.", nameof(hintLayer));
        }

        bool scaled = width != sourceWidth || height != sourceHeight;
        RgbaImage? layer = hintLayer is not null && scaled ? Resampler.Resize(hintLayer, width, height) : hintLayer;
        if (strokes is null || strokes.Count == 0)
        {
            return layer;
        }

        for (int i = 0; i < strokes.Count; i++)
        {
            strokes[i].Validate(i);
        }

        RgbaImage canvas = layer is null ? new RgbaImage(width, height) : scaled ? layer : layer.Clone();
        float scaleX = width / (float)sourceWidth, scaleY = height / (float)sourceHeight;
        foreach (HintStroke stroke in strokes)
        {
            StrokePainter.Paint(stroke, scaleX, scaleY, width, height, width, canvas.Pixels);
        }

        return canvas;
    }
}
