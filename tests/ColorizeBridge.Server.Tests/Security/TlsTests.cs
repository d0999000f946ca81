using System.Net;
using System.Security.Cryptography.X509Certificates;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Server.Hosting;
using ColorizeBridge.Server.Security;
using ColorizeBridge.Server.Tests.Support;
using ColorizeBridge.Tests.Shared;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

namespace ColorizeBridge.Server.Tests.Security;

[Collection(ServerCollection.Name)]
public sealed class TlsTests(ServerFixture models) : IDisposable
{
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task Tls_TrustingClient_IsServedOverHttps()
    {
        (WebApplication app, string[] addresses) = await models.StartServerAsync(Options(clientCa: null));
        await using (app)
        {
            using var channel = Channel(addresses[0], clientCertificate: null);

            ListModelsResponse response = await ListModelsAsync(channel);

            Assert.StartsWith("https://", addresses[0]);
            Assert.NotEmpty(response.Models);
        }
    }

    [Fact]
    public async Task ClientCertificateFromTheStudioCa_NeedsNoToken()
    {
        (WebApplication app, string[] addresses) = await models.StartServerAsync(Options(_certificates.Authority));
        await using (app)
        {
            using var channel = Channel(addresses[0], _certificates.Client);

            ListModelsResponse response = await ListModelsAsync(channel);

            Assert.NotEmpty(response.Models);
        }
    }

    [Fact]
    public async Task NoClientCertificate_WhenRequired_IsRefused()
    {
        (WebApplication app, string[] addresses) = await models.StartServerAsync(Options(_certificates.Authority));
        await using (app)
        {
            RpcException error = await RefusedWithoutCertificateAsync(addresses[0]);

            Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        }
    }

    [Theory]
    [InlineData("0.0.0.0", false, false, "reachable from other machines")]
    [InlineData("127.0.0.1", false, true, "--tls-client-ca needs --tls-cert")]
    public void Validate_UnsafeConfiguration_SaysWhatToAdd(string host, bool withToken, bool clientCaWithoutCert, string expected)
    {
        var options = new ServerOptions
        {
            Listen = new IPEndPoint(IPAddress.Parse(host), 50051),
            AccessTokens = new AccessTokens(withToken ? ["0123456789abcdef0123"] : []),
            TlsClientCa = clientCaWithoutCert ? _certificates.Authority : null,
        };

        var error = Assert.Throws<FormatException>(options.Validate);

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Validate_RemoteWithToken_IsAccepted()
    {
        var options = new ServerOptions
        {
            Listen = new IPEndPoint(IPAddress.Any, 50051),
            AccessTokens = new AccessTokens(["0123456789abcdef0123"]),
        };

        options.Validate();
    }

    private ServerOptions Options(X509Certificate2? clientCa) => new()
    {
        Listen = new IPEndPoint(IPAddress.Loopback, 0),
        TlsCertificate = _certificates.Server,
        TlsClientCa = clientCa,
    };

    private GrpcChannel Channel(string address, X509Certificate2? clientCertificate)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHashString() == _certificates.Server.GetCertHashString();
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }

        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
    }

    /// <summary>
    /// Under TLS 1.3 the client learns that its missing certificate was refused
    /// only after the handshake, when the server closes the connection; if that
    /// lands while the request is being written, Grpc.Net.Client says INTERNAL.
    /// A fresh connection is tried then, as a client would.
    /// </summary>
    private async Task<RpcException> RefusedWithoutCertificateAsync(string address)
    {
        RpcException? error = null;
        for (int attempt = 0; attempt < 5 && error is not { StatusCode: not StatusCode.Internal }; attempt++)
        {
            using var channel = Channel(address, clientCertificate: null);
            error = await Assert.ThrowsAsync<RpcException>(() => ListModelsAsync(channel));
        }

        return error!;
    }

    private static Task<ListModelsResponse> ListModelsAsync(GrpcChannel channel) =>
        channel.CreateCallInvoker().AsyncUnaryCall(ServerFixture.MethodOf<ListModelsRequest, ListModelsResponse>("ListModels"),
            new ListModelsRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(20))).ResponseAsync;
}
