using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ColorizeBridge.Grpc.AspNetCore;

/// <summary>The Kestrel endpoints gRPC needs; port 0 picks a free port.</summary>
public static class GrpcKestrelExtensions
{
    /// <summary>
    /// Cleartext HTTP/2 only (h2c with prior knowledge, what grpcio and
    /// grpcurl -plaintext speak). A cleartext Http1AndHttp2 endpoint would not
    /// do h2c, hence HTTP/2 alone.
    /// </summary>
    public static void ListenGrpc(this KestrelServerOptions kestrel, IPEndPoint endpoint) =>
        kestrel.Listen(endpoint, listen => listen.Protocols = HttpProtocols.Http2);

    /// <summary>TLS with ALPN: HTTP/2 for gRPC clients, HTTP/1.1 for gRPC-Web and browsers on the same port.</summary>
    public static void ListenGrpcTls(this KestrelServerOptions kestrel, IPEndPoint endpoint, X509Certificate2 certificate) =>
        kestrel.Listen(endpoint, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(certificate);
        });

    /// <summary>Cleartext HTTP/1.1 for gRPC-Web (browsers, clients without HTTP/2); needs <c>app.UseGrpcWeb()</c>.</summary>
    public static void ListenGrpcWeb(this KestrelServerOptions kestrel, IPEndPoint endpoint) =>
        kestrel.Listen(endpoint, listen => listen.Protocols = HttpProtocols.Http1);
}
