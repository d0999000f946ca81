using ColorizeBridge.Engine.Models;
using ColorizeBridge.Engine.Tests.Support;

namespace ColorizeBridge.Engine.Tests.Models;

/// <summary>The health rules, over a folder with one model that loads ("good") and one that cannot ("broken").</summary>
public sealed class ModelHealthTests : IDisposable
{
    private readonly ModelFolder _models = new();

    public ModelHealthTests()
    {
        _models.Add("good");
        string junk = Path.Combine(_models.Root, "junk.onnx");
        File.WriteAllText(junk, "not an ONNX protobuf");
        _models.Add("broken", modelFile: junk);
    }

    public void Dispose() => _models.Dispose();

    private ModelRegistry Loaded(string defaultModel)
    {
        ModelRegistry registry = _models.OpenRegistry(defaultModel);
        registry.LoadAll();
        return registry;
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(ModelHealth.ColorizerService, true)]
    [InlineData(ModelHealth.ColorizerService + "/good", true)]
    [InlineData(ModelHealth.ColorizerService + "/broken", false)]
    public void IsServing_AfterLoading_FollowsEachModelsState(string service, bool expected)
    {
        using ModelRegistry registry = Loaded("good");

        Assert.Equal(expected, ModelHealth.IsServing(registry, service));
    }

    [Fact]
    public void IsServing_DefaultModelFailed_ColorizerNotServing()
    {
        using ModelRegistry registry = Loaded("broken");

        Assert.Equal(false, ModelHealth.IsServing(registry, ModelHealth.ColorizerService));
    }

    [Theory]
    [InlineData("no.such.Service")]
    [InlineData(ModelHealth.ColorizerService + "/missing")]
    public void IsServing_UnknownName_IsNull(string service)
    {
        using ModelRegistry registry = Loaded("good");

        Assert.Null(ModelHealth.IsServing(registry, service));
    }

    [Fact]
    public void ModelBoundStatuses_BeforeLoading_NothingServes()
    {
        using ModelRegistry registry = _models.OpenRegistry("good");

        var statuses = ModelHealth.ModelBoundStatuses(registry).ToDictionary();

        Assert.Equal(
            [ModelHealth.ColorizerService, ModelHealth.ModelService("broken"), ModelHealth.ModelService("good")],
            statuses.Keys.Order(StringComparer.Ordinal));
        Assert.All(statuses.Values, Assert.False);
    }
}
