using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Imaging.Hints;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Colorization.Conditions;

/// <summary>
/// What steers the colours of one request, checked against the model's kind
/// (docs/MODELS.md), one file per kind beside this one as in training/modes/:
/// colour dots and strokes for the rasterizer, and the palette histogram,
/// reference image or tag vector as the model's extra input.
/// </summary>
internal sealed record RequestConditions(RgbaImage? HintLayer, IReadOnlyList<HintStroke> Strokes)
{
    /// <summary>The <c>palette</c> input, [1,512], for models of kind "palette".</summary>
    public TensorData? Palette { get; init; }

    /// <summary>The <c>reference</c> input, [1,3,128,128], for models of kind "reference".</summary>
    public TensorData? Reference { get; init; }

    /// <summary>The <c>tags</c> input, [1,T], for models of kind "tags".</summary>
    public TensorData? Tags { get; init; }

    /// <summary>
    /// Reads the request's hints for <paramref name="manifest"/>'s model: a
    /// field the model cannot use, or a missing one it needs, is
    /// INVALID_ARGUMENT naming the field.
    /// </summary>
    /// <param name="field">The request field holding the hints, for error messages ("hints").</param>
    /// <param name="references">Remembers the last reference image decoded (live previews resend it with every change); null = decode every time.</param>
    public static RequestConditions Read(Hints? hints, string field, int lineArtWidth, int lineArtHeight, ModelManifest manifest, EngineLimits limits,
        ReferenceCache? references = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        hints ??= new Hints();
        string model = Describe(manifest);

        // A field the model cannot use would be silently ignored: say so instead,
        // before decoding anything.
        void RefuseUnless(bool present, string input, string subfield, string what)
        {
            if (present && !manifest.HasInput(input))
            {
                throw new InvalidRequestException($"{field}.{subfield}",
                    $"{field}.{subfield}: {model} and takes no {what}; only models of kind \"{input}\" do (see ListModels)");
            }
        }

        HintsCondition.RefuseUnlessTaken(hints, field, manifest, model);
        RefuseUnless(hints.Palette.Count > 0, InputNames.Palette, "palette", "palette");
        RefuseUnless(ReferenceCondition.IsSent(hints), InputNames.Reference, "reference", "reference image");
        RefuseUnless(hints.Tags.Count > 0, InputNames.Tags, "tags", "tags");

        RgbaImage? layer = HintsCondition.ReadLayer(hints, field, lineArtWidth, lineArtHeight, limits);
        TensorData? palette = PaletteCondition.Read(hints, field, manifest, model);
        TensorData? reference = ReferenceCondition.Read(hints, field, manifest, model, limits, references);
        TensorData? tags = TagsCondition.Read(hints, field, manifest, model);
        return new RequestConditions(layer, HintsCondition.ReadStrokes(hints, field, limits)) { Palette = palette, Reference = reference, Tags = tags };
    }

    /// <summary>Who the model is, as every condition's error message starts.</summary>
    public static string Describe(ModelManifest manifest) => $"model '{manifest.Name}' is of kind \"{manifest.Kind}\"";
}
