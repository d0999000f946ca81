using ColorizeBridge.Inference.OnnxRuntime;

namespace ColorizeBridge.Inference.Tests.Support;

/// <summary>A test of the CPU build (the default); skipped in a -p:OnnxRuntimeGpu=true build.</summary>
public sealed class CpuBuildFactAttribute : FactAttribute
{
    public CpuBuildFactAttribute()
    {
        if (OnnxRuntimeBackend.BuildHasCuda)
        {
            Skip = "This is the CUDA build of ONNX Runtime; this test checks the CPU build.";
        }
    }
}
