using System.Text.Json;
using System.Text.Json.Serialization;
using ColorizeBridge.Imaging.Geometry;

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
    /// <summary>Read straight into the image path's type; model.json's own rules are checked on the way (<see cref="ManifestSizeRulesConverter"/>).</summary>
    [JsonConverter(typeof(ManifestSizeRulesConverter))]
    public required SizeRules SizeRules { get; init; }
    public int MaxBatch { get; init; } = 1;
    /// <summary>How long a request may wait for same-shaped company before its forward runs (dynamic batching).</summary>
    public int MaxQueueDelayMs { get; init; }
    /// <summary>The model the server uses when a request names none.</summary>
    public bool Default { get; init; }
    /// <summary>The vocabulary of a <c>tags</c> model, in the order of its <c>tags</c> input; empty for other kinds.</summary>
    public IReadOnlyList<string> Tags { get; init => field = value ?? []; } = [];

    /// <summary>Model kinds whose tensor layout this engine knows how to feed.</summary>
    public static readonly IReadOnlySet<string> SupportedKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        ModelKinds.Hints, ModelKinds.Auto, ModelKinds.Palette, ModelKinds.Reference, ModelKinds.Tags,
    };

    /// <summary>The inputs each kind's forward takes, by name (docs/MODELS.md, "The other kinds"); model.json may list them in any order.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> InputsOfKind = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [ModelKinds.Hints] = [InputNames.Line, InputNames.Hints],
        [ModelKinds.Auto] = [InputNames.Line],
        [ModelKinds.Palette] = [InputNames.Line, InputNames.Hints, InputNames.Palette],
        [ModelKinds.Reference] = [InputNames.Line, InputNames.Hints, InputNames.Reference],
        [ModelKinds.Tags] = [InputNames.Line, InputNames.Hints, InputNames.Tags],
    };

    /// <summary>Bins of the palette histogram: 8 levels each of r, g and b.</summary>
    public const int PaletteBins = 512;

    /// <summary>Side of the square the reference image is resized to.</summary>
    public const int ReferenceSide = 128;

    /// <summary>Whether the forward takes the input <paramref name="name"/>.</summary>
    public bool HasInput(string name) => Inputs.Any(input => input.Name == name);

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
        catch (ModelManifestException e)
        {
            throw new ModelManifestException($"{path}: {e.Message}");
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
        Require(Outputs.Count == 1 && Outputs[0].Channels == 3 && Outputs[0].Shape is null,
            $"a model of kind \"{Kind}\" gives one output, rgb, of 3 channels at the work size");
        ValidateTags(Require);
        ValidateInputs(Require);
    }

    private void ValidateInputs(Action<bool, string> require)
    {
        IReadOnlyList<string> wanted = InputsOfKind[Kind];
        string expected = string.Join(", ", wanted);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (TensorSpec input in Inputs)
        {
            require(wanted.Contains(input.Name),
                $"input \"{input.Name}\" is not one a model of kind \"{Kind}\" takes (its inputs, by name: {expected})");
            require(seen.Add(input.Name), $"input \"{input.Name}\" is listed twice");
        }

        require(seen.Count == wanted.Count,
            $"a model of kind \"{Kind}\" takes the inputs {expected}; \"inputs\" lacks {string.Join(", ", wanted.Where(name => !seen.Contains(name)))}");
        foreach (TensorSpec input in Inputs)
        {
            string where = $"input \"{input.Name}\"";
            switch (input.Name)
            {
                case InputNames.Line:
                    require(input.Channels == 1 && input.Scale == 1 && input.Shape is null, $"{where} must have \"channels\": 1 and \"scale\": 1");
                    break;
                case InputNames.Hints:
                    // The rasterizer makes one hint cell of 4x4 pixels (docs/MODELS.md).
                    require(input.Channels == 4 && input.Scale == 0.25 && input.Shape is null, $"{where} must have \"channels\": 4 and \"scale\": 0.25");
                    require(SizeRules.MultipleOf % 4 == 0, $"the hints input's \"scale\" must divide \"multiple_of\" evenly: make multiple_of a multiple of 4");
                    break;
                case InputNames.Palette:
                    RequireShape(input, [PaletteBins], require);
                    break;
                case InputNames.Reference:
                    RequireShape(input, [3, ReferenceSide, ReferenceSide], require);
                    break;
                case InputNames.Tags:
                    require(Tags.Count > 0, "a model of kind \"tags\" needs \"tags\": its vocabulary, e.g. [\"red\", \"blue\"], in the order of the tags input");
                    RequireShape(input, [Tags.Count], require);
                    break;
            }
        }
    }

    private static void RequireShape(TensorSpec input, int[] shape, Action<bool, string> require)
    {
        string wanted = $"[{string.Join(", ", shape)}]";
        require(input.Shape is not null && input.Shape.SequenceEqual(shape),
            $"input \"{input.Name}\" must have \"shape\": {wanted} (without the batch dimension), got " +
            (input.Shape is null ? "none" : $"[{string.Join(", ", input.Shape)}]"));
        require(input.Channels is 0 || input.Channels == shape[0], $"input \"{input.Name}\" has \"channels\": {input.Channels} but its shape is {wanted}");
    }

    private void ValidateTags(Action<bool, string> require)
    {
        if (Kind != ModelKinds.Tags)
        {
            require(Tags.Count == 0, $"\"tags\" is the vocabulary of a model of kind \"tags\"; one of kind \"{Kind}\" takes none");
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string tag in Tags)
        {
            require(!string.IsNullOrEmpty(tag) && tag.Trim() == tag, $"\"tags\" holds \"{tag}\": tags must be non-empty, without surrounding blanks");
            require(seen.Add(tag), $"\"tags\" holds \"{tag}\" twice (tags match ignoring case)");
        }
    }
}

/// <summary>The model kinds of docs/MODELS.md: what steers a model's colours.</summary>
public static class ModelKinds
{
    public const string Hints = "hints";
    public const string Auto = "auto";
    public const string Palette = "palette";
    public const string Reference = "reference";
    public const string Tags = "tags";
}

/// <summary>The forward inputs the engine knows how to make, by their model.json name.</summary>
public static class InputNames
{
    public const string Line = "line";
    public const string Hints = "hints";
    public const string Palette = "palette";
    public const string Reference = "reference";
    public const string Tags = "tags";
}

/// <summary>
/// One tensor of a model: an image, NCHW with <see cref="Channels"/> channels
/// at <see cref="Scale"/> times the work size, or a fixed <see cref="Shape"/>.
/// </summary>
public sealed record TensorSpec
{
    public required string Name { get; init; }
    /// <summary>Channels of an image tensor; for a fixed-shape tensor optional (0), else its first dimension.</summary>
    public int Channels { get; init; }
    public double Scale { get; init; } = 1;
    /// <summary>The fixed shape without the batch dimension (e.g. [512] for a palette); null for images of the work size.</summary>
    public IReadOnlyList<int>? Shape { get; init; }
    public IReadOnlyList<double> Range { get; init; } = [-1, 1];
}

/// <summary>A model.json that cannot be used; the message names the file and what to change.</summary>
public sealed class ModelManifestException(string message) : Exception(message);
