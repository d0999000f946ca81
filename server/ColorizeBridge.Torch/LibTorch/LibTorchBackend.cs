using static ColorizeBridge.Torch.Native.NativeMethods;

namespace ColorizeBridge.Torch.LibTorch;

/// <summary>
/// Runs TorchScript models with libtorch through the native bridge
/// (libcolorizebridge_native, built from server/native).
/// </summary>
/// <remarks>
/// <para>Thread-safety: <see cref="Load"/> and the models it returns may be used
/// from any number of threads. Concurrent <see cref="IInferenceModel.Forward"/>
/// calls on one model are safe because the bridge runs forward in inference
/// mode on a module in eval mode: no call mutates the module (no autograd, no
/// parameter or buffer writes; models with in-place state such as BatchNorm in
/// training mode are not supported), libtorch's TorchScript interpreter keeps
/// each call's state on its own stack, and its graph executor guards its
/// compiled-plan cache with a lock. Disposing a model while calls are running
/// is safe too: the native module is freed after the last of them returns.</para>
/// <para>Concurrent calls share libtorch's one intra-op thread pool
/// (<see cref="IntraOpThreads"/>); for throughput prefer one call at a time
/// with a batch over many parallel calls.</para>
/// </remarks>
public sealed class LibTorchBackend : IInferenceBackend
{
    /// <summary>
    /// libtorch's intra-op thread count (threads one operator may use).
    /// Process-wide: it applies to every model of every backend instance.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public static int IntraOpThreads
    {
        get => Checked(CBT_getNumThreads());
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Checked(CBT_setNumThreads(value));
            Volatile.Write(ref s_threadsChosen, 1);
        }
    }

    // 1 once the thread count was chosen, by the host or by the first backend.
    private static int s_threadsChosen;

    /// <summary>
    /// Debian's libtorch starts with one intra-op thread inside a .NET process
    /// (measured: a 512² forward of the default model took 512 ms on one
    /// thread, 148 ms on two, as in Python), so unless the host chose a count
    /// first, the first backend gives libtorch one thread per core.
    /// </summary>
    public LibTorchBackend()
    {
        if (Interlocked.CompareExchange(ref s_threadsChosen, 1, 0) == 0 && IntraOpThreads < Environment.ProcessorCount)
        {
            Checked(CBT_setNumThreads(Environment.ProcessorCount));
        }
    }

    /// <summary>Whether this libtorch was built with CUDA and sees at least one GPU.</summary>
    public static bool CudaAvailable => Checked(CBTDevice_cudaAvailable()) == 1;

    public string Name => "libtorch";

    public IReadOnlyList<string> AvailableDevices()
    {
        int cudaDevices = CudaAvailable ? Checked(CBTDevice_cudaCount()) : 0;
        return [DeviceNames.Cpu, .. Enumerable.Range(0, cudaDevices).Select(DeviceNames.Cuda)];
    }

    public IInferenceModel Load(string path, string device, InferenceModelOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        string concreteDevice = DeviceNames.Resolve(device, CudaAvailable);
        // A full path makes the bridge's error messages name the file unambiguously.
        return LibTorchModel.Load(Path.GetFullPath(path), concreteDevice, options.PreferHalfPrecision);
    }
}
