using ColorizeBridge.Api.V1;
using ColorizeBridge.Cli.Commands;

namespace ColorizeBridge.Cli.Tests.Commands;

/// <summary>The values of --palette and --tags.</summary>
public sealed class ConditionArgumentsTests
{
    [Fact]
    public void ParsePalette_ColoursWithAndWithoutWeights()
    {
        IReadOnlyList<PaletteEntry> palette = ConditionArguments.ParsePalette("#aabbcc, DDEEFF:2 ,#010203:0.5");

        Assert.Equal(
            [(0xAAu, 0xBBu, 0xCCu, 1f), (0xDDu, 0xEEu, 0xFFu, 2f), (1u, 2u, 3u, 0.5f)],
            palette.Select(e => (e.Color.R, e.Color.G, e.Color.B, e.Weight)));
    }

    [Theory]
    [InlineData("", "--palette is empty")]
    [InlineData("#ff00", "--palette: \"#ff00\" is not a colour; write #rrggbb with six hex digits")]
    [InlineData("#gg0000", "--palette: \"#gg0000\" is not a colour")]
    [InlineData("red", "--palette: \"red\" is not a colour")]
    [InlineData("#ff0000,,#00ff00", "--palette: colour 2 of 3 is empty")]
    [InlineData("#ff0000:", "--palette: the weight \"\" of #ff0000 must be a positive number")]
    [InlineData("#ff0000:abc", "--palette: the weight \"abc\" of #ff0000 must be a positive number")]
    [InlineData("#ff0000:0", "--palette: the weight \"0\" of #ff0000 must be a positive number")]
    [InlineData("#ff0000:-1", "--palette: the weight \"-1\" of #ff0000 must be a positive number")]
    [InlineData("#ff0000:NaN", "--palette: the weight \"NaN\" of #ff0000 must be a positive number")]
    public void ParsePalette_Malformed_IsAUsageErrorShowingTheForm(string text, string expected)
    {
        var error = Assert.Throws<CliUsageException>(() => ConditionArguments.ParsePalette(text));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void ParsePalette_ThirtyThreeColours_IsAUsageError()
    {
        var error = Assert.Throws<CliUsageException>(() => ConditionArguments.ParsePalette(string.Join(",", Enumerable.Repeat("#123456", 33))));

        Assert.Equal("--palette has 33 colours; a palette has at most 32", error.Message);
    }

    [Fact]
    public void ParseTags_SplitsOnCommasAndTrims() =>
        Assert.Equal(["red", "Blue"], ConditionArguments.ParseTags(" red , Blue"));

    [Theory]
    [InlineData(" ", "--tags is empty")]
    [InlineData("red,,blue", "--tags: tag 2 of 3 is empty")]
    [InlineData("red,", "--tags: tag 2 of 2 is empty")]
    public void ParseTags_Malformed_IsAUsageError(string text, string expected)
    {
        var error = Assert.Throws<CliUsageException>(() => ConditionArguments.ParseTags(text));

        Assert.StartsWith(expected, error.Message);
    }
}
