namespace ColorizeBridge.Imaging.Tests.Support;

/// <summary>A fact that needs PIL as reference decoder; skipped, saying why, where it is missing.</summary>
public sealed class ReferenceFactAttribute : FactAttribute
{
    public ReferenceFactAttribute()
    {
        Skip = PythonReference.UnavailableReason.Value;
    }
}
