using System.Globalization;

namespace ColorizeBridge.Server.Tests.Support;

/// <summary>Reads a server's /metrics (Prometheus text) over its HTTP/1.1 endpoint.</summary>
public static class MetricsScrape
{
    private static readonly HttpClient Http = new();

    public static Task<string> TextAsync(Uri webAddress) => Http.GetStringAsync(new Uri(webAddress, "/metrics"));

    /// <summary>The value of the sample written exactly as <paramref name="series"/> (name and labels), 0 when absent.</summary>
    public static async Task<double> ValueAsync(Uri webAddress, string series)
    {
        string text = await TextAsync(webAddress);
        string? line = text.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
