using ColorizeBridge.Grpc.Internal;

namespace ColorizeBridge.Grpc.Tests.Protocol;

public sealed class GrpcStatusMessageTests
{
    [Theory]
    [InlineData("plain ascii stays as it is")]
    [InlineData("100% sure")]
    [InlineData("\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n")]
    [InlineData("%25 looks encoded already")]
    [InlineData("")]
    public void EncodeThenDecode_RoundTrips(string message)
    {
        var encoded = GrpcStatusMessage.Encode(message);

        Assert.All(encoded, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(message, GrpcStatusMessage.Decode(encoded));
    }

    [Fact]
    public void Encode_EscapesPercentAndNonAsciiAsUtf8Bytes()
    {
        var encoded = GrpcStatusMessage.Encode("a%b\u00e9\n");

        Assert.Equal("a%25b%C3%A9%0A", encoded);
    }

    [Theory]
    [InlineData("50%", "50%")]
    [InlineData("%zz", "%zz")]
    [InlineData("%4", "%4")]
    [InlineData("%41%42", "AB")]
    public void Decode_KeepsMalformedSequences(string header, string expected)
    {
        Assert.Equal(expected, GrpcStatusMessage.Decode(header));
    }
}
