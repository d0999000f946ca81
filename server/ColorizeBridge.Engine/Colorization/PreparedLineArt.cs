using ColorizeBridge.Engine.Models;
using ColorizeBridge.Imaging.Geometry;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Torch;

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

    /// <param name="workSide">Longest side to work at; 0 = the model's preferred side.</param>
    public static PreparedLineArt Create(RgbaImage lineArt, ModelManifest manifest, int workSide)
    {
        SizeRulesSpec spec = manifest.SizeRules;
        var rules = new SizeRules(spec.MultipleOf, spec.MinSide, spec.MaxSide, spec.PreferredSide);
        LineArtLayer layer = LineArtLayer.FromImage(lineArt);
        FitPlan plan = FitPlan.Create(lineArt.Width, lineArt.Height, rules, workSide > 0 ? workSide : null);
        FloatPlane line = plan.FitLine(layer.ModelGrey);
        return new PreparedLineArt(layer, plan, new TensorData(line.Values, [1, 1, line.Height, line.Width]));
    }
}
