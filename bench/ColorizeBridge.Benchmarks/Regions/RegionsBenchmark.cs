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
/// median in ms and ms per megapixel.
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

        var find = new double[count];
        var paint = new double[count];
        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            regions = RegionFinder.Find(lineArt);
            find[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            start = Stopwatch.GetTimestamp();
            FlatPainter.Paint(regions, sample.Hints, modelColour);
            paint[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        double megapixels = side * (double)side / 1e6;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| step | {side}² median ms | ms per megapixel |"));
        output.WriteLine("|---|---:|---:|");
        Row(output, "regions (ink, gap closing, growth, specks, stats)", Median(find), megapixels);
        Row(output, "flats (hints, per-region median, shading, hint fidelity)", Median(paint), megapixels);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\n{regions.Count} regions, {count} runs, {Environment.ProcessorCount} cores"));
    }

    private static void Row(TextWriter output, string name, double milliseconds, double megapixels) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {milliseconds:F0} | {milliseconds / megapixels:F1} |"));

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        return sorted[sorted.Length / 2];
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
