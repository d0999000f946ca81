namespace ColorizeBridge.Engine.Models;

public sealed record ModelRegistryOptions
{
    /// <summary>Folder holding one sub-folder per model, each with a model.json.</summary>
    public required string ModelsDirectory { get; init; }

    /// <summary>"auto", "cpu", "cuda" or "cuda:N".</summary>
    public string Device { get; init; } = "auto";

    /// <summary>The model for requests that name none; null = the manifest marked "default", else the first by name.</summary>
    public string? DefaultModel { get; init; }
}
