using ColorizeBridge.Imaging.Hints;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Hints;

public sealed class HintCanvasTests
{
    [Fact]
    public void Compose_StrokeOverALayer_PaintsTheStrokeAtLineArtSizeAndKeepsTheLayer()
    {
        // Arrange
        var layer = new RgbaImage(40, 30);
        Drawing.Set(layer, 1, 1, 9, 8, 7);
        var stroke = new HintStroke([new HintPoint(10, 15), new HintPoint(30, 15)], new HintColor(200, 10, 20), 4);

        // Act
        RgbaImage canvas = HintCanvas.Compose(layer, [stroke], 40, 30)!;

        // Assert
        Assert.Equal(new byte[] { 9, 8, 7, 255 }, canvas.Pixels.AsSpan(((1 * 40) + 1) * 4, 4).ToArray());
        Assert.Equal(new byte[] { 200, 10, 20, 255 }, canvas.Pixels.AsSpan(((15 * 40) + 20) * 4, 4).ToArray());
        Assert.Equal(0, canvas.Pixels[(((5 * 40) + 20) * 4) + 3]);
        Assert.Equal(0, layer.Pixels[(((15 * 40) + 20) * 4) + 3]);
    }

    [Fact]
    public void Compose_NoStrokes_ReturnsTheLayerItself()
    {
        var layer = new RgbaImage(4, 4);

        Assert.Same(layer, HintCanvas.Compose(layer, [], 4, 4));
        Assert.Null(HintCanvas.Compose(null, null, 4, 4));
    }

    [Fact]
    public void Compose_LayerOfAnotherSize_Throws()
    {
        Assert.Throws<ArgumentException>(() => HintCanvas.Compose(new RgbaImage(4, 4), [], 5, 4));
    }
}
