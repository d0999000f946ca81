using Microsoft.ML.OnnxRuntime;

namespace ColorizeBridge.Inference.OnnxRuntime;

/// <summary>
/// Loads ONNX models into ONNX Runtime sessions, one session per model and
/// device, each made once and shared by every request (a session runs
/// concurrent calls safely).
/// </summary>
public sealed class OnnxRuntimeBackend : IInferenceBackend
{
    private readonly int intraOpThreads;

    /// <param name="intraOpThreads">Threads inside one operator; 0 = one per core (--threads).</param>
    /// <exception cref="ArgumentOutOfRangeException">The thread count is negative.</exception>
    public OnnxRuntimeBackend(int intraOpThreads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(intraOpThreads);
        this.intraOpThreads = intraOpThreads;
    }

    public string Name => "onnxruntime";

    /// <summary>Whether this build carries ONNX Runtime's CUDA provider (-p:OnnxRuntimeGpu=true); a GPU may still be missing.</summary>
    public static bool BuildHasCuda => SessionOptionsFactory.BuildHasCuda;

    public IInferenceModel Load(string path, string device, InferenceModelOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        string requested = DeviceNames.Normalise(device);
        // A full path makes error messages name the file unambiguously.
        string file = Path.GetFullPath(path);
        if (requested != DeviceNames.Auto)
        {
            return OnnxRuntimeModel.Load(file, requested, intraOpThreads, options);
        }

        if (BuildHasCuda)
        {
            try
            {
                return OnnxRuntimeModel.Load(file, DeviceNames.Cuda(0), intraOpThreads, options);
            }
            catch (InferenceException)
            {
                // auto: a CUDA build on a machine without a usable GPU runs on the CPU
                // (a file that cannot load reports that from the CPU attempt below).
            }
        }

        return OnnxRuntimeModel.Load(file, DeviceNames.Cpu, intraOpThreads, options);
    }
}
