using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Tests.Shared;

/// <summary>Where and how a <see cref="FigurePages"/> figure is drawn on its page.</summary>
/// <param name="Warp">Bends the figure: x moves by Warp x 20 x sin(y / 30) in figure units before it is turned.</param>
internal sealed record FigurePose(double CentreX, double CentreY, double Scale = 1, double TurnDegrees = 0, double Warp = 0)
{
    public (double X, double Y) Place(double x, double y)
    {
        x += Warp * 20 * Math.Sin(y / 30);
        double turn = TurnDegrees * Math.PI / 180, cos = Math.Cos(turn), sin = Math.Sin(turn);
        return (CentreX + (Scale * ((cos * x) - (sin * y))), CentreY + (Scale * ((sin * x) + (cos * y))));
    }
}

/// <summary>What is changed in a figure against the reference drawing.</summary>
[Flags]
internal enum FigureEdits
{
    None = 0,
    RightEyeRemoved = 1,
    TorsoSplit = 2,
    HatAdded = 4,
}

/// <summary>One part of the figure: a point inside it (figure units) and the colour an artist gave it.</summary>
internal sealed record FigurePart(string Name, double X, double Y, byte R, byte G, byte B);

/// <summary>
/// A simple character drawn as line art (issue 17's test pages): head with
/// hair and two eyes of different shapes, torso, belt, skirt and two arms of
/// different sizes, about 160 units tall, posed (moved, scaled, turned,
/// bent) and edited, and a coloured version filled part by part like a
/// paint bucket would.
/// </summary>
internal static class FigurePages
{
    public static IReadOnlyList<FigurePart> Parts { get; } =
    [
        new("head", 0, -38, 240, 200, 170),
        new("hair", 0, -74, 120, 70, 30),
        new("left eye", -13, -55, 40, 80, 200),
        new("right eye", 14, -55, 30, 160, 190),
        new("torso", 0, 5, 200, 40, 40),
        new("belt", 0, 35, 60, 50, 90),
        new("skirt", 0, 58, 40, 150, 60),
        new("left arm", -42, 10, 240, 200, 170),
        new("right arm", 40, 0, 230, 170, 60),
    ];

    /// <summary>The added hat's inside (only with <see cref="FigureEdits.HatAdded"/>).</summary>
    public static FigurePart Hat { get; } = new("hat", 0, -95, 90, 20, 120);

    /// <summary>The lower half of a split torso (with <see cref="FigureEdits.TorsoSplit"/>; the upper half keeps the torso's point).</summary>
    public static FigurePart LowerTorso { get; } = new("lower torso", 0, 22, 200, 40, 40);

    public static FigurePart Part(string name) => Parts.Single(p => p.Name == name);

    /// <summary>Black anti-aliased lines on white.</summary>
    public static RgbaImage LineArt(int width, int height, FigurePose pose, FigureEdits edits = FigureEdits.None)
    {
        var image = new RgbaImage(width, height);
        Array.Fill(image.Pixels, (byte)255);
        foreach (IReadOnlyList<(double X, double Y)> line in Lines(edits))
        {
            for (int k = 0; k + 1 < line.Count; k++)
            {
                (double x0, double y0) = pose.Place(line[k].X, line[k].Y);
                (double x1, double y1) = pose.Place(line[k + 1].X, line[k + 1].Y);
                Segment(image, x0, y0, x1, y1, Math.Max(2.0, 2.5 * pose.Scale));
            }
        }

        return image;
    }

    /// <summary>
    /// The line art coloured part by part: every part of <paramref name="parts"/>
    /// flood-filled from its point over the paper (lighter than mid grey), the
    /// lines kept; the rest stays white.
    /// </summary>
    public static RgbaImage Coloured(RgbaImage lineArt, FigurePose pose, IEnumerable<FigurePart> parts)
    {
        RgbaImage coloured = lineArt.Clone();
        var filled = new bool[lineArt.PixelCount];
        foreach (FigurePart part in parts)
        {
            (int x, int y) = Pixel(part, pose);
            Flood(coloured, lineArt, filled, x, y, part);
        }

        return coloured;
    }

    /// <summary>The pixel a part's point lands on.</summary>
    public static (int X, int Y) Pixel(FigurePart part, FigurePose pose)
    {
        (double x, double y) = pose.Place(part.X, part.Y);
        return ((int)Math.Round(x), (int)Math.Round(y));
    }

    private static IEnumerable<IReadOnlyList<(double X, double Y)>> Lines(FigureEdits edits)
    {
        yield return Ellipse(0, -50, 35, 30);
        yield return [(-30, -68), (30, -68)];
        yield return Ellipse(-13, -55, 7, 7);
        if (!edits.HasFlag(FigureEdits.RightEyeRemoved))
        {
            yield return Ellipse(14, -55, 9, 5);
        }

        yield return [(-30, -20), (30, -20), (30, 40), (-30, 40), (-30, -20)];
        yield return [(-30, 30), (30, 30)];
        yield return [(-30, 40), (-45, 75), (45, 75), (30, 40)];
        yield return [(-30, -15), (-55, -15), (-55, 40), (-30, 40)];
        yield return [(30, -15), (50, -15), (50, 15), (30, 15)];
        if (edits.HasFlag(FigureEdits.TorsoSplit))
        {
            yield return [(-30, 14), (30, 14)];
        }

        if (edits.HasFlag(FigureEdits.HatAdded))
        {
            // A hat sitting on the hair, its brim on the head's top.
            yield return [(-20, -73), (-14, -108), (14, -108), (20, -73)];
        }
    }

    private static List<(double, double)> Ellipse(double cx, double cy, double rx, double ry)
    {
        var points = new List<(double, double)>();
        for (int k = 0; k <= 48; k++)
        {
            double a = 2 * Math.PI * k / 48;
            points.Add((cx + (rx * Math.Cos(a)), cy + (ry * Math.Sin(a))));
        }

        return points;
    }

    private static void Segment(RgbaImage image, double x0, double y0, double x1, double y1, double width)
    {
        double half = width / 2, dx = x1 - x0, dy = y1 - y0, lengthSquared = Math.Max(1e-9, (dx * dx) + (dy * dy));
        int left = Math.Max(0, (int)Math.Floor(Math.Min(x0, x1) - half - 1)), right = Math.Min(image.Width - 1, (int)Math.Ceiling(Math.Max(x0, x1) + half + 1));
        int top = Math.Max(0, (int)Math.Floor(Math.Min(y0, y1) - half - 1)), bottom = Math.Min(image.Height - 1, (int)Math.Ceiling(Math.Max(y0, y1) + half + 1));
        for (int y = top; y <= bottom; y++)
        {
            for (int x = left; x <= right; x++)
            {
                double t = Math.Clamp((((x - x0) * dx) + ((y - y0) * dy)) / lengthSquared, 0, 1);
                double px = x0 + (t * dx) - x, py = y0 + (t * dy) - y;
                double coverage = Math.Clamp(half + 0.5 - Math.Sqrt((px * px) + (py * py)), 0, 1);
                int o = ((y * image.Width) + x) * 4;
                byte ink = (byte)Math.Round(255 * (1 - coverage));
                for (int c = 0; c < 3; c++)
                {
                    image.Pixels[o + c] = Math.Min(image.Pixels[o + c], ink);
                }
            }
        }
    }

    private static void Flood(RgbaImage target, RgbaImage lineArt, bool[] filled, int x, int y, FigurePart part)
    {
        int width = lineArt.Width;
        bool Paper(int p) => !filled[p] && lineArt.Pixels[p * 4] > 128;
        int start = (y * width) + x;
        if (!Paper(start))
        {
            return;
        }

        var queue = new Queue<int>();
        queue.Enqueue(start);
        filled[start] = true;
        while (queue.Count > 0)
        {
            int p = queue.Dequeue();
            int o = p * 4;
            // Multiply the part's colour by the line's darkness, so anti-aliased edges stay.
            double shade = lineArt.Pixels[o] / 255.0;
            target.Pixels[o] = (byte)Math.Round(part.R * shade);
            target.Pixels[o + 1] = (byte)Math.Round(part.G * shade);
            target.Pixels[o + 2] = (byte)Math.Round(part.B * shade);
            int px = p % width, py = p / width;
            foreach (int q in (int[])[px > 0 ? p - 1 : -1, px + 1 < width ? p + 1 : -1, py > 0 ? p - width : -1, py + 1 < lineArt.Height ? p + width : -1])
            {
                if (q >= 0 && Paper(q))
                {
                    filled[q] = true;
                    queue.Enqueue(q);
                }
            }
        }
    }
}
