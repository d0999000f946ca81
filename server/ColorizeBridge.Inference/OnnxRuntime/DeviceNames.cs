using System.Globalization;

namespace ColorizeBridge.Inference.OnnxRuntime;

/// <summary>Turns the device names users give (auto|cpu|cuda[:N]) into "auto", "cpu" or "cuda:N".</summary>
internal static class DeviceNames
{
    public const string Auto = "auto";
    public const string Cpu = "cpu";
    private const string CudaPrefix = "cuda:";

    /// <exception cref="ArgumentException">The name is none of auto, cpu, cuda, cuda:N.</exception>
    public static string Normalise(string device)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        string name = device.Trim().ToLowerInvariant();
        return name switch
        {
            Auto or Cpu => name,
            "cuda" => Cuda(0),
            _ when CudaIndex(name) is int index => Cuda(index),
            _ => throw new ArgumentException($"Unknown device '{device}': expected auto, cpu, cuda or cuda:N.", nameof(device)),
        };
    }

    /// <summary>N of a "cuda:N" name; null for any other name.</summary>
    public static int? CudaIndex(string name) =>
        name.StartsWith(CudaPrefix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(CudaPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            ? index
            : null;

    public static string Cuda(int index) => string.Create(CultureInfo.InvariantCulture, $"{CudaPrefix}{index}");
}
