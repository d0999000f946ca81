using System.Globalization;
using ColorizeBridge.Server.Tests.Support;

namespace ColorizeBridge.Server.Tests.Observability;

/// <summary>/metrics speaks the Prometheus text format, on both endpoints.</summary>
[Collection(ServerCollection.Name)]
public sealed class PrometheusCollectorTests(ServerFixture server)
{
    private const string DurationSeries = "colorizebridge_rpc_duration_seconds";

    [Fact]
    public async Task Scrape_EveryFamily_HasHelpAndType()
    {
        string text = await MetricsScrape.TextAsync(server.WebAddress);

        foreach (string family in (string[])["colorizebridge_rpc_calls_total", DurationSeries, "colorizebridge_queue_depth",
                     "colorizebridge_model_state", "colorizebridge_model_file_bytes", "process_resident_memory_bytes"])
        {
            Assert.Contains($"# HELP {family} ", text);
            Assert.Contains($"# TYPE {family} ", text);
        }
    }

    [Fact]
    public async Task Scrape_Histogram_BucketsCumulativeAndInfEqualsCount()
    {
        await server.ListModelsAsync();
        const string labels = "method=\"/colorizebridge.v1.Colorizer/ListModels\"";

        string[] lines = (await MetricsScrape.TextAsync(server.WebAddress)).Split('\n');

        double[] buckets = [.. lines.Where(l => l.StartsWith($"{DurationSeries}_bucket{{{labels},le=", StringComparison.Ordinal)).Select(Value)];
        double count = Value(lines.Single(l => l.StartsWith($"{DurationSeries}_count{{{labels}}} ", StringComparison.Ordinal)));
        Assert.True(buckets.Length > 5);
        Assert.Equal(buckets.Order(), buckets);
        Assert.Equal(count, buckets[^1]);
        Assert.True(count >= 1);
    }

    [Fact]
    public async Task Scrape_OverTheGrpcEndpoint_AlsoAnswers()
    {
        using var http = new HttpClient { DefaultRequestVersion = System.Net.HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        string text = await http.GetStringAsync(new Uri(server.Address, "/metrics"));

        Assert.Contains("# TYPE colorizebridge_rpc_calls_total counter", text);
    }

    private static double Value(string line) => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
}
