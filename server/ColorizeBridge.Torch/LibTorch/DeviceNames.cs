using System.Globalization;

namespace ColorizeBridge.Torch.LibTorch;

/// <summary>Turns the device names users give (auto|cpu|cuda[:N]) into the concrete ones libtorch and the logs use.</summary>
internal static class DeviceNames
{
    public const string Auto = "auto";
    public const string Cpu = "cpu";
    private const string CudaPrefix = "cuda:";

    /// <exception cref="ArgumentException">The name is none of auto, cpu, cuda, cuda:N.</exception>
    public static string Resolve(string device, bool cudaAvailable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        string name = device.Trim().ToLowerInvariant();
        return name switch
        {
            Auto => cudaAvailable ? Cuda(0) : Cpu,
            Cpu => Cpu,
            "cuda" => Cuda(0),
            _ when name.StartsWith(CudaPrefix, StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(CudaPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int index) => Cuda(index),
            _ => throw new ArgumentException($"Unknown device '{device}': expected auto, cpu, cuda or cuda:N.", nameof(device)),
        };
    }

    public static string Cuda(int index) => string.Create(CultureInfo.InvariantCulture, $"{CudaPrefix}{index}");
}
