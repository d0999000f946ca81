using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ColorizeBridge.Server.Tests.Support;

/// <summary>
/// A temporary models directory: "tiny" (the default, the fixture TorchScript
/// file) and "broken" (its file corrupt). A larger <c>maxSide</c> lets a test
/// ask for forwards slow enough to queue behind (about 1 s at 2048 on 2 cores).
/// </summary>
public sealed class ModelFolder : IDisposable
{
    public ModelFolder(int maxSide = 512)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cb-server-models-" + Guid.NewGuid().ToString("N"));
        Write(ServerFixture.ModelName, isDefault: true, maxSide);
        Write("broken", isDefault: false, maxSide);
        File.AppendAllText(System.IO.Path.Combine(Path, "broken", "model.pt"), "corrupt");
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private void Write(string name, bool isDefault, int maxSide)
    {
        string folder = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(folder);
        string file = System.IO.Path.Combine(folder, "model.pt");
        File.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", "torchscript", "hints_conv.pt"), file);
        var manifest = new JsonObject
        {
            ["name"] = name,
            ["version"] = "0.1.0",
            ["kind"] = "hints",
            ["file"] = "model.pt",
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))),
            ["inputs"] = new JsonArray(
                new JsonObject { ["name"] = "line", ["channels"] = 1, ["scale"] = 1 },
                new JsonObject { ["name"] = "hints", ["channels"] = 4, ["scale"] = 0.25 }),
            ["outputs"] = new JsonArray(new JsonObject { ["name"] = "rgb", ["channels"] = 3, ["scale"] = 1 }),
            ["size_rules"] = new JsonObject { ["multiple_of"] = 16, ["min_side"] = 32, ["max_side"] = maxSide, ["preferred_side"] = 128 },
            ["default"] = isDefault,
        };
        File.WriteAllText(System.IO.Path.Combine(folder, "model.json"), manifest.ToJsonString());
    }
}
