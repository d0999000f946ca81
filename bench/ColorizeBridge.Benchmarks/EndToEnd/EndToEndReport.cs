using System.Diagnostics;
using System.Globalization;
using System.Text;
using ColorizeBridge.Engine.Models;

namespace ColorizeBridge.Benchmarks.EndToEnd;

/// <param name="Ratio">Per round: the Colorize's time over the mean of the two bare forwards either side of it.</param>
internal sealed record ColorizeFigure(int Side, Stats Served, Stats Forward, Stats Ratio)
{
    /// <summary>Median of the per-round ratios: 1.00 would be a server that costs nothing.</summary>
    public double OverheadRatio => Ratio.Median;

    /// <summary>Per stage of the call, as its client saw the streamed updates arrive, in the order met.</summary>
    public IReadOnlyList<(string Stage, Stats Time)> Stages { get; init; } = [];

    /// <summary>The sum of the stage medians other than the engine's "model" (queue hand-off and forward): the server's own work.</summary>
    public double OwnStagesMs => Stages.Where(s => s.Stage != "model").Sum(s => s.Time.Median);

    /// <summary>The server's own timing of its forward (on its inference thread), per round.</summary>
    public Stats? ServerForward { get; init; }

    /// <summary>The server's own timing of the work's wait in its device queue, per round.</summary>
    public Stats? QueueWait { get; init; }

    /// <summary>Per round: the Colorize's time over the server's own forward in that very call (no second forward's noise in it).</summary>
    public Stats? InCallRatio { get; init; }
}

/// <param name="EngineMb">Managed MB one Colorize allocates in an in-process engine (the server's own work).</param>
/// <param name="GrpcMb">The same through gRPC on loopback, server and client in one process.</param>
internal sealed record AllocationFigure(int Side, double EngineMb, double GrpcMb)
{
    public double EngineMbPerMegapixel => EngineMb / (Side * (double)Side / 1e6);
}

internal sealed record PreviewFigure(int Sessions, Stats RoundTrip);

internal sealed record ThroughputFigure(int MaxBatch, double ImagesPerSecond, int Clients);

internal sealed record ImagePathFigure(string Stage, double MsPerMegapixel, double AllocatedMbPerMegapixel);

/// <summary>Everything one harness run measured, and its rendering as docs/BENCHMARKS.md.</summary>
internal sealed class EndToEndReport
{
    public required HarnessOptions Options { get; init; }
    public ModelManifest Model { get; set; } = null!;
    public string Device { get; set; } = "";
    public double RssAtStartMb { get; init; }
    public double RssIdleServerMb { get; set; }
    public double RssPeakUnderLoadMb { get; set; }
    public List<ColorizeFigure> Colorize { get; } = [];
    public List<PreviewFigure> Preview { get; } = [];
    public List<ThroughputFigure> Throughput { get; } = [];
    public List<ImagePathFigure> ImagePath { get; } = [];
    public List<AllocationFigure> Allocations { get; } = [];

    /// <summary>The line after which docs/BENCHMARKS.md is written by hand (the profile, the copies that remain); a new run keeps it.</summary>
    public const string HandWrittenMarker = "<!-- Written by hand from here on: scripts/bench.sh keeps everything below this line. -->";

    /// <summary>The marker and what follows it in <paramref name="path"/>, or "" when the file or the marker is missing.</summary>
    public static string HandWrittenPart(string path)
    {
        string existing = File.Exists(path) ? File.ReadAllText(path) : "";
        int marker = existing.IndexOf(HandWrittenMarker, StringComparison.Ordinal);
        return marker < 0 ? "" : Environment.NewLine + existing[marker..];
    }

    public bool MeetsOverheadTarget(int side, double limit = EndToEndHarness.OverheadTarget) =>
        Colorize.FirstOrDefault(c => c.Side == side) is not { } figure || figure.OverheadRatio <= limit;

    /// <summary>Whether the overhead inside each call (over the server's own forward) at <paramref name="side"/>² is within <paramref name="limit"/>.</summary>
    public bool MeetsInCallLimit(int side, double limit) =>
        Colorize.FirstOrDefault(c => c.Side == side)?.InCallRatio is not { } ratio || ratio.Median <= limit;

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("# Benchmarks");
        md.AppendLine();
        md.AppendLine("Written by `scripts/bench.sh` (the end-to-end harness in `bench/ColorizeBridge.Benchmarks`); every figure below comes from one run.");
        md.AppendLine();
        md.AppendLine(c, $"- **Machine:** {MachineDescription()}");
        md.AppendLine(c, $"- **Model:** {Model.Name} {Model.Version} on `{Device}`");
        md.AppendLine(c, $"- **Commit:** {Commit()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine(c, $"- **Iterations:** {Options.Iterations} timed calls per figure (the Colorize comparison at 512²: at least {EndToEndHarness.MinRatioRounds} rounds) after 4 warm-up calls; times in ms as min / median / max");
        md.AppendLine();
        md.AppendLine("## Colorize through gRPC vs a bare forward, same run");
        md.AppendLine();
        md.AppendLine("End to end = a client on loopback sends the line art and hint layer as PNGs and reads the streamed result PNG; the server decodes, normalises, fits, rasterises hints, queues, runs the model at the canvas size, restores, composites and encodes. Bare forward = the same model.onnx run in-process through ONNX Runtime on the very tensors the server builds from that request (the sample line art and hint layer, fitted and rasterised by the same code), so a model whose cost depends on the picture does the same work on both sides. The calls alternate B S B S … S B (B = bare forward, S = Colorize through gRPC), and each round's ratio is its S over the mean of the two B beside it, so load from elsewhere that drifts during the run moves both sides of a ratio alike; the overhead figure is the median of those ratios, with its interquartile range as the spread.");
        md.AppendLine();
        md.AppendLine("| size | rounds | end to end (ms) | bare forward (ms) | ratio: median of rounds | ratio spread (p25–p75; min–max) | server overhead (ms, median) |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (ColorizeFigure f in Colorize)
        {
            md.AppendLine(c, $"| {f.Side}² | {f.Ratio.Count} | {f.Served} | {f.Forward} | {f.OverheadRatio:F3} | {f.Ratio.Q1:F3}–{f.Ratio.Q3:F3}; {f.Ratio.Min:F3}–{f.Ratio.Max:F3} | {f.Served.Median - f.Forward.Median:F1} |");
        }

        md.AppendLine();
        string inCallVerdict = Colorize.FirstOrDefault(f => f.Side == 512)?.InCallRatio is { } inCall
            ? string.Create(c, $"; **{(inCall.Median <= EndToEndHarness.OverheadTarget ? "met" : "not met")}** against the server's own forward in each call ({inCall.Median:F3}, below).")
            : ".";
        md.AppendLine(c, $"Target: ratio at most {EndToEndHarness.OverheadTarget:F2} at 512²: **{(MeetsOverheadTarget(512) ? "met" : "not met")}** against the bare forward{inCallVerdict}");
        if (Colorize.Any(f => f.Stages.Count > 0))
        {
            md.AppendLine();
            md.AppendLine("Where a call's time goes, as its client sees it: the time from one streamed update's arrival to the next, named by the stage the first announces (the engine sends `decode`, `prepare`, `model`, `composite`, `encode`, then the result); median ms over the same rounds. `model` holds the queue hand-off and the forward in the server, to set beside the bare forward.");
            md.AppendLine();
            md.AppendLine("| stage | " + string.Join(" | ", Colorize.Select(f => $"{f.Side}² (ms, median)")) + " |");
            md.AppendLine("|---|" + string.Concat(Colorize.Select(_ => "---|")));
            foreach (string stage in Colorize.SelectMany(f => f.Stages.Select(s => s.Stage)).Distinct())
            {
                md.AppendLine("| " + stage + " | " + string.Join(" | ", Colorize.Select(f =>
                    f.Stages.FirstOrDefault(s => s.Stage == stage).Time is { } t ? t.Median.ToString("F1", c) : "")) + " |");
            }

            md.AppendLine("| *bare forward, for comparison* | " + string.Join(" | ", Colorize.Select(f => f.Forward.Median.ToString("F1", c))) + " |");
            md.AppendLine("| *the server's own stages (all but `model`), sum of medians* | " + string.Join(" | ", Colorize.Select(f =>
                $"{f.OwnStagesMs.ToString("F1", c)} ({(f.OwnStagesMs / f.Forward.Median).ToString("P1", c)} of the bare forward)")) + " |");
            if (Colorize.Any(f => f.ServerForward is not null))
            {
                md.AppendLine();
                md.AppendLine("Inside `model`, as the server's engine times it (`colorizebridge_queue_wait_seconds` and `colorizebridge_forward_duration_seconds` at /metrics), median ms over the same rounds: the wait in the device queue, then the forward on the server's inference thread, the same native call as the bare forward.");
                md.AppendLine();
                md.AppendLine("| in the server | " + string.Join(" | ", Colorize.Select(f => $"{f.Side}² (ms, median)")) + " |");
                md.AppendLine("|---|" + string.Concat(Colorize.Select(_ => "---|")));
                md.AppendLine("| queue wait | " + string.Join(" | ", Colorize.Select(f => f.QueueWait?.Median.ToString("F2", c))) + " |");
                md.AppendLine("| forward | " + string.Join(" | ", Colorize.Select(f => f.ServerForward?.Median.ToString("F1", c))) + " |");
                md.AppendLine("| forward over the bare forward (median) | " + string.Join(" | ", Colorize.Select(f =>
                    f.ServerForward is { } server ? (server.Median / f.Forward.Median).ToString("F3", c) : "")) + " |");
                md.AppendLine("| end to end over this forward, per call (median; p25–p75) | " + string.Join(" | ", Colorize.Select(f =>
                    f.InCallRatio is { } r ? $"{r.Median.ToString("F3", c)}; {r.Q1.ToString("F3", c)}–{r.Q3.ToString("F3", c)}" : "")) + " |");
                md.AppendLine();
                md.AppendLine("The last row is the server's overhead measured inside each call: everything a Colorize costs beyond its own forward, over that forward. It has no second forward's noise in it; the ratio to the bare forward above has, as two forwards of the same tensors on this shared VM differ by several per cent from call to call and from run to run.");
            }
        }
        if (Allocations.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Allocations per Colorize request");
            md.AppendLine();
            md.AppendLine(c, $"Managed bytes allocated by one request, all threads (`GC.GetTotalAllocatedBytes(true)` around it, nothing else running in the process), median of {EndToEndHarness.AllocationCalls} calls after a warm one; the same sample line art and hint layer as above. In-process = straight through the engine (what the server itself allocates); through gRPC = over loopback with the server, Kestrel and the client in this process. ONNX Runtime's own (native) memory is not in these figures.");
            md.AppendLine();
            md.AppendLine("| size | in-process engine (MB) | MB per megapixel | through gRPC, both ends (MB) |");
            md.AppendLine("|---|---|---|---|");
            foreach (AllocationFigure f in Allocations)
            {
                md.AppendLine(c, $"| {f.Side}² | {f.EngineMb:F1} | {f.EngineMbPerMegapixel:F1} | {f.GrpcMb:F1} |");
            }
        }

        if (Preview.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## PreviewHints round trip at 256²");
            md.AppendLine();
            md.AppendLine("Each session sends a hint change and waits for the frame of that revision before the next.");
            md.AppendLine();
            md.AppendLine("| concurrent sessions | p50 (ms) | p99 (ms) | min / median / max (ms) |");
            md.AppendLine("|---|---|---|---|");
            foreach (PreviewFigure f in Preview)
            {
                md.AppendLine(c, $"| {f.Sessions} | {f.RoundTrip.Median:F1} | {f.RoundTrip.P99:F1} | {f.RoundTrip} |");
            }
        }

        if (Throughput.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Throughput at 512², with and without dynamic batching");
            md.AppendLine();
            md.AppendLine("Clients send Colorize calls at the same time; with max_batch above 1, requests that wait together share one forward (max_queue_delay 20 ms). On the CPU the server batches only when started with `--batch-on-cpu`, which the batched row is run with.");
            md.AppendLine();
            md.AppendLine("| max_batch | clients | images/s |");
            md.AppendLine("|---|---|---|");
            foreach (ThroughputFigure f in Throughput)
            {
                md.AppendLine(c, $"| {f.MaxBatch} | {f.Clients} | {f.ImagesPerSecond:F2} |");
            }
        }

        if (ImagePath.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Image path per megapixel (2048² sample line art, median of 5)");
            md.AppendLine();
            md.AppendLine("| stage | ms / MP | allocated MB / MP |");
            md.AppendLine("|---|---|---|");
            foreach (ImagePathFigure f in ImagePath)
            {
                md.AppendLine(c, $"| {f.Stage} | {f.MsPerMegapixel:F1} | {f.AllocatedMbPerMegapixel:F1} |");
            }

            md.AppendLine();
            md.AppendLine(c, $"Sum: {ImagePath.Sum(f => f.MsPerMegapixel):F1} ms per megapixel.");
        }

        md.AppendLine();
        md.AppendLine("## Memory (resident set of the benchmark process, which hosts the server)");
        md.AppendLine();
        md.AppendLine(c, $"- at start, before the server: {RssAtStartMb:F0} MiB");
        md.AppendLine(c, $"- server up with the model loaded, idle: {RssIdleServerMb:F0} MiB");
        if (RssPeakUnderLoadMb > 0)
        {
            int clients = Throughput.Max(t => t.Clients);
            md.AppendLine(c, $"- peak with {clients} concurrent 512² requests: {RssPeakUnderLoadMb:F0} MiB, about {(RssPeakUnderLoadMb - RssIdleServerMb) / clients:F0} MiB per concurrent request (the harness's client is in the same process)");
        }

        return md.ToString();
    }

    private static string MachineDescription()
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
        return $"{Environment.ProcessorCount} cores ({cpu}), {Environment.OSVersion}, .NET {Environment.Version}";
    }

    private static string Commit()
    {
        try
        {
            using Process git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, WorkingDirectory = Paths.RepoRoot })!;
            string commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return commit.Length > 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
