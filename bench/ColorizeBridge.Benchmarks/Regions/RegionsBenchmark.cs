using System.Diagnostics;
using System.Globalization;
using ColorizeBridge.Benchmarks.ImagePath;
using ColorizeBridge.Imaging.Flats;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;

namespace ColorizeBridge.Benchmarks.Regions;

/// <summary>
/// The `regions` verb: times <see cref="RegionFinder.Find"/> and
/// <see cref="FlatPainter.Paint"/> on the sample line art scaled to a square
/// page (issue 16 asks for a 2048² page in well under a second) and prints the
/// median in ms and ms per megapixel. A third row times the flats when the
/// largest region (the page) holds two hints of different colours, so
/// <see cref="RivalHintSplit"/> divides all of it: the dearest case of that step.
/// </summary>
internal static class RegionsBenchmark
{
    public static void Run(int side, int count, TextWriter output)
    {
        ImagePathOperations sample = ImagePathOperations.FromSample(Paths.Samples, side);
        LineArtLayer lineArt = sample.Layer;
        RgbaImage modelColour = Gradient(side);

        // Warm-up: JIT and first-touch page faults out of the timings.
        RegionMap regions = RegionFinder.Find(lineArt);
        FlatPainter.Paint(regions, sample.Hints, modelColour);
        RgbaImage rivals = WithRivalsInTheLargestRegion(regions, sample.Hints);
        FlatPainter.Paint(regions, rivals, modelColour);

        var find = new double[count];
        var paint = new double[count];
        var divide = new double[count];
        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            regions = RegionFinder.Find(lineArt);
            find[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            start = Stopwatch.GetTimestamp();
            FlatPainter.Paint(regions, sample.Hints, modelColour);
            paint[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            start = Stopwatch.GetTimestamp();
            FlatPainter.Paint(regions, rivals, modelColour);
            divide[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        double megapixels = side * (double)side / 1e6;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| step | {side}² median ms | ms per megapixel |"));
        output.WriteLine("|---|---:|---:|");
        Row(output, "regions (ink, gap closing, growth, specks, stats)", Median(find), megapixels);
        Row(output, "flats (hints, per-region median, shading, hint fidelity)", Median(paint), megapixels);
        Row(output, "flats, the page divided between two rival hints", Median(divide), megapixels);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\n{regions.Count} regions, {count} runs, {Environment.ProcessorCount} cores"));
    }

    private static void Row(TextWriter output, string name, double milliseconds, double megapixels) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {milliseconds:F0} | {milliseconds / megapixels:F1} |"));

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        return sorted[sorted.Length / 2];
    }

    /// <summary>The hints plus a red and a blue 6x6 dot at the first and last interior pixel of the largest region.</summary>
    private static RgbaImage WithRivalsInTheLargestRegion(RegionMap regions, RgbaImage? hints)
    {
        var layer = new RgbaImage(regions.Width, regions.Height);
        hints?.Pixels.CopyTo(layer.Pixels, 0);
        int largest = 0;
        for (int i = 1; i < regions.Count; i++)
        {
            largest = regions.Stats[i].Area > regions.Stats[largest].Area ? i : largest;
        }

        int first = -1, last = -1;
        for (int p = 0; p < regions.Labels.Length; p++)
        {
            if (regions.Labels[p] == largest && regions.Roles[p] == PixelRole.Interior)
            {
                first = first < 0 ? p : first;
                last = p;
            }
        }

        Dot(first, 220, 40, 40);
        Dot(last, 40, 60, 220);
        return layer;

        void Dot(int centre, byte r, byte g, byte b)
        {
            int cx = centre % regions.Width, cy = centre / regions.Width;
            for (int y = Math.Max(0, cy - 2); y <= Math.Min(regions.Height - 1, cy + 3); y++)
            {
                for (int x = Math.Max(0, cx - 2); x <= Math.Min(regions.Width - 1, cx + 3); x++)
                {
                    int o = ((y * regions.Width) + x) * 4;
                    (layer.Pixels[o], layer.Pixels[o + 1], layer.Pixels[o + 2], layer.Pixels[o + 3]) = (r, g, b, 255);
                }
            }
        }
    }

    /// <summary>A smooth colour field standing in for the model's output: every region gets a median to find.</summary>
    private static RgbaImage Gradient(int side)
    {
        var image = new RgbaImage(side, side);
        for (int y = 0; y < side; y++)
        {
            for (int x = 0; x < side; x++)
            {
                int o = ((y * side) + x) * 4;
                image.Pixels[o] = (byte)(x * 255 / side);
                image.Pixels[o + 1] = (byte)(y * 255 / side);
                image.Pixels[o + 2] = 160;
                image.Pixels[o + 3] = 255;
            }
        }

        return image;
    }
}
