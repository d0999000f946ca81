namespace ColorizeBridge.Imaging.Hints;

/// <summary>
/// Paints a hint stroke with a round brush into an RGBA canvas (alpha 255 =
/// hinted), scaled from line-art pixels: shared by the model's hint tensor
/// (work size) and the flats' hint canvas (line-art size) so both see the same stroke.
/// </summary>
internal static class StrokePainter
{
    /// <summary>Half the diagonal of a pixel: a dot at least this wide always covers one pixel centre.</summary>
    private const float MinimumRadius = 0.7072f;

    /// <param name="width">Paint only x &lt; width (the content area).</param>
    /// <param name="height">Paint only y &lt; height.</param>
    /// <param name="stride">Pixels per canvas row.</param>
    public static void Paint(HintStroke stroke, float scaleX, float scaleY, int width, int height, int stride, Span<byte> canvas)
    {
        float diameter = Math.Max(stroke.Diameter, 1f) * (scaleX + scaleY) / 2;
        float radius = Math.Max(diameter / 2, MinimumRadius);
        IReadOnlyList<HintPoint> points = stroke.Points;
        var previous = new HintPoint(points[0].X * scaleX, points[0].Y * scaleY);
        for (int i = 0; i < Math.Max(1, points.Count - 1); i++)
        {
            HintPoint next = points.Count == 1 ? previous : new HintPoint(points[i + 1].X * scaleX, points[i + 1].Y * scaleY);
            PaintCapsule(previous, next, radius, stroke.Color, width, height, stride, canvas);
            previous = next;
        }
    }

    /// <summary>Paints every pixel whose centre lies within <paramref name="radius"/> of segment a-b, inside width x height.</summary>
    private static void PaintCapsule(HintPoint a, HintPoint b, float radius, HintColor color, int width, int height, int stride, Span<byte> canvas)
    {
        int left = Math.Max(0, (int)Math.Floor(Math.Min(a.X, b.X) - radius));
        int right = Math.Min(width - 1, (int)Math.Ceiling(Math.Max(a.X, b.X) + radius));
        int top = Math.Max(0, (int)Math.Floor(Math.Min(a.Y, b.Y) - radius));
        int bottom = Math.Min(height - 1, (int)Math.Ceiling(Math.Max(a.Y, b.Y) + radius));
        float dx = b.X - a.X, dy = b.Y - a.Y;
        float lengthSquared = (dx * dx) + (dy * dy);
        float radiusSquared = radius * radius;
        for (int y = top; y <= bottom; y++)
        {
            for (int x = left; x <= right; x++)
            {
                float px = x + 0.5f - a.X, py = y + 0.5f - a.Y;
                float t = lengthSquared > 0 ? Math.Clamp(((px * dx) + (py * dy)) / lengthSquared, 0f, 1f) : 0f;
                float ex = px - (t * dx), ey = py - (t * dy);
                if ((ex * ex) + (ey * ey) <= radiusSquared)
                {
                    int c = ((y * stride) + x) * 4;
                    canvas[c] = color.R;
                    canvas[c + 1] = color.G;
                    canvas[c + 2] = color.B;
                    canvas[c + 3] = 255;
                }
            }
        }
    }
}
