using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ColorizeBridge.Tests.Shared;

/// <summary>
/// Installs the tiny TorchScript fixture (tests/fixtures/torchscript/hints_conv.pt,
/// a "hints"-shaped conv net) as a model folder with a model.json written the
/// way training/export.py writes one. Shared by every test project that sets
/// <c>UsesFixtureModels</c> (tests/Directory.Build.targets links this file and
/// copies the .pt file).
/// </summary>
internal static class FixtureModels
{
    public static readonly string TorchScriptFile = Path.Combine(AppContext.BaseDirectory, "fixtures", "torchscript", "hints_conv.pt");

    /// <summary>Writes <paramref name="modelsFolder"/>/<paramref name="name"/>/ and returns that folder.</summary>
    /// <param name="maxSide">size_rules.max_side; larger lets a test ask for slow forwards.</param>
    /// <param name="edit">Changes the manifest before it is written (for tests of bad manifests).</param>
    /// <param name="modelFile">A file to install instead of the fixture.</param>
    public static string Install(string modelsFolder, string name, bool isDefault = false, int maxSide = 512, int preferredSide = 128,
        Action<JsonObject>? edit = null, string? modelFile = null)
    {
        string folder = Path.Combine(modelsFolder, name);
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "model.pt");
        File.Copy(modelFile ?? TorchScriptFile, file);
        var manifest = new JsonObject
        {
            ["name"] = name,
            ["version"] = "0.1.0",
            ["kind"] = "hints",
            ["description"] = "test model",
            ["file"] = "model.pt",
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))),
            ["inputs"] = new JsonArray(
                new JsonObject { ["name"] = "line", ["channels"] = 1, ["scale"] = 1 },
                new JsonObject { ["name"] = "hints", ["channels"] = 4, ["scale"] = 0.25 }),
            ["outputs"] = new JsonArray(new JsonObject { ["name"] = "rgb", ["channels"] = 3, ["scale"] = 1 }),
            ["size_rules"] = new JsonObject { ["multiple_of"] = 16, ["min_side"] = 32, ["max_side"] = maxSide, ["preferred_side"] = preferredSide },
            ["max_batch"] = 2,
            ["default"] = isDefault,
        };
        edit?.Invoke(manifest);
        File.WriteAllText(Path.Combine(folder, "model.json"), manifest.ToJsonString());
        return folder;
    }
}
