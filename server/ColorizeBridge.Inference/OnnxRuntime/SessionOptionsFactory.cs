using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace ColorizeBridge.Inference.OnnxRuntime;

/// <summary>
/// The one place session options are made: every model gets the same
/// threads, graph optimisation and execution provider settings.
/// </summary>
internal static class SessionOptionsFactory
{
    public const string CudaProvider = "CUDAExecutionProvider";

    private static readonly Lazy<bool> CudaInBuild = new(() => Runtime().GetAvailableProviders().Contains(CudaProvider));

    /// <summary>Whether this build carries ONNX Runtime's CUDA provider (the -p:OnnxRuntimeGpu=true build).</summary>
    /// <exception cref="InferenceException">ONNX Runtime's native library does not load here.</exception>
    public static bool BuildHasCuda => CudaInBuild.Value;

    /// <param name="device">"cpu" or "cuda:N".</param>
    /// <param name="intraOpThreads">Threads inside one operator (convolutions); 0 = one per core.</param>
    /// <exception cref="InferenceException">CUDA was asked for and this build or machine has none.</exception>
    public static SessionOptions Create(string device, int intraOpThreads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(intraOpThreads);
        Runtime();
        var options = new SessionOptions
        {
            // All graph optimisations (fusions, and the NCHWc layout for the convolutions):
            // measured on the default model, the extended and basic levels were slower
            // (docs/BENCHMARKS.md, "ONNX Runtime against libtorch").
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // One request's forward at a time per device (the engine's queue): parallel
            // branches would only compete for the same cores.
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = intraOpThreads == 0 ? Environment.ProcessorCount : intraOpThreads,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        try
        {
            if (DeviceNames.CudaIndex(device) is int cudaIndex)
            {
                AppendCuda(options, device, cudaIndex);
            }

            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    /// <summary>ONNX Runtime's process-wide environment, loading its native library on first use.</summary>
    /// <exception cref="InferenceException">The native library does not load here (a platform NuGet has no build for).</exception>
    private static OrtEnv Runtime()
    {
        try
        {
            return OrtEnv.Instance();
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
        {
            throw new InferenceException(
                $"ONNX Runtime's native library does not load on this machine ({RuntimeInformation.RuntimeIdentifier}): {error.Message}", error);
        }
    }

    private static void AppendCuda(SessionOptions options, string device, int cudaIndex)
    {
        if (!BuildHasCuda)
        {
            throw new InferenceException(
                $"Device '{device}' needs the CUDA build of ONNX Runtime, and this build runs on the CPU only: " +
                "build with `dotnet build -p:OnnxRuntimeGpu=true` (NVIDIA GPU with CUDA 13 and cuDNN 9), or use --device cpu.");
        }

        try
        {
            options.AppendExecutionProvider_CUDA(cudaIndex);
        }
        catch (OnnxRuntimeException error)
        {
            throw new InferenceException($"Device '{device}' cannot be used: {error.Message} (is an NVIDIA GPU with CUDA 13 and cuDNN 9 present?)", error);
        }
    }
}
