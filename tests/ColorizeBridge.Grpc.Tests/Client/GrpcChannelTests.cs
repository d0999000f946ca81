using ColorizeBridge.Grpc.Client;

namespace ColorizeBridge.Grpc.Tests.Client;

public sealed class GrpcChannelTests
{
    [Theory]
    [InlineData("ftp://127.0.0.1:5000")]
    [InlineData("unix:///tmp/socket")]
    public void ForAddress_OtherThanHttpOrHttps_IsRefused(string address)
    {
        Assert.Throws<ArgumentException>(() => GrpcChannel.ForAddress(address));
    }

    [Fact]
    public void ForAddress_UnsupportedRequestCompression_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => GrpcChannel.ForAddress("http://127.0.0.1:5000", new GrpcChannelOptions { RequestCompressionAlgorithm = "snappy" }));
    }

    [Fact]
    public void ForAddress_Https_KeepsTheAddress()
    {
        using var channel = GrpcChannel.ForAddress("https://colorizer.example:50051");

        Assert.Equal(new Uri("https://colorizer.example:50051"), channel.Address);
    }
}
