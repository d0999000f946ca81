using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Tests.LineArt;

public sealed class GaussianBlurTests
{
    [Fact]
    public void Apply_ConstantPlane_StaysConstant()
    {
        var plane = new FloatPlane(9, 7);
        plane.Values.AsSpan().Fill(0.25f);

        FloatPlane blurred = GaussianBlur.Apply(plane, 1.8f);

        Assert.All(blurred.Values, value => Assert.Equal(0.25f, value, 5));
    }

    [Fact]
    public void Apply_Impulse_SpreadsSymmetricallyAndKeepsItsMass()
    {
        var plane = new FloatPlane(21, 21);
        plane[10, 10] = 1f;

        FloatPlane blurred = GaussianBlur.Apply(plane, 1.5f);

        Assert.Equal(1f, blurred.Values.Sum(), 4);
        Assert.Equal(blurred[9, 10], blurred[11, 10], 6);
        Assert.Equal(blurred[10, 9], blurred[9, 10], 6);
        Assert.True(blurred[10, 10] > blurred[11, 10]);
    }
}
