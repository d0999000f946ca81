using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Models;

/// <summary>
/// One folder of the models directory and what became of it: loading, ready
/// to run, or failed with a reason (a failed model never stops the others).
/// </summary>
public sealed class RegisteredModel
{
    private volatile ModelLoadState _state = ModelLoadState.Loading;

    internal RegisteredModel(string name, string directory, ModelManifest? manifest)
    {
        Name = name;
        Directory = directory;
        Manifest = manifest;
    }

    public string Name { get; }

    public string Directory { get; }

    /// <summary>Null when model.json itself could not be read.</summary>
    public ModelManifest? Manifest { get; }

    public ModelLoadState State => _state;

    /// <summary>Why the model failed to load, for <see cref="ModelLoadState.Failed"/>.</summary>
    public string? Error { get; private set; }

    /// <summary>The device it runs on once ready ("cpu", "cuda:0").</summary>
    public string? Device { get; private set; }

    /// <summary>The loaded model, for <see cref="ModelLoadState.Ready"/>.</summary>
    public IInferenceModel? Model { get; private set; }

    internal void MarkReady(IInferenceModel model)
    {
        Model = model;
        Device = model.Device;
        _state = ModelLoadState.Ready;
    }

    internal void MarkFailed(string error)
    {
        Error = error;
        _state = ModelLoadState.Failed;
    }
}
