using System.Buffers;
using ColorizeBridge.Imaging.Geometry;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Tests.Support;

/// <summary>
/// The allocating form of <see cref="FitPlan.FitLine(LineArt.LineArtLayer, Span{float})"/>:
/// a whole plane in, a new work-size plane out. Only tests want it (the
/// server writes straight into a pooled buffer), so it lives here, where it
/// also serves as the reference the buffer form is held to.
/// </summary>
internal static class FitPlanPlanes
{
    /// <summary>Scales a source-size plane to the content size and pads it to the work size with <paramref name="padding"/>.</summary>
    /// <exception cref="ArgumentException">The plane is not the source size.</exception>
    public static FloatPlane FitPlane(this FitPlan plan, FloatPlane source, float padding)
    {
        ArgumentNullException.ThrowIfNull(source);
        plan.RequireSourceSize(source.Width, source.Height, nameof(source));
        var work = new FloatPlane(plan.WorkWidth, plan.WorkHeight);
        work.Values.AsSpan().Fill(padding);
        float[] content = ArrayPool<float>.Shared.Rent(plan.ContentWidth * plan.ContentHeight);
        try
        {
            Resampler.ResizeRegion(source.Values, source.Width, source.Width, source.Height, content, plan.ContentWidth, plan.ContentHeight);
            for (int y = 0; y < plan.ContentHeight; y++)
            {
                content.AsSpan(y * plan.ContentWidth, plan.ContentWidth).CopyTo(work.GetRow(y));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(content);
        }

        return work;
    }

    /// <summary>
    /// The model's <c>line</c> input: the grey plane (paper +1, ink -1) fitted
    /// and padded with white paper (+1), as an NCHW [1,1,H,W] plane.
    /// </summary>
    public static FloatPlane FitLine(this FitPlan plan, FloatPlane modelGrey) => plan.FitPlane(modelGrey, 1f);
}
