using ColorizeBridge.Inference.OnnxRuntime;
using ColorizeBridge.Inference.Tests.Support;
using ColorizeBridge.Tests.Shared;

namespace ColorizeBridge.Inference.Tests.OnnxRuntime;

public sealed class OnnxRuntimeBackendTests
{
    private readonly OnnxRuntimeBackend backend = new();

    [Fact]
    public void Load_MissingFile_ThrowsInferenceExceptionNamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid().ToString("N") + ".onnx");

        var error = Assert.Throws<InferenceException>(() => backend.Load(path, "cpu", InferenceModelOptions.Default));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileThatIsNotOnnx_ThrowsInferenceExceptionNamingTheFile()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "fixtures", "onnx", Fixtures.HintsConv + ".json");

        var error = Assert.Throws<InferenceException>(() => backend.Load(path, "cpu", InferenceModelOptions.Default));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownDeviceName_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => backend.Load(Fixtures.Model(Fixtures.Identity), "tpu", InferenceModelOptions.Default));
    }

    [WithoutCudaFact]
    public void Load_AutoWithoutCuda_RunsOnCpu()
    {
        using IInferenceModel model = backend.Load(Fixtures.Model(Fixtures.Identity), "auto", InferenceModelOptions.Default);

        Assert.Equal("cpu", model.Device);
    }

    [CpuBuildFact]
    public void Load_CudaInTheCpuBuild_ThrowsNamingTheBuildProperty()
    {
        var error = Assert.Throws<InferenceException>(() => backend.Load(Fixtures.Model(Fixtures.Identity), "cuda", InferenceModelOptions.Default));

        Assert.Contains("-p:OnnxRuntimeGpu=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InputNamesTheFileLacks_ThrowsNamingBothLists()
    {
        var options = new InferenceModelOptions { InputNames = ["line", "palette"] };

        var error = Assert.Throws<InferenceException>(() => backend.Load(Fixtures.Model(Fixtures.HintsConv), "cpu", options));

        Assert.Contains("has inputs [line, hints]; model.json names [line, palette]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OneThreadPerOperator_GivesTheSameOutput()
    {
        GoldenTensors golden = Fixtures.Golden(Fixtures.HintsConv);
        using IInferenceModel model = new OnnxRuntimeBackend(intraOpThreads: 1).Load(Fixtures.Model(Fixtures.HintsConv), "cpu", InferenceModelOptions.Default);

        TensorData output = model.Forward(golden.Inputs);

        TensorAssert.Close(golden.Outputs[0], output);
    }

    [Fact]
    public void Constructor_NegativeThreadCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxRuntimeBackend(intraOpThreads: -1));
    }

    [CudaFact]
    public void Load_AutoWithCuda_RunsOnFirstGpu()
    {
        using IInferenceModel model = backend.Load(Fixtures.Model(Fixtures.Identity), "auto", InferenceModelOptions.Default);

        Assert.Equal("cuda:0", model.Device);
    }
}
