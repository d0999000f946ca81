using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Colorization.Conditions;
using ColorizeBridge.Inference;
using static ColorizeBridge.Engine.Tests.Support.ConditionFixtures;

namespace ColorizeBridge.Engine.Tests.Colorization.Conditions;

/// <summary>A live preview decodes its reference once while the caller resends the same image.</summary>
public sealed class ReferenceCacheTests
{
    private readonly EngineLimits _limits = new();

    [Fact]
    public void ReferenceCache_SameImageAgain_GivesTheSameTensorWithoutDecoding()
    {
        var cache = new ReferenceCache();
        Image first = Png(Solid(8, 8, 10, 20, 30));

        TensorData a = cache.Get(first, "hints.reference", _limits);
        TensorData again = cache.Get(first.Clone(), "hints.reference", _limits);
        TensorData other = cache.Get(Png(Solid(8, 8, 200, 20, 30)), "hints.reference", _limits);

        Assert.Same(a, again);
        Assert.NotSame(a, other);
        Assert.NotEqual(a.Data.Span[0], other.Data.Span[0]);
    }
}
