using System.Text.Json;
using System.Text.Json.Serialization;

namespace ColorizeBridge.Engine.Models;

/// <summary>
/// <c>models/&lt;name&gt;/model.json</c>: what a model file is and how to feed it
/// (docs/MODELS.md). Declarative, like Triton's model configuration, so the
/// engine needs no code per model.
/// </summary>
public sealed record ModelManifest
{
    public required string Name { get; init; }
    public required string Version { get; init; }
    public required string Kind { get; init; }
    public string Description { get; init; } = "";
    public required string File { get; init; }
    public required string Sha256 { get; init; }
    public required IReadOnlyList<TensorSpec> Inputs { get; init; }
    public required IReadOnlyList<TensorSpec> Outputs { get; init; }
    public required SizeRulesSpec SizeRules { get; init; }
    public int MaxBatch { get; init; } = 1;
    /// <summary>How long a request may wait for same-shaped company before its forward runs (dynamic batching).</summary>
    public int MaxQueueDelayMs { get; init; }
    /// <summary>The model the server uses when a request names none.</summary>
    public bool Default { get; init; }

    /// <summary>Model kinds whose tensor layout this engine knows how to feed.</summary>
    public static readonly IReadOnlySet<string> SupportedKinds = new HashSet<string>(StringComparer.Ordinal) { "hints" };

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and checks a manifest; every problem names the file and the field to fix.</summary>
    public static ModelManifest Load(string path)
    {
        ModelManifest? manifest;
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            manifest = JsonSerializer.Deserialize<ModelManifest>(stream, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new ModelManifestException($"{path}: not a valid model.json: {e.Message}");
        }
        if (manifest is null)
        {
            throw new ModelManifestException($"{path}: empty model.json");
        }
        manifest.Validate(path);
        return manifest;
    }

    private void Validate(string path)
    {
        void Require(bool condition, string problem)
        {
            if (!condition)
            {
                throw new ModelManifestException($"{path}: {problem}");
            }
        }

        Require(Name.Length > 0 && Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'),
            $"\"name\" must be letters, digits, '-', '_' or '.', got \"{Name}\"");
        Require(SupportedKinds.Contains(Kind), $"\"kind\" \"{Kind}\" is not one this server can run (supported: {string.Join(", ", SupportedKinds)})");
        Require(File.Length > 0 && !File.Contains('/') && !File.Contains('\\') && File != "..",
            $"\"file\" must be a file name beside model.json, got \"{File}\"");
        Require(Sha256.Length == 64 && Sha256.All(char.IsAsciiHexDigit), "\"sha256\" must be 64 hex digits");
        Require(MaxBatch >= 1, "\"max_batch\" must be at least 1");
        Require(MaxQueueDelayMs is >= 0 and <= 1000, "\"max_queue_delay_ms\" must be 0..1000");
        SizeRules.Validate(Require);
        Require(Inputs.Count == 2 && Inputs[0].Channels == 1 && Inputs[1].Channels == 4,
            "a \"hints\" model takes two inputs: line (1 channel) and hints (4 channels)");
        Require(Outputs.Count == 1 && Outputs[0].Channels == 3, "a \"hints\" model gives one output of 3 channels");
        Require(Inputs[1].Scale > 0 && Inputs[1].Scale <= 1 && SizeRules.MultipleOf * Inputs[1].Scale == Math.Floor(SizeRules.MultipleOf * Inputs[1].Scale),
            "the hints input's \"scale\" must divide \"multiple_of\" evenly");
    }
}

/// <summary>One tensor of a model: NCHW, <see cref="Channels"/> channels at <see cref="Scale"/> times the work size.</summary>
public sealed record TensorSpec
{
    public required string Name { get; init; }
    public required int Channels { get; init; }
    public double Scale { get; init; } = 1;
    public IReadOnlyList<double> Range { get; init; } = [-1, 1];
}

/// <summary>Sizes a model accepts; see the API's <c>SizeRules</c>.</summary>
public sealed record SizeRulesSpec
{
    public required int MultipleOf { get; init; }
    public required int MinSide { get; init; }
    public required int MaxSide { get; init; }
    public required int PreferredSide { get; init; }

    internal void Validate(Action<bool, string> require)
    {
        require(MultipleOf is >= 1 and <= 256, "\"size_rules.multiple_of\" must be 1..256");
        require(MinSide >= MultipleOf, "\"size_rules.min_side\" must be at least multiple_of");
        require(MaxSide >= PreferredSide && PreferredSide >= MinSide, "\"size_rules\" must have min_side <= preferred_side <= max_side");
        require(MaxSide % MultipleOf == 0 && MinSide % MultipleOf == 0, "\"size_rules.min_side\" and \"max_side\" must be multiples of multiple_of");
    }
}

/// <summary>A model.json that cannot be used; the message names the file and what to change.</summary>
public sealed class ModelManifestException(string message) : Exception(message);
