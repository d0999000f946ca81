using System.Security.Cryptography;
using ColorizeBridge.Imaging.Png;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;
using Xunit.Abstractions;

namespace ColorizeBridge.Imaging.Tests.Png;

/// <summary>Real-world coverage: Debian's openclipart-png decoded by us and by PIL.</summary>
public sealed partial class PngDecoderTests
{
    /// <summary>Files above this are left to the opt-in full run so the sample stays within seconds.</summary>
    private const long SampleMaxPixels = 4_000_000;

    private const int SampleSize = 500;

    private readonly ITestOutputHelper _output;

    public PngDecoderTests(ITestOutputHelper output)
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
        AssertMatchesPil(sample, PngDecoderOptions.Default);
    }

    [OpenClipartFact]
    public void Decode_OpenClipartFileOverPixelLimit_ThrowsLimitError()
    {
        string? huge = OpenClipart.Files.Value.FirstOrDefault(
            path => HeaderOf(path).PixelCount > PngDecoderOptions.Default.MaxPixels);
        Assert.NotNull(huge);

        var error = Assert.Throws<ImageFormatException>(() => PngDecoder.Decode(File.ReadAllBytes(huge)));

        Assert.Contains("exceeds the limit", error.Message);
    }

    [OpenClipartFullRunFact]
    public void Decode_EveryOpenClipartFile_MatchesPilPixelForPixel()
    {
        // Everything one RGBA buffer can hold is compared; the rest must be refused cleanly.
        var options = new PngDecoderOptions { MaxPixels = Array.MaxLength / RgbaImage.BytesPerPixel, MaxDimension = 65536 };
        ILookup<bool, string> fits = OpenClipart.Files.Value.ToLookup(path => HeaderOf(path).PixelCount <= options.MaxPixels);

        foreach (string tooLarge in fits[false])
        {
            Assert.Throws<ImageFormatException>(() => PngDecoder.Decode(File.ReadAllBytes(tooLarge), options));
        }

        AssertMatchesPil([.. fits[true]], options);
    }

    private void AssertMatchesPil(IReadOnlyList<string> files, PngDecoderOptions options)
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

            RgbaImage decoded = PngDecoder.Decode(File.ReadAllBytes(path), options);
            string digest = Convert.ToHexStringLower(SHA256.HashData(decoded.Pixels));
            if (digest != fields[0] || decoded.Width != int.Parse(fields[1]) || decoded.Height != int.Parse(fields[2]))
            {
                failures.Add($"{path}: differs from PIL ({KindOf(path)})");
            }
        }

        _output.WriteLine($"{files.Count} openclipart PNGs compared with PIL, {failures.Count} differ.");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
    }

    /// <summary>Signature + IHDR are the first 33 bytes; reading only those keeps the scan of 8000 files cheap.</summary>
    private static PngInfo HeaderOf(string path)
    {
        using FileStream file = File.OpenRead(path);
        var start = new byte[33];
        file.ReadExactly(start);
        return PngDecoder.ReadHeader(start);
    }

    private static string KindOf(string path)
    {
        PngInfo info = HeaderOf(path);
        return $"{info.ColorType}/{info.BitDepth}{(info.Interlaced ? "/interlaced" : string.Empty)}";
    }
}
