using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Server.Tests.Support;
using ColorizeBridge.Tests.Shared;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;

namespace ColorizeBridge.Server.Tests.Load;

/// <summary>
/// A studio's morning: 32 clients at once, each with its own connection,
/// mixing live previews (a start and three hint changes) with full Colorize
/// calls for 60 s against a real server process. Bounded in time and count;
/// every error is unexpected; the server's resident memory growth is reported
/// and written with the latencies to results/load-test.json (docs/RELIABILITY.md).
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Clients = 32;
    private const int MaxOperationsPerClient = 5_000;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    private static readonly ByteString[] LineArts = [TestImages.Png(TestImages.LineArt(64, 48)), TestImages.Png(TestImages.LineArt(160, 120))];
    private static readonly Method<ColorizeRequest, ColorizeUpdate> Colorize = ServerFixture.MethodOf<ColorizeRequest, ColorizeUpdate>("Colorize");
    private static readonly Method<PreviewRequest, PreviewFrame> PreviewHints = ServerFixture.MethodOf<PreviewRequest, PreviewFrame>("PreviewHints");

    [Fact]
    public async Task ThirtyTwoClients_MixedPreviewsAndColorize_NoErrorsBoundedMemory()
    {
        using var models = new ModelFolder();
        await using ServerProcess server = await ServerProcess.StartAsync(models.Path);
        await RunClientsAsync(server, TimeSpan.FromSeconds(3), new Results());
        long residentBefore = server.ResidentBytes();
        var results = new Results();

        var clock = Stopwatch.StartNew();
        await RunClientsAsync(server, Duration, results);
        TimeSpan elapsed = clock.Elapsed;

        long residentAfter = server.ResidentBytes();
        LoadReport report = results.Report(elapsed, residentBefore, residentAfter);
        string json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });
        string file = Path.Combine(AppContext.BaseDirectory, "results", "load-test.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, json);
        output.WriteLine(json);
        output.WriteLine($"written to {file}");
        Assert.True(results.Errors.IsEmpty, "unexpected errors:\n" + string.Join('\n', results.Errors.Take(20)));
        Assert.True(elapsed >= Duration, $"ran {elapsed.TotalSeconds:F1} s");
        Assert.True(report.Colorizations > Clients && report.PreviewSessions > Clients, "both kinds of work ran");
        // A leak of one preview line art or one result per call would pass this by far; a fixed pool or cache would not.
        Assert.True(report.ResidentGrowthMiB < 200, $"resident memory grew {report.ResidentGrowthMiB:F1} MiB");
    }

    private static Task RunClientsAsync(ServerProcess server, TimeSpan duration, Results results)
    {
        DateTime end = DateTime.UtcNow + duration;
        return Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            using GrpcChannel channel = GrpcChannel.ForAddress(server.Address);
            CallInvoker invoker = channel.CreateCallInvoker();
            var random = new Random(client);
            for (int operation = 0; operation < MaxOperationsPerClient && DateTime.UtcNow < end; operation++)
            {
                ByteString lineArt = LineArts[random.Next(LineArts.Length)];
                try
                {
                    if (random.Next(2) == 0)
                    {
                        await PreviewSessionAsync(invoker, lineArt, random, results);
                    }
                    else
                    {
                        await ColorizeAsync(invoker, lineArt, results);
                    }
                }
                catch (RpcException e)
                {
                    results.Errors.Enqueue($"client {client}: {e.Status}");
                }
            }
        })));
    }

    private static async Task ColorizeAsync(CallInvoker invoker, ByteString lineArt, Results results)
    {
        long started = Stopwatch.GetTimestamp();
        using var call = invoker.AsyncServerStreamingCall(Colorize, new ColorizeRequest { LineArt = new Image { Png = lineArt } },
            new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)));
        ColorizeUpdate? last = null;
        while (await call.ResponseStream.MoveNext())
        {
            last = call.ResponseStream.Current;
        }

        if (last?.UpdateCase != ColorizeUpdate.UpdateOneofCase.Result)
        {
            results.Errors.Enqueue("Colorize ended OK without a result");
        }

        results.ColorizeMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>A start and three hint changes, each awaited (as a brush stroke ends) and timed to its frame.</summary>
    private static async Task PreviewSessionAsync(CallInvoker invoker, ByteString lineArt, Random random, Results results)
    {
        using var call = invoker.AsyncDuplexStreamingCall(PreviewHints, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)));
        for (ulong revision = 1; revision <= 4; revision++)
        {
            var hints = new Hints
            {
                Strokes = { new Stroke { Points = { new Point { X = random.Next(60), Y = random.Next(45) } }, Color = new Color { R = (uint)random.Next(256) }, Width = 6 } },
            };
            PreviewRequest request = revision == 1
                ? new PreviewRequest { Revision = 1, Start = new PreviewStart { LineArt = new Image { Png = lineArt }, Hints = hints } }
                : new PreviewRequest { Revision = revision, Hints = hints };
            long started = Stopwatch.GetTimestamp();
            await call.RequestStream.WriteAsync(request);
            if (!await call.ResponseStream.MoveNext() || call.ResponseStream.Current.Revision != revision)
            {
                results.Errors.Enqueue($"PreviewHints: no frame for revision {revision}");
                return;
            }

            results.PreviewFrameMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        await call.RequestStream.CompleteAsync();
        while (await call.ResponseStream.MoveNext())
        {
        }

        Interlocked.Increment(ref results.PreviewSessions);
    }

    private sealed class Results
    {
        public int PreviewSessions;

        public ConcurrentQueue<string> Errors { get; } = new();

        public ConcurrentBag<double> ColorizeMs { get; } = [];

        public ConcurrentBag<double> PreviewFrameMs { get; } = [];

        public LoadReport Report(TimeSpan elapsed, long residentBefore, long residentAfter)
        {
            double[] colorize = [.. ColorizeMs.Order()];
            double[] frames = [.. PreviewFrameMs.Order()];
            int requests = colorize.Length + PreviewSessions;
            return new LoadReport(Clients, Math.Round(elapsed.TotalSeconds, 1), requests, colorize.Length, PreviewSessions, frames.Length,
                Errors.Count, Math.Round(requests / elapsed.TotalSeconds, 1),
                Percentile(colorize, 0.50), Percentile(colorize, 0.99), Percentile(frames, 0.50), Percentile(frames, 0.99),
                Math.Round(residentBefore / 1048576.0, 1), Math.Round(residentAfter / 1048576.0, 1),
                Math.Round((residentAfter - residentBefore) / 1048576.0, 1));
        }

        private static double Percentile(double[] sorted, double fraction) =>
            sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)], 1);
    }

    private sealed record LoadReport(int Clients, double Seconds, int Requests, int Colorizations, int PreviewSessions, int PreviewFrames,
        int Errors, double RequestsPerSecond, double ColorizeP50Ms, double ColorizeP99Ms, double PreviewFrameP50Ms, double PreviewFrameP99Ms,
        double ResidentBeforeMiB, double ResidentAfterMiB, double ResidentGrowthMiB);
}
