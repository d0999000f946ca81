using System.Text.Json.Nodes;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Colorization;
using ColorizeBridge.Engine.Colorization.Conditions;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Engine.Tests.Support;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Tests.Colorization;

/// <summary>The forward's inputs are made by name and put in the order model.json lists them.</summary>
public sealed class ModelInputsTests : IDisposable
{
    private readonly ModelFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static RgbaImage White(int width, int height)
    {
        var image = new RgbaImage(width, height);
        image.Pixels.AsSpan().Fill(255);
        return image;
    }

    [Fact]
    public void Create_InputsListedInAnotherOrder_FollowsTheManifest()
    {
        string folder = _folder.AddKind("palette", edit: m =>
        {
            var inputs = (JsonArray)m["inputs"]!;
            JsonNode[] reordered = [inputs[2]!.DeepClone(), inputs[0]!.DeepClone(), inputs[1]!.DeepClone()];
            m["inputs"] = new JsonArray(reordered);
        });
        ModelManifest manifest = ModelManifest.Load(Path.Combine(folder, "model.json"));
        PreparedLineArt lineArt = PreparedLineArt.Create(White(64, 48), manifest, 0);
        RequestConditions hints = RequestConditions.Read(new Hints { Palette = { new PaletteEntry { Color = new Color { R = 255 } } } }, "hints", 64, 48,
            manifest, new EngineLimits());

        IReadOnlyList<TensorData> inputs = ModelInputs.Create(manifest, lineArt, hints);

        Assert.Equal(["palette", "line", "hints"], manifest.Inputs.Select(i => i.Name));
        Assert.Same(hints.Palette, inputs[0]);
        Assert.Same(lineArt.LineInput, inputs[1]);
        Assert.Equal([1L, 4L, lineArt.Plan.WorkHeight / 4, lineArt.Plan.WorkWidth / 4], inputs[2].Shape);
    }

    [Theory]
    [InlineData("auto", new[] { 4 })]
    [InlineData("palette", new[] { 4, 4, 2 })]
    [InlineData("reference", new[] { 4, 4, 4 })]
    [InlineData("tags", new[] { 4, 4, 2 })]
    public void Create_EachKind_GivesOneInputPerManifestEntryWithBatchOne(string kind, int[] ranks)
    {
        ModelManifest manifest = ModelManifest.Load(Path.Combine(_folder.AddKind(kind), "model.json"));
        PreparedLineArt lineArt = PreparedLineArt.Create(White(40, 40), manifest, 0);
        var request = new Hints();
        switch (kind)
        {
            case "palette": request.Palette.Add(new PaletteEntry { Color = new Color { G = 200 } }); break;
            case "reference": request.Reference = new Image { Raw = new RawImage { Width = 1, Height = 1, Format = PixelFormat.Gray8, Pixels = Google.Protobuf.ByteString.CopyFrom(9) } }; break;
            case "tags": request.Tags.Add("green"); break;
        }

        IReadOnlyList<TensorData> inputs = ModelInputs.Create(manifest, lineArt, RequestConditions.Read(request, "hints", 40, 40, manifest, new EngineLimits()));

        Assert.Equal(ranks, inputs.Select(i => i.Rank));
        Assert.All(inputs, i => Assert.Equal(1L, i.Shape[0]));
    }
}
