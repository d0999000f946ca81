namespace ColorizeBridge.Inference.Tests.Support;

/// <summary>A test of behaviour on machines without a usable CUDA device; skipped where there is one.</summary>
public sealed class WithoutCudaFactAttribute : FactAttribute
{
    public WithoutCudaFactAttribute()
    {
        if (Cuda.IsUsable)
        {
            Skip = "A CUDA device is usable here; this test checks the behaviour without one.";
        }
    }
}
