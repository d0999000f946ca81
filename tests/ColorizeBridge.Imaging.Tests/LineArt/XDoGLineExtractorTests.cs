using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.LineArt;

public sealed class XDoGLineExtractorTests
{
    [Theory]
    [InlineData(255)]
    [InlineData(128)]
    [InlineData(0)]
    public void Extract_FlatImage_IsAllPaper(byte grey)
    {
        RgbaImage image = TestImages.Solid(32, 32, grey, grey, grey);

        GrayImage lines = XDoGLineExtractor.Extract(image);

        Assert.All(lines.Pixels, value => Assert.Equal(255, value));
    }

    [Fact]
    public void Extract_DarkSquareOnWhite_DrawsBlackLinesOnlyAlongItsEdge()
    {
        // Arrange: a 40x40 black square at (20,20) on 80x80 white.
        RgbaImage image = TestImages.Solid(80, 80, 255, 255, 255);
        for (int y = 20; y < 60; y++)
        {
            image.GetRow(y)[(20 * 4)..(60 * 4)].Fill(0);
            for (int x = 20; x < 60; x++)
            {
                image.GetRow(y)[(x * 4) + 3] = 255;
            }
        }

        // Act
        GrayImage lines = XDoGLineExtractor.Extract(image);

        // Assert: only black and white, black pixels exist and lie within 3 px of the edge.
        int black = 0;
        for (int y = 0; y < 80; y++)
        {
            for (int x = 0; x < 80; x++)
            {
                byte value = lines.Pixels[(y * 80) + x];
                Assert.True(value is 0 or 255);
                if (value == 0)
                {
                    black++;
                    int distanceToEdge = Math.Min(Math.Min(Math.Abs(x - 20), Math.Abs(x - 59)), Math.Min(Math.Abs(y - 20), Math.Abs(y - 59)));
                    Assert.True(distanceToEdge <= 3, $"ink at ({x},{y}) is far from the edge");
                }
            }
        }

        Assert.True(black >= 4 * 36, $"only {black} ink pixels along a 160-pixel outline");
    }

    [Fact]
    public void Extract_LargerSigma_DrawsAtLeastAsMuchInk()
    {
        RgbaImage image = TestImages.LineArt(96, 96, seed: 24, inkR: 90, inkG: 40, inkB: 10);

        int thin = XDoGLineExtractor.Extract(image, new XDoGOptions { Sigma = 0.3f }).Pixels.Count(p => p == 0);
        int thick = XDoGLineExtractor.Extract(image, new XDoGOptions { Sigma = 0.5f }).Pixels.Count(p => p == 0);

        Assert.True(thin > 0);
        Assert.True(thick >= thin, $"sigma 0.5 drew {thick} ink pixels, sigma 0.3 drew {thin}");
    }

    [Fact]
    public void Extract_InvalidSigma_Throws()
    {
        var error = Assert.Throws<ArgumentException>(
            () => XDoGLineExtractor.Extract(TestImages.Solid(4, 4, 0, 0, 0), new XDoGOptions { Sigma = 0 }));

        Assert.Contains("sigma 0", error.Message);
    }
}
