using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Tests.Pixels;

public sealed class FloatPlaneTests
{
    [Fact]
    public void Constructor_BufferOfWrongLength_ThrowsWithExpectedAndActual()
    {
        var error = Assert.Throws<ArgumentException>(() => new FloatPlane(2, 2, new float[3]));

        Assert.Contains("needs 4", error.Message);
    }

    [Fact]
    public void Indexer_IsRowMajor()
    {
        var plane = new FloatPlane(3, 2);

        plane[2, 1] = 5f;

        Assert.Equal(5f, plane.Values[5]);
        Assert.Equal(5f, plane.GetRow(1)[2]);
    }
}
