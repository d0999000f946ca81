using ColorizeBridge.Cli.Tests.Support;
using ColorizeBridge.Tests.Shared;

namespace ColorizeBridge.Cli.Tests.Commands;

/// <summary>
/// `colorize --palette/--reference/--tags` with the fixture models of each
/// kind, whose output colour shows what steered them (tests/fixtures/kinds/),
/// in-process and on a server.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ModelKindsCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _models;
    private readonly string _lineArt;
    private readonly ServerFixture _server;

    public ModelKindsCommandTests(ServerFixture server)
    {
        _server = server;
        _models = _temp.CreateFolder("models");
        foreach (string kind in FixtureModels.Kinds)
        {
            FixtureModels.InstallKind(_models, kind);
        }

        _lineArt = TestImages.WriteLineArt(_temp.PathOf("a.png"), 64, 48);
    }

    public void Dispose() => _temp.Dispose();

    private static void AssertNear((int R, int G, int B) expected, (int R, int G, int B) actual) =>
        Assert.True(Math.Abs(expected.R - actual.R) <= 2 && Math.Abs(expected.G - actual.G) <= 2 && Math.Abs(expected.B - actual.B) <= 2,
            $"expected about {expected}, got {actual}");

    /// <summary>
    /// Colours the line art in-process (or on the server) and returns the
    /// model's own colour (--raw) on the paper, away from the lines: flats leave the paper white.
    /// </summary>
    private async Task<(int R, int G, int B)> PaperColourAsync(bool onServer, params string[] flags)
    {
        string output = _temp.PathOf($"out-{Guid.NewGuid():N}.png");
        string[] where = onServer ? ["--server", _server.Address] : ["--models", _models, "--device", "cpu"];
        CliRun run = await CliRun.RunAsync(["colorize", .. where, "--raw", .. flags, _lineArt, "-o", output]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return TestImages.PixelAt(output, 16, 12);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Palette_SetsTheColour(bool onServer)
    {
        // The fixture gives the weighted mean of the bin centres: red's bin is (240, 16, 16), blue's (16, 16, 240).
        AssertNear((240, 16, 16), await PaperColourAsync(onServer, "--model", "fixture-palette", "--palette", "#ff0000"));
        AssertNear((72, 16, 184), await PaperColourAsync(onServer, "--model", "fixture-palette", "--palette", "#ff0000,#0000ff:3"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reference_SetsTheColour(bool onServer)
    {
        string reference = TestImages.WriteSolid(_temp.PathOf("ref.png"), 120, 80, 40, 160, 90);

        AssertNear((40, 160, 90), await PaperColourAsync(onServer, "--model", "fixture-reference", "--reference", reference));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Tags_SetTheColour(bool onServer)
    {
        AssertNear((0, 255, 0), await PaperColourAsync(onServer, "--model", "fixture-tags", "--tags", "green"));
        AssertNear((128, 0, 128), await PaperColourAsync(onServer, "--model", "fixture-tags", "--tags", "Red, blue"));
    }

    [Fact]
    public async Task Auto_NeedsNothing() =>
        AssertNear((255, 191, 0), await PaperColourAsync(false, "--model", "fixture-auto"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FieldTheModelCannotUse_ExitsOneWithInvalidArgumentNamingIt(bool onServer)
    {
        string[] where = onServer ? ["--server", _server.Address] : ["--models", _models];

        CliRun run = await CliRun.RunAsync(["colorize", .. where, "--model", "fixture-auto", "--palette", "#ff0000", _lineArt, "-o", _temp.PathOf("out.png")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: INVALID_ARGUMENT: hints.palette: model 'fixture-auto' is of kind \"auto\" and takes no palette", run.Stderr);
        Assert.False(File.Exists(_temp.PathOf("out.png")));
    }

    [Fact]
    public async Task MissingTheKindsField_ExitsOneWithInvalidArgumentNamingIt()
    {
        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, "--model", "fixture-tags", _lineArt, "-o", _temp.PathOf("out.png"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: INVALID_ARGUMENT: hints.tags is empty: model 'fixture-tags' is of kind \"tags\" and needs at least one of its tags: red, green, blue, yellow, white", run.Stderr);
    }

    [Fact]
    public async Task UnknownTag_ExitsOneListingTheVocabulary()
    {
        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, "--model", "fixture-tags", "--tags", "red,purple", _lineArt, "-o", _temp.PathOf("out.png"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("hints.tags[1] \"purple\" is not a tag of model 'fixture-tags'; its tags: red, green, blue, yellow, white", run.Stderr);
    }

    [Theory]
    [InlineData("--palette", "#ff00", "error: --palette: \"#ff00\" is not a colour")]
    [InlineData("--palette", "#ff0000:heavy", "error: --palette: the weight \"heavy\" of #ff0000 must be a positive number")]
    [InlineData("--tags", "red,,blue", "error: --tags: tag 2 of 3 is empty")]
    [InlineData("--reference", "missing.png", "error: reference '")]
    public async Task MalformedValue_ExitsTwoBeforeAnyWork(string flag, string value, string expected)
    {
        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, "--model", "fixture-palette", flag, value, _lineArt, "-o", _temp.PathOf("out.png"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, run.Stderr.Trim());
        Assert.DoesNotContain("a.png: decode", run.Stderr);
        Assert.False(File.Exists(_temp.PathOf("out.png")));
    }

    [Fact]
    public async Task Folder_EveryFileGetsThePalette()
    {
        string input = _temp.CreateFolder("in");
        TestImages.WriteLineArt(Path.Combine(input, "a.png"), 64, 48);
        TestImages.WriteLineArt(Path.Combine(input, "b.png"), 48, 64);
        string output = _temp.PathOf("out");

        CliRun run = await CliRun.RunAsync("colorize", "--models", _models, "--raw", "--model", "fixture-palette", "--palette", "0000ff", input, "-o", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertNear((16, 16, 240), TestImages.PixelAt(Path.Combine(output, "a.png"), 16, 12));
        AssertNear((16, 16, 240), TestImages.PixelAt(Path.Combine(output, "b.png"), 12, 16));
    }
}
