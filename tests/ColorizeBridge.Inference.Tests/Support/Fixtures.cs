using ColorizeBridge.Tests.Shared;

namespace ColorizeBridge.Inference.Tests.Support;

/// <summary>Paths of the files tests/fixtures/onnx/make_fixtures.py wrote, as copied next to the tests.</summary>
internal static class Fixtures
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "fixtures", "onnx");

    /// <summary>line [batch,1,height,width] + hints [batch,4,hint_height,hint_width] -> rgb [batch,3,height,width].</summary>
    public const string HintsConv = "hints_conv";

    /// <summary>x [1,3,4,5] -> (2x+1, mean over channels).</summary>
    public const string TwoOutputs = "two_outputs";

    /// <summary>line [batch,1,height,width] -> -line; any other channel count or rank is refused.</summary>
    public const string ShapeChecked = "shape_checked";

    /// <summary>Returns its input; the output's dimensions are named after no input.</summary>
    public const string Identity = "identity";

    public static string Model(string name) => Path.Combine(Directory, name + ".onnx");

    /// <summary>models/alac-hints-small/model.onnx of this checkout: a real model, for tests that need a slow forward.</summary>
    public static string ShippedDefaultModel => Path.Combine(RepoRoot(), "models", "alac-hints-small", "model.onnx");

    private static string RepoRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ColorizeBridge.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ColorizeBridge.sln above {AppContext.BaseDirectory}.");
    }

    public static GoldenTensors Golden(string name) => GoldenTensors.Load(Path.Combine(Directory, name + ".json"));
}
