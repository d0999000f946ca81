namespace ColorizeBridge.Benchmarks.EndToEnd;

internal static class Memory
{
    /// <summary>This process's resident set size (VmRSS), in MiB.</summary>
    public static double ResidentMb()
    {
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}
