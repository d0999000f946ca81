using ColorizeBridge.PaintDotNet.Core.Imaging;

namespace ColorizeBridge.PaintDotNet.Tests.Imaging;

public sealed class PixelRectTests
{
    [Fact]
    public void Intersect_Overlapping_IsTheSharedPart()
    {
        PixelRect shared = new PixelRect(0, 0, 10, 10).Intersect(new PixelRect(5, 8, 10, 10));

        Assert.Equal(new PixelRect(5, 8, 5, 2), shared);
    }

    [Fact]
    public void Intersect_Apart_IsEmpty()
    {
        PixelRect shared = new PixelRect(0, 0, 4, 4).Intersect(new PixelRect(4, 0, 4, 4));

        Assert.True(shared.IsEmpty);
    }

    [Fact]
    public void RelativeTo_MovesTheOriginKeepsTheSize()
    {
        PixelRect moved = new PixelRect(12, 7, 3, 4).RelativeTo(new PixelRect(10, 5, 20, 20));

        Assert.Equal(new PixelRect(2, 2, 3, 4), moved);
    }

    [Fact]
    public void Contains_IncludesTheTopLeftExcludesTheBottomRight()
    {
        var rect = new PixelRect(2, 3, 4, 5);

        Assert.Equal((true, true, false, false), (rect.Contains(2, 3), rect.Contains(5, 7), rect.Contains(6, 7), rect.Contains(5, 8)));
    }
}
