using System.Net;
using ColorizeBridge.Server.Tests.Support;

namespace ColorizeBridge.Server.Tests.Hosting;

/// <summary>The browser page's files are served ahead of the gRPC routes.</summary>
[Collection(ServerCollection.Name)]
public sealed class StaticFilesTests(ServerFixture server)
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Root_ServesTheBrowserPage()
    {
        using HttpResponseMessage response = await Http.GetAsync(server.WebAddress);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TwoSegmentFile_IsServed()
    {
        // /{service}/{method} is also the shape of the gRPC catch-all route.
        string folder = Path.Combine(AppContext.BaseDirectory, "wwwroot", "probe");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "style.css"), "body { color: black; }");

        using HttpResponseMessage response = await Http.GetAsync(new Uri(server.WebAddress, "/probe/style.css"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("body { color: black; }", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TwoSegmentGet_IsNotClaimedByTheGrpcCatchAllRoute()
    {
        // /{service}/{method} is the shape of the gRPC fallback route; a GET of a
        // missing file of that shape must be a 404, not that route's 405.
        using HttpResponseMessage response = await Http.GetAsync(new Uri(server.WebAddress, "/css/missing.css"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
