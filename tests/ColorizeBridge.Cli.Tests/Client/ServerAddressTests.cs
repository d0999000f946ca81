using ColorizeBridge.Client.Internal;

namespace ColorizeBridge.Cli.Tests.Client;

public sealed class ServerAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:50051", "http://127.0.0.1:50051/")]
    [InlineData("localhost:8080", "http://localhost:8080/")]
    [InlineData("gpu-box.studio.lan:50051", "http://gpu-box.studio.lan:50051/")]
    [InlineData("[::1]:50051", "http://[::1]:50051/")]
    [InlineData(" 127.0.0.1:50051 ", "http://127.0.0.1:50051/")]
    [InlineData("http://127.0.0.1:50051", "http://127.0.0.1:50051/")]
    [InlineData("https://colorize.example.com", "https://colorize.example.com/")]
    public void Parse_HostPortOrUri_GivesTheChannelAddress(string address, string expected)
    {
        Assert.Equal(new Uri(expected), ServerAddress.Parse(address));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost:")]
    [InlineData("localhost:0")]
    [InlineData("localhost:70000")]
    [InlineData("::1")]
    [InlineData("host:50051/path")]
    [InlineData("ftp://host:21")]
    public void Parse_NeitherForm_ThrowsFormatExceptionSayingWhatIsExpected(string address)
    {
        FormatException error = Assert.Throws<FormatException>(() => ServerAddress.Parse(address));

        Assert.Contains("HOST:PORT", error.Message);
    }
}
