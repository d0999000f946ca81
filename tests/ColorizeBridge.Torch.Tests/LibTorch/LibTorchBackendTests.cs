using ColorizeBridge.Torch.LibTorch;
using ColorizeBridge.Torch.Tests.Support;

namespace ColorizeBridge.Torch.Tests.LibTorch;

public sealed class LibTorchBackendTests
{
    private readonly LibTorchBackend backend = new();

    [Fact]
    public void AvailableDevices_Always_StartsWithCpuThenOneEntryPerCudaDevice()
    {
        IReadOnlyList<string> devices = backend.AvailableDevices();

        Assert.Equal("cpu", devices[0]);
        Assert.All(devices.Skip(1), device => Assert.StartsWith("cuda:", device, StringComparison.Ordinal));
        Assert.Equal(LibTorchBackend.CudaAvailable, devices.Count > 1);
    }

    [Fact]
    public void IntraOpThreads_Set_IsReadBack()
    {
        int original = LibTorchBackend.IntraOpThreads;
        try
        {
            LibTorchBackend.IntraOpThreads = 1;

            Assert.Equal(1, LibTorchBackend.IntraOpThreads);
        }
        finally
        {
            LibTorchBackend.IntraOpThreads = original;
        }
    }

    [Fact]
    public void IntraOpThreads_SetBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LibTorchBackend.IntraOpThreads = 0);
    }

    [Fact]
    public void Load_MissingFile_ThrowsTorchExceptionNamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid().ToString("N") + ".pt");

        var error = Assert.Throws<TorchException>(() => backend.Load(path, "cpu", InferenceModelOptions.Default));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileThatIsNotTorchScript_ThrowsTorchException()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "fixtures", "torchscript", Fixtures.HintsConv + ".json");

        var error = Assert.Throws<TorchException>(() => backend.Load(path, "cpu", InferenceModelOptions.Default));

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

    [WithoutCudaFact]
    public void Load_CudaWithoutCuda_ThrowsTorchExceptionSayingSo()
    {
        var error = Assert.Throws<TorchException>(() => backend.Load(Fixtures.Model(Fixtures.Identity), "cuda", InferenceModelOptions.Default));

        Assert.Contains("CUDA is not available", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HalfPrecisionPreferredOnCpu_StaysFloat32()
    {
        var options = new InferenceModelOptions { PreferHalfPrecision = true };

        using IInferenceModel model = backend.Load(Fixtures.Model(Fixtures.HintsConv), "cpu", options);

        Assert.False(model.HalfPrecision);
    }

    [CudaFact]
    public void Load_AutoWithCuda_RunsOnFirstGpu()
    {
        using IInferenceModel model = backend.Load(Fixtures.Model(Fixtures.Identity), "auto", InferenceModelOptions.Default);

        Assert.Equal("cuda:0", model.Device);
    }
}
