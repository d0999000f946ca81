using ColorizeBridge.Tests.Shared;

namespace ColorizeBridge.Server.Tests.Support;

/// <summary>
/// A temporary models directory: "tiny" (the default, the fixture ONNX
/// file), "broken" (its file corrupt) and one fixture model of each other kind
/// ("fixture-auto", "fixture-palette", "fixture-reference", "fixture-tags").
/// A larger <c>maxSide</c> lets a test ask for forwards slow enough to queue
/// behind (about 1 s at 2048 on 2 cores).
/// </summary>
public sealed class ModelFolder : IDisposable
{
    public ModelFolder(int maxSide = 512)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cb-server-models-" + Guid.NewGuid().ToString("N"));
        FixtureModels.Install(Path, ServerFixture.ModelName, isDefault: true, maxSide);
        FixtureModels.Install(Path, "broken", isDefault: false, maxSide);
        File.AppendAllText(System.IO.Path.Combine(Path, "broken", "model.onnx"), "corrupt");
        foreach (string kind in FixtureModels.Kinds)
        {
            FixtureModels.InstallKind(Path, kind);
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
