using ColorizeBridge.PaintDotNet.Core.Imaging;

namespace ColorizeBridge.PaintDotNet.Tests.Imaging;

public sealed class SelectionMaskTests
{
    [Fact]
    public void Everything_CoversTheWholeLayerAsARectangle()
    {
        SelectionMask mask = SelectionMask.Everything(4, 3);

        Assert.Equal(new PixelRect(0, 0, 4, 3), mask.Bounds);
        Assert.True(mask.IsRectangle);
    }

    [Fact]
    public void IsRectangle_PartlyCoveredPixel_IsFalse()
    {
        var mask = new SelectionMask(new PixelRect(2, 2, 2, 1), [255, 128]);

        Assert.False(mask.IsRectangle);
    }

    [Fact]
    public void ClearOutside_ScalesAlphaByCoverageAndKeepsColour()
    {
        var mask = new SelectionMask(new PixelRect(0, 0, 3, 1), [255, 128, 0]);
        var crop = new BgraBitmap(3, 1, [1, 2, 3, 255, 4, 5, 6, 255, 7, 8, 9, 200]);

        mask.ClearOutside(crop);

        Assert.Equal([1, 2, 3, 255, 4, 5, 6, 128, 7, 8, 9, 0], crop.Pixels);
    }

    [Fact]
    public void ClearOutside_CropOfAnotherSize_Throws()
    {
        var mask = new SelectionMask(new PixelRect(0, 0, 2, 1), [255, 255]);

        Assert.Throws<ArgumentException>(() => mask.ClearOutside(new BgraBitmap(1, 1)));
    }

    [Fact]
    public void Constructor_CoverageOfWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SelectionMask(new PixelRect(0, 0, 2, 2), new byte[3]));
    }
}
