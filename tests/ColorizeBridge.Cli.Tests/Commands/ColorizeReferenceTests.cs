using ColorizeBridge.Cli.Tests.Support;
using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Tests.Shared;

namespace ColorizeBridge.Cli.Tests.Commands;

/// <summary>
/// `colorize` with a reference page and over sequences (issue 17), the engine
/// in-process: a named page, --sequence, --chain and --resume, and their usage errors.
/// </summary>
public sealed class ColorizeReferenceTests : IDisposable
{
    private const int Side = 200;
    private static readonly FigurePose ReferencePose = new(95, 100, Scale: 0.9);
    private static readonly FigurePose[] PagePoses = [new(100, 105, Scale: 0.85), new(110, 95, Scale: 0.8, TurnDegrees: 10), new(95, 100, Scale: 0.9, TurnDegrees: -8)];
    private static readonly (int R, int G, int B) Blue = (20, 60, 220);
    private static readonly (int R, int G, int B) Green = (30, 190, 70);

    private readonly TempFolder _temp = new();
    private readonly string _models;

    public ColorizeReferenceTests()
    {
        _models = _temp.CreateFolder("models");
        FixtureModels.Install(_models, TestModels.TinyModel, isDefault: true, preferredSide: 64);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Colorize_NamedReferencePage_FlatsTakeItsColours()
    {
        (string lines, string colours) = WriteReference();
        string input = WritePage(_temp.PathOf("page.png"), PagePoses[1]);
        string output = _temp.PathOf("page.out.png");

        CliRun run = await Colorize(input, "-o", output, "--layers", "--reference-lines", lines, "--reference-colours", colours);

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (FigurePart part in FigurePages.Parts)
        {
            Assert.Equal((part.R, part.G, part.B), FlatAt(_temp.PathOf("page.out.flats.png"), part, PagePoses[1]));
        }

        Assert.True(File.Exists(_temp.PathOf("page.out.match.png")), run.ToString());
    }

    [Fact]
    public async Task Colorize_SequenceWithANamedReference_SteersEveryPageInNaturalOrderAndKeepsOnlyTheFlats()
    {
        (string lines, string colours) = WriteReference();
        string input = _temp.CreateFolder("pages");
        WritePage(Path.Combine(input, "page10.png"), PagePoses[0]);
        WritePage(Path.Combine(input, "page2.png"), PagePoses[1]);
        WritePage(Path.Combine(input, "page1.png"), PagePoses[2]);
        string output = _temp.PathOf("out");

        CliRun run = await Colorize(input, "-o", output, "--sequence", "--reference-lines", lines, "--reference-colours", colours);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["page1.png", "page1.flats.png", "page2.png", "page2.flats.png", "page10.png", "page10.flats.png"],
            run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Path.GetFileName));
        FigurePart torso = FigurePages.Part("torso");
        Assert.Equal((torso.R, torso.G, torso.B), FlatAt(Path.Combine(output, "page10.flats.png"), torso, PagePoses[0]));
    }

    [Fact]
    public async Task Colorize_SequenceWithoutReference_FirstPagesResultSteersEveryLaterPage()
    {
        string input = _temp.CreateFolder("pages");
        string hints = _temp.CreateFolder("hints");
        WritePages(input);
        WriteTorsoHint(Path.Combine(hints, "p1.png"), PagePoses[0], Blue);
        WriteTorsoHint(Path.Combine(hints, "p2.png"), PagePoses[1], Green);
        string output = _temp.PathOf("out");

        CliRun run = await Colorize(input, "-o", output, "--sequence", "--hints-dir", hints);

        Assert.True(run.ExitCode == 0, run.ToString());
        FigurePart torso = FigurePages.Part("torso");
        Assert.Equal(Green, FlatAt(Path.Combine(output, "p2.flats.png"), torso, PagePoses[1]));
        Assert.Equal(Blue, FlatAt(Path.Combine(output, "p3.flats.png"), torso, PagePoses[2]));
    }

    [Fact]
    public async Task Colorize_Chain_EachPageFollowsThePreviousResult()
    {
        string input = _temp.CreateFolder("pages");
        string hints = _temp.CreateFolder("hints");
        WritePages(input);
        WriteTorsoHint(Path.Combine(hints, "p1.png"), PagePoses[0], Blue);
        WriteTorsoHint(Path.Combine(hints, "p2.png"), PagePoses[1], Green);
        string output = _temp.PathOf("out");

        CliRun run = await Colorize(input, "-o", output, "--chain", "--hints-dir", hints);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Green, FlatAt(Path.Combine(output, "p3.flats.png"), FigurePages.Part("torso"), PagePoses[2]));
        Assert.Contains("p3.png: model", run.Stderr);
    }

    [Fact]
    public async Task Colorize_ChainResumed_SkipsDonePagesAndTheLastDoneOneSteersTheNext()
    {
        string input = _temp.CreateFolder("pages");
        string hints = _temp.CreateFolder("hints");
        WritePage(Path.Combine(input, "p1.png"), PagePoses[0]);
        WriteTorsoHint(Path.Combine(hints, "p1.png"), PagePoses[0], Blue);
        string output = _temp.PathOf("out");
        CliRun first = await Colorize(input, "-o", output, "--chain", "--hints-dir", hints);
        Assert.True(first.ExitCode == 0, first.ToString());
        byte[] firstResult = File.ReadAllBytes(Path.Combine(output, "p1.png"));
        WritePage(Path.Combine(input, "p2.png"), PagePoses[1]);
        File.Delete(Path.Combine(hints, "p1.png"));

        CliRun run = await Colorize(input, "-o", output, "--chain", "--resume");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("p1.png: skipped", run.Stderr);
        Assert.Equal(firstResult, File.ReadAllBytes(Path.Combine(output, "p1.png")));
        Assert.Equal(Blue, FlatAt(Path.Combine(output, "p2.flats.png"), FigurePages.Part("torso"), PagePoses[1]));
        Assert.Equal([Path.Combine(output, "p2.png"), Path.Combine(output, "p2.flats.png")],
            run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("lines only", "--reference-lines needs --reference-colours")]
    [InlineData("colours only", "--reference-colours needs --reference-lines")]
    [InlineData("missing reference file", "--reference-colours: the file")]
    [InlineData("sequence of one file", "--sequence goes with a folder")]
    [InlineData("chain of one file", "--chain goes with a folder")]
    [InlineData("resume of one file", "--resume goes with a folder")]
    [InlineData("raw with a reference", "--raw returns the model's own colour")]
    [InlineData("raw with a sequence", "--raw returns the model's own colour")]
    public async Task Colorize_BadReferenceOrSequenceArguments_ExitTwoSayingWhy(string fault, string message)
    {
        (string lines, string colours) = WriteReference();
        string file = WritePage(_temp.PathOf("page.png"), PagePoses[0]);
        string folder = _temp.CreateFolder("pages");
        WritePage(Path.Combine(folder, "p1.png"), PagePoses[0]);
        string[] args = fault switch
        {
            "lines only" => [file, "--reference-lines", lines],
            "colours only" => [file, "--reference-colours", colours],
            "missing reference file" => [file, "--reference-lines", lines, "--reference-colours", _temp.PathOf("nope.png")],
            "sequence of one file" => [file, "--sequence"],
            "chain of one file" => [file, "--chain"],
            "resume of one file" => [file, "--resume"],
            "raw with a reference" => [file, "--raw", "--reference-lines", lines, "--reference-colours", colours],
            "raw with a sequence" => [folder, "--raw", "--sequence"],
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "no such case"),
        };

        CliRun run = await Colorize([.. args, "-o", _temp.PathOf("out.png")]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, run.Stderr);
        Assert.False(File.Exists(_temp.PathOf("out.png")));
    }

    [Fact]
    public async Task Colorize_ReferenceColoursOfAnotherSize_NamesTheFile()
    {
        (string lines, _) = WriteReference();
        string small = TestImages.WriteSolid(_temp.PathOf("small.png"), 50, 50, 200, 10, 10);
        string input = WritePage(_temp.PathOf("page.png"), PagePoses[0]);

        CliRun run = await Colorize(input, "-o", _temp.PathOf("out.png"), "--reference-lines", lines, "--reference-colours", small);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains($"{small} is 50x50", run.Stderr);
    }

    private Task<CliRun> Colorize(params string[] args) => CliRun.RunAsync(["colorize", "--models", _models, "--device", "cpu", .. args]);

    private (string Lines, string Colours) WriteReference()
    {
        RgbaImage lines = FigurePages.LineArt(Side, Side, ReferencePose);
        string linesPath = _temp.PathOf("reference.png"), coloursPath = _temp.PathOf("reference.coloured.png");
        File.WriteAllBytes(linesPath, ImageEncoder.EncodePng(lines));
        File.WriteAllBytes(coloursPath, ImageEncoder.EncodePng(FigurePages.Coloured(lines, ReferencePose, FigurePages.Parts)));
        return (linesPath, coloursPath);
    }

    private static string WritePage(string path, FigurePose pose)
    {
        File.WriteAllBytes(path, ImageEncoder.EncodePng(FigurePages.LineArt(Side, Side, pose)));
        return path;
    }

    /// <summary>p1, p2 and p3 in <paramref name="folder"/>, posed as <see cref="PagePoses"/>.</summary>
    private static void WritePages(string folder)
    {
        for (int i = 0; i < PagePoses.Length; i++)
        {
            WritePage(Path.Combine(folder, $"p{i + 1}.png"), PagePoses[i]);
        }
    }

    /// <summary>A hint layer with one dot of <paramref name="colour"/> in the torso.</summary>
    private static void WriteTorsoHint(string path, FigurePose pose, (int R, int G, int B) colour)
    {
        var layer = new RgbaImage(Side, Side);
        (int x, int y) = FigurePages.Pixel(FigurePages.Part("torso"), pose);
        for (int dy = -2; dy <= 2; dy++)
        {
            for (int dx = -2; dx <= 2; dx++)
            {
                int o = (((y + dy) * Side) + x + dx) * 4;
                (layer.Pixels[o], layer.Pixels[o + 1], layer.Pixels[o + 2], layer.Pixels[o + 3]) = ((byte)colour.R, (byte)colour.G, (byte)colour.B, 255);
            }
        }

        File.WriteAllBytes(path, ImageEncoder.EncodePng(layer));
    }

    private static (int R, int G, int B) FlatAt(string flatsPath, FigurePart part, FigurePose pose)
    {
        (int x, int y) = FigurePages.Pixel(part, pose);
        return TestImages.PixelAt(flatsPath, x, y);
    }
}
