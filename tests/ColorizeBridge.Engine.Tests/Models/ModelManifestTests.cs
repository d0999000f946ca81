using ColorizeBridge.Engine.Models;
using ColorizeBridge.Engine.Tests.Support;
using ColorizeBridge.Tests.Shared;
using System.Text.Json.Nodes;

namespace ColorizeBridge.Engine.Tests.Models;

public sealed class ModelManifestTests : IDisposable
{
    private readonly ModelFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_ValidManifest_ReadsSnakeCaseFields()
    {
        string folder = _folder.Add("good");

        ModelManifest manifest = ModelManifest.Load(Path.Combine(folder, "model.json"));

        Assert.Equal("good", manifest.Name);
        Assert.Equal(16, manifest.SizeRules.MultipleOf);
        Assert.Equal(64, manifest.SizeRules.PreferredSide);
        Assert.Equal(2, manifest.MaxBatch);
        Assert.Equal(0.25, manifest.Inputs[1].Scale);
    }

    [Theory]
    [InlineData("kind", "\"kind\" \"painting\" is not one this server can run (supported: hints, auto, palette, reference, tags)")]
    [InlineData("file", "\"file\" must be a file name beside model.json")]
    [InlineData("sha256", "\"sha256\" must be 64 hex digits")]
    [InlineData("size_rules", "\"size_rules\" must have min_side <= preferred_side <= max_side")]
    public void Load_BadField_NamesTheFieldToFix(string field, string expected)
    {
        string folder = _folder.Add("bad", m =>
        {
            switch (field)
            {
                case "kind": m["kind"] = "painting"; break;
                case "file": m["file"] = "../elsewhere.pt"; break;
                case "sha256": m["sha256"] = "xyz"; break;
                case "size_rules": m["size_rules"]!["preferred_side"] = 4096; break;
            }
        });

        var error = Assert.Throws<ModelManifestException>(() => ModelManifest.Load(Path.Combine(folder, "model.json")));

        Assert.Contains(expected, error.Message);
        Assert.Contains("model.json", error.Message);
    }

    [Theory]
    [InlineData("multiple_of", 0, "\"size_rules.multiple_of\" must be 1..256")]
    [InlineData("multiple_of", 512, "\"size_rules.multiple_of\" must be 1..256")]
    [InlineData("min_side", 8, "\"size_rules.min_side\" must be at least multiple_of")]
    [InlineData("max_side", 1000, "\"size_rules.min_side\" and \"max_side\" must be multiples of multiple_of")]
    public void Load_BadSizeRule_NamesTheRuleToFix(string rule, int value, string expected)
    {
        string folder = _folder.Add("bad", m => m["size_rules"]![rule] = value);

        var error = Assert.Throws<ModelManifestException>(() => ModelManifest.Load(Path.Combine(folder, "model.json")));

        Assert.Contains(expected, error.Message);
        Assert.Contains("model.json", error.Message);
    }

    [Fact]
    public void Load_SizeRuleMissing_SaysWhichOne()
    {
        string folder = _folder.Add("bad", m => m["size_rules"]!.AsObject().Remove("min_side"));

        var error = Assert.Throws<ModelManifestException>(() => ModelManifest.Load(Path.Combine(folder, "model.json")));

        Assert.Contains("\"size_rules.min_side\"", error.Message);
    }

    [Fact]
    public void Load_ValidManifest_SizeRulesAreTheImagePathsType()
    {
        ModelManifest manifest = ModelManifest.Load(Path.Combine(_folder.Add("good"), "model.json"));

        Imaging.Geometry.FitPlan plan = Imaging.Geometry.FitPlan.Create(100, 50, manifest.SizeRules);

        Assert.Equal(manifest.SizeRules.PreferredSide, plan.WorkWidth);
    }

    public static TheoryData<string> Kinds() => [.. FixtureModels.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Load_FixtureOfEachKind_ReadsItsInputsByName(string kind)
    {
        ModelManifest manifest = ModelManifest.Load(Path.Combine(_folder.AddKind(kind), "model.json"));

        Assert.Equal(kind, manifest.Kind);
        Assert.Equal(ModelManifest.InputsOfKind[kind], manifest.Inputs.Select(i => i.Name));
        Assert.True(manifest.HasInput("line"));
        Assert.Equal(kind != "auto", manifest.HasInput("hints"));
    }

    [Fact]
    public void Load_FixedShapeInputs_ReadShapeAndVocabulary()
    {
        ModelManifest palette = ModelManifest.Load(Path.Combine(_folder.AddKind("palette"), "model.json"));
        ModelManifest reference = ModelManifest.Load(Path.Combine(_folder.AddKind("reference"), "model.json"));
        ModelManifest tags = ModelManifest.Load(Path.Combine(_folder.AddKind("tags"), "model.json"));

        Assert.Equal([512], palette.Inputs.Single(i => i.Name == "palette").Shape!);
        Assert.Null(palette.Inputs.Single(i => i.Name == "line").Shape);
        Assert.Equal([3, 128, 128], reference.Inputs.Single(i => i.Name == "reference").Shape!);
        Assert.Equal(["red", "green", "blue", "yellow", "white"], tags.Tags);
        Assert.Equal([5], tags.Inputs.Single(i => i.Name == "tags").Shape!);
        Assert.Empty(palette.Tags);
    }

    [Theory]
    [InlineData("hints", "drop palette", "\"inputs\" lacks")]
    [InlineData("palette", "drop palette", "a model of kind \"palette\" takes the inputs line, hints, palette; \"inputs\" lacks palette")]
    [InlineData("reference", "drop hints", "\"inputs\" lacks hints")]
    [InlineData("auto", "add hints", "input \"hints\" is not one a model of kind \"auto\" takes (its inputs, by name: line)")]
    [InlineData("tags", "rename tags", "input \"labels\" is not one a model of kind \"tags\" takes (its inputs, by name: line, hints, tags)")]
    [InlineData("palette", "duplicate line", "input \"line\" is listed twice")]
    [InlineData("palette", "palette shape 256", "input \"palette\" must have \"shape\": [512] (without the batch dimension), got [256]")]
    [InlineData("palette", "palette without shape", "input \"palette\" must have \"shape\": [512] (without the batch dimension), got none")]
    [InlineData("reference", "reference 256", "input \"reference\" must have \"shape\": [3, 128, 128]")]
    [InlineData("reference", "reference channels 4", "input \"reference\" has \"channels\": 4 but its shape is [3, 128, 128]")]
    [InlineData("tags", "tags shape 4", "input \"tags\" must have \"shape\": [5]")]
    [InlineData("tags", "no vocabulary", "a model of kind \"tags\" needs \"tags\": its vocabulary")]
    [InlineData("tags", "vocabulary twice", "\"tags\" holds \"RED\" twice")]
    [InlineData("tags", "vocabulary blank", "tags must be non-empty, without surrounding blanks")]
    [InlineData("palette", "vocabulary on palette", "\"tags\" is the vocabulary of a model of kind \"tags\"; one of kind \"palette\" takes none")]
    [InlineData("palette", "hints at half size", "input \"hints\" must have \"channels\": 4 and \"scale\": 0.25")]
    [InlineData("auto", "line of 3 channels", "input \"line\" must have \"channels\": 1 and \"scale\": 1")]
    [InlineData("auto", "two outputs", "gives one output, rgb, of 3 channels")]
    public void Load_InputsThatDoNotFitTheKind_NameTheInputToFix(string kind, string change, string expected)
    {
        string folder = kind == "hints"
            ? _folder.Add("bad", m => ((JsonArray)m["inputs"]!).RemoveAt(1))
            : _folder.AddKind(kind, "bad", m =>
            {
                var inputs = (JsonArray)m["inputs"]!;
                JsonObject Input(string name) => inputs.OfType<JsonObject>().Single(i => (string?)i["name"] == name);
                switch (change)
                {
                    case "drop palette": inputs.Remove(Input("palette")); break;
                    case "drop hints": inputs.Remove(Input("hints")); break;
                    case "add hints": inputs.Add(new JsonObject { ["name"] = "hints", ["channels"] = 4, ["scale"] = 0.25 }); break;
                    case "rename tags": Input("tags")["name"] = "labels"; break;
                    case "duplicate line": inputs.Add(Input("line").DeepClone()); break;
                    case "palette shape 256": Input("palette")["shape"] = new JsonArray(256); break;
                    case "palette without shape": Input("palette").Remove("shape"); break;
                    case "reference 256": Input("reference")["shape"] = new JsonArray(3, 256, 256); break;
                    case "reference channels 4": Input("reference")["channels"] = 4; break;
                    case "tags shape 4": Input("tags")["shape"] = new JsonArray(4); break;
                    case "no vocabulary": m.Remove("tags"); break;
                    case "vocabulary twice": ((JsonArray)m["tags"]!)[4] = "RED"; break;
                    case "vocabulary blank": ((JsonArray)m["tags"]!)[4] = " white"; break;
                    case "vocabulary on palette": m["tags"] = new JsonArray("red"); break;
                    case "hints at half size": Input("hints")["scale"] = 0.5; break;
                    case "line of 3 channels": Input("line")["channels"] = 3; break;
                    case "two outputs": ((JsonArray)m["outputs"]!).Add(new JsonObject { ["name"] = "guide", ["channels"] = 3 }); break;
                    default: throw new ArgumentOutOfRangeException(nameof(change), change, "no such change");
                }
            });

        var error = Assert.Throws<ModelManifestException>(() => ModelManifest.Load(Path.Combine(folder, "model.json")));

        Assert.Contains(expected, error.Message);
        Assert.Contains("model.json", error.Message);
    }

    [Fact]
    public void Load_MissingRequiredField_SaysWhichIsMissing()
    {
        string folder = _folder.Add("partial", m => m.Remove("version"));

        var error = Assert.Throws<ModelManifestException>(() => ModelManifest.Load(Path.Combine(folder, "model.json")));

        Assert.Contains("version", error.Message);
    }

    [Fact]
    public void Load_NotJson_SaysSo()
    {
        string folder = _folder.Add("garbage");
        File.WriteAllText(Path.Combine(folder, "model.json"), "{ this is not json");

        var error = Assert.Throws<ModelManifestException>(() => ModelManifest.Load(Path.Combine(folder, "model.json")));

        Assert.Contains("not a valid model.json", error.Message);
    }
}
