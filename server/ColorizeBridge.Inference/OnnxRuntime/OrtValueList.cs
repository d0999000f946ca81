using Microsoft.ML.OnnxRuntime;

namespace ColorizeBridge.Inference.OnnxRuntime;

/// <summary>The OrtValues of one call, disposed (and so unpinned) together by a <c>using</c>.</summary>
internal sealed class OrtValueList : List<OrtValue>, IDisposable
{
    public OrtValueList(int capacity)
        : base(capacity)
    {
    }

    public void Dispose()
    {
        foreach (OrtValue value in this)
        {
            value.Dispose();
        }

        Clear();
    }
}
