using ColorizeBridge.Engine.Models;
using ColorizeBridge.Torch;
using ColorizeBridge.Torch.LibTorch;

namespace ColorizeBridge.Engine.Tests.Models;

/// <summary>
/// The models shipped in models/: each loads through the registry (manifest,
/// sha256, TorchScript) and, run through the native bridge, gives what PyTorch
/// gave for the golden input training/export.py wrote beside the fixtures.
/// </summary>
public sealed class ShippedModelTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    public static TheoryData<string> ShippedModels()
    {
        var names = new TheoryData<string>();
        foreach (string manifest in Directory.EnumerateFiles(Path.Combine(RepoRoot, "models"), "model.json", SearchOption.AllDirectories).Order())
        {
            names.Add(Path.GetFileName(Path.GetDirectoryName(manifest)!));
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(ShippedModels))]
    public void Registry_LoadsShippedModel(string name)
    {
        using var registry = new ModelRegistry(
            new ModelRegistryOptions { ModelsDirectory = Path.Combine(RepoRoot, "models"), Device = "cpu" }, new LibTorchBackend());

        registry.LoadAll();

        RegisteredModel model = registry.Resolve(name);
        Assert.Equal(ModelLoadState.Ready, model.State);
    }

    [Theory]
    [MemberData(nameof(ShippedModels))]
    public void Bridge_GivesPyTorchsOutputForTheGoldenInput(string name)
    {
        string golden = Path.Combine(RepoRoot, "tests", "fixtures", "models", name, "golden.json");
        Assert.True(File.Exists(golden), $"{golden} is missing: run training/export.py with its golden output for model '{name}'");
        GoldenTensors tensors = GoldenTensors.Load(golden);
        using IInferenceModel model = new LibTorchBackend().Load(Path.Combine(RepoRoot, "models", name, "model.pt"), "cpu", InferenceModelOptions.Default);

        TensorData output = model.Forward(tensors.Inputs);

        TensorData expected = tensors.Outputs[0];
        Assert.Equal(expected.Shape, output.Shape);
        float worst = 0;
        ReadOnlySpan<float> actual = output.Data.Span;
        ReadOnlySpan<float> wanted = expected.Data.Span;
        for (int i = 0; i < wanted.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(actual[i] - wanted[i]));
        }

        Assert.True(worst < 1e-4f, $"largest difference from PyTorch: {worst}");
    }

    private static string FindRepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ColorizeBridge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ColorizeBridge.sln not found above the test binaries.");
    }
}
