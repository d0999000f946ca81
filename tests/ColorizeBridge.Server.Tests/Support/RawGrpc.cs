using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;

namespace ColorizeBridge.Server.Tests.Support;

/// <summary>
/// gRPC requests written byte by byte over HttpClient, for what a well-behaved
/// client library would never send: broken frames, odd headers, wrong content types.
/// </summary>
public static class RawGrpc
{
    private static readonly HttpClient Http = new();

    /// <summary>A length-prefixed message (PROTOCOL-HTTP2.md): flag byte, 4-byte big-endian length, payload.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload, byte flag = 0, uint? declaredLength = null)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(5));
        return frame;
    }

    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray());

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/> and returns the call's status, from trailers or a trailers-only response.</summary>
    public static async Task<Status> PostAsync(Uri address, string path, byte[] body, string contentType = "application/grpc",
        IReadOnlyDictionary<string, string>? headers = null, Version? httpVersion = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = httpVersion ?? HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach ((string name, string value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using HttpResponseMessage response = await Http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        string? code = Header(response.TrailingHeaders, "grpc-status") ?? Header(response.Headers, "grpc-status");
        string detail = Uri.UnescapeDataString(Header(response.TrailingHeaders, "grpc-message") ?? Header(response.Headers, "grpc-message") ?? "");
        return code is null
            ? new Status(StatusCode.Unknown, $"no grpc-status; HTTP {(int)response.StatusCode}")
            : new Status((StatusCode)int.Parse(code, CultureInfo.InvariantCulture), detail);
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;
}
