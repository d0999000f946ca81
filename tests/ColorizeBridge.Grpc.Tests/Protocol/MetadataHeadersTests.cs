using ColorizeBridge.Grpc.Internal;

namespace ColorizeBridge.Grpc.Tests.Protocol;

public sealed class MetadataHeadersTests
{
    [Theory]
    [InlineData("q6ur")]
    [InlineData("q6ur====")]
    public void BinaryValue_PaddedOrNot_DecodesToTheSameBytes(string value)
    {
        var metadata = new Metadata();

        MetadataHeaders.AddDecoded(metadata, "x-data-bin", value);

        Assert.Equal([0xab, 0xab, 0xab], metadata.GetValueBytes("x-data-bin"));
    }

    [Theory]
    [InlineData("AQ", new byte[] { 1 })]
    [InlineData("AQ==", new byte[] { 1 })]
    [InlineData("AQI", new byte[] { 1, 2 })]
    [InlineData("AQI=", new byte[] { 1, 2 })]
    public void BinaryValue_NeedingPadding_Decodes(string value, byte[] expected)
    {
        Assert.Equal(expected, MetadataHeaders.DecodeBase64(value));
    }

    [Fact]
    public void BinaryValues_JoinedWithCommas_BecomeSeparateEntries()
    {
        var metadata = new Metadata();

        MetadataHeaders.AddDecoded(metadata, "x-data-bin", "AQ, AgI=");

        Assert.Equal([[1], [2, 2]], metadata.Select(e => e.ValueBytes));
    }

    [Fact]
    public void EncodeValue_SendsBinaryUnpadded()
    {
        var entry = new Metadata.Entry("x-data-bin", [1]);

        Assert.Equal("AQ", MetadataHeaders.EncodeValue(entry));
    }

    [Theory]
    [InlineData(":path")]
    [InlineData("content-type")]
    [InlineData("te")]
    [InlineData("grpc-timeout")]
    [InlineData("grpc-encoding")]
    [InlineData("grpc-accept-encoding")]
    [InlineData("grpc-status")]
    [InlineData("grpc-message")]
    [InlineData("user-agent")]
    public void ReservedHeaders_AreNotMetadata(string key)
    {
        var metadata = new Metadata();

        MetadataHeaders.AddDecoded(metadata, key, "value");

        Assert.Empty(metadata);
    }

    [Fact]
    public void CustomTextHeader_KeepsItsValueAndLowerCasesTheKey()
    {
        var metadata = new Metadata();

        MetadataHeaders.AddDecoded(metadata, "X-Custom", "Value");

        Assert.Equal("Value", metadata.GetValue("x-custom"));
    }
}
