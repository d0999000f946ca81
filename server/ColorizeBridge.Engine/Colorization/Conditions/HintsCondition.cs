using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Images;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Imaging.Hints;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Engine.Colorization.Conditions;

/// <summary>
/// The colour dots and strokes of models of kind "hints" and the kinds built on
/// them: a hint layer the size of the line art and vector strokes, both for
/// the rasterizer (<see cref="HintRasterizer"/>) and the flats.
/// </summary>
internal static class HintsCondition
{
    /// <summary>Whether the request carries a hint layer at all (an empty <c>Image</c> is none).</summary>
    public static bool IsLayerSent(Hints hints) => hints.HintLayer is not null && hints.HintLayer.DataCase != Image.DataOneofCase.None;

    /// <summary>A model without a <c>hints</c> input would silently ignore dots and strokes: say so instead.</summary>
    /// <param name="field">The request field holding the hints, for error messages ("hints").</param>
    /// <param name="model">Who the model is, for error messages (<see cref="RequestConditions.Describe"/>).</param>
    public static void RefuseUnlessTaken(Hints hints, string field, ModelManifest manifest, string model)
    {
        bool hasLayer = IsLayerSent(hints);
        if (!manifest.HasInput(InputNames.Hints) && (hasLayer || hints.Strokes.Count > 0))
        {
            throw new InvalidRequestException($"{field}.{(hasLayer ? "hint_layer" : "strokes")}",
                $"{field}.{(hasLayer ? "hint_layer" : "strokes")}: {model} and takes no colour dots or strokes (it colours from the line art alone); send no hint_layer or strokes, or pick a model of another kind (see ListModels)");
        }
    }

    /// <summary>The decoded hint layer, checked to be the line art's size; null when none was sent.</summary>
    public static RgbaImage? ReadLayer(Hints hints, string field, int lineArtWidth, int lineArtHeight, EngineLimits limits)
    {
        if (!IsLayerSent(hints))
        {
            return null;
        }

        RgbaImage layer = ApiImages.Decode(hints.HintLayer, $"{field}.hint_layer", limits);
        if (layer.Width != lineArtWidth || layer.Height != lineArtHeight)
        {
            throw new InvalidRequestException($"{field}.hint_layer",
                $"{field}.hint_layer is {layer.Width}x{layer.Height} but line_art is {lineArtWidth}x{lineArtHeight}: send a hint layer the size of the line art");
        }

        return layer;
    }

    /// <summary>The strokes, each checked, in line-art pixels.</summary>
    public static List<HintStroke> ReadStrokes(Hints hints, string field, EngineLimits limits)
    {
        var strokes = new List<HintStroke>(hints.Strokes.Count);
        long points = 0;
        for (int i = 0; i < hints.Strokes.Count; i++)
        {
            Stroke stroke = hints.Strokes[i];
            string name = $"{field}.strokes[{i}]";
            points += stroke.Points.Count;
            if (points > limits.MaxStrokePoints)
            {
                throw new InvalidRequestException($"{field}.strokes", $"{field}.strokes hold more than {limits.MaxStrokePoints} points; simplify the strokes or send them as a hint_layer");
            }

            if (stroke.Points.Count == 0)
            {
                throw new InvalidRequestException(name, $"{name} has no points; a dot is a stroke of one point");
            }

            if (stroke.Color is not { } color || color.R > 255 || color.G > 255 || color.B > 255)
            {
                throw new InvalidRequestException($"{name}.color", $"{name}.color must be set, with r, g and b in 0..255");
            }

            if (!float.IsFinite(stroke.Width) || stroke.Width < 0 || stroke.Width > 4096)
            {
                throw new InvalidRequestException($"{name}.width", $"{name}.width must be 0..4096 pixels, got {stroke.Width}");
            }

            var strokePoints = new HintPoint[stroke.Points.Count];
            for (int p = 0; p < strokePoints.Length; p++)
            {
                Point point = stroke.Points[p];
                if (!float.IsFinite(point.X) || !float.IsFinite(point.Y))
                {
                    throw new InvalidRequestException($"{name}.points[{p}]", $"{name}.points[{p}] is not a finite coordinate");
                }

                strokePoints[p] = new HintPoint(point.X, point.Y);
            }

            strokes.Add(new HintStroke(strokePoints, new HintColor((byte)color.R, (byte)color.G, (byte)color.B), stroke.Width));
        }

        return strokes;
    }
}
