using ColorizeBridge.Engine.Models;
using ColorizeBridge.Engine.Tests.Support;

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
    [InlineData("kind", "\"kind\" \"tags\" is not one this server can run")]
    [InlineData("file", "\"file\" must be a file name beside model.json")]
    [InlineData("sha256", "\"sha256\" must be 64 hex digits")]
    [InlineData("size_rules", "\"size_rules\" must have min_side <= preferred_side <= max_side")]
    public void Load_BadField_NamesTheFieldToFix(string field, string expected)
    {
        string folder = _folder.Add("bad", m =>
        {
            switch (field)
            {
                case "kind": m["kind"] = "tags"; break;
                case "file": m["file"] = "../elsewhere.pt"; break;
                case "sha256": m["sha256"] = "xyz"; break;
                case "size_rules": m["size_rules"]!["preferred_side"] = 4096; break;
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
