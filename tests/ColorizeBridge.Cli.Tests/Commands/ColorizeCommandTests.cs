using ColorizeBridge.Tests.Shared;
using ColorizeBridge.Cli.Tests.Support;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Cli.Tests.Commands;

/// <summary>`colorize` with the engine in-process (no --server).</summary>
public sealed class ColorizeCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _models;

    public ColorizeCommandTests()
    {
        _models = _temp.CreateFolder("models");
        FixtureModels.Install(_models, TestModels.TinyModel, isDefault: true, preferredSide: 64);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Colorize_LineArtAndHints_WritesPngOfTheLineArtsSize()
    {
        string lineArt = TestImages.WriteLineArt(_temp.PathOf("cat.png"), 90, 60);
        string hints = TestImages.WriteHints(_temp.PathOf("cat.hints.png"), 90, 60);
        string output = _temp.PathOf("cat.out.png");

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, "--device", "cpu", lineArt, "--hints", hints, "-o", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        RgbaImage result = TestImages.Read(output);
        Assert.Equal((90, 60), (result.Width, result.Height));
        Assert.Equal(output, run.Stdout.Trim());
        Assert.Contains("cat.png: model", run.Stderr);
    }

    [Fact]
    public async Task Colorize_Layers_WritesLinesShadingFlatsAndRegionsBesideTheOutput()
    {
        string lineArt = TestImages.WriteLineArt(_temp.PathOf("dog.png"), 64, 48);
        string output = _temp.PathOf("dog.out.png");

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, lineArt, "--layers", "-o", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] layers = [.. new[] { "lines", "shading", "flats", "regions" }.Select(name => _temp.PathOf($"dog.out.{name}.png"))];
        Assert.Equal([output, .. layers], run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.All(layers, path => Assert.Equal((64, 48), (TestImages.Read(path).Width, TestImages.Read(path).Height)));
    }

    [Fact]
    public async Task Colorize_FolderWithOneBadFile_ColoursTheOthersReportsTheBadOneAndExitsOne()
    {
        string input = _temp.CreateFolder("in");
        string hintsFolder = _temp.CreateFolder("hints");
        TestImages.WriteLineArt(Path.Combine(input, "a.png"), 64, 64);
        TestImages.WriteLineArt(Path.Combine(input, "c.png"), 40, 72);
        TestImages.WriteHints(Path.Combine(hintsFolder, "c.png"), 40, 72);
        File.WriteAllText(Path.Combine(input, "b.png"), "not a png");
        File.WriteAllText(Path.Combine(input, "notes.txt"), "ignored: not a .png");
        string output = _temp.PathOf("out");

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, input, "--hints-dir", hintsFolder, "-o", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(["a.png", "c.png"], Directory.GetFiles(output).Select(Path.GetFileName).Order());
        Assert.Equal((40, 72), (TestImages.Read(Path.Combine(output, "c.png")).Width, TestImages.Read(Path.Combine(output, "c.png")).Height));
        Assert.Contains($"error: b.png: INVALID_ARGUMENT: {Path.Combine(input, "b.png")}:", run.Stderr);
        Assert.Contains($"colorized 2 of 3 files into {output}; 1 failed", run.Stderr);
    }

    [Fact]
    public async Task Colorize_FolderOfGoodFiles_ExitsZero()
    {
        string input = _temp.CreateFolder("in");
        TestImages.WriteLineArt(Path.Combine(input, "a.png"), 48, 48);
        string output = _temp.PathOf("out");

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, input, "-o", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(output, "a.png")));
        Assert.Contains("colorized 1 of 1 files", run.Stderr);
    }

    [Fact]
    public async Task Colorize_FolderWithAJpeg_WritesItsResultAsPng()
    {
        string input = _temp.CreateFolder("in");
        TestImages.WriteLineArt(Path.Combine(input, "a.png"), 48, 48);
        TestImages.WriteLineArtJpeg(Path.Combine(input, "scan.jpg"), 56, 40);
        string output = _temp.PathOf("out");

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, input, "-o", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["a.png", "scan.png"], Directory.GetFiles(output).Select(Path.GetFileName).Order());
        Assert.Equal((56, 40), (TestImages.Read(Path.Combine(output, "scan.png")).Width, TestImages.Read(Path.Combine(output, "scan.png")).Height));
    }

    [Fact]
    public async Task Colorize_FolderWithTwoFilesOfOneName_ExitsTwoBeforeColouring()
    {
        string input = _temp.CreateFolder("in");
        TestImages.WriteLineArt(Path.Combine(input, "a.png"), 48, 48);
        TestImages.WriteLineArtJpeg(Path.Combine(input, "a.jpg"), 48, 48);
        string output = _temp.PathOf("out");

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, input, "-o", output);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("a.jpg and a.png would both be written to a.png", run.Stderr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Colorize_MissingInputFile_ExitsTwoNamingTheFile()
    {
        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, _temp.PathOf("missing.png"), "-o", _temp.PathOf("out.png"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: line art '{_temp.PathOf("missing.png")}' does not exist", run.Stderr.Trim());
    }

    [Fact]
    public async Task Colorize_InputIsNotAPng_ExitsOneWithInvalidArgument()
    {
        string notPng = _temp.PathOf("photo.png");
        File.WriteAllText(notPng, "GIF89a, not a PNG at all");

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, notPng, "-o", _temp.PathOf("out.png"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"error: INVALID_ARGUMENT: {notPng}: This is a GIF image, which is not accepted: send a PNG, JPEG or WebP image.", run.Stderr);
        Assert.DoesNotContain("line_art", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.False(File.Exists(_temp.PathOf("out.png")));
    }

    [Fact]
    public async Task Colorize_UnknownModel_ExitsOneWithNotFoundListingTheModels()
    {
        string lineArt = TestImages.WriteLineArt(_temp.PathOf("a.png"), 32, 32);

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, "--model", "nope", lineArt, "-o", _temp.PathOf("out.png"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: NOT_FOUND: Unknown model 'nope'. Available: tiny.", run.Stderr);
    }

    [Fact]
    public async Task Colorize_NoModelInstalled_SaysSoAndExitsOne()
    {
        string empty = _temp.CreateFolder("no-models");
        string lineArt = TestImages.WriteLineArt(_temp.PathOf("a.png"), 32, 32);

        CliRun run = await CliRun.RunAsync("colorize", "--models", empty, lineArt, "-o", _temp.PathOf("out.png"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: FAILED_PRECONDITION: No trained model is installed", run.Stderr);
        Assert.False(File.Exists(_temp.PathOf("out.png")));
    }

    [Fact]
    public async Task Colorize_OutputFolderDoesNotExist_ExitsTwoBeforeAnyWork()
    {
        string lineArt = TestImages.WriteLineArt(_temp.PathOf("a.png"), 32, 32);
        string output = _temp.PathOf("missing-folder", "out.png");

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, lineArt, "-o", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Stderr);
        Assert.DoesNotContain("a.png: decode", run.Stderr);
    }

    [Fact]
    public async Task Colorize_WithoutOutput_ExitsTwoSayingWhatIsMissing()
    {
        string lineArt = TestImages.WriteLineArt(_temp.PathOf("a.png"), 32, 32);

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, lineArt);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'--output' is required", run.Stderr);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-64")]
    public async Task Colorize_WorkSideNotPositive_ExitsTwo(string workSide)
    {
        string lineArt = TestImages.WriteLineArt(_temp.PathOf("a.png"), 32, 32);

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, "--work-side", workSide, lineArt, "-o", _temp.PathOf("out.png"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--work-side must be a positive number of pixels", run.Stderr);
    }

    [Fact]
    public async Task Colorize_GapSize_ClosesAGapTheDefaultLeavesOpen()
    {
        // Arrange: a box whose right side is open by 12 px (over the default 3 and the flats' 9 px neck cut),
        // with a red hint inside it.
        var art = new RgbaImage(96, 64);
        art.Pixels.AsSpan().Fill(255);
        for (int y = 12; y < 52; y++)
        {
            for (int x = 20; x < 76; x++)
            {
                bool outline = x < 22 || x >= 74 || y < 14 || y >= 50;
                bool gap = x >= 74 && y is >= 26 and < 38;
                if (outline && !gap)
                {
                    art.Pixels.AsSpan(((y * 96) + x) * 4, 3).Clear();
                }
            }
        }

        string lineArt = _temp.PathOf("box.png");
        File.WriteAllBytes(lineArt, ColorizeBridge.Imaging.Codecs.ImageEncoder.EncodePng(art));
        string hints = _temp.PathOf("box.hints.png");
        File.WriteAllBytes(hints, ColorizeBridge.Imaging.Codecs.ImageEncoder.EncodePng(RedSquare(96, 64, 40, 28)));

        // Act
        CliRun closed = await CliRun.RunAsync("colorize", "--models", _models, lineArt, "--hints", hints, "--gap-size", "16", "--layers", "-o", _temp.PathOf("closed.png"));
        CliRun open = await CliRun.RunAsync("colorize", "--models", _models, lineArt, "--hints", hints, "--layers", "-o", _temp.PathOf("open.png"));

        // Assert: closed, the box is a region of its own, red, and the page around it paper; the default's regions differ.
        Assert.True(closed.ExitCode == 0 && open.ExitCode == 0, closed.ToString() + open);
        string regions = _temp.PathOf("closed.regions.png");
        Assert.NotEqual(TestImages.PixelAt(regions, 48, 32), TestImages.PixelAt(regions, 5, 5));
        Assert.NotEqual(TestImages.PixelAt(regions, 48, 32), TestImages.PixelAt(regions, 86, 32));
        RgbaImage flats = TestImages.Read(_temp.PathOf("closed.flats.png"));
        Assert.Equal([255, 0, 0, 255], flats.Pixels.AsSpan(((32 * 96) + 48) * 4, 4).ToArray());
        Assert.Equal(0, flats.Pixels[(((32 * 96) + 86) * 4) + 3]);
        Assert.NotEqual(TestImages.Read(regions).Pixels, TestImages.Read(_temp.PathOf("open.regions.png")).Pixels);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("-3")]
    public async Task Colorize_GapSizeOutOfRange_ExitsTwoSayingTheRange(string gapSize)
    {
        string lineArt = TestImages.WriteLineArt(_temp.PathOf("a.png"), 32, 32);

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, "--gap-size", gapSize, lineArt, "-o", _temp.PathOf("out.png"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--gap-size must be 1 to 64 pixels, got {gapSize}", run.Stderr);
        Assert.False(File.Exists(_temp.PathOf("out.png")));
    }

    [Fact]
    public async Task Colorize_GapSizeWithRaw_ExitsTwo()
    {
        string lineArt = TestImages.WriteLineArt(_temp.PathOf("a.png"), 32, 32);

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, "--gap-size", "5", "--raw", lineArt, "-o", _temp.PathOf("out.png"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--gap-size closes gaps for the flats, and --raw returns the model's own colour", run.Stderr);
    }

    private static RgbaImage RedSquare(int width, int height, int left, int top)
    {
        var image = new RgbaImage(width, height);
        for (int y = top; y < top + 6; y++)
        {
            for (int x = left; x < left + 6; x++)
            {
                image.Pixels.AsSpan(((y * width) + x) * 4, 4).Fill(0);
                image.Pixels[((y * width) + x) * 4] = 255;
                image.Pixels[(((y * width) + x) * 4) + 3] = 255;
            }
        }

        return image;
    }

    [Fact]
    public async Task Colorize_WorkSideOutsideTheModelsRange_ExitsOneWithInvalidArgument()
    {
        string lineArt = TestImages.WriteLineArt(_temp.PathOf("a.png"), 32, 32);

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, "--work-side", "4096", lineArt, "-o", _temp.PathOf("out.png"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: INVALID_ARGUMENT: options.work_side is 4096", run.Stderr);
    }

    [Fact]
    public async Task Colorize_Raw_WritesTheModelsOutputInsteadOfColourUnderTheLines()
    {
        string lineArt = TestImages.WriteLineArt(_temp.PathOf("a.png"), 64, 64);

        CliRun composited = await CliRun.RunAsync("colorize", "--models", _models, lineArt, "-o", _temp.PathOf("composited.png"));
        CliRun raw = await CliRun.RunAsync("colorize", "--models", _models, "--raw", lineArt, "-o", _temp.PathOf("raw.png"));

        Assert.True(composited.ExitCode == 0 && raw.ExitCode == 0, composited.ToString() + raw);
        Assert.NotEqual(TestImages.Read(_temp.PathOf("composited.png")).Pixels, TestImages.Read(_temp.PathOf("raw.png")).Pixels);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Colorize_OutputIsTheInput_ExitsTwoAndLeavesTheLineArtAlone(bool folder)
    {
        string input = folder ? _temp.CreateFolder("pages") : _temp.PathOf("a.png");
        string lineArt = TestImages.WriteLineArt(folder ? Path.Combine(input, "a.png") : input, 32, 32);
        byte[] before = File.ReadAllBytes(lineArt);

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, input, "-o", input);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the line art would be overwritten", run.Stderr);
        Assert.Equal(before, File.ReadAllBytes(lineArt));
    }

    [Fact]
    public async Task Colorize_HintsWithAFolderInput_ExitsTwoPointingToHintsDir()
    {
        string input = _temp.CreateFolder("in");
        string hints = TestImages.WriteHints(_temp.PathOf("h.png"), 32, 32);

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, input, "--hints", hints, "-o", _temp.PathOf("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--hints-dir", run.Stderr);
    }
}
