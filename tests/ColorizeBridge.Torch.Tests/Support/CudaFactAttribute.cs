using ColorizeBridge.Torch.LibTorch;

namespace ColorizeBridge.Torch.Tests.Support;

/// <summary>A test that needs a CUDA device; skipped, saying why, where libtorch sees none.</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        if (!LibTorchBackend.CudaAvailable)
        {
            Skip = "CUDA is not available: the native bridge is built against a CPU-only libtorch or no GPU is visible.";
        }
    }
}
