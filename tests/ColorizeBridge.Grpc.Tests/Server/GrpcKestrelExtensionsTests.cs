using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ColorizeBridge.Grpc.Client;
using ColorizeBridge.Grpc.Tests.Infrastructure;
using ColorizeBridge.Grpc.Tests.Probe;

namespace ColorizeBridge.Grpc.Tests.Server;

/// <summary>The endpoints the helper sets up, reached by real connections.</summary>
public sealed class GrpcKestrelExtensionsTests : IAsyncLifetime
{
    private readonly X509Certificate2 _certificate = CreateSelfSignedCertificate();
    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync(certificate: _certificate);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task CleartextEndpoint_SpeaksHttp2WithPriorKnowledge()
    {
        using var channel = _host.CreateChannel();

        var reply = await channel.CreateCallInvoker().AsyncUnaryCall(ProbeMethods.Blob, new ProbeRequest { ReplyBlobSize = 3 });

        Assert.Equal(3, reply.Blob.Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TlsEndpoint_ServesGrpcOverHttp2_AndGrpcWebOverHttp11(bool useGrpcWeb)
    {
        using var channel = GrpcChannel.ForAddress(_host.TlsAddress!, new GrpcChannelOptions { HttpHandler = TrustingOnly(_certificate), UseGrpcWeb = useGrpcWeb });

        var reply = await channel.CreateCallInvoker().AsyncUnaryCall(ProbeMethods.Blob, new ProbeRequest { ReplyBlobSize = 3 });

        Assert.Equal(3, reply.Blob.Length);
    }

    [Fact]
    public async Task GrpcWebEndpoint_DoesNotSpeakHttp2()
    {
        using var channel = GrpcChannel.ForAddress(_host.Http1Address);

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.CreateCallInvoker().AsyncUnaryCall(ProbeMethods.Blob, new ProbeRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    private static SocketsHttpHandler TrustingOnly(X509Certificate2 certificate) => new()
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString() },
    };

    private static X509Certificate2 CreateSelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), password: null);
    }
}
