namespace ColorizeBridge.Benchmarks.EndToEnd;

/// <summary>Min / quartiles / p99 / max of a set of timings in milliseconds (or of ratios).</summary>
internal sealed record Stats(double Min, double Median, double P99, double Max, int Count)
{
    public double Q1 { get; init; }

    public double Q3 { get; init; }

    public static Stats Of(IReadOnlyCollection<double> samples)
    {
        double[] sorted = [.. samples.Order()];
        return new Stats(sorted[0], Percentile(sorted, 0.5), Percentile(sorted, 0.99), sorted[^1], sorted.Length)
        {
            Q1 = Percentile(sorted, 0.25),
            Q3 = Percentile(sorted, 0.75),
        };
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
