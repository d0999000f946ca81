using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Colorization.Conditions;
using static ColorizeBridge.Engine.Tests.Support.ConditionFixtures;

namespace ColorizeBridge.Engine.Tests.Colorization.Conditions;

/// <summary>The palette as the 512-bin histogram of docs/MODELS.md, and the errors naming the entry.</summary>
public sealed class PaletteConditionTests
{
    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(255, 255, 255, 511)]
    [InlineData(255, 0, 0, 448)]
    [InlineData(0, 255, 0, 56)]
    [InlineData(0, 0, 255, 7)]
    [InlineData(31, 32, 95, (0 * 64) + (1 * 8) + 2)]
    public void PaletteBin_IsTopThreeBitsOfRThenGThenB(int r, int g, int b, int bin) =>
        Assert.Equal(bin, PaletteCondition.Bin(r, g, b));

    [Fact]
    public void PaletteHistogram_WeightZeroOnEveryEntry_GivesEqualShares()
    {
        float[] histogram = PaletteCondition.Histogram([Entry(255, 0, 0), Entry(0, 0, 255), Entry(0, 255, 0), Entry(255, 255, 255)], "hints.palette");

        Assert.Equal(512, histogram.Length);
        Assert.Equal(0.25f, histogram[448]);
        Assert.Equal(0.25f, histogram[7]);
        Assert.Equal(0.25f, histogram[56]);
        Assert.Equal(0.25f, histogram[511]);
        Assert.Equal(4, histogram.Count(v => v != 0));
    }

    [Fact]
    public void PaletteHistogram_Weights_AreNormalisedToSumToOne()
    {
        float[] histogram = PaletteCondition.Histogram([Entry(255, 0, 0, 3), Entry(0, 0, 255, 1)], "hints.palette");

        Assert.Equal(0.75f, histogram[448]);
        Assert.Equal(0.25f, histogram[7]);
        Assert.Equal(1f, histogram.Sum(), 5);
    }

    [Fact]
    public void PaletteHistogram_TwoEntriesInOneBin_Add()
    {
        // #ff0000 and #e01010 both fall in bin (7, 0, 0).
        float[] histogram = PaletteCondition.Histogram([Entry(255, 0, 0), Entry(224, 16, 16), Entry(0, 0, 255)], "hints.palette");

        Assert.Equal(2f / 3, histogram[448], 6);
        Assert.Equal(1f / 3, histogram[7], 6);
        Assert.Equal(2, histogram.Count(v => v != 0));
    }

    [Fact]
    public void PaletteHistogram_ZeroWeightAmongWeighted_AddsNothing()
    {
        float[] histogram = PaletteCondition.Histogram([Entry(255, 0, 0, 2), Entry(0, 0, 255, 0)], "hints.palette");

        Assert.Equal(1f, histogram[448]);
        Assert.Equal(0f, histogram[7]);
    }

    [Fact]
    public void PaletteHistogram_ThirtyThreeEntries_IsInvalidArgumentSayingTheLimit()
    {
        PaletteEntry[] entries = [.. Enumerable.Range(0, 33).Select(i => Entry((uint)i * 7, 0, 0))];

        var error = Assert.Throws<InvalidRequestException>(() => PaletteCondition.Histogram(entries, "hints.palette"));

        Assert.Equal("hints.palette", error.Field);
        Assert.Equal("hints.palette has 33 entries; send 1..32 colours", error.Message);
    }

    [Fact]
    public void PaletteHistogram_ThirtyTwoEntries_IsAccepted() =>
        Assert.Equal(1f, PaletteCondition.Histogram([.. Enumerable.Range(0, 32).Select(i => Entry((uint)i * 8, 0, 0))], "hints.palette").Sum(), 5);

    [Theory]
    [InlineData("no colour", "hints.palette[1].color must be set, with r, g and b in 0..255")]
    [InlineData("colour over 255", "hints.palette[1].color must be set, with r, g and b in 0..255")]
    [InlineData("negative weight", "hints.palette[1].weight must be a finite number >= 0")]
    [InlineData("NaN weight", "hints.palette[1].weight must be a finite number >= 0")]
    public void PaletteHistogram_BadEntry_NamesTheEntry(string problem, string expected)
    {
        PaletteEntry bad = problem switch
        {
            "no colour" => new PaletteEntry { Weight = 1 },
            "colour over 255" => Entry(256, 0, 0),
            "negative weight" => Entry(1, 2, 3, -1),
            _ => Entry(1, 2, 3, float.NaN),
        };

        var error = Assert.Throws<InvalidRequestException>(() => PaletteCondition.Histogram([Entry(9, 9, 9), bad], "hints.palette"));

        Assert.StartsWith(expected, error.Message);
    }
}
