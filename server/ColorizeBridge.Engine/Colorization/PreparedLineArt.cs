using ColorizeBridge.Engine.Models;
using ColorizeBridge.Imaging.Geometry;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Colorization;

/// <summary>
/// Line art made ready for one model at one work size: its layer (kept to
/// composite back), the fit to the model's size rules, and the model's
/// <c>line</c> input. Made once per Colorize call and once per preview
/// session, whose hint changes reuse it.
/// </summary>
internal sealed class PreparedLineArt
{
    private PreparedLineArt(LineArtLayer layer, FitPlan plan, TensorData lineInput)
    {
        Layer = layer;
        Plan = plan;
        LineInput = lineInput;
    }

    public LineArtLayer Layer { get; }

    public FitPlan Plan { get; }

    public TensorData LineInput { get; }

    /// <param name="lineArt">The decoded line art; with <paramref name="inPlace"/> it becomes the layer and its pixels must not be used afterwards.</param>
    /// <param name="workSide">Longest side to work at; 0 = the model's preferred side.</param>
    /// <param name="buffers">Where the <c>line</c> input's floats come from (a request's pooled buffers); null = a new array, for a preview session that keeps it.</param>
    /// <param name="inPlace">Turn <paramref name="lineArt"/> itself into the layer instead of copying it.</param>
    public static PreparedLineArt Create(RgbaImage lineArt, ModelManifest manifest, int workSide, RequestBuffers? buffers = null, bool inPlace = false)
    {
        FitPlan plan = PlanFor(lineArt.Width, lineArt.Height, manifest, workSide);
        LineArtLayer layer = inPlace ? LineArtLayer.FromImageInPlace(lineArt) : LineArtLayer.FromImage(lineArt);
        int length = plan.WorkWidth * plan.WorkHeight;
        Memory<float> line = buffers is null ? new float[length] : buffers.RentMemory(length);
        plan.FitLine(layer, line.Span);
        return new PreparedLineArt(layer, plan, new TensorData(line, [1, 1, plan.WorkHeight, plan.WorkWidth]));
    }

    /// <summary>The fit of a <paramref name="width"/> x <paramref name="height"/> line art to the model's size rules.</summary>
    /// <param name="workSide">Longest side to work at; 0 = the model's preferred side.</param>
    public static FitPlan PlanFor(int width, int height, ModelManifest manifest, int workSide)
    {
        return FitPlan.Create(width, height, manifest.SizeRules, workSide > 0 ? workSide : null);
    }
}
