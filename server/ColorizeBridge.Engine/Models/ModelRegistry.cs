using System.Diagnostics;
using System.Security.Cryptography;
using ColorizeBridge.Inference;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ColorizeBridge.Engine.Models;

/// <summary>
/// The models directory (Triton's model repository layout): one folder per
/// model with model.json and the ONNX file. Each model is checked (hash,
/// manifest) and loaded on its own; one that fails is listed as failed with the
/// reason while the others serve.
/// </summary>
public sealed class ModelRegistry : IDisposable
{
    private readonly ModelRegistryOptions _options;
    private readonly IInferenceBackend _backend;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<RegisteredModel> _models;

    public ModelRegistry(ModelRegistryOptions options, IInferenceBackend backend, ILogger<ModelRegistry>? logger = null)
    {
        _options = options;
        _backend = backend;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _models = Discover(options.ModelsDirectory);
        DefaultModelName = ChooseDefault(_models, options.DefaultModel);
    }

    public IReadOnlyList<RegisteredModel> Models => _models;

    /// <summary>The model for requests that name none; null when there are no models.</summary>
    public string? DefaultModelName { get; }

    /// <summary>True once every model has finished loading, ready or failed.</summary>
    public bool LoadingComplete => _models.All(m => m.State != ModelLoadState.Loading);

    /// <summary>Loads every discovered model, one after another (they share the device).</summary>
    public void LoadAll(CancellationToken cancellationToken = default)
    {
        foreach (RegisteredModel model in _models.Where(m => m.State == ModelLoadState.Loading))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Load(model);
        }
    }

    /// <summary>
    /// The ready model named <paramref name="name"/> (empty = the default), or an
    /// <see cref="EngineException"/> that tells the caller what to change.
    /// </summary>
    public RegisteredModel Resolve(string? name)
    {
        string? wanted = string.IsNullOrEmpty(name) ? DefaultModelName : name;
        if (wanted is null)
        {
            throw new FailedPreconditionException(
                $"No trained model is installed: the models directory '{_options.ModelsDirectory}' holds no model. " +
                "Install one (see docs/MODELS.md) or train one with training/README.md.");
        }

        RegisteredModel? model = _models.FirstOrDefault(m => m.Name == wanted);
        if (model is null)
        {
            throw new NotFoundException(
                $"Unknown model '{wanted}'. Available: {string.Join(", ", _models.Select(m => m.Name))}.");
        }

        return model.State switch
        {
            ModelLoadState.Ready => model,
            ModelLoadState.Loading => throw new UnavailableException(
                $"Model '{wanted}' is still loading; retry in a few seconds."),
            _ => throw new FailedPreconditionException(
                $"Model '{wanted}' failed to load: {model.Error}"),
        };
    }

    public void Dispose()
    {
        foreach (RegisteredModel model in _models)
        {
            model.Model?.Dispose();
        }
    }

    private void Load(RegisteredModel model)
    {
        if (model.Manifest is not { } manifest)
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        try
        {
            string file = Path.Combine(model.Directory, manifest.File);
            if (!File.Exists(file))
            {
                throw new ModelManifestException($"{file} is missing (model.json names it as the model file)");
            }

            string actual = HashFile(file);
            if (!actual.Equals(manifest.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new ModelManifestException(
                    $"{file} has sha256 {actual} but model.json says {manifest.Sha256}: the file is corrupt or does not belong to this manifest");
            }

            IInferenceModel loaded = _backend.Load(file, _options.Device,
                new InferenceModelOptions { InputNames = [.. manifest.Inputs.Select(input => input.Name)] });
            model.MarkReady(loaded);
            EngineLog.ModelReady(_logger, manifest.Name, manifest.Version, loaded.Device, stopwatch.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is ModelManifestException or InferenceException or IOException or ArgumentException)
        {
            model.MarkFailed(e.Message);
            EngineLog.ModelFailed(_logger, model.Name, e.Message);
        }
    }

    private IReadOnlyList<RegisteredModel> Discover(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            EngineLog.ModelsDirectoryMissing(_logger, directory);
            return [];
        }

        var models = new List<RegisteredModel>();
        foreach (string folder in System.IO.Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            string manifestPath = Path.Combine(folder, "model.json");
            if (!File.Exists(manifestPath))
            {
                continue;
            }

            string folderName = Path.GetFileName(folder);
            try
            {
                ModelManifest manifest = ModelManifest.Load(manifestPath);
                if (models.Any(m => m.Name == manifest.Name))
                {
                    throw new ModelManifestException($"{manifestPath}: another folder already declares the model name \"{manifest.Name}\"");
                }

                models.Add(new RegisteredModel(manifest.Name, folder, manifest));
            }
            catch (ModelManifestException e)
            {
                var failed = new RegisteredModel(folderName, folder, manifest: null);
                failed.MarkFailed(e.Message);
                EngineLog.ModelFailed(_logger, folderName, e.Message);
                models.Add(failed);
            }
        }

        return models;
    }

    private static string? ChooseDefault(IReadOnlyList<RegisteredModel> models, string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        return models.FirstOrDefault(m => m.Manifest?.Default == true)?.Name
            ?? models.FirstOrDefault(m => m.Manifest is not null)?.Name;
    }

    private static string HashFile(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
