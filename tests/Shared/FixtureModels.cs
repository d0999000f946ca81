using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ColorizeBridge.Tests.Shared;

/// <summary>
/// Installs the tiny ONNX fixture (tests/fixtures/onnx/hints_conv.onnx,
/// a "hints"-shaped conv net) as a model folder with a model.json written the
/// way training/export.py writes one, and the fixture model folders of the
/// other kinds (tests/fixtures/kinds/). Shared by every test project that sets
/// <c>UsesFixtureModels</c> (tests/Directory.Build.targets links this file and
/// copies the fixtures).
/// </summary>
internal static class FixtureModels
{
    public static readonly string HintsModelFile = Path.Combine(AppContext.BaseDirectory, "fixtures", "onnx", "hints_conv.onnx");

    /// <summary>The fixture model folders by kind: auto, palette, reference, tags (each model.json, model.onnx and golden files).</summary>
    public static readonly string KindsFolder = Path.Combine(AppContext.BaseDirectory, "fixtures", "kinds");

    /// <summary>The kinds with a fixture model in <see cref="KindsFolder"/>.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["auto", "palette", "reference", "tags"];

    /// <summary>
    /// The tags fixture's vocabulary and the colour each asks for
    /// (make_fixtures.py's TAG_COLOURS): its output away from colour dots is
    /// the mean colour of the requested tags.
    /// </summary>
    public static readonly IReadOnlyList<(string Tag, byte R, byte G, byte B)> TagColours =
    [
        ("red", 255, 0, 0), ("green", 0, 255, 0), ("blue", 0, 0, 255), ("yellow", 255, 255, 0), ("white", 255, 255, 255),
    ];

    /// <summary>
    /// Copies the fixture model of <paramref name="kind"/> (see
    /// tests/fixtures/onnx/make_fixtures.py for what its output shows)
    /// to <paramref name="modelsFolder"/>/<paramref name="name"/>/ and returns that folder.
    /// </summary>
    /// <param name="name">Model name; null = the fixture's own, "fixture-KIND".</param>
    /// <param name="edit">Changes the manifest before it is written (for tests of bad manifests).</param>
    public static string InstallKind(string modelsFolder, string kind, string? name = null, bool isDefault = false, Action<JsonObject>? edit = null)
    {
        string source = Path.Combine(KindsFolder, kind);
        name ??= $"fixture-{kind}";
        string folder = Path.Combine(modelsFolder, name);
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(source, "model.onnx"), Path.Combine(folder, "model.onnx"));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "model.json")))!.AsObject();
        manifest["name"] = name;
        manifest["default"] = isDefault;
        edit?.Invoke(manifest);
        File.WriteAllText(Path.Combine(folder, "model.json"), manifest.ToJsonString());
        return folder;
    }

    /// <summary>Writes <paramref name="modelsFolder"/>/<paramref name="name"/>/ and returns that folder.</summary>
    /// <param name="maxSide">size_rules.max_side; larger lets a test ask for slow forwards.</param>
    /// <param name="edit">Changes the manifest before it is written (for tests of bad manifests).</param>
    /// <param name="modelFile">A file to install instead of the fixture.</param>
    public static string Install(string modelsFolder, string name, bool isDefault = false, int maxSide = 512, int preferredSide = 128,
        Action<JsonObject>? edit = null, string? modelFile = null)
    {
        string folder = Path.Combine(modelsFolder, name);
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "model.onnx");
        File.Copy(modelFile ?? HintsModelFile, file);
        var manifest = new JsonObject
        {
            ["name"] = name,
            ["version"] = "0.1.0",
            ["kind"] = "hints",
            ["description"] = "test model",
            ["file"] = "model.onnx",
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
