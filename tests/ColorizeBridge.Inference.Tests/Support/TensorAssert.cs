namespace ColorizeBridge.Inference.Tests.Support;

internal static class TensorAssert
{
    /// <summary>Golden comparisons: ONNX Runtime here versus PyTorch at fixture time, the same float32 maths in another order.</summary>
    public const float GoldenTolerance = 1e-5f;

    public static void Close(TensorData expected, TensorData actual, float tolerance = GoldenTolerance)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        ReadOnlySpan<float> expectedValues = expected.Data.Span;
        ReadOnlySpan<float> actualValues = actual.Data.Span;
        for (int i = 0; i < expectedValues.Length; i++)
        {
            float difference = MathF.Abs(expectedValues[i] - actualValues[i]);
            Assert.True(
                difference <= tolerance,
                $"Element {i}: expected {expectedValues[i]}, got {actualValues[i]} (difference {difference} > {tolerance}).");
        }
    }

    public static void AllClose(IReadOnlyList<TensorData> expected, IReadOnlyList<TensorData> actual, float tolerance = GoldenTolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Close(expected[i], actual[i], tolerance);
        }
    }
}
