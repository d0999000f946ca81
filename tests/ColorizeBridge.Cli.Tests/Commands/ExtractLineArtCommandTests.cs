using ColorizeBridge.Cli.Tests.Support;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Cli.Tests.Commands;

/// <summary>`extract-lineart` with the engine in-process (it needs no model).</summary>
public sealed class ExtractLineArtCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("xdog", "--sigma", "0.5")]
    [InlineData("threshold", "--threshold", "0.2")]
    public async Task ExtractLineArt_EitherMethod_WritesGreyLineArtOfTheSameSize(string method, string flag, string value)
    {
        string input = TestImages.WriteLineArt(_temp.PathOf("drawing.png"), 70, 50);
        string output = _temp.PathOf("lines.png");

        CliRun run = await CliRun.RunAsync("extract-lineart", "--models", _temp.Root, "--method", method, flag, value, input, "-o", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(output, run.Stdout.Trim());
        RgbaImage lines = TestImages.Read(output);
        Assert.Equal((70, 50), (lines.Width, lines.Height));
        Assert.True(IsGrey(lines), "line art is black on white: R = G = B everywhere");
    }

    [Theory]
    [InlineData("xdog", "--threshold", "0.2", "--threshold applies to --method threshold")]
    [InlineData("threshold", "--sigma", "0.5", "--sigma applies to --method xdog")]
    [InlineData("xdog", "--sigma", "-1", "--sigma must be above 0")]
    [InlineData("threshold", "--threshold", "1.5", "--threshold must be between 0 and 1")]
    public async Task ExtractLineArt_FlagThatDoesNotFit_ExitsTwoSayingWhy(string method, string flag, string value, string message)
    {
        string input = TestImages.WriteLineArt(_temp.PathOf("drawing.png"), 32, 32);

        CliRun run = await CliRun.RunAsync("extract-lineart", "--method", method, flag, value, input, "-o", _temp.PathOf("lines.png"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
    }

    [Fact]
    public async Task ExtractLineArt_UnknownMethod_ExitsTwo()
    {
        string input = TestImages.WriteLineArt(_temp.PathOf("drawing.png"), 32, 32);

        CliRun run = await CliRun.RunAsync("extract-lineart", "--method", "canny", input, "-o", _temp.PathOf("lines.png"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("canny", run.Stderr);
    }

    private static bool IsGrey(RgbaImage image)
    {
        for (int i = 0; i < image.Pixels.Length; i += 4)
        {
            if (image.Pixels[i] != image.Pixels[i + 1] || image.Pixels[i] != image.Pixels[i + 2])
            {
                return false;
            }
        }

        return true;
    }
}
