using System.Diagnostics;
using ColorizeBridge.Benchmarks.ImagePath;
using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Png;
using SkiaSharp;

namespace ColorizeBridge.Benchmarks.Codecs;

/// <summary>
/// Issue 15 item 5: decode and encode time per megapixel, SkiaSharp against
/// the managed PNG codec it replaces, on the same images in one process, the
/// contenders alternating within each round so machine load hits both alike.
/// Kept only until the managed codec is deleted; the table it printed is in
/// docs/BENCHMARKS.md with the commit that ran it.
/// </summary>
internal static class CodecComparison
{
    private static readonly (string Name, SKPngEncoderOptions Options)[] SkiaSettings =
    [
        ("Skia default (all filters, zlib 6)", new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6)),
        ("Skia all filters, zlib 1", new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 1)),
        ("Skia Sub, zlib 1", new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 1)),
        ("Skia Up, zlib 1", new SKPngEncoderOptions(SKPngEncoderFilterFlags.Up, 1)),
        ("Skia filter None, zlib 1", new SKPngEncoderOptions(SKPngEncoderFilterFlags.None, 1)),
        ("Skia filter None, zlib 2", new SKPngEncoderOptions(SKPngEncoderFilterFlags.None, 2)),
        ("Skia filter None, zlib 0 (stored)", new SKPngEncoderOptions(SKPngEncoderFilterFlags.None, 0)),
    ];

    public static void Run(int rounds, TextWriter output)
    {
        RgbaImage sampleArt = PngDecoder.Decode(File.ReadAllBytes(Path.Combine(Paths.Samples, "lineart.png")));
        RgbaImage sampleHints = PngDecoder.Decode(File.ReadAllBytes(Path.Combine(Paths.Samples, "hints.png")));
        RgbaImage sampleColour = PngDecoder.Decode(File.ReadAllBytes(Path.Combine(Paths.Samples, "original.png")));
        output.WriteLine("| image | side | operation | ms (median) | ms / MP | PNG bytes |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (int side in new[] { 512, 1024 })
        {
            RgbaImage lineArt = ImagePathOperations.Square(sampleArt, side, white: true);
            var images = new (string Name, RgbaImage Image)[]
            {
                ("line art (RGB, flat)", lineArt),
                ("model-like colour (RGB, noisy)", ModelLikeColour(ImagePathOperations.Square(sampleColour, side, white: true), lineArt)),
                ("hint layer (RGBA, sparse)", ImagePathOperations.Square(sampleHints, side, white: false)),
            };
            foreach ((string name, RgbaImage image) in images)
            {
                Compare(name, side, image, rounds, output);
            }
        }
    }

    private static void Compare(string name, int side, RgbaImage image, int rounds, TextWriter output)
    {
        byte[] oldPng = PngEncoder.Encode(image);
        byte[] skiaPng = ImageEncoder.EncodePng(image);
        // Both decoders must agree with the source pixels before their speed means anything.
        foreach (byte[] png in new[] { oldPng, skiaPng })
        {
            if (!PngDecoder.Decode(png).Pixels.AsSpan().SequenceEqual(image.Pixels) || !ImageDecoder.Decode(png).Pixels.AsSpan().SequenceEqual(image.Pixels))
            {
                throw new InvalidOperationException($"{name} at {side}: a round trip changed the pixels");
            }
        }

        var operations = new List<(string Name, Func<int> Run)>
        {
            ("decode: managed", () => PngDecoder.Decode(oldPng).Width),
            ("decode: Skia", () => ImageDecoder.Decode(oldPng).Width),
            ("encode: managed (no filter, Fastest)", () => PngEncoder.Encode(image).Length),
        };
        operations.AddRange(SkiaSettings.Select(setting => ($"encode: {setting.Name}", (Func<int>)(() => ImageEncoder.EncodePng(image, setting.Options).Length))));

        var times = operations.Select(_ => new List<double>()).ToArray();
        var sizes = new int[operations.Count];
        for (int round = -2; round < rounds; round++)
        {
            for (int i = 0; i < operations.Count; i++)
            {
                long start = Stopwatch.GetTimestamp();
                int result = operations[i].Run();
                double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (round >= 0)
                {
                    times[i].Add(ms);
                }

                if (operations[i].Name.StartsWith("encode", StringComparison.Ordinal))
                {
                    sizes[i] = result;
                }
            }
        }

        double megapixels = side * (double)side / 1e6;
        for (int i = 0; i < operations.Count; i++)
        {
            double median = times[i].Order().ElementAt(times[i].Count / 2);
            string bytes = sizes[i] > 0 ? sizes[i].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{oldPng.Length} (input)";
            output.WriteLine(FormattableString.Invariant($"| {name} | {side}² | {operations[i].Name} | {median:F2} | {median / megapixels:F2} | {bytes} |"));
        }
    }

    /// <summary>Clip-art colour with per-pixel noise of a network's output (±8 per channel, seeded), ink of the line art multiplied in.</summary>
    private static RgbaImage ModelLikeColour(RgbaImage colour, RgbaImage lineArt)
    {
        var random = new Random(15);
        var result = new RgbaImage(colour.Width, colour.Height);
        for (int i = 0; i < colour.Pixels.Length; i += 4)
        {
            for (int c = 0; c < 3; c++)
            {
                int noisy = Math.Clamp(colour.Pixels[i + c] + random.Next(-8, 9), 0, 255);
                result.Pixels[i + c] = (byte)(noisy * lineArt.Pixels[i + c] / 255);
            }

            result.Pixels[i + 3] = 255;
        }

        return result;
    }
}
