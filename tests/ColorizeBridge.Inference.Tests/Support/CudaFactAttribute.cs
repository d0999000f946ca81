namespace ColorizeBridge.Inference.Tests.Support;

/// <summary>A test that needs a CUDA device; skipped, saying why, where there is none.</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        if (!Cuda.IsUsable)
        {
            Skip = "No usable CUDA device: this is the CPU build of ONNX Runtime (build with -p:OnnxRuntimeGpu=true), or no GPU is visible.";
        }
    }
}
