using ColorizeBridge.Imaging.Geometry;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Geometry;

public sealed class ResamplerTests
{
    [Theory]
    [InlineData(97, 41)]
    [InlineData(10, 300)]
    [InlineData(50, 50)]
    public void Resize_ConstantPlane_StaysConstant(int width, int height)
    {
        var plane = new FloatPlane(50, 50);
        plane.Values.AsSpan().Fill(0.3f);

        FloatPlane resized = Resampler.Resize(plane, width, height);

        Assert.All(resized.Values, value => Assert.Equal(0.3f, value, 5));
    }

    [Fact]
    public void Resize_ShrinkByIntegerFactor_IsTheBlockMean()
    {
        var plane = new FloatPlane(4, 2, [0, 2, 4, 8, 6, 8, 0, 0]);

        FloatPlane resized = Resampler.Resize(plane, 2, 1);

        Assert.Equal(new[] { 4f, 3f }, resized.Values);
    }

    [Fact]
    public void Resize_ShrinkThinLine_KeepsItsMassInsteadOfDroppingIt()
    {
        var plane = new FloatPlane(9, 1, [0, 0, 0, 0, 9, 0, 0, 0, 0]);

        FloatPlane resized = Resampler.Resize(plane, 3, 1);

        Assert.Equal(new[] { 0f, 3f, 0f }, resized.Values);
    }

    [Fact]
    public void Resize_SameSize_IsIdentity()
    {
        RgbaImage image = TestImages.Noise(13, 7, seed: 14, opaque: true);

        RgbaImage resized = Resampler.Resize(image, 13, 7);

        Assert.Equal(image.Pixels, resized.Pixels);
    }

    [Fact]
    public void Resize_Enlarge_InterpolatesMonotonicallyBetweenSamples()
    {
        var plane = new FloatPlane(2, 1, [0f, 1f]);

        FloatPlane resized = Resampler.Resize(plane, 8, 1);

        Assert.Equal(0f, resized.Values[0]);
        Assert.Equal(1f, resized.Values[7]);
        for (int i = 1; i < 8; i++)
        {
            Assert.True(resized.Values[i] >= resized.Values[i - 1]);
        }
    }

    [Fact]
    public void Resize_Rgba_TransparentColourDoesNotBleed()
    {
        // Left half fully transparent red, right half opaque blue.
        var image = new RgbaImage(4, 2);
        for (int y = 0; y < 2; y++)
        {
            for (int x = 0; x < 4; x++)
            {
                byte[] pixel = x < 2 ? [255, 0, 0, 0] : [0, 0, 255, 255];
                pixel.CopyTo(image.GetRow(y)[(x * 4)..]);
            }
        }

        RgbaImage resized = Resampler.Resize(image, 1, 1);

        Assert.Equal(new byte[] { 0, 0, 255, 128 }, resized.Pixels);
    }
}
