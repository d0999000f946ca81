using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Pixels;

public sealed class RawPixelsTests
{
    [Theory]
    [InlineData(RawPixelFormat.Rgba8, 4)]
    [InlineData(RawPixelFormat.Bgra8, 4)]
    [InlineData(RawPixelFormat.Gray8, 1)]
    public void ToRgba_LengthMismatch_ThrowsWithExpectedAndActual(RawPixelFormat format, int bytesPerPixel)
    {
        byte[] pixels = new byte[(10 * 3 * bytesPerPixel) - 1];

        var error = Assert.Throws<ImageFormatException>(() => RawPixels.ToRgba(pixels, 10, 3, format));

        Assert.Contains($"needs {10 * 3 * bytesPerPixel} bytes", error.Message);
        Assert.Contains($"got {pixels.Length}", error.Message);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(5, 0)]
    [InlineData(-1, 5)]
    public void ToRgba_NonPositiveSize_Throws(int width, int height)
    {
        var error = Assert.Throws<ImageFormatException>(() => RawPixels.ToRgba([], width, height, RawPixelFormat.Rgba8));

        Assert.Contains("must be positive", error.Message);
    }

    [Fact]
    public void ToRgba_Bgra8_SwapsRedAndBlue()
    {
        byte[] bgra = [10, 20, 30, 40, 50, 60, 70, 80];

        RgbaImage image = RawPixels.ToRgba(bgra, 2, 1, RawPixelFormat.Bgra8);

        Assert.Equal(new byte[] { 30, 20, 10, 40, 70, 60, 50, 80 }, image.Pixels);
    }

    [Fact]
    public void ToRgba_Gray8_ExpandsToOpaqueGrey()
    {
        RgbaImage image = RawPixels.ToRgba([0, 128, 255], 3, 1, RawPixelFormat.Gray8);

        Assert.Equal(new byte[] { 0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255 }, image.Pixels);
    }

    [Theory]
    [InlineData(RawPixelFormat.Rgba8)]
    [InlineData(RawPixelFormat.Bgra8)]
    public void FromRgba_ThenToRgba_RoundTrips(RawPixelFormat format)
    {
        RgbaImage image = TestImages.Noise(7, 3, seed: 12);

        RgbaImage back = RawPixels.ToRgba(RawPixels.FromRgba(image, format), 7, 3, format);

        Assert.Equal(image.Pixels, back.Pixels);
    }

    [Fact]
    public void FromRgba_Gray8_UsesBt601Luma()
    {
        RgbaImage image = RawPixels.ToRgba([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255], 3, 1, RawPixelFormat.Rgba8);

        byte[] grey = RawPixels.FromRgba(image, RawPixelFormat.Gray8);

        Assert.Equal(new byte[] { 76, 150, 29 }, grey);
    }

    [Fact]
    public void ToGray_LengthMismatch_ThrowsWithExpectedAndActual()
    {
        var error = Assert.Throws<ImageFormatException>(() => RawPixels.ToGray(new byte[5], 2, 2));

        Assert.Contains("needs 4 bytes", error.Message);
        Assert.Contains("got 5", error.Message);
    }
}
