using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Images;
using ColorizeBridge.Imaging.Hints;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Engine.Colorization;

/// <summary>The colour hints of a request, checked and turned into what the rasterizer takes.</summary>
internal sealed record RequestHints(RgbaImage? HintLayer, IReadOnlyList<HintStroke> Strokes)
{
    public static readonly RequestHints None = new(null, []);

    /// <param name="field">The request field holding the hints, for error messages ("hints").</param>
    public static RequestHints Read(Hints? hints, string field, int lineArtWidth, int lineArtHeight, string modelName, EngineLimits limits)
    {
        if (hints is null)
        {
            return None;
        }

        // Palette, reference and tags steer other kinds of model (issue 8); a
        // hints model would silently ignore them, so say so instead.
        if (hints.Palette.Count > 0 || hints.Reference is not null || hints.Tags.Count > 0)
        {
            throw RequestErrors.InvalidArgument(
                $"{field}: model '{modelName}' takes colour dots and strokes only; palette, reference and tags need a model of that kind (see ListModels)");
        }

        RgbaImage? layer = null;
        if (hints.HintLayer is not null && hints.HintLayer.DataCase != Image.DataOneofCase.None)
        {
            layer = ApiImages.Decode(hints.HintLayer, $"{field}.hint_layer", limits);
            if (layer.Width != lineArtWidth || layer.Height != lineArtHeight)
            {
                throw RequestErrors.InvalidArgument(
                    $"{field}.hint_layer is {layer.Width}x{layer.Height} but line_art is {lineArtWidth}x{lineArtHeight}: send a hint layer the size of the line art");
            }
        }

        return new RequestHints(layer, ReadStrokes(hints, field, limits));
    }

    private static List<HintStroke> ReadStrokes(Hints hints, string field, EngineLimits limits)
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
                throw RequestErrors.InvalidArgument($"{field}.strokes hold more than {limits.MaxStrokePoints} points; simplify the strokes or send them as a hint_layer");
            }

            if (stroke.Points.Count == 0)
            {
                throw RequestErrors.InvalidArgument($"{name} has no points; a dot is a stroke of one point");
            }

            if (stroke.Color is not { } color || color.R > 255 || color.G > 255 || color.B > 255)
            {
                throw RequestErrors.InvalidArgument($"{name}.color must be set, with r, g and b in 0..255");
            }

            if (!float.IsFinite(stroke.Width) || stroke.Width < 0 || stroke.Width > 4096)
            {
                throw RequestErrors.InvalidArgument($"{name}.width must be 0..4096 pixels, got {stroke.Width}");
            }

            var strokePoints = new HintPoint[stroke.Points.Count];
            for (int p = 0; p < strokePoints.Length; p++)
            {
                Point point = stroke.Points[p];
                if (!float.IsFinite(point.X) || !float.IsFinite(point.Y))
                {
                    throw RequestErrors.InvalidArgument($"{name}.points[{p}] is not a finite coordinate");
                }

                strokePoints[p] = new HintPoint(point.X, point.Y);
            }

            strokes.Add(new HintStroke(strokePoints, new HintColor((byte)color.R, (byte)color.G, (byte)color.B), stroke.Width));
        }

        return strokes;
    }
}
