using ColorizeBridge.Api.V1;
using ColorizeBridge.PaintDotNet.Core.Imaging;
using ColorizeBridge.PaintDotNet.Core.Requests;
using Google.Protobuf;

namespace ColorizeBridge.PaintDotNet.Tests.Requests;

public sealed class ColorizeResultReaderTests
{
    [Fact]
    public void Read_RawRgbaOfTheAreasSize_IsItsBgra()
    {
        ColorizeResult result = Raw(2, 1, PixelFormat.Rgba8, [10, 20, 30, 255, 40, 50, 60, 255]);

        BgraBitmap bitmap = ColorizeResultReader.Read(result, 2, 1);

        Assert.Equal([30, 20, 10, 255, 60, 50, 40, 255], bitmap.Pixels);
    }

    [Fact]
    public void Read_Png_ThrowsInvalidData()
    {
        var result = new ColorizeResult { Image = new Image { Png = ByteString.CopyFrom(1, 2, 3) } };

        Assert.Throws<InvalidDataException>(() => ColorizeResultReader.Read(result, 2, 1));
    }

    [Fact]
    public void Read_OtherSize_ThrowsInvalidData()
    {
        ColorizeResult result = Raw(1, 1, PixelFormat.Rgba8, [1, 2, 3, 4]);

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => ColorizeResultReader.Read(result, 2, 1));

        Assert.Contains("1x1", error.Message);
    }

    [Fact]
    public void Read_PixelsOfWrongLength_ThrowsInvalidData()
    {
        ColorizeResult result = Raw(2, 1, PixelFormat.Rgba8, [1, 2, 3, 4]);

        Assert.Throws<InvalidDataException>(() => ColorizeResultReader.Read(result, 2, 1));
    }

    private static ColorizeResult Raw(int width, int height, PixelFormat format, byte[] pixels) => new()
    {
        Image = new Image { Raw = new RawImage { Width = (uint)width, Height = (uint)height, Format = format, Pixels = ByteString.CopyFrom(pixels) } },
    };
}
