using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ColorizeBridge.Engine.Tests.Support;

/// <summary>
/// A temporary models directory holding real TorchScript files with
/// model.json manifests written the way export.py writes them.
/// </summary>
internal sealed class ModelFolder : IDisposable
{
    public static readonly string FixtureModel = Path.Combine(AppContext.BaseDirectory, "fixtures", "torchscript", "hints_conv.pt");

    public ModelFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "cb-models-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Adds a model folder; <paramref name="edit"/> may change the manifest before it is written.</summary>
    public string Add(string name, Action<JsonObject>? edit = null, string? modelFile = null)
    {
        string folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        string target = Path.Combine(folder, "model.pt");
        File.Copy(modelFile ?? FixtureModel, target);
        var manifest = new JsonObject
        {
            ["name"] = name,
            ["version"] = "1.0.0",
            ["kind"] = "hints",
            ["description"] = "test model",
            ["file"] = "model.pt",
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(target))),
            ["inputs"] = new JsonArray(
                new JsonObject { ["name"] = "line", ["channels"] = 1, ["scale"] = 1 },
                new JsonObject { ["name"] = "hints", ["channels"] = 4, ["scale"] = 0.25 }),
            ["outputs"] = new JsonArray(new JsonObject { ["name"] = "rgb", ["channels"] = 3, ["scale"] = 1 }),
            ["size_rules"] = new JsonObject { ["multiple_of"] = 16, ["min_side"] = 32, ["max_side"] = 1024, ["preferred_side"] = 64 },
            ["max_batch"] = 2,
        };
        edit?.Invoke(manifest);
        File.WriteAllText(Path.Combine(folder, "model.json"), manifest.ToJsonString());
        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
