using ColorizeBridge.Imaging.Png;

namespace ColorizeBridge.Imaging.Tests.Png;

public sealed class PngScanlineFilterTests
{
    public static TheoryData<byte, int> FiltersAndStrides()
    {
        var data = new TheoryData<byte, int>();
        foreach (byte filter in new byte[] { 0, 1, 2, 3, 4 })
        {
            foreach (int stride in new[] { 1, 2, 3, 4, 6, 8 })
            {
                data.Add(filter, stride);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FiltersAndStrides))]
    public void Unfilter_AfterFilter_RestoresTheRow(byte filter, int stride)
    {
        var random = new Random((filter * 10) + stride);
        byte[] row = new byte[stride * 9];
        byte[] previous = new byte[row.Length];
        random.NextBytes(row);
        random.NextBytes(previous);
        byte[] filtered = new byte[row.Length];

        PngScanlineFilter.Filter((PngFilterType)filter, row, previous, stride, filtered);
        PngScanlineFilter.Unfilter(filter, filtered, previous, stride);

        Assert.Equal(row, filtered);
    }

    [Fact]
    public void Filter_Sub_StoresDifferenceFromTheLeftPixel()
    {
        byte[] row = [10, 20, 15, 15];
        byte[] filtered = new byte[4];

        PngScanlineFilter.Filter(PngFilterType.Sub, row, new byte[4], 1, filtered);

        Assert.Equal(new byte[] { 10, 10, 251, 0 }, filtered);
    }

    [Fact]
    public void Unfilter_UnknownType_Throws()
    {
        var error = Assert.Throws<ImageFormatException>(() => PngScanlineFilter.Unfilter(5, new byte[3], new byte[3], 1));

        Assert.Contains("filter type 5", error.Message);
    }
}
