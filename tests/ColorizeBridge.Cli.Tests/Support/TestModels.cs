using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ColorizeBridge.Cli.Tests.Support;

/// <summary>
/// Models folders holding the tiny TorchScript fixture (a "hints"-shaped
/// conv net) with a model.json written the way training/export.py writes it.
/// </summary>
internal static class TestModels
{
    public const string TinyModel = "tiny";

    private static readonly string FixtureModel = Path.Combine(AppContext.BaseDirectory, "fixtures", "torchscript", "hints_conv.pt");

    /// <summary>Writes models/<paramref name="name"/>/ under <paramref name="modelsFolder"/>.</summary>
    public static void Install(string modelsFolder, string name = TinyModel, bool isDefault = true)
    {
        string folder = Path.Combine(modelsFolder, name);
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "model.pt");
        File.Copy(FixtureModel, file);
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
            ["size_rules"] = new JsonObject { ["multiple_of"] = 16, ["min_side"] = 32, ["max_side"] = 512, ["preferred_side"] = 64 },
            ["default"] = isDefault,
        };
        File.WriteAllText(Path.Combine(folder, "model.json"), manifest.ToJsonString());
    }
}
