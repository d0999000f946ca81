using ColorizeBridge.Engine.Scheduling;
using ColorizeBridge.Engine.Tests.Support;
using ColorizeBridge.Tests.Shared;
using ColorizeBridge.Inference;
using ColorizeBridge.Inference.OnnxRuntime;

namespace ColorizeBridge.Engine.Tests.Scheduling;

public sealed class InferenceQueueTests : IDisposable
{
    private readonly GatedModel _model = new();
    private readonly InferenceQueue _queue = new("cpu", new InferenceQueueOptions { Capacity = 8, PerClientCapacity = 4 });

    public void Dispose()
    {
        _model.Release();
        _queue.Dispose();
        _model.Dispose();
    }

    private Task<TensorData> Run(float tag, WorkPriority priority = WorkPriority.Batch, string client = "a", int maxBatch = 1,
        Action<int>? onPosition = null, CancellationToken cancellationToken = default) =>
        _queue.RunAsync(new InferenceWork(_model, [GatedModel.Tagged(tag)], priority)
        {
            Client = client,
            MaxBatch = maxBatch,
            OnPosition = onPosition,
        }, cancellationToken);

    /// <summary>Starts a first work and waits until the worker is stuck in it, so the next ones queue up.</summary>
    private async Task<Task<TensorData>> BlockWorkerAsync()
    {
        Task<TensorData> blocker = Run(0, client: "blocker");
        Assert.True(await Task.Run(() => _model.Started.Wait(TimeSpan.FromSeconds(10))));
        return blocker;
    }

    [Fact]
    public async Task Interactive_RunsBeforeBatchWorkQueuedEarlier()
    {
        Task<TensorData> blocker = await BlockWorkerAsync();
        Task<TensorData> batch = Run(1, WorkPriority.Batch);
        Task<TensorData> preview = Run(2, WorkPriority.Interactive);

        _model.Release();
        await Task.WhenAll(blocker, batch, preview);

        Assert.Equal([0f, 2f, 1f], _model.Forwards.Select(f => f[0]));
    }

    [Fact]
    public async Task Clients_TakeTurns_OneClientsBigBatchDoesNotStarveAnother()
    {
        Task<TensorData> blocker = await BlockWorkerAsync();
        Task<TensorData>[] big = [Run(11, client: "studio-a"), Run(12, client: "studio-a"), Run(13, client: "studio-a")];
        Task<TensorData> small = Run(21, client: "studio-b");

        _model.Release();
        await Task.WhenAll([blocker, small, .. big]);

        Assert.Equal([0f, 11f, 21f, 12f, 13f], _model.Forwards.Select(f => f[0]));
    }

    [Fact]
    public async Task Cancel_QueuedWork_LeavesTheQueueAtOnce()
    {
        Task<TensorData> blocker = await BlockWorkerAsync();
        using var cancellation = new CancellationTokenSource();
        Task<TensorData> doomed = Run(1, cancellationToken: cancellation.Token);
        Assert.Equal(1, _queue.Depth);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => doomed);
        Assert.Equal(0, _queue.Depth);
        _model.Release();
        await blocker;
        Assert.DoesNotContain(_model.Forwards, f => f[0] == 1f);
    }

    [Fact]
    public async Task Cancel_RunningWork_StopsTheForwardAndCompletesAsCancelled()
    {
        // The shipped default model at 1024²: its forward runs well past the 50 ms.
        string repo = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repo, "ColorizeBridge.sln")))
        {
            repo = Path.GetDirectoryName(repo) ?? throw new InvalidOperationException("no ColorizeBridge.sln above the tests");
        }

        using IInferenceModel real = new OnnxRuntimeBackend().Load(Path.Combine(repo, "models", "alac-hints-small", "model.onnx"), "cpu",
            new InferenceModelOptions { InputNames = ["line", "hints"] });
        float[] paper = new float[1024 * 1024];
        Array.Fill(paper, 1f);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Task<TensorData> running = _queue.RunAsync(new InferenceWork(real, [new TensorData(paper, [1, 1, 1024, 1024]),
            new TensorData(new float[4 * 256 * 256], [1, 4, 256, 256])], WorkPriority.Batch), cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.True(running.IsCanceled, $"the work ended {running.Status}");
    }

    [Fact]
    public async Task PerClientCapacity_Exceeded_IsResourceExhaustedWithRetryHint()
    {
        Task<TensorData> blocker = await BlockWorkerAsync();
        Task<TensorData>[] allowed = [.. Enumerable.Range(1, 4).Select(i => Run(i, client: "greedy"))];

        var error = await Assert.ThrowsAsync<ResourceExhaustedException>(() => Run(5, client: "greedy"));

        Assert.Contains("already have 4 requests waiting", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
        Task<TensorData> other = Run(6, client: "polite");
        _model.Release();
        await Task.WhenAll([blocker, other, .. allowed]);
    }

    [Fact]
    public async Task Capacity_Exceeded_IsResourceExhausted()
    {
        Task<TensorData> blocker = await BlockWorkerAsync();
        Task<TensorData>[] waiting = [.. Enumerable.Range(1, 8).Select(i => Run(i, client: $"c{i}"))];

        var error = await Assert.ThrowsAsync<ResourceExhaustedException>(() => Run(9, client: "late"));

        Assert.Contains("queue for cpu is full", error.Message);
        _model.Release();
        await Task.WhenAll([blocker, .. waiting]);
    }

    [Fact]
    public async Task SameShapedWaitingWorks_ShareOneForward_UpToMaxBatch()
    {
        Task<TensorData> blocker = await BlockWorkerAsync();
        Task<TensorData>[] works = [.. Enumerable.Range(1, 5).Select(i => Run(i, client: $"c{i}", maxBatch: 3))];

        _model.Release();
        TensorData[] outputs = await Task.WhenAll(works);

        Assert.Equal([[0f], [1f, 2f, 3f], [4f, 5f]], _model.Forwards);
        Assert.Equal([1f, 2f, 3f, 4f, 5f], outputs.Select(o => o.Data.Span[0]));
        Assert.All(outputs, o => Assert.Equal([1L, 1L], o.Shape));
        await blocker;
    }

    [Fact]
    public async Task ForwardCompleted_OncePerForward_WithItsWorksAndTimes_BeforeTheWorksComplete()
    {
        var timings = new List<ForwardTiming>();
        var reportedBeforeCompletion = new List<bool>();
        _queue.ForwardCompleted += timing =>
        {
            lock (timings)
            {
                timings.Add(timing);
            }
        };
        Task<TensorData> blocker = await BlockWorkerAsync();
        Task<TensorData>[] works = [.. Enumerable.Range(1, 3).Select(i => Run(i, client: $"c{i}", maxBatch: 3))];
        Task<TensorData>[] counted = [.. works.Select(async work =>
        {
            TensorData output = await work;
            lock (timings)
            {
                reportedBeforeCompletion.Add(timings.Count == 2);
            }

            return output;
        })];
        await Task.Delay(50);

        _model.Release();
        await Task.WhenAll(counted);
        await blocker;

        Assert.Equal(["cpu", "cpu"], timings.Select(t => t.Device));
        Assert.Equal([1, 3], timings.Select(t => t.Works));
        Assert.True(timings[0].Forward >= TimeSpan.FromMilliseconds(40), $"the blocked forward took {timings[0].Forward}");
        Assert.True(timings[1].Waited >= TimeSpan.FromMilliseconds(40), $"the batch waited {timings[1].Waited} behind it");
        Assert.All(reportedBeforeCompletion, Assert.True);
    }

    [Fact]
    public async Task ForwardCompleted_HandlerThatThrows_DoesNotFailTheWork()
    {
        _queue.ForwardCompleted += _ => throw new InvalidOperationException("a broken metrics handler");
        _model.Release();

        TensorData output = await Run(7);

        Assert.Equal(7f, output.Data.Span[0]);
    }

    [Fact]
    public async Task MaxQueueDelay_FirstWorkWaitsForCompany()
    {
        _model.Release();
        var work = new InferenceWork(_model, [GatedModel.Tagged(1)], WorkPriority.Interactive)
        {
            MaxBatch = 2,
            MaxQueueDelay = TimeSpan.FromSeconds(5),
        };

        Task<TensorData> first = _queue.RunAsync(work);
        await Task.Delay(100);
        Task<TensorData> second = _queue.RunAsync(work with { Inputs = [GatedModel.Tagged(2)] });
        await Task.WhenAll(first, second);

        Assert.Equal([[1f, 2f]], _model.Forwards);
    }

    [Fact]
    public async Task OnPosition_CountsDownToNext()
    {
        Task<TensorData> blocker = await BlockWorkerAsync();
        var positions = new List<int>();
        Task<TensorData> ahead = Run(1, client: "x");
        Task<TensorData> mine = Run(2, client: "y", onPosition: p => positions.Add(p));

        _model.Release();
        await Task.WhenAll(blocker, ahead, mine);

        Assert.Equal([1, 0], positions);
    }

    [Fact]
    public async Task Batching_RealOnnxModel_MatchesOneByOne()
    {
        using IInferenceModel real = new OnnxRuntimeBackend().Load(FixtureModels.HintsModelFile, "cpu", InferenceModelOptions.Default);
        var random = new Random(7);
        TensorData[][] inputs = [.. Enumerable.Range(0, 3).Select(_ => new[]
        {
            new TensorData(Enumerable.Range(0, 16 * 16).Select(_ => (float)random.NextDouble()).ToArray(), [1, 1, 16, 16]),
            new TensorData(Enumerable.Range(0, 4 * 4 * 4).Select(_ => (float)random.NextDouble()).ToArray(), [1, 4, 4, 4]),
        })];
        TensorData[] oneByOne = [.. inputs.Select(i => real.Forward(i))];
        Task<TensorData> blocker = await BlockWorkerAsync();
        Task<TensorData>[] batched = [.. inputs.Select((i, n) => _queue.RunAsync(new InferenceWork(real, i, WorkPriority.Batch) { Client = $"c{n}", MaxBatch = 4 }))];

        _model.Release();
        await blocker;
        TensorData[] results = await Task.WhenAll(batched);

        Assert.Equal((2L, 4L), _queue.Totals);
        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal(oneByOne[i].Shape, results[i].Shape);
            float[] expected = oneByOne[i].Data.ToArray();
            float[] actual = results[i].Data.ToArray();
            Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second, 1e-5f));
        }
    }

    [Fact]
    public async Task WorksWhoseOtherInputsDifferInShape_NeverShareAForward()
    {
        static TensorData Vector(int length) => new(new float[length], [1, length]);
        Task<TensorData> blocker = await BlockWorkerAsync();
        Task<TensorData> Work(float tag, int length, string client) =>
            _queue.RunAsync(new InferenceWork(_model, [GatedModel.Tagged(tag), Vector(length)], WorkPriority.Batch) { Client = client, MaxBatch = 3 });
        Task<TensorData>[] works = [Work(1, 512, "a"), Work(2, 5, "b"), Work(3, 512, "c")];

        _model.Release();
        await Task.WhenAll([blocker, .. works]);

        Assert.Equal([[0f], [1f, 3f], [2f]], _model.Forwards);
    }

    [Fact]
    public void Concatenate_VectorInputs_StackToBatchByLength()
    {
        TensorData[] first = [new(new[] { 1f, 2f, 3f, 4f }, [1, 1, 2, 2]), new(Enumerable.Repeat(0.5f, 512).ToArray(), [1, 512])];
        TensorData[] second = [new(new[] { 5f, 6f, 7f, 8f }, [1, 1, 2, 2]), new(Enumerable.Repeat(0.25f, 512).ToArray(), [1, 512])];

        IReadOnlyList<TensorData> stacked = Batching.Concatenate([first, second]);

        Assert.Equal([2L, 1L, 2L, 2L], stacked[0].Shape);
        Assert.Equal([2L, 512L], stacked[1].Shape);
        Assert.Equal(0.5f, stacked[1].Data.Span[511]);
        Assert.Equal(0.25f, stacked[1].Data.Span[512]);
    }

    [Fact]
    public async Task Batching_RealPaletteModel_EachWorkGetsItsOwnPaletteBack()
    {
        using IInferenceModel real = new OnnxRuntimeBackend().Load(Path.Combine(FixtureModels.KindsFolder, "palette", "model.onnx"), "cpu",
            InferenceModelOptions.Default);
        TensorData[][] inputs = [.. new[] { 448, 7, 56 }.Select(bin =>
        {
            var palette = new float[512];
            palette[bin] = 1;
            return new[]
            {
                new TensorData(new float[32 * 32], [1, 1, 32, 32]),
                new TensorData(new float[4 * 8 * 8], [1, 4, 8, 8]),
                new TensorData(palette, [1, 512]),
            };
        })];
        TensorData[] oneByOne = [.. inputs.Select(i => real.Forward(i))];
        Task<TensorData> blocker = await BlockWorkerAsync();
        Task<TensorData>[] batched = [.. inputs.Select((i, n) => _queue.RunAsync(new InferenceWork(real, i, WorkPriority.Batch) { Client = $"c{n}", MaxBatch = 4 }))];

        _model.Release();
        await blocker;
        TensorData[] results = await Task.WhenAll(batched);

        Assert.Equal((2L, 4L), _queue.Totals);
        // Bin centres: (7, 0, 0) is (240, 16, 16), i.e. red 240/127.5 - 1.
        Assert.Equal((240 / 127.5f) - 1, results[0].Data.Span[0], 5);
        Assert.Equal((240 / 127.5f) - 1, results[1].Data.Span[2 * 32 * 32], 5);
        for (int i = 0; i < results.Length; i++)
        {
            Assert.All(oneByOne[i].Data.ToArray().Zip(results[i].Data.ToArray()), pair => Assert.Equal(pair.First, pair.Second, 1e-5f));
        }
    }
}
