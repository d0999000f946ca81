using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Colorization;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Tests.Shared;
using ColorizeBridge.Inference;
using ColorizeBridge.Inference.OnnxRuntime;
using Google.Protobuf;

namespace ColorizeBridge.Engine.Tests.Models;

/// <summary>
/// The models shipped in models/: each loads through the registry (manifest,
/// sha256, ONNX) and colours a line art through the engine with what
/// its kind needs; each with golden files in tests/fixtures/models/NAME/
/// (golden.json, in0.f32, in1.f32, ..., out0.f32, written by training/export.py)
/// gives, run through ONNX Runtime, what PyTorch gave for those inputs,
/// and its inputs agree with its manifest. The fixture models of every kind
/// (tests/fixtures/kinds/) pass the same golden check.
/// </summary>
public sealed class ShippedModelTests
{
    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string ModelsFolder = Path.Combine(RepoRoot, "models");

    public static TheoryData<string> ShippedModels()
    {
        var names = new TheoryData<string>();
        foreach (string manifest in Directory.EnumerateFiles(ModelsFolder, "model.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            names.Add(Path.GetFileName(Path.GetDirectoryName(manifest)!));
        }

        return names;
    }

    /// <summary>The shipped models that have a golden folder; a model added with one is picked up without editing this test.</summary>
    public static TheoryData<string> ShippedModelsWithGoldens()
    {
        var names = new TheoryData<string>();
        foreach (string name in ShippedModels())
        {
            if (Directory.Exists(GoldenFolder(name)))
            {
                names.Add(name);
            }
        }

        return names;
    }

    public static TheoryData<string> FixtureKinds() => [.. FixtureModels.Kinds];

    /// <summary>Requests that name no model (the README's demo, most clients) get the hint model, whatever other kinds ship beside it.</summary>
    [Fact]
    public void Registry_DefaultsToTheHintModel()
    {
        using var registry = new ModelRegistry(new ModelRegistryOptions { ModelsDirectory = ModelsFolder, Device = "cpu" }, new OnnxRuntimeBackend());

        Assert.Equal("alac-hints-small", registry.DefaultModelName);
        Assert.Single(registry.Models, m => m.Manifest?.Default == true);
    }

    [Theory]
    [MemberData(nameof(ShippedModels))]
    public void Registry_LoadsShippedModel(string name)
    {
        using var registry = new ModelRegistry(new ModelRegistryOptions { ModelsDirectory = ModelsFolder, Device = "cpu" }, new OnnxRuntimeBackend());

        registry.LoadAll();

        RegisteredModel model = registry.Resolve(name);
        Assert.Equal(ModelLoadState.Ready, model.State);
    }

    [Theory]
    [MemberData(nameof(ShippedModels))]
    public async Task Engine_ColoursALineArtWithWhatTheModelsKindNeeds(string name)
    {
        using var registry = new ModelRegistry(new ModelRegistryOptions { ModelsDirectory = ModelsFolder, Device = "cpu" }, new OnnxRuntimeBackend());
        registry.LoadAll();
        ModelManifest manifest = registry.Resolve(name).Manifest!;
        using var engine = new ColorizerEngine(registry);
        var request = new ColorizeRequest
        {
            Model = name,
            LineArt = new Image { Png = ByteString.CopyFrom(ImageEncoder.EncodePng(Square(96, 64, 255, 255, 255))) },
            Hints = HintsFor(manifest),
            Options = new ColorizeOptions { WorkSide = (uint)manifest.SizeRules.MinSide },
        };

        List<ColorizeUpdate> updates = [];
        await foreach (ColorizeUpdate update in engine.ColorizeAsync(request))
        {
            updates.Add(update);
        }

        RgbaImage image = ImageDecoder.Decode(updates[^1].Result.Image.Png.Span);
        Assert.Equal((96, 64), (image.Width, image.Height));
    }

    [Theory]
    [MemberData(nameof(ShippedModelsWithGoldens))]
    public void OnnxRuntime_GivesPyTorchsOutputForTheGoldenInput(string name)
    {
        string golden = Path.Combine(GoldenFolder(name), "golden.json");
        Assert.True(File.Exists(golden), $"{golden} is missing: run training/export.py with its golden output for model '{name}'");

        AssertReproducesGolden(Path.Combine(ModelsFolder, name), golden);
    }

    [Theory]
    [MemberData(nameof(FixtureKinds))]
    public void OnnxRuntime_GivesPyTorchsOutputForTheGoldenInput_FixtureOfEachKind(string kind)
    {
        string folder = Path.Combine(FixtureModels.KindsFolder, kind);

        AssertReproducesGolden(folder, Path.Combine(folder, "golden.json"));
    }

    /// <summary>
    /// The largest absolute difference allowed from PyTorch's output (values in
    /// [-1, 1]). Measured: at most a few 1e-6 (float32 sums taken in another
    /// order by ONNX Runtime's fused and NCHWc-reordered convolutions); one
    /// 8-bit colour level is 2/255 = 7.8e-3. 1e-4 sits 30x above the noise and
    /// 80x below a visible change, so a wrong weight, layer or export fails it.
    /// </summary>
    private const float GoldenTolerance = 1e-4f;

    private static void AssertReproducesGolden(string modelFolder, string golden)
    {
        ModelManifest manifest = ModelManifest.Load(Path.Combine(modelFolder, "model.json"));
        GoldenTensors tensors = GoldenTensors.Load(golden);
        AssertInputsFitTheManifest(manifest, tensors.Inputs);
        using IInferenceModel model = new OnnxRuntimeBackend().Load(Path.Combine(modelFolder, manifest.File), "cpu",
            new InferenceModelOptions { InputNames = [.. manifest.Inputs.Select(input => input.Name)] });

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

        Assert.True(worst < GoldenTolerance, $"largest difference from PyTorch: {worst}");
    }

    /// <summary>The golden inputs are the forward's, in order: each fits the manifest's entry at its position.</summary>
    private static void AssertInputsFitTheManifest(ModelManifest manifest, IReadOnlyList<TensorData> inputs)
    {
        Assert.True(manifest.Inputs.Count == inputs.Count,
            $"model.json lists {manifest.Inputs.Count} inputs ({string.Join(", ", manifest.Inputs.Select(i => i.Name))}), the golden files {inputs.Count}");
        for (int i = 0; i < inputs.Count; i++)
        {
            TensorSpec spec = manifest.Inputs[i];
            long[] shape = [.. inputs[i].Shape.Skip(1)];
            if (spec.Shape is { } fixedShape)
            {
                Assert.True(shape.SequenceEqual(fixedShape.Select(d => (long)d)),
                    $"input {i} \"{spec.Name}\": golden shape [{string.Join(", ", shape)}], model.json [{string.Join(", ", fixedShape)}]");
            }
            else
            {
                Assert.True(shape.Length == 3 && shape[0] == spec.Channels,
                    $"input {i} \"{spec.Name}\": golden shape [{string.Join(", ", shape)}], model.json an image of {spec.Channels} channels");
            }
        }
    }

    /// <summary>What a request to a model of this kind must carry (docs/MODELS.md).</summary>
    private static Hints HintsFor(ModelManifest manifest) => manifest.Kind switch
    {
        ModelKinds.Palette => new Hints
        {
            Palette = { new PaletteEntry { Color = new Color { R = 230, G = 80, B = 60 } }, new PaletteEntry { Color = new Color { R = 40, G = 90, B = 200 } } },
        },
        ModelKinds.Reference => new Hints { Reference = new Image { Png = ByteString.CopyFrom(ImageEncoder.EncodePng(Square(200, 150, 40, 160, 90))) } },
        ModelKinds.Tags => new Hints { Tags = { manifest.Tags[0] } },
        _ => new Hints(),
    };

    private static RgbaImage Square(int width, int height, byte r, byte g, byte b)
    {
        var image = new RgbaImage(width, height);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                bool ink = x == width / 2 || y == height / 2;
                int i = ((y * width) + x) * 4;
                (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2], image.Pixels[i + 3]) = ink ? ((byte)0, (byte)0, (byte)0, (byte)255) : (r, g, b, (byte)255);
            }
        }

        return image;
    }

    private static string GoldenFolder(string name) => Path.Combine(RepoRoot, "tests", "fixtures", "models", name);

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
