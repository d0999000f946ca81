using ColorizeBridge.Engine.Colorization.Conditions;
using ColorizeBridge.Inference;
using static ColorizeBridge.Engine.Tests.Support.ConditionFixtures;

namespace ColorizeBridge.Engine.Tests.Colorization.Conditions;

/// <summary>The reference image as the model's [1,3,128,128] input.</summary>
public sealed class ReferenceConditionTests
{
    [Fact]
    public void ReferenceTensor_SolidColour_IsThatColourInMinusOneToOne()
    {
        TensorData tensor = ReferenceCondition.Tensor(Solid(300, 200, 255, 0, 51));

        Assert.Equal([1L, 3L, 128L, 128L], tensor.Shape);
        ReadOnlySpan<float> values = tensor.Data.Span;
        const int plane = 128 * 128;
        Assert.All(values[..plane].ToArray(), v => Assert.Equal(1f, v, 5));
        Assert.All(values[plane..(2 * plane)].ToArray(), v => Assert.Equal(-1f, v, 5));
        Assert.All(values[(2 * plane)..].ToArray(), v => Assert.Equal((51 / 127.5f) - 1, v, 5));
    }

    [Fact]
    public void ReferenceTensor_Transparency_IsCompositedOverWhite()
    {
        TensorData clear = ReferenceCondition.Tensor(Solid(16, 16, 0, 0, 0, a: 0));
        TensorData half = ReferenceCondition.Tensor(Solid(16, 16, 0, 0, 0, a: 128));

        Assert.All(clear.Data.ToArray(), v => Assert.Equal(1f, v));
        // Black at alpha 128/255 over white: 255 - 128 = 127.
        Assert.All(half.Data.ToArray(), v => Assert.Equal((127 / 127.5f) - 1, v, 5));
    }

    [Fact]
    public void ReferenceTensor_KeepsTheRoughLayout_AspectNotKept()
    {
        // A wide image, left half red, right half blue, squeezed to 128x128.
        var image = Solid(400, 100, 255, 0, 0);
        for (int y = 0; y < 100; y++)
        {
            for (int x = 200; x < 400; x++)
            {
                int i = ((y * 400) + x) * 4;
                (image.Pixels[i], image.Pixels[i + 2]) = (0, 255);
            }
        }

        ReadOnlySpan<float> values = ReferenceCondition.Tensor(image).Data.Span;

        const int plane = 128 * 128;
        int leftPixel = (64 * 128) + 10, rightPixel = (64 * 128) + 117;
        Assert.Equal((1f, -1f), (values[leftPixel], values[(2 * plane) + leftPixel]));
        Assert.Equal((-1f, 1f), (values[rightPixel], values[(2 * plane) + rightPixel]));
    }
}
