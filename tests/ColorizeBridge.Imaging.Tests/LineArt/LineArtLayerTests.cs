using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.LineArt;

public sealed class LineArtLayerTests
{
    [Fact]
    public void FromImage_EveryOpaqueChannelPair_LayerOverWhiteGivesBackTheInput()
    {
        // Arrange: every (channel, darkest channel) pair: r = c, g = b = m with m <= c.
        var pixels = new List<byte>();
        for (int c = 0; c < 256; c++)
        {
            for (int m = 0; m <= c; m++)
            {
                pixels.AddRange([(byte)c, (byte)m, (byte)m, 255]);
            }
        }

        var image = new RgbaImage(pixels.Count / 4, 1, [.. pixels]);

        // Act: inversion off, since most of these pixels are dark.
        LineArtLayer lineArt = LineArtLayer.FromImage(image, InvertedArtHandling.Never);
        CompositeResult overWhite = LineArtCompositor.Composite(TestImages.Solid(image.Width, 1, 255, 255, 255), lineArt);

        // Assert
        Assert.Equal(image.Pixels, overWhite.Image.Pixels);
    }

    [Fact]
    public void FromImage_RandomOpaqueColours_LayerOverWhiteGivesBackTheInput()
    {
        RgbaImage image = TestImages.Noise(256, 64, seed: 15, opaque: true);

        LineArtLayer lineArt = LineArtLayer.FromImage(image, InvertedArtHandling.Never);
        CompositeResult overWhite = LineArtCompositor.Composite(TestImages.Solid(256, 64, 255, 255, 255), lineArt);

        Assert.Equal(image.Pixels, overWhite.Image.Pixels);
    }

    [Theory]
    [InlineData(0, 0, 0, 0, 0, 0, 255)]
    [InlineData(255, 255, 255, 0, 0, 0, 0)]
    [InlineData(128, 128, 128, 0, 0, 0, 127)]
    [InlineData(255, 0, 0, 255, 0, 0, 255)]
    [InlineData(255, 128, 128, 255, 0, 0, 127)]
    public void FromImage_OpaquePixel_IsColourToAlphaAgainstWhite(byte r, byte g, byte b, byte layerR, byte layerG, byte layerB, byte layerAlpha)
    {
        RgbaImage image = TestImages.Solid(1, 1, r, g, b);

        LineArtLayer lineArt = LineArtLayer.FromImage(image, InvertedArtHandling.Never);

        Assert.Equal(new[] { layerR, layerG, layerB, layerAlpha }, lineArt.Layer.Pixels);
        Assert.Equal(layerAlpha / 255f, lineArt.Ink.Values[0], 6);
    }

    [Fact]
    public void FromImage_BlackAndWhite_ModelGreyIsMinusOneForInkPlusOneForPaper()
    {
        RgbaImage image = RawPixels.ToRgba([0, 255], 2, 1, RawPixelFormat.Gray8);

        LineArtLayer lineArt = LineArtLayer.FromImage(image, InvertedArtHandling.Never);

        Assert.Equal(new[] { -1f, 1f }, lineArt.ModelGrey.Values);
        Assert.Equal(new[] { 1f, 0f }, lineArt.Ink.Values);
    }

    [Fact]
    public void FromImage_LayerWithTransparency_IsKeptAsGiven()
    {
        RgbaImage image = TestImages.Noise(16, 16, seed: 16);

        LineArtLayer lineArt = LineArtLayer.FromImage(image);

        Assert.True(lineArt.HadTransparency);
        Assert.Equal(image.Pixels, lineArt.Layer.Pixels);
        Assert.NotSame(image.Pixels, lineArt.Layer.Pixels);
        Assert.Equal(image.Pixels[3] / 255f, lineArt.Ink.Values[0], 6);
    }

    [Fact]
    public void FromImage_TransparentPaperWithBlackLine_ModelGreySeesWhitePaper()
    {
        var image = new RgbaImage(2, 1, [0, 0, 0, 0, 0, 0, 0, 255]);

        LineArtLayer lineArt = LineArtLayer.FromImage(image);

        Assert.Equal(new[] { 1f, -1f }, lineArt.ModelGrey.Values);
    }

    [Fact]
    public void FromImage_WhiteLinesOnBlack_IsDetectedAndInverted()
    {
        RgbaImage art = TestImages.LineArt(64, 64, seed: 17);
        RgbaImage inverted = Invert(art);

        LineArtLayer lineArt = LineArtLayer.FromImage(inverted);

        Assert.True(lineArt.WasInverted);
        Assert.Equal(LineArtLayer.FromImage(art).Ink.Values, lineArt.Ink.Values);
    }

    [Fact]
    public void FromImage_WhiteLinesOnBlackWithInversionOff_IsTakenAsGiven()
    {
        RgbaImage inverted = Invert(TestImages.LineArt(64, 64, seed: 18));

        LineArtLayer lineArt = LineArtLayer.FromImage(inverted, InvertedArtHandling.Never);

        Assert.False(lineArt.WasInverted);
        Assert.True(lineArt.Ink.Values.Average() > 0.5);
    }

    [Fact]
    public void FromImage_LargeDarkFigureOnWhitePaper_IsNotInverted()
    {
        // 80% of the pixels are black, but the border is white paper.
        RgbaImage image = TestImages.Solid(50, 50, 255, 255, 255);
        for (int y = 3; y < 47; y++)
        {
            image.GetRow(y)[(3 * 4)..(47 * 4)].Clear();
            for (int x = 3; x < 47; x++)
            {
                image.GetRow(y)[(x * 4) + 3] = 255;
            }
        }

        LineArtLayer lineArt = LineArtLayer.FromImage(image);

        Assert.False(lineArt.WasInverted);
    }

    [Fact]
    public void FromImage_AlwaysInvert_InvertsEvenNormalArt()
    {
        RgbaImage image = TestImages.Solid(4, 4, 255, 255, 255);

        LineArtLayer lineArt = LineArtLayer.FromImage(image, InvertedArtHandling.Always);

        Assert.True(lineArt.WasInverted);
        Assert.All(lineArt.Ink.Values, ink => Assert.Equal(1f, ink));
    }

    private static RgbaImage Invert(RgbaImage image)
    {
        RgbaImage inverted = image.Clone();
        for (int i = 0; i < inverted.Pixels.Length; i += 4)
        {
            inverted.Pixels[i] ^= 255;
            inverted.Pixels[i + 1] ^= 255;
            inverted.Pixels[i + 2] ^= 255;
        }

        return inverted;
    }
}
