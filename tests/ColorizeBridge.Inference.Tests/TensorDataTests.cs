namespace ColorizeBridge.Inference.Tests;

public sealed class TensorDataTests
{
    [Fact]
    public void Constructor_ShapeMatchingLength_KeepsDataAndShape()
    {
        float[] values = new float[2 * 3 * 4];

        var tensor = new TensorData(values, [2, 3, 4]);

        Assert.Equal([2L, 3L, 4L], tensor.Shape);
        Assert.Equal(3, tensor.Rank);
        Assert.True(tensor.Data.Span == values.AsSpan(), "the tensor should wrap the caller's array, not a copy");
    }

    [Fact]
    public void Constructor_ScalarShape_HoldsOneElement()
    {
        var tensor = new TensorData(new float[] { 5f }, []);

        Assert.Equal(0, tensor.Rank);
    }

    [Fact]
    public void Constructor_ElementCountDiffersFromLength_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new TensorData(new float[10], [1, 3, 4]));

        Assert.Contains("12 elements", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NegativeDimension_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TensorData(new float[4], [-2, -2]));
    }

    [Fact]
    public void ToString_ShowsShape()
    {
        Assert.Equal("float32[1, 2]", new TensorData(new float[2], [1, 2]).ToString());
    }
}
