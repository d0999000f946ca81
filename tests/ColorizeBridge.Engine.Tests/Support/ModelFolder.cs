using ColorizeBridge.Engine.Models;
using ColorizeBridge.Inference.OnnxRuntime;
using ColorizeBridge.Tests.Shared;
using System.Text.Json.Nodes;

namespace ColorizeBridge.Engine.Tests.Support;

/// <summary>
/// A temporary models directory, removed afterwards, filled with
/// <see cref="FixtureModels"/>.
/// </summary>
internal sealed class ModelFolder : IDisposable
{
    public ModelFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "cb-models-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Adds a model folder; <paramref name="edit"/> may change the manifest before it is written.</summary>
    public string Add(string name, Action<JsonObject>? edit = null, string? modelFile = null) =>
        FixtureModels.Install(Root, name, maxSide: 1024, preferredSide: 64, edit: edit, modelFile: modelFile);

    /// <summary>Adds the fixture model of <paramref name="kind"/> (tests/fixtures/kinds/); <paramref name="edit"/> may change its manifest.</summary>
    public string AddKind(string kind, string? name = null, Action<JsonObject>? edit = null) =>
        FixtureModels.InstallKind(Root, kind, name, edit: edit);

    /// <summary>A registry of this folder on the CPU, its models not loaded yet.</summary>
    public ModelRegistry OpenRegistry(string? defaultModel = null) =>
        new(new ModelRegistryOptions { ModelsDirectory = Root, Device = "cpu", DefaultModel = defaultModel }, new OnnxRuntimeBackend());

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
