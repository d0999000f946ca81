using ColorizeBridge.Imaging.Geometry;

namespace ColorizeBridge.Imaging.Tests.Geometry;

public sealed class SizeRulesTests
{
    [Theory]
    [InlineData(0, 64, 2048, 512)]
    [InlineData(32, -1, 2048, 512)]
    [InlineData(32, 64, 2048, 0)]
    public void Constructor_NonPositiveValue_Throws(int multipleOf, int minSide, int maxSide, int preferredSide)
    {
        Assert.Throws<ArgumentException>(() => new SizeRules(multipleOf, minSide, maxSide, preferredSide));
    }

    [Fact]
    public void Constructor_NoMultipleBetweenMinAndMax_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new SizeRules(32, 70, 90, 80));

        Assert.Contains("no valid side", error.Message);
    }

    [Fact]
    public void SmallestAndLargestSide_AreMinAndMaxRoundedInward()
    {
        var rules = new SizeRules(32, 50, 1000, 512);

        Assert.Equal(64, rules.SmallestSide);
        Assert.Equal(992, rules.LargestSide);
    }
}
