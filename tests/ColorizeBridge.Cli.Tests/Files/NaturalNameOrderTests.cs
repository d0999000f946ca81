using ColorizeBridge.Cli.Files;

namespace ColorizeBridge.Cli.Tests.Files;

public sealed class NaturalNameOrderTests
{
    [Fact]
    public void Compare_NumberedPages_SortsByTheNumbers()
    {
        string[] names = ["page10.png", "page2.png", "page1.png", "page02b.png", "cover.png", "page002.png"];

        string[] sorted = [.. names.Order(NaturalNameOrder.Instance)];

        Assert.Equal(["cover.png", "page1.png", "page002.png", "page2.png", "page02b.png", "page10.png"], sorted);
    }

    [Fact]
    public void Compare_NamesWithoutDigits_IsOrdinal()
    {
        Assert.True(NaturalNameOrder.Instance.Compare("a.png", "b.png") < 0);
        Assert.True(NaturalNameOrder.Instance.Compare("B.png", "a.png") < 0);
        Assert.Equal(0, NaturalNameOrder.Instance.Compare("same.png", "same.png"));
    }
}
