using ColorizeBridge.Torch.LibTorch;

namespace ColorizeBridge.Torch.Tests.LibTorch;

public sealed class DeviceNamesTests
{
    [Theory]
    [InlineData("auto", true, "cuda:0")]
    [InlineData("auto", false, "cpu")]
    [InlineData("cpu", true, "cpu")]
    [InlineData("CPU", false, "cpu")]
    [InlineData("cuda", false, "cuda:0")]
    [InlineData("cuda:3", true, "cuda:3")]
    [InlineData(" cuda:01 ", true, "cuda:1")]
    public void Resolve_KnownName_ReturnsConcreteDevice(string requested, bool cudaAvailable, string expected)
    {
        Assert.Equal(expected, DeviceNames.Resolve(requested, cudaAvailable));
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:one")]
    [InlineData("cuda0")]
    [InlineData("")]
    public void Resolve_UnknownName_Throws(string requested)
    {
        Assert.ThrowsAny<ArgumentException>(() => DeviceNames.Resolve(requested, cudaAvailable: true));
    }
}
