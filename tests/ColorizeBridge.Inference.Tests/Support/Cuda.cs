using ColorizeBridge.Inference.OnnxRuntime;

namespace ColorizeBridge.Inference.Tests.Support;

/// <summary>Whether this test run can put a model on a GPU: a CUDA build (-p:OnnxRuntimeGpu=true) on a machine with a usable one.</summary>
internal static class Cuda
{
    private static readonly Lazy<bool> Usable = new(() =>
    {
        if (!OnnxRuntimeBackend.BuildHasCuda)
        {
            return false;
        }

        try
        {
            using IInferenceModel probe = new OnnxRuntimeBackend().Load(Fixtures.Model(Fixtures.Identity), "cuda:0", InferenceModelOptions.Default);
            return true;
        }
        catch (InferenceException)
        {
            return false;
        }
    });

    public static bool IsUsable => Usable.Value;
}
