using ColorizeBridge.Imaging.Flats;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Flats;

public sealed class LayerCompositorTests
{
    [Fact]
    public void Composite_PaperFlatsShadingAndLines_StackAsLayersMdSays()
    {
        // Arrange: one box on paper; the model paints the box teal with a darker bottom.
        RgbaImage art = Drawing.Paper(100, 80);
        Drawing.Rectangle(art, 10, 10, 89, 69);
        LineArtLayer lineArt = LineArtLayer.FromImage(art);
        RegionMap regions = RegionFinder.Find(lineArt);
        RgbaImage model = TestImages.Solid(100, 80, 20, 150, 140);
        Drawing.Fill(model, 12, 50, 87, 67, 10, 75, 70);
        FlatsResult layers = FlatPainter.Paint(regions, null, model);

        // Act
        RgbaImage composite = LayerCompositor.Composite(layers, lineArt);

        // Assert
        Assert.Equal(new byte[] { 255, 255, 255, 255 }, Pixel(composite, 2, 2));
        Assert.Equal(new byte[] { 20, 150, 140, 255 }, Pixel(composite, 50, 30));
        Assert.Equal(new byte[] { 0, 0, 0, 255 }, Pixel(composite, 10, 40));
        byte[] shaded = Pixel(composite, 50, 60);
        Assert.InRange(shaded[1], 70, 80);
        Assert.True(composite.IsOpaque());
    }

    [Fact]
    public void Composite_WithoutLines_LeavesTheFlatColourWhereTheLinesWere()
    {
        RgbaImage art = Drawing.Paper(100, 80);
        Drawing.Rectangle(art, 10, 10, 89, 69);
        LineArtLayer lineArt = LineArtLayer.FromImage(art);
        FlatsResult layers = FlatPainter.Paint(RegionFinder.Find(lineArt), null, TestImages.Solid(100, 80, 20, 150, 140));

        RgbaImage composite = LayerCompositor.Composite(layers, null);

        Assert.Equal(new byte[] { 20, 150, 140, 255 }, Pixel(composite, 11, 40));
        Assert.Equal(new byte[] { 255, 255, 255, 255 }, Pixel(composite, 2, 2));
    }

    [Fact]
    public void Composite_LineArtOfAnotherSize_Throws()
    {
        FlatsResult layers = FlatPainter.Paint(FlatPainterTests.TwoBoxes(), null, new RgbaImage(200, 120));

        Assert.Throws<ArgumentException>(() => LayerCompositor.Composite(layers, LineArtLayer.FromImage(Drawing.Paper(20, 20))));
    }

    private static byte[] Pixel(RgbaImage image, int x, int y) => image.Pixels.AsSpan(((y * image.Width) + x) * 4, 4).ToArray();
}
