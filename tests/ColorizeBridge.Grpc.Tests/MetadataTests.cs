namespace ColorizeBridge.Grpc.Tests;

public sealed class MetadataTests
{
    [Fact]
    public void Keys_AreLowerCased()
    {
        var metadata = new Metadata().Add("X-Trace", "1");

        Assert.Equal("x-trace", metadata[0].Key);
        Assert.Equal("1", metadata.GetValue("X-TRACE"));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("colon:")]
    [InlineData("")]
    public void InvalidKey_IsRefused(string key)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Metadata().Add(key, "value"));
    }

    [Fact]
    public void BinaryKey_NeedsBytes_AndTextKeyNeedsText()
    {
        Assert.Throws<ArgumentException>(() => new Metadata().Add("x-data-bin", "text"));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("x-data", [1, 2]));
    }

    [Fact]
    public void Get_ReturnsTheLastEntryWithTheKey()
    {
        var metadata = new Metadata().Add("x-a", "first").Add("x-a", "second");

        Assert.Equal("second", metadata.GetValue("x-a"));
        Assert.Null(metadata.Get("x-missing"));
    }
}
