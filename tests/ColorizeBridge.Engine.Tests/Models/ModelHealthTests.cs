using ColorizeBridge.Engine.Models;
using ColorizeBridge.Engine.Tests.Support;
using ColorizeBridge.Inference.OnnxRuntime;

namespace ColorizeBridge.Engine.Tests.Models;

public sealed class ModelHealthTests : IDisposable
{
    private readonly ModelFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ModelRegistry CreateRegistry(string? defaultModel, bool load)
    {
        var registry = new ModelRegistry(
            new ModelRegistryOptions { ModelsDirectory = _folder.Root, Device = "cpu", DefaultModel = defaultModel },
            new OnnxRuntimeBackend());
        if (load)
        {
            registry.LoadAll();
        }

        return registry;
    }

    private void AddGoodAndBroken()
    {
        _folder.Add("good");
        string junk = Path.Combine(_folder.Root, "junk.onnx");
        File.WriteAllText(junk, "not an ONNX protobuf");
        _folder.Add("broken", modelFile: junk);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(ModelHealth.ColorizerService, true)]
    [InlineData(ModelHealth.ColorizerService + "/good", true)]
    [InlineData(ModelHealth.ColorizerService + "/broken", false)]
    public void IsServing_AfterLoading_FollowsEachModelsState(string service, bool expected)
    {
        AddGoodAndBroken();
        using ModelRegistry registry = CreateRegistry("good", load: true);

        Assert.Equal(expected, ModelHealth.IsServing(registry, service));
    }

    [Fact]
    public void IsServing_DefaultModelFailed_ColorizerNotServing()
    {
        AddGoodAndBroken();
        using ModelRegistry registry = CreateRegistry("broken", load: true);

        Assert.Equal(false, ModelHealth.IsServing(registry, ModelHealth.ColorizerService));
    }

    [Theory]
    [InlineData("no.such.Service")]
    [InlineData(ModelHealth.ColorizerService + "/missing")]
    public void IsServing_UnknownName_IsNull(string service)
    {
        AddGoodAndBroken();
        using ModelRegistry registry = CreateRegistry("good", load: true);

        Assert.Null(ModelHealth.IsServing(registry, service));
    }

    [Fact]
    public void ModelBoundStatuses_BeforeLoading_NothingServes()
    {
        AddGoodAndBroken();
        using ModelRegistry registry = CreateRegistry("good", load: false);

        var statuses = ModelHealth.ModelBoundStatuses(registry).ToDictionary();

        Assert.Equal(
            [ModelHealth.ColorizerService, ModelHealth.ModelService("broken"), ModelHealth.ModelService("good")],
            statuses.Keys.Order(StringComparer.Ordinal));
        Assert.All(statuses.Values, Assert.False);
    }
}
