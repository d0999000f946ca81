namespace ColorizeBridge.Torch;

/// <summary>
/// A runtime that loads TorchScript models (libtorch through the native bridge
/// here; a TorchSharp backend could implement the same contract).
/// </summary>
public interface IInferenceBackend
{
    /// <summary>A short name for logs and model listings, e.g. "libtorch".</summary>
    string Name { get; }

    /// <summary>The concrete devices models can be loaded onto: "cpu", then "cuda:0", "cuda:1", ….</summary>
    IReadOnlyList<string> AvailableDevices();

    /// <summary>Loads a TorchScript file for inference.</summary>
    /// <param name="path">The TorchScript file.</param>
    /// <param name="device">"auto" (the first CUDA device if there is one, else the CPU), "cpu", "cuda" or "cuda:N".</param>
    /// <param name="options">How to prepare the model.</param>
    /// <exception cref="ArgumentException">The device name is malformed.</exception>
    /// <exception cref="TorchException">The file cannot be loaded or the device does not exist.</exception>
    IInferenceModel Load(string path, string device, InferenceModelOptions options);
}
