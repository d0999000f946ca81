using ColorizeBridge.Engine.Colorization;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Engine.Scheduling;
using ColorizeBridge.Engine.Tests.Support;
using ColorizeBridge.Inference;
using ColorizeBridge.Inference.OnnxRuntime;

namespace ColorizeBridge.Engine.Tests.Colorization;

/// <summary>
/// On the CPU a batch costs more than its forwards one by one, so the engine
/// batches there only when told to (--batch-on-cpu); a model's max_batch is
/// what it can take, used on a GPU.
/// </summary>
public sealed class ModelRunnerTests : IDisposable
{
    private readonly ModelFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 1)]
    public async Task SameShapedRequests_OnTheCpu_ShareAForwardOnlyWhenAllowed(bool batchOnCpu, int expectedForwards)
    {
        // max_batch 2 and a long max_queue_delay: a first work waits for a companion if it may batch.
        _folder.Add("alpha", manifest => manifest["max_queue_delay_ms"] = 500);
        using var registry = new ModelRegistry(new ModelRegistryOptions { ModelsDirectory = _folder.Root, Device = "cpu" }, new OnnxRuntimeBackend());
        registry.LoadAll();
        using var runner = new ModelRunner { BatchOnCpu = batchOnCpu };
        RegisteredModel model = registry.Resolve("alpha");
        var forwards = new List<ForwardTiming>();
        runner.ForwardCompleted += timing =>
        {
            lock (forwards)
            {
                forwards.Add(timing);
            }
        };

        TensorData[] Inputs(float ink) => [new(Enumerable.Repeat(ink, 64 * 64).ToArray(), [1, 1, 64, 64]), new(new float[4 * 16 * 16], [1, 4, 16, 16])];
        TensorData[] outputs = await Task.WhenAll(
            runner.RunAsync(model, Inputs(1f), null, WorkPriority.Batch, "a", null, CancellationToken.None),
            runner.RunAsync(model, Inputs(-1f), null, WorkPriority.Batch, "b", null, CancellationToken.None));

        Assert.Equal(expectedForwards, forwards.Count);
        Assert.Equal(2, forwards.Sum(f => f.Works));
        Assert.All(outputs, o => Assert.Equal([1L, 3L, 64L, 64L], o.Shape));
        Assert.NotEqual(outputs[0].Data.ToArray(), outputs[1].Data.ToArray());
    }
}
