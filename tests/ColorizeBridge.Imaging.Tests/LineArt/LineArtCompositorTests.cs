using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.LineArt;

public sealed class LineArtCompositorTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(200, 0, 90)]
    public void Composite_FullInkPixels_AreTheUsersPixelsByteForByte(byte inkR, byte inkG, byte inkB)
    {
        // Arrange: opaque art whose ink has a channel at 0 (full ink after colour-to-alpha).
        RgbaImage art = TestImages.LineArt(96, 80, seed: 19, inkR, inkG, inkB);
        RgbaImage colour = TestImages.Noise(96, 80, seed: 20, opaque: true);
        LineArtLayer lineArt = LineArtLayer.FromImage(art);

        // Act
        CompositeResult result = LineArtCompositor.Composite(colour, lineArt);

        // Assert
        int fullInk = 0;
        for (int i = 0; i < art.Pixels.Length; i += 4)
        {
            if (lineArt.Layer.Pixels[i + 3] == 255)
            {
                fullInk++;
                Assert.Equal(art.Pixels.AsSpan(i, 4).ToArray(), result.Image.Pixels.AsSpan(i, 4).ToArray());
            }
        }

        Assert.True(fullInk > 50, "the test art must contain full-ink pixels");
    }

    [Fact]
    public void Composite_TransparentLayerPixels_ShowTheColour()
    {
        var layer = new RgbaImage(8, 8);
        layer.Pixels[3] = 255;
        LineArtLayer lineArt = LineArtLayer.FromImage(layer);
        RgbaImage colour = TestImages.Noise(8, 8, seed: 21, opaque: true);

        CompositeResult result = LineArtCompositor.Composite(colour, lineArt);

        Assert.Equal(new byte[] { 0, 0, 0, 255 }, result.Image.Pixels[..4]);
        Assert.Equal(colour.Pixels[4..], result.Image.Pixels[4..]);
    }

    [Fact]
    public void Composite_ReturnsTheFlatColourLayerSeparately()
    {
        LineArtLayer lineArt = LineArtLayer.FromImage(TestImages.LineArt(16, 16, seed: 22));
        RgbaImage colour = TestImages.Noise(16, 16, seed: 23, opaque: true);

        CompositeResult result = LineArtCompositor.Composite(colour, lineArt);

        Assert.Same(colour, result.Colour);
        Assert.True(result.Image.IsOpaque());
    }

    [Fact]
    public void Composite_SizeMismatch_ThrowsNamingBothSizes()
    {
        LineArtLayer lineArt = LineArtLayer.FromImage(TestImages.Solid(10, 20, 255, 255, 255));

        var error = Assert.Throws<ArgumentException>(() => LineArtCompositor.Composite(new RgbaImage(20, 10), lineArt));

        Assert.Contains("20x10", error.Message);
        Assert.Contains("10x20", error.Message);
    }
}
