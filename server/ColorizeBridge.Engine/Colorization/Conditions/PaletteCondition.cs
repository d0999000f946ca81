using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Colorization.Conditions;

/// <summary>
/// The <c>palette</c> condition of models of kind "palette" (docs/MODELS.md;
/// training/modes/palette.py makes the same histogram in training).
/// </summary>
internal static class PaletteCondition
{
    /// <summary>Most entries a palette may have.</summary>
    public const int MaxEntries = 32;

    /// <summary>The <c>palette</c> input, [1,512], for a model that takes one; null for other kinds.</summary>
    /// <param name="field">The request field holding the hints, for error messages ("hints").</param>
    /// <param name="model">Who the model is, for error messages (<see cref="RequestConditions.Describe"/>).</param>
    public static TensorData? Read(Hints hints, string field, ModelManifest manifest, string model)
    {
        if (!manifest.HasInput(InputNames.Palette))
        {
            return null;
        }

        if (hints.Palette.Count == 0)
        {
            throw new InvalidRequestException($"{field}.palette",
                $"{field}.palette is empty: {model} and needs a palette of 1..{MaxEntries} colours");
        }

        return new TensorData(Histogram(hints.Palette, $"{field}.palette"), [1, ModelManifest.PaletteBins]);
    }

    /// <summary>
    /// The palette as a 512-bin colour histogram: bin = (r&gt;&gt;5)*64 +
    /// (g&gt;&gt;5)*8 + (b&gt;&gt;5), each entry's weight in its colour's bin,
    /// normalised to sum to 1; weight 0 on every entry = equal shares.
    /// </summary>
    /// <param name="field">The request field, for error messages ("hints.palette").</param>
    public static float[] Histogram(IReadOnlyList<PaletteEntry> palette, string field)
    {
        if (palette.Count is 0 or > MaxEntries)
        {
            throw new InvalidRequestException(field, $"{field} has {palette.Count} entries; send 1..{MaxEntries} colours");
        }

        var bins = new int[palette.Count];
        var weights = new double[palette.Count];
        double total = 0;
        for (int i = 0; i < palette.Count; i++)
        {
            PaletteEntry entry = palette[i];
            if (entry.Color is not { } color || color.R > 255 || color.G > 255 || color.B > 255)
            {
                throw new InvalidRequestException($"{field}[{i}].color", $"{field}[{i}].color must be set, with r, g and b in 0..255");
            }

            if (!float.IsFinite(entry.Weight) || entry.Weight < 0)
            {
                throw new InvalidRequestException($"{field}[{i}].weight", $"{field}[{i}].weight must be a finite number >= 0 (0 on every entry = equal shares), got {entry.Weight}");
            }

            bins[i] = Bin((int)color.R, (int)color.G, (int)color.B);
            weights[i] = entry.Weight;
            total += entry.Weight;
        }

        var histogram = new float[ModelManifest.PaletteBins];
        for (int i = 0; i < bins.Length; i++)
        {
            histogram[bins[i]] += (float)(total == 0 ? 1.0 / bins.Length : weights[i] / total);
        }

        return histogram;
    }

    /// <summary>The histogram bin of an 8-bit sRGB colour: 8 levels each of r, g, b.</summary>
    public static int Bin(int r, int g, int b) => ((r >> 5) * 64) + ((g >> 5) * 8) + (b >> 5);
}
