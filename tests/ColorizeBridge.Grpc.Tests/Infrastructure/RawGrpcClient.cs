using System.Net;
using System.Net.Http.Headers;

namespace ColorizeBridge.Grpc.Tests.Infrastructure;

/// <summary>Plain HttpClient requests, for checking the server's bytes and headers where a gRPC client would hide them.</summary>
public static class RawGrpcClient
{
    public sealed record Response(
        HttpStatusCode StatusCode, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, byte[] Body, HttpResponseHeaders Trailers)
    {
        public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

        public string? Trailer(string name) => Trailers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
    }

    public static Task<Response> PostAsync(
        Uri address, string path, byte[] body, string contentType = "application/grpc", Version? version = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        PostAsync(address, path, new ByteArrayContent(body), contentType, version, headers);

    public static async Task<Response> PostAsync(
        Uri address, string path, HttpContent content, string contentType = "application/grpc", Version? version = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        using var handler = new SocketsHttpHandler();
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = version ?? HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Response(response.StatusCode, response.Headers, response.Content.Headers, bytes, response.TrailingHeaders);
    }
}
