namespace ColorizeBridge.Inference;

/// <summary>A runtime that loads model files onto a device (ONNX Runtime here).</summary>
public interface IInferenceBackend
{
    /// <summary>A short name for logs and model listings, e.g. "onnxruntime".</summary>
    string Name { get; }

    /// <summary>Loads a model file for inference.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="device">"auto" (CUDA where this build and machine have it, else the CPU), "cpu", "cuda" or "cuda:N".</param>
    /// <param name="options">How the caller will feed the model.</param>
    /// <exception cref="ArgumentException">The device name is malformed.</exception>
    /// <exception cref="InferenceException">The file cannot be loaded, or the device does not exist or this build cannot use it.</exception>
    IInferenceModel Load(string path, string device, InferenceModelOptions options);
}
