using ColorizeBridge.Inference.OnnxRuntime;

namespace ColorizeBridge.Inference.Tests.OnnxRuntime;

public sealed class DeviceNamesTests
{
    [Theory]
    [InlineData("auto", "auto")]
    [InlineData("cpu", "cpu")]
    [InlineData("CPU", "cpu")]
    [InlineData("cuda", "cuda:0")]
    [InlineData("cuda:3", "cuda:3")]
    [InlineData(" cuda:01 ", "cuda:1")]
    public void Normalise_KnownName_ReturnsItsOneSpelling(string requested, string expected)
    {
        Assert.Equal(expected, DeviceNames.Normalise(requested));
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:one")]
    [InlineData("cuda0")]
    [InlineData("")]
    public void Normalise_UnknownName_Throws(string requested)
    {
        Assert.ThrowsAny<ArgumentException>(() => DeviceNames.Normalise(requested));
    }
}
