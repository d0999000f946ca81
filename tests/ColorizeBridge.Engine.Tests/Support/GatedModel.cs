using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Tests.Support;

/// <summary>
/// A test double of a loaded model: records each forward (batch size and a
/// tag read from the first input value) and holds the first one until
/// released, so a test can line works up behind it.
/// </summary>
internal sealed class GatedModel : IInferenceModel
{
    private readonly ManualResetEventSlim _gate = new(initialState: false);
    private readonly object _lock = new();
    private readonly List<float[]> _forwards = [];

    public string Device => "cpu";

    /// <summary>The tags of each forward's works, in the order the forwards ran.</summary>
    public IReadOnlyList<float[]> Forwards
    {
        get
        {
            lock (_lock)
            {
                return [.. _forwards];
            }
        }
    }

    public ManualResetEventSlim Started { get; } = new(initialState: false);

    /// <summary>Inputs [N,1] whose values tag the works; the output echoes them.</summary>
    public static TensorData Tagged(params float[] tags) => new(tags, [tags.Length, 1]);

    public void Release() => _gate.Set();

    public IReadOnlyList<TensorData> ForwardAllOutputs(IReadOnlyList<TensorData> inputs, CancellationToken cancellationToken = default)
    {
        Started.Set();
        _gate.Wait(TimeSpan.FromSeconds(30));
        float[] tags = inputs[0].Data.ToArray();
        lock (_lock)
        {
            _forwards.Add(tags);
        }

        return [new TensorData(tags, [.. inputs[0].Shape])];
    }

    public void Dispose() => _gate.Dispose();
}
