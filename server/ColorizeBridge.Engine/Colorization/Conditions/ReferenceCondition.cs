using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Images;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Imaging.Geometry;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Colorization.Conditions;

/// <summary>
/// The <c>reference</c> condition of models of kind "reference": an image whose
/// colours to follow (training/modes/reference.py makes the same tensor in training).
/// </summary>
internal static class ReferenceCondition
{
    /// <summary>Whether the request carries a reference image at all (an empty <c>Image</c> is none).</summary>
    public static bool IsSent(Hints hints) => hints.Reference is not null && hints.Reference.DataCase != Image.DataOneofCase.None;

    /// <summary>The <c>reference</c> input, [1,3,128,128], for a model that takes one; null for other kinds.</summary>
    /// <param name="field">The request field holding the hints, for error messages ("hints").</param>
    /// <param name="model">Who the model is, for error messages (<see cref="RequestConditions.Describe"/>).</param>
    /// <param name="references">Remembers the last reference image decoded (live previews resend it with every change); null = decode every time.</param>
    public static TensorData? Read(Hints hints, string field, ModelManifest manifest, string model, EngineLimits limits, ReferenceCache? references)
    {
        if (!manifest.HasInput(InputNames.Reference))
        {
            return null;
        }

        if (!IsSent(hints))
        {
            throw new InvalidRequestException($"{field}.reference",
                $"{field}.reference is empty: {model} and needs a reference image to follow (a PNG in {field}.reference.png or pixels in {field}.reference.raw)");
        }

        return references is null
            ? Tensor(ApiImages.Decode(hints.Reference, $"{field}.reference", limits))
            : references.Get(hints.Reference!, $"{field}.reference", limits);
    }

    /// <summary>
    /// The reference image as the model's <c>reference</c> input: composited
    /// over white, resized to 128x128 (aspect not kept), RGB in [-1,1], [1,3,128,128].
    /// </summary>
    /// <param name="image">Decoded for this request; composited in place.</param>
    public static TensorData Tensor(RgbaImage image)
    {
        Span<byte> pixels = image.Pixels;
        for (int i = 0; i < pixels.Length; i += 4)
        {
            int alpha = pixels[i + 3];
            if (alpha != 255)
            {
                int paper = 255 * (255 - alpha);
                pixels[i] = (byte)(((pixels[i] * alpha) + paper + 127) / 255);
                pixels[i + 1] = (byte)(((pixels[i + 1] * alpha) + paper + 127) / 255);
                pixels[i + 2] = (byte)(((pixels[i + 2] * alpha) + paper + 127) / 255);
                pixels[i + 3] = 255;
            }
        }

        const int side = ModelManifest.ReferenceSide;
        RgbaImage small = Resampler.Resize(image, side, side);
        const int plane = side * side;
        var values = new float[3 * plane];
        ReadOnlySpan<byte> resized = small.Pixels;
        for (int p = 0; p < plane; p++)
        {
            values[p] = (resized[p * 4] / 127.5f) - 1f;
            values[plane + p] = (resized[(p * 4) + 1] / 127.5f) - 1f;
            values[(2 * plane) + p] = (resized[(p * 4) + 2] / 127.5f) - 1f;
        }

        return new TensorData(values, [1, 3, side, side]);
    }
}
