using System.Text.Json;
using System.Text.Json.Serialization;
using ColorizeBridge.Imaging.Geometry;

namespace ColorizeBridge.Engine.Models;

/// <summary>
/// Reads model.json's <c>"size_rules"</c> straight into the image path's
/// <see cref="SizeRules"/>, first holding it to model.json's stricter rules
/// (sides multiples of multiple_of, preferred between min and max), each
/// broken one named by its field.
/// </summary>
internal sealed class ManifestSizeRulesConverter : JsonConverter<SizeRules>
{
    private const string MultipleOf = "multiple_of";
    private const string MinSide = "min_side";
    private const string MaxSide = "max_side";
    private const string PreferredSide = "preferred_side";

    public override SizeRules Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        JsonElement rules = document.RootElement;
        if (rules.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"\"size_rules\" must be an object with {MultipleOf}, {MinSide}, {MaxSide} and {PreferredSide}");
        }

        int Field(string name) => rules.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number)
            ? number
            : throw new JsonException($"\"size_rules.{name}\" must be given as a whole number");

        int multipleOf = Field(MultipleOf), minSide = Field(MinSide), maxSide = Field(MaxSide), preferredSide = Field(PreferredSide);
        Require(multipleOf is >= 1 and <= 256, "\"size_rules.multiple_of\" must be 1..256");
        Require(minSide >= multipleOf, "\"size_rules.min_side\" must be at least multiple_of");
        Require(maxSide >= preferredSide && preferredSide >= minSide, "\"size_rules\" must have min_side <= preferred_side <= max_side");
        Require(maxSide % multipleOf == 0 && minSide % multipleOf == 0, "\"size_rules.min_side\" and \"max_side\" must be multiples of multiple_of");
        return new SizeRules(multipleOf, minSide, maxSide, preferredSide);
    }

    public override void Write(Utf8JsonWriter writer, SizeRules value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber(MultipleOf, value.MultipleOf);
        writer.WriteNumber(MinSide, value.MinSide);
        writer.WriteNumber(MaxSide, value.MaxSide);
        writer.WriteNumber(PreferredSide, value.PreferredSide);
        writer.WriteEndObject();
    }

    /// <summary>Raised without the file's path, which <see cref="ModelManifest.Load"/> adds.</summary>
    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ModelManifestException(problem);
        }
    }
}
