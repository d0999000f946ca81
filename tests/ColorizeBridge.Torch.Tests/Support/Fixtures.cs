namespace ColorizeBridge.Torch.Tests.Support;

/// <summary>Paths of the files tests/fixtures/torchscript/make_fixtures.py wrote, as copied next to the tests.</summary>
internal static class Fixtures
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "fixtures", "torchscript");

    /// <summary>line [2,1,16,16] + hints [2,4,4,4] -> rgb [2,3,16,16].</summary>
    public const string HintsConv = "hints_conv";

    /// <summary>x [1,3,4,5] -> (2x+1, mean over channels).</summary>
    public const string TwoOutputs = "two_outputs";

    /// <summary>line [N,1,H,W] -> -line; raises ValueError for any other shape.</summary>
    public const string ShapeChecked = "shape_checked";

    /// <summary>Returns its input tensor itself.</summary>
    public const string Identity = "identity";

    public static string Model(string name) => Path.Combine(Directory, name + ".pt");

    public static GoldenTensors Golden(string name) => GoldenTensors.Load(Path.Combine(Directory, name + ".json"));
}
