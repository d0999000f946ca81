using ColorizeBridge.Imaging.Flats;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Flats;

public sealed class RegionIndexImageTests
{
    [Fact]
    public void Encode_PaperIsZeroAndEachRegionReadsBackToItsIndex()
    {
        // Arrange
        RegionMap regions = FlatPainterTests.TwoBoxes();
        FlatsResult layers = FlatPainter.Paint(regions, null, TestImages.Solid(200, 120, 90, 20, 200));

        // Act
        RgbaImage index = RegionIndexImage.Encode(layers);

        // Assert
        for (int p = 0; p < regions.Labels.Length; p++)
        {
            int o = p * 4;
            int region = RegionIndexImage.RegionOf(index.Pixels[o], index.Pixels[o + 1], index.Pixels[o + 2]);
            int expected = layers.Colours[regions.Labels[p]].IsPaper ? -1 : regions.Labels[p];
            Assert.Equal(expected, region);
            Assert.Equal(255, index.Pixels[o + 3]);
        }

        Assert.Equal(new byte[] { 0, 0, 0 }, index.Pixels[..3]);
    }
}
