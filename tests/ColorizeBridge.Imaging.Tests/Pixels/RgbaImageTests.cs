using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Tests.Pixels;

public sealed class RgbaImageTests
{
    [Fact]
    public void Constructor_BufferOfWrongLength_ThrowsWithExpectedAndActual()
    {
        var error = Assert.Throws<ArgumentException>(() => new RgbaImage(4, 4, new byte[63]));

        Assert.Contains("63 bytes", error.Message);
        Assert.Contains("needs 64", error.Message);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Constructor_ZeroSize_Throws(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RgbaImage(width, height));
    }

    [Fact]
    public void Constructor_SizeBeyondOneBuffer_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RgbaImage(50_000, 50_000));
    }

    [Fact]
    public void IsOpaque_OnePixelBelow255_ReturnsFalse()
    {
        var image = new RgbaImage(3, 3);
        image.Pixels.AsSpan().Fill(255);
        image.Pixels[(4 * 4) + 3] = 254;

        Assert.False(image.IsOpaque());
    }

    [Fact]
    public void GetRow_ReturnsThatRowsPixels()
    {
        var image = new RgbaImage(2, 3);
        image.Pixels[(2 * 4 * 2) + 1] = 9;

        Span<byte> row = image.GetRow(2);

        Assert.Equal(8, row.Length);
        Assert.Equal(9, row[1]);
    }
}
