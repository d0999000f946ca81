using System.Buffers.Binary;
using System.Security.Cryptography;
using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;
using Xunit.Abstractions;

namespace ColorizeBridge.Imaging.Tests.Codecs;

/// <summary>Real-world coverage: Debian's openclipart-png decoded by SkiaSharp and by PIL.</summary>
public sealed partial class ImageDecoderTests
{
    /// <summary>Files above this are left to the opt-in full run so the sample stays within seconds.</summary>
    private const long SampleMaxPixels = 4_000_000;

    private const int SampleSize = 500;

    private readonly ITestOutputHelper _output;

    public ImageDecoderTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [OpenClipartFact]
    public void Decode_DeterministicOpenClipartSample_MatchesPilPixelForPixel()
    {
        // Arrange: every n-th file by path, plus the first file of each colour type / depth.
        string[] candidates = OpenClipart.Files.Value
            .Where(path => HeaderOf(path).PixelCount <= SampleMaxPixels)
            .ToArray();
        int step = Math.Max(1, candidates.Length / SampleSize);
        string[] sample = candidates.Where((_, index) => index % step == 0)
            .Concat(candidates.GroupBy(path => KindOf(path)).Select(group => group.First()))
            .Distinct()
            .ToArray();

        // Act + Assert
        AssertMatchesPil(sample, ImageDecoderOptions.Default);
    }

    [OpenClipartFact]
    public void Decode_OpenClipartFileOverPixelLimit_ThrowsLimitError()
    {
        string? huge = OpenClipart.Files.Value.FirstOrDefault(
            path => HeaderOf(path).PixelCount > ImageDecoderOptions.Default.MaxPixels);
        Assert.NotNull(huge);

        byte[] png = File.ReadAllBytes(huge);
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ImageFormatException>(() => ImageDecoder.Decode(png));

        Assert.Contains("exceeds the limit", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "refused before pixel memory was allocated");
    }

    [OpenClipartFullRunFact]
    public void Decode_EveryOpenClipartFile_MatchesPilPixelForPixel()
    {
        // Everything one RGBA buffer can hold is compared; the rest must be refused cleanly.
        var options = new ImageDecoderOptions { MaxPixels = Array.MaxLength / RgbaImage.BytesPerPixel, MaxDimension = 65536 };
        ILookup<bool, string> fits = OpenClipart.Files.Value.ToLookup(path => HeaderOf(path).PixelCount <= options.MaxPixels);

        foreach (string tooLarge in fits[false])
        {
            Assert.Throws<ImageFormatException>(() => ImageDecoder.Decode(File.ReadAllBytes(tooLarge), options));
        }

        AssertMatchesPil([.. fits[true]], options);
    }

    private void AssertMatchesPil(IReadOnlyList<string> files, ImageDecoderOptions options)
    {
        string[] reference = PythonReference.RunScript(["hash"], string.Join('\n', files))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(files.Count, reference.Length);
        var failures = new List<string>();
        foreach (string line in reference)
        {
            string[] fields = line.Split('\t');
            string path = fields[^1];
            if (fields[0] == "ERROR")
            {
                failures.Add($"{path}: PIL could not read it ({fields[1]})");
                continue;
            }

            RgbaImage decoded = ImageDecoder.Decode(File.ReadAllBytes(path), options);
            string digest = Convert.ToHexStringLower(SHA256.HashData(decoded.Pixels));
            if (digest != fields[0] || decoded.Width != int.Parse(fields[1]) || decoded.Height != int.Parse(fields[2]))
            {
                failures.Add($"{path}: differs from PIL ({KindOf(path)})");
            }
        }

        _output.WriteLine($"{files.Count} openclipart PNGs compared with PIL, {failures.Count} differ.");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
    }

    /// <summary>
    /// Size, colour type, bit depth and interlace straight from IHDR (signature +
    /// IHDR are the first 33 bytes): reading only those keeps the scan of 8000
    /// files cheap, and the sample picks one file of each kind.
    /// </summary>
    private static (long PixelCount, string Kind) HeaderOf(string path)
    {
        using FileStream file = File.OpenRead(path);
        var start = new byte[33];
        file.ReadExactly(start);
        long pixels = (long)BinaryPrimitives.ReadUInt32BigEndian(start.AsSpan(16)) * BinaryPrimitives.ReadUInt32BigEndian(start.AsSpan(20));
        return (pixels, $"colour type {start[25]}/{start[24]} bit{(start[28] == 1 ? "/interlaced" : string.Empty)}");
    }

    private static string KindOf(string path) => HeaderOf(path).Kind;
}
