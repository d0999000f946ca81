using ColorizeBridge.Torch.LibTorch;

namespace ColorizeBridge.Torch.Tests.Support;

/// <summary>A test of behaviour on machines without CUDA; skipped where libtorch sees a GPU.</summary>
public sealed class WithoutCudaFactAttribute : FactAttribute
{
    public WithoutCudaFactAttribute()
    {
        if (LibTorchBackend.CudaAvailable)
        {
            Skip = "CUDA is available here; this test checks the behaviour without it.";
        }
    }
}
