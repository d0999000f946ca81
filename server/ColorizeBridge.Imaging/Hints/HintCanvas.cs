using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Hints;

/// <summary>
/// Every hint of a request on one canvas at the line art's own size: the hint
/// layer with the strokes painted over it, as the flats step reads hints
/// (alpha &gt; 0 = hint).
/// </summary>
public static class HintCanvas
{
    /// <returns>Null when there is neither a layer nor a stroke; the layer itself (not copied) when there are no strokes.</returns>
    /// <exception cref="ArgumentException">The layer is not width x height, or a stroke is invalid.</exception>
    public static RgbaImage? Compose(RgbaImage? hintLayer, IReadOnlyList<HintStroke>? strokes, int width, int height)
    {
        if (hintLayer is not null && (hintLayer.Width != width || hintLayer.Height != height))
        {
            throw new ArgumentException($"The hint layer is {hintLayer.Width}x{hintLayer.Height} but the line art is {width}x{height}.", nameof(hintLayer));
        }

        if (strokes is null || strokes.Count == 0)
        {
            return hintLayer;
        }

        for (int i = 0; i < strokes.Count; i++)
        {
            strokes[i].Validate(i);
        }

        RgbaImage canvas = hintLayer?.Clone() ?? new RgbaImage(width, height);
        foreach (HintStroke stroke in strokes)
        {
            StrokePainter.Paint(stroke, 1f, 1f, width, height, width, canvas.Pixels);
        }

        return canvas;
    }
}
