using ColorizeBridge.Engine.Models;
using ColorizeBridge.Engine.Tests.Support;

namespace ColorizeBridge.Engine.Tests.Models;

public sealed class ModelRegistryTests : IDisposable
{
    private readonly ModelFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ModelRegistry CreateRegistry(string? defaultModel = null)
    {
        ModelRegistry registry = _folder.OpenRegistry(defaultModel);
        registry.LoadAll();
        return registry;
    }

    [Fact]
    public void LoadAll_GoodModel_IsReadyOnCpu()
    {
        _folder.Add("alpha");

        using ModelRegistry registry = CreateRegistry();

        RegisteredModel model = Assert.Single(registry.Models);
        Assert.Equal(ModelLoadState.Ready, model.State);
        Assert.Equal("cpu", model.Device);
        Assert.True(registry.LoadingComplete);
    }

    [Fact]
    public void LoadAll_HashMismatch_FailsThatModelOnly()
    {
        _folder.Add("alpha");
        string corrupt = _folder.Add("beta");
        File.AppendAllText(Path.Combine(corrupt, "model.onnx"), "tampered");

        using ModelRegistry registry = CreateRegistry();

        Assert.Equal(ModelLoadState.Ready, registry.Models.Single(m => m.Name == "alpha").State);
        RegisteredModel beta = registry.Models.Single(m => m.Name == "beta");
        Assert.Equal(ModelLoadState.Failed, beta.State);
        Assert.Contains("sha256", beta.Error);
    }

    [Fact]
    public void LoadAll_NotAnOnnxFile_FailsWithTheRuntimesReason()
    {
        string junk = Path.Combine(_folder.Root, "junk.onnx");
        File.WriteAllText(junk, "not an ONNX protobuf");
        _folder.Add("broken", modelFile: junk);

        using ModelRegistry registry = CreateRegistry();

        RegisteredModel broken = Assert.Single(registry.Models);
        Assert.Equal(ModelLoadState.Failed, broken.State);
        Assert.False(string.IsNullOrEmpty(broken.Error));
    }

    [Fact]
    public void Discover_UnreadableManifest_ListedAsFailedUnderFolderName()
    {
        string folder = _folder.Add("alpha");
        File.WriteAllText(Path.Combine(folder, "model.json"), "[]");

        using ModelRegistry registry = CreateRegistry();

        RegisteredModel model = Assert.Single(registry.Models);
        Assert.Equal("alpha", model.Name);
        Assert.Equal(ModelLoadState.Failed, model.State);
    }

    [Fact]
    public void Resolve_Empty_ReturnsManifestMarkedDefault()
    {
        _folder.Add("alpha");
        _folder.Add("beta", m => m["default"] = true);

        using ModelRegistry registry = CreateRegistry();

        Assert.Equal("beta", registry.Resolve("").Name);
    }

    [Fact]
    public void Resolve_UnknownName_IsNotFoundListingModels()
    {
        _folder.Add("alpha");

        using ModelRegistry registry = CreateRegistry();

        var error = Assert.Throws<NotFoundException>(() => registry.Resolve("gamma"));
        Assert.Contains("alpha", error.Message);
    }

    [Fact]
    public void Resolve_FailedModel_IsFailedPreconditionWithReason()
    {
        string folder = _folder.Add("alpha");
        File.Delete(Path.Combine(folder, "model.onnx"));

        using ModelRegistry registry = CreateRegistry();

        var error = Assert.Throws<FailedPreconditionException>(() => registry.Resolve("alpha"));
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void Resolve_NoModelsInstalled_SaysNoTrainedModelIsInstalled()
    {
        using ModelRegistry registry = CreateRegistry();

        var error = Assert.Throws<FailedPreconditionException>(() => registry.Resolve(null));

        Assert.Contains("No trained model is installed", error.Message);
    }
}
