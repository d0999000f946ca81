using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Tests.Pixels;

public sealed class GrayImageTests
{
    [Fact]
    public void Constructor_BufferOfWrongLength_ThrowsWithExpectedAndActual()
    {
        var error = Assert.Throws<ArgumentException>(() => new GrayImage(3, 3, new byte[10]));

        Assert.Contains("10 bytes", error.Message);
        Assert.Contains("needs 9", error.Message);
    }

    [Fact]
    public void ToRgba_CopiesGreyToEveryChannelOpaque()
    {
        var image = new GrayImage(2, 1, [7, 200]);

        RgbaImage rgba = image.ToRgba();

        Assert.Equal(new byte[] { 7, 7, 7, 255, 200, 200, 200, 255 }, rgba.Pixels);
    }
}
