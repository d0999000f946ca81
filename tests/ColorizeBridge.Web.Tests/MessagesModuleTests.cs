using System.Text.Json;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Web.Tests.Support;
using Google.Protobuf;
using Microsoft.Playwright;

namespace ColorizeBridge.Web.Tests;

/// <summary>
/// js/messages.js (and js/protobuf.js under it) against Google's protobuf:
/// what the page writes, Google.Protobuf parses to the same fields, and what
/// Google.Protobuf writes, the page reads back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MessagesModuleTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task EncodeColorizeRequest_ParsedByGoogleProtobuf_KeepsEveryField()
    {
        IPage page = await fixture.OpenPageAsync();

        byte[] bytes = await EvaluateBytesAsync(page, """
            const m = await import("./assets/js/messages.js");
            return m.encodeColorizeRequest({
              model: "tiny", lineArtPng: new Uint8Array([137, 80, 78, 71]),
              strokes: [
                { points: [{ x: 0, y: 0 }, { x: 10.5, y: 20.25 }], color: { r: 255, g: 0, b: 7 }, width: 12 },
                { points: [{ x: 3, y: 4 }], color: { r: 0, g: 0, b: 0 }, width: 0 },
              ],
              lineComposite: m.LineComposite.NONE, returnLayers: true, gapSize: 12 });
            """);
        ColorizeRequest request = ColorizeRequest.Parser.ParseFrom(bytes);

        Assert.Equal("tiny", request.Model);
        Assert.Equal([137, 80, 78, 71], request.LineArt.Png.ToByteArray());
        Assert.Equal(2, request.Hints.Strokes.Count);
        Stroke first = request.Hints.Strokes[0];
        Assert.Equal([(0f, 0f), (10.5f, 20.25f)], first.Points.Select(p => (p.X, p.Y)));
        Assert.Equal((255u, 0u, 7u), (first.Color.R, first.Color.G, first.Color.B));
        Assert.Equal(12f, first.Width);
        Assert.Equal([(3f, 4f)], request.Hints.Strokes[1].Points.Select(p => (p.X, p.Y)));
        Assert.NotNull(request.Hints.Strokes[1].Color);
        Assert.Equal(OutputFormat.Png, request.Options.OutputFormat);
        Assert.Equal(LineComposite.None, request.Options.LineComposite);
        Assert.True(request.Options.ReturnLayers);
        Assert.Equal(12u, request.Options.GapSize);
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task EncodePreviewStart_ParsedByGoogleProtobuf_CarriesStartAndRevision()
    {
        IPage page = await fixture.OpenPageAsync();

        byte[] bytes = await EvaluateBytesAsync(page, """
            const m = await import("./assets/js/messages.js");
            return m.encodePreviewStart({ revision: 300, model: "", lineArtPng: new Uint8Array([1, 2]),
              strokes: [], lineComposite: m.LineComposite.MULTIPLY, maxSide: 384 });
            """);
        PreviewRequest request = PreviewRequest.Parser.ParseFrom(bytes);

        Assert.Equal(300ul, request.Revision);
        Assert.Equal(PreviewRequest.KindOneofCase.Start, request.KindCase);
        Assert.Equal("", request.Start.Model);
        Assert.Equal([1, 2], request.Start.LineArt.Png.ToByteArray());
        Assert.NotNull(request.Start.Hints);
        Assert.Equal((384u, OutputFormat.Png, LineComposite.Multiply),
            (request.Start.Options.MaxSide, request.Start.Options.OutputFormat, request.Start.Options.LineComposite));
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task DecodeColorizeUpdate_ResultFromGoogleProtobuf_ReadsImageLayersAndRecipe()
    {
        IPage page = await fixture.OpenPageAsync();
        var update = new ColorizeUpdate
        {
            Result = new ColorizeResult
            {
                Image = new Image { Png = ByteString.CopyFrom(9, 8, 7) },
                Layers = { new Layer { Name = "colour", Image = new Image { Png = ByteString.CopyFrom(1) } } },
                Recipe = new Recipe { Model = "tiny", Version = "0.1.0", Seed = 1ul << 40, WorkWidth = 128, WorkHeight = 96 },
            },
        };

        JsonElement decoded = await DecodeAsync(page, "decodeColorizeUpdate", update);

        JsonElement result = decoded.GetProperty("result");
        Assert.Equal([9, 8, 7], ReadBytes(result.GetProperty("image").GetProperty("png")));
        Assert.Equal("colour", result.GetProperty("layers")[0].GetProperty("name").GetString());
        Assert.Equal([1], ReadBytes(result.GetProperty("layers")[0].GetProperty("image").GetProperty("png")));
        Assert.Equal("tiny", result.GetProperty("recipe").GetProperty("model").GetString());
        Assert.Equal(1L << 40, result.GetProperty("recipe").GetProperty("seed").GetInt64());
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task DecodeColorizeUpdate_Progress_ReadsFloatFractionAndStage()
    {
        IPage page = await fixture.OpenPageAsync();
        var update = new ColorizeUpdate { Progress = new Progress { Fraction = 0.75f, Stage = "model" } };

        JsonElement decoded = await DecodeAsync(page, "decodeColorizeUpdate", update);

        Assert.Equal(0.75, decoded.GetProperty("progress").GetProperty("fraction").GetDouble());
        Assert.Equal("model", decoded.GetProperty("progress").GetProperty("stage").GetString());
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task DecodeListModelsResponse_SkipsUnknownFieldsAndReadsStates()
    {
        IPage page = await fixture.OpenPageAsync();
        var response = new ListModelsResponse
        {
            DefaultModel = "b",
            Models =
            {
                new ModelInfo { Name = "a", Kind = "hints", State = ModelState.Failed, Error = "bad file", SizeRules = new SizeRules { MaxSide = 512 } },
                new ModelInfo { Name = "b", Version = "2", State = ModelState.Ready, Device = "cuda:0" },
            },
        };

        JsonElement decoded = await DecodeAsync(page, "decodeListModelsResponse", response);

        Assert.Equal("b", decoded.GetProperty("defaultModel").GetString());
        JsonElement models = decoded.GetProperty("models");
        Assert.Equal(("a", "failed", "bad file"), (models[0].GetProperty("name").GetString(), models[0].GetProperty("state").GetString(), models[0].GetProperty("error").GetString()));
        Assert.Equal(("b", "ready", "cuda:0"), (models[1].GetProperty("name").GetString(), models[1].GetProperty("state").GetString(), models[1].GetProperty("device").GetString()));
        await page.Context.CloseAsync();
    }

    private static async Task<byte[]> EvaluateBytesAsync(IPage page, string body)
    {
        int[] values = await page.EvaluateAsync<int[]>($"async () => {{ const bytes = await (async () => {{ {body} }})(); return Array.from(bytes); }}");
        return [.. values.Select(v => (byte)v)];
    }

    /// <summary>Runs a decode function of messages.js on <paramref name="message"/>'s bytes; Uint8Arrays come back as arrays.</summary>
    private static async Task<JsonElement> DecodeAsync(IPage page, string function, IMessage message) =>
        await page.EvaluateAsync<JsonElement>($$"""
            async (bytes) => {
              const m = await import("./assets/js/messages.js");
              const decoded = m.{{function}}(new Uint8Array(bytes));
              return JSON.parse(JSON.stringify(decoded, (key, value) => value instanceof Uint8Array ? Array.from(value) : value));
            }
            """, message.ToByteArray().Select(b => (int)b).ToArray());

    private static byte[] ReadBytes(JsonElement array) => [.. array.EnumerateArray().Select(e => (byte)e.GetInt32())];
}
