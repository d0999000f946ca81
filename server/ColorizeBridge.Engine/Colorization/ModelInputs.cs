using ColorizeBridge.Engine.Colorization.Conditions;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Imaging.Geometry;
using ColorizeBridge.Imaging.Hints;
using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Colorization;

/// <summary>A model's forward inputs, made by name and put in the order its model.json lists them.</summary>
internal static class ModelInputs
{
    /// <param name="hints">Read for this model (<see cref="RequestConditions.Read"/>), so it holds every input the model needs.</param>
    /// <param name="buffers">Where the hint tensor's floats come from (the request's pooled buffers); null = a new array.</param>
    public static IReadOnlyList<TensorData> Create(ModelManifest manifest, PreparedLineArt lineArt, RequestConditions hints, RequestBuffers? buffers = null) =>
        Create(manifest, lineArt.Plan, lineArt.LineInput, hints, buffers);

    /// <param name="plan">The line art's fit to the model.</param>
    /// <param name="lineInput">Its <c>line</c> input (<see cref="PreparedLineArt.LineInput"/>).</param>
    /// <param name="hints">As for the other overload.</param>
    /// <param name="buffers">As for the other overload.</param>
    public static IReadOnlyList<TensorData> Create(ModelManifest manifest, FitPlan plan, TensorData lineInput, RequestConditions hints, RequestBuffers? buffers = null)
    {
        var inputs = new TensorData[manifest.Inputs.Count];
        for (int i = 0; i < inputs.Length; i++)
        {
            string name = manifest.Inputs[i].Name;
            inputs[i] = name switch
            {
                InputNames.Line => lineInput,
                InputNames.Hints => HintInput(plan, hints, buffers),
                InputNames.Palette => hints.Palette,
                InputNames.Reference => hints.Reference,
                InputNames.Tags => hints.Tags,
                _ => null,
            } ?? throw new InvalidOperationException($"Model {manifest.Name}: no value for its input \"{name}\" (the hints were not read for this model).");
        }

        return inputs;
    }

    private static TensorData HintInput(FitPlan plan, RequestConditions hints, RequestBuffers? buffers)
    {
        int length = HintRasterizer.TensorLength(plan);
        Memory<float> values = buffers is null ? new float[length] : buffers.RentMemory(length);
        HintRasterizer.RasterizeInto(plan, hints.HintLayer, hints.Strokes, values.Span);
        return new TensorData(values, [1, HintRasterizer.Channels, plan.WorkHeight / HintRasterizer.CellSize, plan.WorkWidth / HintRasterizer.CellSize]);
    }
}
