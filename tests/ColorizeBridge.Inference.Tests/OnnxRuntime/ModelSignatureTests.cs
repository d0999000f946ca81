using ColorizeBridge.Inference.OnnxRuntime;
using ColorizeBridge.Inference.Tests.Support;
using Microsoft.ML.OnnxRuntime;
using ColorizeBridge.Tests.Shared;

namespace ColorizeBridge.Inference.Tests.OnnxRuntime;

public sealed class ModelSignatureTests
{
    [Fact]
    public void OutputShape_DimensionsNamedByTheInputs_FollowsFromTheInputs()
    {
        using var session = new InferenceSession(Fixtures.Model(Fixtures.HintsConv));
        ModelSignature signature = ModelSignature.Of(session, ["line", "hints"], Fixtures.Model(Fixtures.HintsConv));
        GoldenTensors golden = Fixtures.Golden(Fixtures.HintsConv);

        long[]? shape = signature.OutputShape(0, golden.Inputs);

        Assert.Equal([2L, 3L, 16L, 16L], Assert.IsType<long[]>(shape));
    }

    [Fact]
    public void OutputShape_DimensionNamedByNoInput_IsUnknownBeforeTheRun()
    {
        using var session = new InferenceSession(Fixtures.Model(Fixtures.Identity));
        ModelSignature signature = ModelSignature.Of(session, wantedInputs: null, Fixtures.Model(Fixtures.Identity));

        long[]? shape = signature.OutputShape(0, [new TensorData(new float[6], [2, 3])]);

        Assert.Null(shape);
    }
}
