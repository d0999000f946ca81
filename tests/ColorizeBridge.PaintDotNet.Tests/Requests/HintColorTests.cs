using ColorizeBridge.PaintDotNet.Core.Requests;

namespace ColorizeBridge.PaintDotNet.Tests.Requests;

public sealed class HintColorTests
{
    [Fact]
    public void FromRgb24_ReadsRedGreenBlueFromHighToLow()
    {
        Assert.Equal(new HintColor(0x12, 0x34, 0x56), HintColor.FromRgb24(0x123456));
    }

    [Fact]
    public void ToRgb24_RoundTrips()
    {
        Assert.Equal(0xA0B0C0, new HintColor(0xA0, 0xB0, 0xC0).ToRgb24());
    }
}
