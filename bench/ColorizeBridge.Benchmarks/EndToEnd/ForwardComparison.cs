using System.Diagnostics;
using System.Globalization;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Inference;
using ColorizeBridge.Inference.OnnxRuntime;
using ColorizeBridge.Torch.LibTorch;
using TorchModel = ColorizeBridge.Torch.IInferenceModel;
using TorchOptions = ColorizeBridge.Torch.InferenceModelOptions;
using TorchTensor = ColorizeBridge.Torch.TensorData;

namespace ColorizeBridge.Benchmarks.EndToEnd;

/// <summary>
/// The bare forward of one model through ONNX Runtime (its model.onnx) and
/// through the libtorch bridge (the TorchScript file of the release it was
/// re-exported from), same inputs, same threads, alternating call by call
/// (issue 15, item 5). Temporary: it goes with the bridge.
/// </summary>
internal static class ForwardComparison
{
    // Between calls, so neither runtime's worker threads still spin (OpenMP's
    // and ONNX Runtime's wait actively for a while) when the other one starts.
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(150);

    public static void Run(string modelFolder, string torchScriptFile, IReadOnlyList<int> sides, int rounds, int threads, TextWriter log)
    {
        ModelManifest manifest = ModelManifest.Load(Path.Combine(modelFolder, "model.json"));
        LibTorchBackend.IntraOpThreads = threads;
        using IInferenceModel onnx = new OnnxRuntimeBackend(threads).Load(Path.Combine(modelFolder, manifest.File), "cpu",
            new InferenceModelOptions { InputNames = [.. manifest.Inputs.Select(input => input.Name)] });
        using TorchModel torch = new LibTorchBackend().Load(torchScriptFile, "cpu", TorchOptions.Default);

        Console.WriteLine($"| side | ONNX Runtime median ms (IQR) | libtorch median ms (IQR) | ORT / libtorch, median of per-round ratios (IQR) | max abs diff |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (int side in sides)
        {
            TensorData[] inputs = EndToEndHarness.BareForwardInputs(manifest, side);
            TorchTensor[] torchInputs = [.. inputs.Select(input => new TorchTensor(input.Data, [.. input.Shape]))];
            float difference = 0;
            // Warm-up: oneDNN and ONNX Runtime settle on their plans for this size.
            for (int i = 0; i < 5; i++)
            {
                difference = MaxDifference(onnx.Forward(inputs).Data.Span, torch.Forward(torchInputs).Data.Span);
            }

            var onnxTimes = new List<double>();
            var torchTimes = new List<double>();
            var ratios = new List<double>();
            for (int round = 0; round < rounds; round++)
            {
                // Who goes first alternates, so a drift in load favours neither.
                double o, t;
                if (round % 2 == 0)
                {
                    o = Time(() => onnx.Forward(inputs));
                    t = Time(() => torch.Forward(torchInputs));
                }
                else
                {
                    t = Time(() => torch.Forward(torchInputs));
                    o = Time(() => onnx.Forward(inputs));
                }

                onnxTimes.Add(o);
                torchTimes.Add(t);
                ratios.Add(o / t);
                log.WriteLine($"{side}² round {round + 1}/{rounds}: onnxruntime {o:F1} ms, libtorch {t:F1} ms");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {side}² | {Quartiles(onnxTimes, "F0")} | {Quartiles(torchTimes, "F0")} | {Quartiles(ratios, "F2")} | {difference:G2} |"));
        }
    }

    private static double Time(Action forward)
    {
        Thread.Sleep(Pause);
        long start = Stopwatch.GetTimestamp();
        forward();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static float MaxDifference(ReadOnlySpan<float> first, ReadOnlySpan<float> second)
    {
        if (first.Length != second.Length)
        {
            throw new InvalidOperationException($"The outputs differ in size: {first.Length} and {second.Length} values.");
        }

        float worst = 0;
        for (int i = 0; i < first.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(first[i] - second[i]));
        }

        return worst;
    }

    private static string Quartiles(List<double> values, string format)
    {
        double[] sorted = [.. values.Order()];
        double At(double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
        return string.Create(CultureInfo.InvariantCulture, $"{At(0.5).ToString(format, CultureInfo.InvariantCulture)} ({At(0.25).ToString(format, CultureInfo.InvariantCulture)}–{At(0.75).ToString(format, CultureInfo.InvariantCulture)})");
    }
}
