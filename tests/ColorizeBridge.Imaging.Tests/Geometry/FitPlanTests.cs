using ColorizeBridge.Imaging.Geometry;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Geometry;

public sealed class FitPlanTests
{
    private static readonly SizeRules ModelRules = new(multipleOf: 32, minSide: 64, maxSide: 2048, preferredSide: 512);

    [Theory]
    [InlineData(1024, 768, 512, 384, 512, 384)]
    [InlineData(768, 1024, 384, 512, 384, 512)]
    [InlineData(100, 100, 512, 512, 512, 512)]
    [InlineData(1000, 10, 512, 5, 512, 64)]
    [InlineData(1, 1, 512, 512, 512, 512)]
    [InlineData(1000, 333, 512, 170, 512, 192)]
    public void Create_PreferredSide_ScalesLongestSideAndPads(int width, int height, int contentWidth, int contentHeight, int workWidth, int workHeight)
    {
        FitPlan plan = FitPlan.Create(width, height, ModelRules);

        Assert.Equal((contentWidth, contentHeight, workWidth, workHeight), (plan.ContentWidth, plan.ContentHeight, plan.WorkWidth, plan.WorkHeight));
    }

    [Fact]
    public void Create_AnySizeAndTarget_SatisfiesTheRules()
    {
        var random = new Random(13);
        for (int trial = 0; trial < 2000; trial++)
        {
            // Arrange
            var rules = new SizeRules(8 * random.Next(1, 9), random.Next(1, 200), random.Next(400, 3000), random.Next(1, 4000));
            int width = random.Next(1, 6000), height = random.Next(1, 6000);
            int? target = random.Next(3) == 0 ? null : random.Next(1, 5000);

            // Act
            FitPlan plan = FitPlan.Create(width, height, rules, target);

            // Assert
            int expectedSide = Math.Clamp(target ?? rules.PreferredSide, rules.SmallestSide, rules.LargestSide);
            Assert.Equal(expectedSide, Math.Max(plan.ContentWidth, plan.ContentHeight));
            Assert.Equal(0, plan.WorkWidth % rules.MultipleOf);
            Assert.Equal(0, plan.WorkHeight % rules.MultipleOf);
            Assert.InRange(plan.WorkWidth, Math.Max(plan.ContentWidth, rules.MinSide), rules.MaxSide);
            Assert.InRange(plan.WorkHeight, Math.Max(plan.ContentHeight, rules.MinSide), rules.MaxSide);
            Assert.True(plan.WorkWidth - plan.ContentWidth < rules.MultipleOf || plan.WorkWidth == rules.SmallestSide);
            double aspectError = Math.Abs((plan.ContentWidth * (double)height) - (plan.ContentHeight * (double)width)) / Math.Max(width, height);
            Assert.True(aspectError <= 1.0, $"aspect drifted by {aspectError} for {width}x{height} -> {plan.ContentWidth}x{plan.ContentHeight}");
        }
    }

    [Fact]
    public void FitLine_PadsWithWhitePaper()
    {
        var grey = new FloatPlane(300, 100);
        grey.Values.AsSpan().Fill(-1f);
        FitPlan plan = FitPlan.Create(300, 100, ModelRules);

        FloatPlane work = plan.FitLine(grey);

        Assert.Equal((512, 192), (work.Width, work.Height));
        Assert.Equal(-1f, work[0, 0], 5);
        Assert.Equal(-1f, work[511, plan.ContentHeight - 1], 5);
        Assert.Equal(1f, work[0, plan.ContentHeight]);
        Assert.Equal(1f, work[511, 191]);
    }

    [Fact]
    public void FitPlane_WrongSize_ThrowsNamingBothSizes()
    {
        FitPlan plan = FitPlan.Create(300, 100, ModelRules);

        var error = Assert.Throws<ArgumentException>(() => plan.FitPlane(new FloatPlane(100, 300), 0f));

        Assert.Contains("100x300", error.Message);
        Assert.Contains("300x100", error.Message);
    }

    [Theory]
    [InlineData(300, 100)]
    [InlineData(2000, 1500)]
    [InlineData(40, 90)]
    public void RestoreOutput_OfFittedSmoothImage_ReturnsItAtSourceSize(int width, int height)
    {
        // Arrange: a smooth gradient survives down- and up-scaling almost unchanged.
        var plane = new FloatPlane(width, height);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                plane[x, y] = (float)(((double)x / width) + ((double)y / height) - 1);
            }
        }

        FitPlan plan = FitPlan.Create(width, height, ModelRules);
        float[] work = plan.FitPlane(plane, padding: 1f).Values;
        float[] nchw = [.. work, .. work, .. work];

        // Act
        RgbaImage restored = plan.RestoreOutput(nchw);

        // Assert
        Assert.Equal((width, height), (restored.Width, restored.Height));
        for (int i = 0; i < width * height; i++)
        {
            int expected = (int)Math.Round((plane.Values[i] + 1) * 127.5);
            Assert.InRange(restored.Pixels[i * 4], expected - 3, expected + 3);
            Assert.Equal(restored.Pixels[i * 4], restored.Pixels[(i * 4) + 2]);
            Assert.Equal(255, restored.Pixels[(i * 4) + 3]);
        }
    }

    [Fact]
    public void RestoreOutput_WrongLength_ThrowsWithExpectedShape()
    {
        FitPlan plan = FitPlan.Create(300, 100, ModelRules);

        var error = Assert.Throws<ArgumentException>(() => plan.RestoreOutput(new float[10]));

        Assert.Contains("[1,3,192,512]", error.Message);
        Assert.Contains($"{3 * 192 * 512}", error.Message);
    }

    [Fact]
    public void RestoreOutput_ValuesOutsideRange_AreClamped()
    {
        FitPlan plan = FitPlan.Create(64, 64, new SizeRules(32, 64, 64, 64));
        float[] nchw = new float[3 * 64 * 64];
        nchw.AsSpan(0, 64 * 64).Fill(5f);
        nchw.AsSpan(64 * 64).Fill(-5f);

        RgbaImage restored = plan.RestoreOutput(nchw);

        Assert.Equal(new byte[] { 255, 0, 0, 255 }, restored.Pixels[..4]);
    }

    [Theory]
    [InlineData(512, 384, null)] // work = content = source
    [InlineData(200, 100, 200)] // content = source, padded to 224x128
    public void RestoreOutput_ModelAtTheCanvasSize_CropsAndConvertsEachValue(int width, int height, int? side)
    {
        FitPlan plan = FitPlan.Create(width, height, ModelRules, side);
        Assert.Equal((width, height), (plan.ContentWidth, plan.ContentHeight));
        float[] nchw = RandomOutput(plan);

        RgbaImage restored = plan.RestoreOutput(nchw);

        AssertIsTheContentConverted(plan, nchw, restored);
    }

    [Fact]
    public void CropContent_ContentSmallerThanTheSource_IsTheContentAtItsOwnSize()
    {
        FitPlan plan = FitPlan.Create(600, 300, ModelRules, 200);
        float[] nchw = RandomOutput(plan);

        RgbaImage cropped = plan.CropContent(nchw);

        Assert.Equal((200, 100), (cropped.Width, cropped.Height));
        AssertIsTheContentConverted(plan, nchw, cropped);
    }

    [Fact]
    public void CropContent_WrongLength_ThrowsWithExpectedShape()
    {
        FitPlan plan = FitPlan.Create(300, 100, ModelRules);

        var error = Assert.Throws<ArgumentException>(() => plan.CropContent(new float[10]));

        Assert.Contains("[1,3,192,512]", error.Message);
    }

    /// <summary>A model output over the plan's work canvas, a little past [-1,1] on both ends.</summary>
    private static float[] RandomOutput(FitPlan plan)
    {
        var random = new Random(13);
        return [.. Enumerable.Range(0, 3 * plan.WorkWidth * plan.WorkHeight).Select(_ => (float)((random.NextDouble() * 2.2) - 1.1))];
    }

    private static void AssertIsTheContentConverted(FitPlan plan, float[] nchw, RgbaImage image)
    {
        int plane = plan.WorkWidth * plan.WorkHeight;
        for (int y = 0; y < plan.ContentHeight; y++)
        {
            for (int x = 0; x < plan.ContentWidth; x++)
            {
                int o = ((y * plan.ContentWidth) + x) * 4;
                for (int c = 0; c < 3; c++)
                {
                    float value = nchw[(c * plane) + (y * plan.WorkWidth) + x];
                    Assert.Equal((byte)Math.Clamp((int)(((value + 1f) * 127.5f) + 0.5f), 0, 255), image.Pixels[o + c]);
                }

                Assert.Equal(255, image.Pixels[o + 3]);
            }
        }
    }
}
