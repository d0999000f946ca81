namespace ColorizeBridge.Benchmarks.EndToEnd;

/// <summary>Min / median / p99 / max of a set of timings in milliseconds.</summary>
internal sealed record Stats(double Min, double Median, double P99, double Max, int Count)
{
    public static Stats Of(IReadOnlyCollection<double> samples)
    {
        double[] sorted = [.. samples.Order()];
        return new Stats(sorted[0], Percentile(sorted, 0.5), Percentile(sorted, 0.99), sorted[^1], sorted.Length);
    }

    public override string ToString() => $"{Min:F1} / {Median:F1} / {Max:F1}";

    private static double Percentile(double[] sorted, double p)
    {
        double rank = p * (sorted.Length - 1);
        int low = (int)Math.Floor(rank);
        int high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}
