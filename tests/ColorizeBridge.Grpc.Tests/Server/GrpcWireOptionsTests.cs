using ColorizeBridge.Grpc.AspNetCore;

namespace ColorizeBridge.Grpc.Tests.Server;

public sealed class GrpcWireOptionsTests
{
    [Fact]
    public void Defaults_AllowImageSizedMessages_AndDoNotCompress()
    {
        var options = new GrpcWireOptions();

        Assert.Equal(64 * 1024 * 1024, options.MaxReceiveMessageSize);
        Assert.Equal(64 * 1024 * 1024, options.MaxSendMessageSize);
        Assert.Null(options.ResponseCompressionAlgorithm);
        options.Validate();
    }

    [Fact]
    public void UnsupportedCompression_FailsValidation()
    {
        var options = new GrpcWireOptions { ResponseCompressionAlgorithm = "br" };

        Assert.Throws<InvalidOperationException>(options.Validate);
    }

    [Fact]
    public void NonPositiveLimit_FailsValidation()
    {
        var options = new GrpcWireOptions { MaxReceiveMessageSize = 0 };

        Assert.Throws<InvalidOperationException>(options.Validate);
    }
}
