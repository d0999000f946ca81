using ColorizeBridge.Imaging.Geometry;
using ColorizeBridge.Imaging.Hints;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Hints;

public sealed class HintRasterizerTests
{
    private static readonly SizeRules ModelRules = new(multipleOf: 32, minSide: 64, maxSide: 2048, preferredSide: 512);

    /// <summary>A 512x384 source maps 1:1 onto the work canvas: one cell is 4x4 source pixels.</summary>
    private static readonly FitPlan OneToOne = FitPlan.Create(512, 384, ModelRules);

    [Fact]
    public void Rasterize_NoHints_IsAllZerosOfTheQuarterShape()
    {
        HintTensor tensor = HintTensor.Rasterize(OneToOne, hintLayer: null);

        Assert.Equal(new[] { 1, 4, 96, 128 }, tensor.Shape);
        Assert.Equal(4 * 96 * 128, tensor.Values.Length);
        Assert.All(tensor.Values, value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Rasterize_OneHintPixel_MarksItsCellWithItsColour()
    {
        var layer = new RgbaImage(512, 384);
        SetPixel(layer, 10, 9, 255, 0, 51, alpha: 1);

        HintTensor tensor = HintTensor.Rasterize(OneToOne, layer);

        Assert.Equal(1, tensor.CountHintedCells());
        Assert.Equal(1f, tensor[3, 2, 2]);
        Assert.Equal(1f, tensor[0, 2, 2]);
        Assert.Equal(-1f, tensor[1, 2, 2]);
        Assert.Equal(-0.6f, tensor[2, 2, 2], 5);
    }

    [Fact]
    public void Rasterize_TwoHintPixelsInACell_AveragesOnlyTheHintedPixels()
    {
        var layer = new RgbaImage(512, 384);
        SetPixel(layer, 0, 0, 255, 255, 255, alpha: 255);
        SetPixel(layer, 3, 3, 0, 0, 0, alpha: 10);

        HintTensor tensor = HintTensor.Rasterize(OneToOne, layer);

        Assert.Equal(0f, tensor[0, 0, 0], 5);
        Assert.Equal(1f, tensor[3, 0, 0]);
    }

    [Fact]
    public void Rasterize_DownscaledLayer_KeepsEvenASingleHintPixel()
    {
        // 2048x1536 maps to 512x384: a lone source pixel still marks its cell (max-pool, not averaging away).
        FitPlan plan = FitPlan.Create(2048, 1536, ModelRules);
        var layer = new RgbaImage(2048, 1536);
        SetPixel(layer, 1001, 777, 0, 255, 0, alpha: 255);

        HintTensor tensor = HintTensor.Rasterize(plan, layer);

        Assert.Equal(1, tensor.CountHintedCells());
        Assert.Equal(1f, tensor[3, 1001 / 16, 777 / 16]);
        Assert.Equal(1f, tensor[1, 1001 / 16, 777 / 16]);
    }

    [Fact]
    public void Rasterize_LayerOfWrongSize_ThrowsNamingBothSizes()
    {
        var error = Assert.Throws<ArgumentException>(() => HintTensor.Rasterize(OneToOne, new RgbaImage(384, 512)));

        Assert.Contains("384x512", error.Message);
        Assert.Contains("512x384", error.Message);
    }

    [Fact]
    public void Rasterize_DotOfDiameterZero_MarksOneCell()
    {
        HintStroke dot = new([new HintPoint(100.5f, 50.5f)], new HintColor(255, 255, 255), Diameter: 0);

        HintTensor tensor = HintTensor.Rasterize(OneToOne, null, [dot]);

        Assert.Equal(1, tensor.CountHintedCells());
        Assert.Equal(1f, tensor[3, 25, 12]);
        Assert.Equal(1f, tensor[0, 25, 12]);
    }

    [Fact]
    public void Rasterize_DotAnywhereInTheContent_AlwaysMarksACellEvenWhenDownscaled()
    {
        FitPlan plan = FitPlan.Create(4000, 3000, ModelRules);
        var random = new Random(25);
        for (int trial = 0; trial < 200; trial++)
        {
            var point = new HintPoint((float)(random.NextDouble() * 4000), (float)(random.NextDouble() * 3000));

            HintTensor tensor = HintTensor.Rasterize(plan, null, [new HintStroke([point], new HintColor(1, 2, 3), 0)]);

            Assert.InRange(tensor.CountHintedCells(), 1, 4);
        }
    }

    [Fact]
    public void Rasterize_HorizontalStroke_CoversTheCellsAlongItWithRoundCaps()
    {
        HintStroke stroke = new([new HintPoint(20, 42), new HintPoint(100, 42)], new HintColor(0, 0, 255), Diameter: 6);

        HintTensor tensor = HintTensor.Rasterize(OneToOne, null, [stroke]);

        // The capsule spans x 17..103, y 39..45: cells 4..25 across, rows 9..11.
        for (int cx = 5; cx <= 24; cx++)
        {
            Assert.Equal(1f, tensor[3, cx, 10]);
        }

        Assert.Equal(0f, tensor[3, 27, 10]);
        Assert.Equal(0f, tensor[3, 2, 10]);
        Assert.Equal(0f, tensor[3, 10, 8]);
        Assert.Equal(0f, tensor[3, 10, 12]);
        Assert.Equal(1f, tensor[2, 10, 10]);
    }

    [Fact]
    public void Rasterize_StrokeOverLayerHint_TheStrokeWins()
    {
        var layer = new RgbaImage(512, 384);
        for (int y = 0; y < 4; y++)
        {
            for (int x = 0; x < 4; x++)
            {
                SetPixel(layer, x, y, 255, 0, 0, alpha: 255);
            }
        }

        HintStroke stroke = new([new HintPoint(2, 2)], new HintColor(0, 255, 0), Diameter: 8);

        HintTensor tensor = HintTensor.Rasterize(OneToOne, layer, [stroke]);

        Assert.Equal(-1f, tensor[0, 0, 0]);
        Assert.Equal(1f, tensor[1, 0, 0]);
    }

    [Fact]
    public void Rasterize_StrokeOutsideTheContent_LeavesPaddingCellsZero()
    {
        // 512x100 content in a 512x128 canvas: y >= 100 is padding.
        FitPlan plan = FitPlan.Create(512, 100, ModelRules);
        HintStroke stroke = new([new HintPoint(50, 99), new HintPoint(50, 200)], new HintColor(9, 9, 9), Diameter: 10);

        HintTensor tensor = HintTensor.Rasterize(plan, null, [stroke]);

        Assert.Equal(32, tensor.Height);
        for (int cy = 25; cy < 32; cy++)
        {
            Assert.Equal(0f, tensor[3, 12, cy]);
        }

        Assert.Equal(1f, tensor[3, 12, 24]);
    }

    [Theory]
    [InlineData(float.NaN, 1f)]
    [InlineData(1f, -2f)]
    public void Rasterize_InvalidStroke_Throws(float x, float diameter)
    {
        HintStroke stroke = new([new HintPoint(x, 1)], new HintColor(0, 0, 0), diameter);

        Assert.Throws<ArgumentException>(() => HintTensor.Rasterize(OneToOne, null, [stroke]));
    }

    [Fact]
    public void Rasterize_StrokeWithoutPoints_Throws()
    {
        var error = Assert.Throws<ArgumentException>(
            () => HintTensor.Rasterize(OneToOne, null, [new HintStroke([], new HintColor(0, 0, 0), 1)]));

        Assert.Contains("no points", error.Message);
    }

    [Fact]
    public void Rasterize_WorkSizeNotMultipleOfFour_Throws()
    {
        FitPlan plan = FitPlan.Create(100, 100, new SizeRules(multipleOf: 2, minSide: 2, maxSide: 100, preferredSide: 50));

        var error = Assert.Throws<ArgumentException>(() => HintTensor.Rasterize(plan, null));

        Assert.Contains("multiple of 4", error.Message);
    }

    private static void SetPixel(RgbaImage image, int x, int y, byte r, byte g, byte b, byte alpha)
    {
        byte[] pixel = [r, g, b, alpha];
        pixel.CopyTo(image.GetRow(y)[(x * 4)..]);
    }

    [Fact]
    public void RasterizeInto_ADirtyBuffer_GivesWhatRasterizeReturns()
    {
        var layer = new RgbaImage(512, 384);
        layer.Pixels.AsSpan(((10 * 512) + 20) * 4, 4 * 30).Fill(200);
        HintStroke[] strokes = [new([new HintPoint(100, 100), new HintPoint(300, 200)], new HintColor(10, 200, 30), 12)];
        HintTensor expected = HintTensor.Rasterize(OneToOne, layer, strokes);
        float[] values = new float[HintRasterizer.TensorLength(OneToOne)];
        Array.Fill(values, 7f); // what a pooled buffer held before

        HintRasterizer.RasterizeInto(OneToOne, layer, strokes, values);

        Assert.Equal(expected.Values, values);
        Assert.True(expected.CountHintedCells() > 10);
    }

    [Fact]
    public void RasterizeInto_WrongLength_SaysWhatItNeeds()
    {
        var error = Assert.Throws<ArgumentException>(() => HintRasterizer.RasterizeInto(OneToOne, null, null, new float[5]));

        Assert.Contains($"{4 * 96 * 128} floats", error.Message, StringComparison.Ordinal);
    }
}
