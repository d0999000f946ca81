using System.Diagnostics.Metrics;
using ColorizeBridge.Engine.Colorization;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Engine.Scheduling;

namespace ColorizeBridge.Server.Observability;

/// <summary>
/// The server's instruments (System.Diagnostics.Metrics, so dotnet-counters
/// and any OpenTelemetry reader see them too); <see cref="PrometheusCollector"/>
/// serves them at /metrics. Names follow Prometheus conventions: base units
/// (seconds, bytes), <c>_total</c> added to counters by the exporter.
/// </summary>
internal sealed class ServerMetrics
{
    public const string MeterName = "ColorizeBridge.Server";

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _callDuration;
    private readonly Histogram<double> _stageDuration;
    private readonly Histogram<double> _previewFrameDuration;
    private readonly Histogram<double> _forwardDuration;
    private readonly Histogram<double> _queueWait;
    private readonly UpDownCounter<long> _activeCalls;
    private readonly Counter<long> _refusals;

    public ServerMetrics(IMeterFactory meterFactory, ColorizerEngine engine)
    {
        // One meter per server (the factory is per DI container), so several
        // servers in one process (tests) keep their numbers apart.
        Meter = meterFactory.Create(new MeterOptions(MeterName));
        _calls = Meter.CreateCounter<long>("colorizebridge_rpc_calls", description: "Finished gRPC calls by method and status code.");
        _callDuration = Meter.CreateHistogram<double>("colorizebridge_rpc_duration_seconds", unit: "s",
            description: "Time from request headers to status, by method.");
        _stageDuration = Meter.CreateHistogram<double>("colorizebridge_colorize_stage_duration_seconds", unit: "s",
            description: "Time a Colorize call spends in each stage (decode, prepare, model = queue + forward, composite, encode).");
        _previewFrameDuration = Meter.CreateHistogram<double>("colorizebridge_preview_frame_duration_seconds", unit: "s",
            description: "Time to render one PreviewHints frame (queue + forward + composite + encode): what a painting artist waits.");
        _forwardDuration = Meter.CreateHistogram<double>("colorizebridge_forward_duration_seconds", unit: "s",
            description: "Time of one model forward on a device (a dynamic batch counts once), by device: the model's own share of the stage times.");
        _queueWait = Meter.CreateHistogram<double>("colorizebridge_queue_wait_seconds", unit: "s",
            description: "Time the first request of each forward waited in its device's queue, by device.");
        engine.ForwardCompleted += ForwardTimed;
        _activeCalls = Meter.CreateUpDownCounter<long>("colorizebridge_rpc_active", description: "gRPC calls in progress, by method.");
        _refusals = Meter.CreateCounter<long>("colorizebridge_refused_calls",
            description: "Calls refused before reaching a service, by reason (streams, rate).");
        Meter.CreateObservableGauge("colorizebridge_queue_depth", () => QueueDepths(engine),
            description: "Forwards waiting for a device (not counting the running one).");
        Meter.CreateObservableCounter("colorizebridge_forwards", () => QueueTotals(engine, works: false),
            description: "Model forwards run, by device.");
        Meter.CreateObservableCounter("colorizebridge_forward_requests", () => QueueTotals(engine, works: true),
            description: "Requests those forwards carried, by device: divided by colorizebridge_forwards_total it is the mean dynamic batch size.");
        Meter.CreateObservableGauge("colorizebridge_model_state", () => ModelStates(engine.Registry),
            description: "1 for each model's current state (loading, ready, failed).");
        Meter.CreateObservableGauge("colorizebridge_model_file_bytes", () => ModelFileSizes(engine.Registry), unit: "By",
            description: "Size of each model's ONNX file: a proxy for the memory its weights take (ONNX Runtime reports no per-model figure).");
        Meter.CreateObservableGauge("process_resident_memory_bytes", () => Environment.WorkingSet, unit: "By",
            description: "Resident memory of the server process.");
    }

    public Meter Meter { get; }

    public void CallStarted(string method) => _activeCalls.Add(1, new KeyValuePair<string, object?>("method", method));

    public void CallEnded(string method, string code, TimeSpan duration)
    {
        var methodTag = new KeyValuePair<string, object?>("method", method);
        _activeCalls.Add(-1, methodTag);
        _calls.Add(1, methodTag, new KeyValuePair<string, object?>("code", code));
        _callDuration.Record(duration.TotalSeconds, methodTag);
    }

    public void StageTimed(string stage, TimeSpan duration) =>
        _stageDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("stage", stage));

    public void PreviewFrameRendered(TimeSpan duration) => _previewFrameDuration.Record(duration.TotalSeconds);

    private void ForwardTimed(ForwardTiming timing)
    {
        var deviceTag = new KeyValuePair<string, object?>("device", timing.Device);
        _forwardDuration.Record(timing.Forward.TotalSeconds, deviceTag);
        _queueWait.Record(timing.Waited.TotalSeconds, deviceTag);
    }

    public void Refused(string reason) => _refusals.Add(1, new KeyValuePair<string, object?>("reason", reason));

    private static IEnumerable<Measurement<int>> QueueDepths(ColorizerEngine engine) =>
        engine.QueueDepths.Select(q => new Measurement<int>(q.Value, new KeyValuePair<string, object?>("device", q.Key)));

    private static IEnumerable<Measurement<long>> QueueTotals(ColorizerEngine engine, bool works) =>
        engine.QueueTotals.Select(q => new Measurement<long>(works ? q.Value.Works : q.Value.Forwards,
            new KeyValuePair<string, object?>("device", q.Key)));

    private static IEnumerable<Measurement<int>> ModelStates(ModelRegistry registry)
    {
        foreach (RegisteredModel model in registry.Models)
        {
            foreach (ModelLoadState state in Enum.GetValues<ModelLoadState>())
            {
                yield return new Measurement<int>(model.State == state ? 1 : 0,
                    new KeyValuePair<string, object?>("model", model.Name),
                    new KeyValuePair<string, object?>("state", state.ToString().ToLowerInvariant()));
            }
        }
    }

    private static IEnumerable<Measurement<long>> ModelFileSizes(ModelRegistry registry)
    {
        foreach (RegisteredModel model in registry.Models)
        {
            if (model.Manifest is { } manifest && new FileInfo(Path.Combine(model.Directory, manifest.File)) is { Exists: true } file)
            {
                yield return new Measurement<long>(file.Length, new KeyValuePair<string, object?>("model", model.Name));
            }
        }
    }
}
