using ColorizeBridge.Inference.OnnxRuntime;
using ColorizeBridge.Inference.Tests.Support;
using ColorizeBridge.Tests.Shared;

namespace ColorizeBridge.Inference.Tests.OnnxRuntime;

public sealed class OnnxRuntimeModelTests
{
    private readonly OnnxRuntimeBackend backend = new();

    [Fact]
    public void Forward_HintsModel_MatchesPyTorch()
    {
        GoldenTensors golden = Fixtures.Golden(Fixtures.HintsConv);
        using IInferenceModel model = Load(Fixtures.HintsConv);

        TensorData output = model.Forward(golden.Inputs);

        TensorAssert.Close(Assert.Single(golden.Outputs), output);
    }

    [Fact]
    public void ForwardAllOutputs_TupleModel_ReturnsEveryTensorMatchingPyTorch()
    {
        GoldenTensors golden = Fixtures.Golden(Fixtures.TwoOutputs);
        using IInferenceModel model = Load(Fixtures.TwoOutputs);

        IReadOnlyList<TensorData> outputs = model.ForwardAllOutputs(golden.Inputs);

        TensorAssert.AllClose(golden.Outputs, outputs);
    }

    [Fact]
    public void Forward_TupleModel_ThrowsPointingToForwardAllOutputs()
    {
        GoldenTensors golden = Fixtures.Golden(Fixtures.TwoOutputs);
        using IInferenceModel model = Load(Fixtures.TwoOutputs);

        var error = Assert.Throws<InvalidOperationException>(() => model.Forward(golden.Inputs));

        Assert.Contains(nameof(IInferenceModel.ForwardAllOutputs), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_IntoAnOutputBuffer_MatchesPyTorchInTheStartOfThatBuffer()
    {
        GoldenTensors golden = Fixtures.Golden(Fixtures.HintsConv);
        using IInferenceModel model = Load(Fixtures.HintsConv);
        float[]? handedOut = null;
        int asked = 0;

        TensorData output = model.Forward(golden.Inputs, length =>
        {
            asked = length;
            return handedOut = new float[length + 5]; // pools hand out longer arrays
        });

        TensorData expected = Assert.Single(golden.Outputs);
        Assert.Equal(expected.Data.Length, asked);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(output.Data, out ArraySegment<float> segment));
        Assert.Same(handedOut, segment.Array);
        Assert.Equal(0, segment.Offset);
        TensorAssert.Close(expected, output);
    }

    [Fact]
    public void Forward_IntoAShortOutputBuffer_SaysHowManyFloatsItNeeds()
    {
        GoldenTensors golden = Fixtures.Golden(Fixtures.HintsConv);
        using IInferenceModel model = Load(Fixtures.HintsConv);

        var error = Assert.Throws<InvalidOperationException>(() => model.Forward(golden.Inputs, _ => new float[1]));

        Assert.Contains($"needs {golden.Outputs[0].Data.Length}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_SlicedMemory_ReadsOnlyTheSlice()
    {
        float[] buffer = [9f, 1f, 2f, 9f];
        using IInferenceModel model = Load(Fixtures.Identity);

        TensorData output = model.Forward([new TensorData(buffer.AsMemory(1, 2), [1, 2])]);

        Assert.Equal([1f, 2f], output.Data.ToArray());
    }

    [Fact]
    public void Forward_ModelReturningItsInput_HandsBackACopyNotTheCallersMemory()
    {
        float[] input = [1f, 2f, 3f];
        using IInferenceModel model = Load(Fixtures.Identity);

        TensorData output = model.Forward([new TensorData(input, [1, 3])]);
        input[0] = 99f;

        Assert.Equal([1f, 2f, 3f], output.Data.ToArray());
    }

    [Fact]
    public void Forward_OutputShapeUnknownBeforeTheRun_StillFillsTheCallersBuffer()
    {
        using IInferenceModel model = Load(Fixtures.Identity);
        float[]? handedOut = null;

        TensorData output = model.Forward([new TensorData(new float[] { 4f, 5f }, [2, 1])], length => handedOut = new float[length]);

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(output.Data, out ArraySegment<float> segment));
        Assert.Same(handedOut, segment.Array);
        Assert.Equal([2L, 1L], output.Shape);
        Assert.Equal([4f, 5f], output.Data.ToArray());
    }

    [Fact]
    public void Forward_WrongChannelCount_ThrowsNamingTheInputAndItsDeclaredShape()
    {
        using IInferenceModel model = Load(Fixtures.ShapeChecked);

        var error = Assert.Throws<InferenceException>(() => model.Forward([new TensorData(new float[2 * 8 * 8], [1, 2, 8, 8])]));

        Assert.Contains("'line' must have shape [batch, 1, height, width]; got float32[1, 2, 8, 8]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_WrongRank_ThrowsNamingTheInputAndItsDeclaredShape()
    {
        using IInferenceModel model = Load(Fixtures.ShapeChecked);

        var error = Assert.Throws<InferenceException>(() => model.Forward([new TensorData(new float[8 * 8], [8, 8])]));

        Assert.Contains("'line' must have shape [batch, 1, height, width]; got float32[8, 8]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_ShapesTheModelCannotCombine_ThrowsInferenceExceptionWithTheRuntimesMessage()
    {
        GoldenTensors golden = Fixtures.Golden(Fixtures.HintsConv);
        using IInferenceModel model = Load(Fixtures.HintsConv);
        TensorData hintsOfTheWrongSize = new(new float[2 * 4 * 3 * 3], [2, 4, 3, 3]);

        var error = Assert.Throws<InferenceException>(() => model.Forward([golden.Inputs[0], hintsOfTheWrongSize]));

        Assert.StartsWith("The model failed:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_WrongChannelCount_ThrowsInferenceExceptionAndModelStaysUsable()
    {
        GoldenTensors golden = Fixtures.Golden(Fixtures.HintsConv);
        using IInferenceModel model = Load(Fixtures.HintsConv);
        TensorData threeChannelLine = new(new float[2 * 3 * 16 * 16], [2, 3, 16, 16]);

        Assert.Throws<InferenceException>(() => model.Forward([threeChannelLine, golden.Inputs[1]]));
        TensorData output = model.Forward(golden.Inputs);

        TensorAssert.Close(golden.Outputs[0], output);
    }

    [Fact]
    public void Forward_MissingInput_ThrowsNamingTheInputsTheModelTakes()
    {
        GoldenTensors golden = Fixtures.Golden(Fixtures.HintsConv);
        using IInferenceModel model = Load(Fixtures.HintsConv);

        var error = Assert.Throws<InferenceException>(() => model.Forward([golden.Inputs[0]]));

        Assert.Contains("takes 2 inputs (line, hints); 1 were given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_InputNamesInAnotherOrder_BindsEachTensorByItsName()
    {
        GoldenTensors golden = Fixtures.Golden(Fixtures.HintsConv);
        using IInferenceModel model = backend.Load(Fixtures.Model(Fixtures.HintsConv), "cpu", new InferenceModelOptions { InputNames = ["hints", "line"] });

        TensorData output = model.Forward([golden.Inputs[1], golden.Inputs[0]]);

        TensorAssert.Close(golden.Outputs[0], output);
    }

    [Fact]
    public void Forward_FromFourThreadsAtOnce_EveryCallMatchesPyTorch()
    {
        GoldenTensors golden = Fixtures.Golden(Fixtures.HintsConv);
        using IInferenceModel model = Load(Fixtures.HintsConv);
        using var start = new Barrier(4);

        TensorData[][] results = Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                return Enumerable.Range(0, 10).Select(_ => model.Forward(golden.Inputs)).ToArray();
            }))
            .ToArray()
            .Select(task => task.GetAwaiter().GetResult())
            .ToArray();

        Assert.All(results.SelectMany(outputs => outputs), output => TensorAssert.Close(golden.Outputs[0], output));
    }

    [Fact]
    public void Forward_CancelledToken_ThrowsWithoutRunning()
    {
        GoldenTensors golden = Fixtures.Golden(Fixtures.HintsConv);
        using IInferenceModel model = Load(Fixtures.HintsConv);

        Assert.Throws<OperationCanceledException>(() => model.Forward(golden.Inputs, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Forward_CancelledWhileRunning_StopsTheRunAndThrowsOperationCanceled()
    {
        // The shipped default model at 1024²: a forward of a second or more, so the
        // token fires while it runs (the token is checked before the run only once).
        using IInferenceModel model = backend.Load(Fixtures.ShippedDefaultModel, "cpu", new InferenceModelOptions { InputNames = ["line", "hints"] });
        float[] paper = new float[1024 * 1024];
        Array.Fill(paper, 1f);
        TensorData[] inputs = [new(paper, [1, 1, 1024, 1024]), new(new float[4 * 256 * 256], [1, 4, 256, 256])];
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.ThrowsAny<OperationCanceledException>(() => model.Forward(inputs, cancellation.Token));
    }

    [Fact]
    public async Task Dispose_WhileAForwardRuns_WaitsForItInsteadOfFreeingTheSessionUnderIt()
    {
        // A cancelled request's work completes at once while its terminated forward unwinds on the
        // inference thread; the engine (or a test) may dispose the model then. Freeing the session
        // under the running forward crashed the test host (Engine.Tests, 1 run in ~8).
        IInferenceModel model = backend.Load(Fixtures.ShippedDefaultModel, "cpu", new InferenceModelOptions { InputNames = ["line", "hints"] });
        float[] paper = new float[1024 * 1024];
        Array.Fill(paper, 1f);
        TensorData[] inputs = [new(paper, [1, 1, 1024, 1024]), new(new float[4 * 256 * 256], [1, 4, 256, 256])];
        using var started = new ManualResetEventSlim();
        Task<TensorData> running = Task.Run(() =>
        {
            started.Set();
            return model.Forward(inputs);
        });
        started.Wait();
        await Task.Delay(50);

        model.Dispose();

        Assert.True(running.IsCompleted, "Dispose returned while the forward still ran");
        Assert.Equal(1024, (await running).Shape[^1]);
        Assert.Throws<ObjectDisposedException>(() => model.Forward(inputs));
    }

    [Fact]
    public void Dispose_Twice_IsHarmless()
    {
        IInferenceModel model = Load(Fixtures.Identity);

        model.Dispose();
        var secondDispose = Record.Exception(model.Dispose);

        Assert.Null(secondDispose);
    }

    [Fact]
    public void Forward_AfterDispose_ThrowsObjectDisposedException()
    {
        IInferenceModel model = Load(Fixtures.Identity);
        model.Dispose();

        Assert.Throws<ObjectDisposedException>(() => model.Forward([new TensorData(new float[1], [1])]));
    }

    [CudaFact]
    public void Forward_OnCuda_MatchesPyTorch()
    {
        GoldenTensors golden = Fixtures.Golden(Fixtures.HintsConv);
        using IInferenceModel model = backend.Load(Fixtures.Model(Fixtures.HintsConv), "cuda", InferenceModelOptions.Default);

        TensorData output = model.Forward(golden.Inputs);

        // cuDNN may pick other convolution algorithms than the CPU (and TF32): allow their rounding differences.
        TensorAssert.Close(golden.Outputs[0], output, tolerance: 1e-4f);
    }

    private IInferenceModel Load(string fixture) => backend.Load(Fixtures.Model(fixture), "cpu", InferenceModelOptions.Default);
}
