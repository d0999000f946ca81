using System.Globalization;

namespace ColorizeBridge.Server.Limits;

/// <summary>A number of calls a client may start per period ("20/s", "600/m"); bursts up to that number.</summary>
public sealed record RateLimit(int Calls, TimeSpan Period)
{
    /// <summary>Parses "N/s", "N/m" or a bare "N" (per second).</summary>
    /// <exception cref="FormatException">What a valid value looks like.</exception>
    public static RateLimit Parse(string value, string option)
    {
        string[] parts = value.Trim().Split('/');
        TimeSpan? period = parts.Length switch
        {
            1 => TimeSpan.FromSeconds(1),
            2 => parts[1].Trim() switch
            {
                "s" => TimeSpan.FromSeconds(1),
                "m" => TimeSpan.FromMinutes(1),
                _ => null,
            },
            _ => null,
        };
        if (period is null || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int calls) || calls < 1)
        {
            throw new FormatException($"{option} must be N/s or N/m with N at least 1 (e.g. 20/s), got '{value}'");
        }

        return new RateLimit(calls, period.Value);
    }

    public override string ToString() => $"{Calls}/{(Period == TimeSpan.FromMinutes(1) ? "m" : "s")}";
}
