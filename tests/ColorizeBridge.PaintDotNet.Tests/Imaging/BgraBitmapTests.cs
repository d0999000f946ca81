using ColorizeBridge.PaintDotNet.Core.Imaging;

namespace ColorizeBridge.PaintDotNet.Tests.Imaging;

public sealed class BgraBitmapTests
{
    [Fact]
    public void Crop_InsideArea_CopiesThoseRows()
    {
        var bitmap = new BgraBitmap(3, 2);
        for (int i = 0; i < bitmap.Pixels.Length; i++)
        {
            bitmap.Pixels[i] = (byte)i;
        }

        BgraBitmap crop = bitmap.Crop(new PixelRect(1, 1, 2, 1));

        Assert.Equal((2, 1), (crop.Width, crop.Height));
        Assert.Equal([16, 17, 18, 19, 20, 21, 22, 23], crop.Pixels);
    }

    [Fact]
    public void Crop_ReachingOutside_Throws()
    {
        var bitmap = new BgraBitmap(3, 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => bitmap.Crop(new PixelRect(2, 0, 2, 2)));
    }

    [Fact]
    public void Constructor_PixelsOfWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BgraBitmap(2, 2, new byte[12]));
    }
}
