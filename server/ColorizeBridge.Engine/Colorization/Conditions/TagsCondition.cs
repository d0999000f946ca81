using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Colorization.Conditions;

/// <summary>
/// The <c>tags</c> condition of models of kind "tags": which of the model's
/// colour tags the caller wants (training/modes/tags.py derives them in training).
/// </summary>
internal static class TagsCondition
{
    /// <summary>The <c>tags</c> input, [1,T], for a model that takes one; null for other kinds.</summary>
    /// <param name="field">The request field holding the hints, for error messages ("hints").</param>
    /// <param name="model">Who the model is, for error messages (<see cref="RequestConditions.Describe"/>).</param>
    public static TensorData? Read(Hints hints, string field, ModelManifest manifest, string model)
    {
        if (!manifest.HasInput(InputNames.Tags))
        {
            return null;
        }

        if (hints.Tags.Count == 0)
        {
            throw new InvalidRequestException($"{field}.tags",
                $"{field}.tags is empty: {model} and needs at least one of its tags: {string.Join(", ", manifest.Tags)}");
        }

        return new TensorData(Vector(hints.Tags, manifest, $"{field}.tags"), [1, manifest.Tags.Count]);
    }

    /// <summary>1 for each requested tag in the order of the model's vocabulary, 0 else; tags match ignoring case and surrounding blanks.</summary>
    /// <param name="field">The request field, for error messages ("hints.tags").</param>
    public static float[] Vector(IReadOnlyList<string> tags, ModelManifest manifest, string field)
    {
        var vector = new float[manifest.Tags.Count];
        for (int i = 0; i < tags.Count; i++)
        {
            string wanted = tags[i].Trim();
            int index = -1;
            for (int t = 0; t < manifest.Tags.Count && index < 0; t++)
            {
                if (string.Equals(manifest.Tags[t], wanted, StringComparison.OrdinalIgnoreCase))
                {
                    index = t;
                }
            }

            if (index < 0)
            {
                throw new InvalidRequestException($"{field}[{i}]",
                    $"{field}[{i}] \"{tags[i]}\" is not a tag of model '{manifest.Name}'; its tags: {string.Join(", ", manifest.Tags)}");
            }

            vector[index] = 1;
        }

        return vector;
    }
}
