using ColorizeBridge.PaintDotNet.Core.Imaging;

namespace ColorizeBridge.PaintDotNet.Tests.Imaging;

public sealed class PixelConversionTests
{
    [Fact]
    public void ToGrayOnWhite_TransparentPixel_IsWhitePaperWhateverItsColour()
    {
        var bitmap = new BgraBitmap(1, 1, [0, 0, 0, 0]);

        byte[] gray = PixelConversion.ToGrayOnWhite(bitmap);

        Assert.Equal([255], gray);
    }

    [Fact]
    public void ToGrayOnWhite_OpaquePixels_AreTheirLuma()
    {
        var bitmap = new BgraBitmap(4, 1, [0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 255, 255, 0, 255, 0, 255]);

        byte[] gray = PixelConversion.ToGrayOnWhite(bitmap);

        Assert.Equal([0, 255, 77, 149], gray);
    }

    [Fact]
    public void ToGrayOnWhite_HalfTransparentBlack_IsMidGrey()
    {
        var bitmap = new BgraBitmap(1, 1, [0, 0, 0, 128]);

        byte[] gray = PixelConversion.ToGrayOnWhite(bitmap);

        Assert.Equal([127], gray);
    }

    [Fact]
    public void FromRgba_SwapsRedAndBlueKeepsGreenAndAlpha()
    {
        BgraBitmap bitmap = PixelConversion.FromRgba(2, 1, [10, 20, 30, 40, 50, 60, 70, 80]);

        Assert.Equal([30, 20, 10, 40, 70, 60, 50, 80], bitmap.Pixels);
    }

    [Fact]
    public void FromRgba_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => PixelConversion.FromRgba(2, 2, new byte[15]));
    }
}
