using System.Text.Json;
using ColorizeBridge.Web.Tests.Support;
using Microsoft.Playwright;

namespace ColorizeBridge.Web.Tests;

/// <summary>js/grpc-web.js and js/colorizer-client.js against the real server's gRPC-Web endpoint.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GrpcWebModuleTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task FrameDecoder_FedOneByteAtATime_YieldsEachMessageAndTheTrailers()
    {
        IPage page = await fixture.OpenPageAsync();

        JsonElement decoded = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const g = await import("./assets/js/grpc-web.js");
              const trailer = new TextEncoder().encode("grpc-status: 0\r\ngrpc-message: fine\r\n");
              const body = [...g.encodeFrame(new Uint8Array([1, 2, 3])), ...g.encodeFrame(new Uint8Array()),
                            0x80, 0, 0, 0, trailer.length, ...trailer];
              const decoder = new g.FrameDecoder();
              const messages = [];
              for (const byte of body) messages.push(...decoder.push(new Uint8Array([byte])).map((m) => Array.from(m)));
              return { messages, status: decoder.trailers.get("grpc-status"), message: decoder.trailers.get("grpc-message") };
            }
            """);

        Assert.Equal("[[1,2,3],[]]", decoded.GetProperty("messages").GetRawText());
        Assert.Equal(("0", "fine"), (decoded.GetProperty("status").GetString(), decoded.GetProperty("message").GetString()));
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Colorize_UnknownModel_ThrowsGrpcErrorWithTheServersStatus()
    {
        IPage page = await fixture.OpenPageAsync();

        JsonElement error = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const { ColorizerClient } = await import("./assets/js/colorizer-client.js");
              const png = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAsTj2FAAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));
              try {
                for await (const update of new ColorizerClient().colorize({ model: "no-such-model", lineArtPng: png, strokes: [], lineComposite: 1, returnLayers: false })) {}
                return { code: -1 };
              } catch (e) {
                return { name: e.constructor.name, code: e.code, detail: e.detail };
              }
            }
            """);

        Assert.Equal("GrpcError", error.GetProperty("name").GetString());
        Assert.Equal(5, error.GetProperty("code").GetInt32()); // NOT_FOUND
        Assert.Contains("no-such-model", error.GetProperty("detail").GetString());
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Preview_AbortedBeforeTheAnswer_RejectsWithAbortError()
    {
        IPage page = await fixture.OpenPageAsync();

        string? name = await page.EvaluateAsync<string>("""
            async () => {
              const { ColorizerClient } = await import("./assets/js/colorizer-client.js");
              const controller = new AbortController();
              const call = new ColorizerClient().preview({ revision: 1, model: "", lineArtPng: new Uint8Array([1]), strokes: [], lineComposite: 1, maxSide: 64 },
                { signal: controller.signal });
              controller.abort();
              try { await call; return "resolved"; } catch (e) { return e.name; }
            }
            """);

        Assert.Equal("AbortError", name);
        await page.Context.CloseAsync();
    }
}
