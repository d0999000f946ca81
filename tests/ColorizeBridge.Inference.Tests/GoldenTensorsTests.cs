using ColorizeBridge.Inference.Tests.Support;
using ColorizeBridge.Tests.Shared;

namespace ColorizeBridge.Inference.Tests;

public sealed class GoldenTensorsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("golden-tensors-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Load_Fixture_ReadsShapesFromManifest()
    {
        GoldenTensors golden = Fixtures.Golden(Fixtures.HintsConv);

        Assert.Equal([[2L, 1L, 16L, 16L], [2L, 4L, 4L, 4L]], golden.Inputs.Select(input => input.Shape.ToArray()));
        Assert.Equal([2L, 3L, 16L, 16L], Assert.Single(golden.Outputs).Shape);
    }

    [Fact]
    public void Load_LittleEndianFloats_ReadsValuesInOrder()
    {
        WriteFloats("in0.f32", 1.5f, -2f);
        string manifest = WriteManifest("""{"inputs":[{"file":"in0.f32","shape":[2]}],"outputs":[]}""");

        GoldenTensors golden = GoldenTensors.Load(manifest);

        Assert.Equal([1.5f, -2f], Assert.Single(golden.Inputs).Data.ToArray());
        Assert.Empty(golden.Outputs);
    }

    [Fact]
    public void Load_FileSizeNotMatchingShape_ThrowsNamingTheFile()
    {
        WriteFloats("in0.f32", 1f, 2f, 3f);
        string manifest = WriteManifest("""{"inputs":[{"file":"in0.f32","shape":[2,2]}],"outputs":[]}""");

        var error = Assert.Throws<InvalidDataException>(() => GoldenTensors.Load(manifest));

        Assert.Contains("in0.f32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ManifestWithoutOutputs_Throws()
    {
        string manifest = WriteManifest("""{"inputs":[]}""");

        Assert.Throws<InvalidDataException>(() => GoldenTensors.Load(manifest));
    }

    [Fact]
    public void Load_MalformedJson_Throws()
    {
        string manifest = WriteManifest("{\"inputs\": [");

        Assert.Throws<InvalidDataException>(() => GoldenTensors.Load(manifest));
    }

    private void WriteFloats(string name, params float[] values)
    {
        byte[] bytes = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        File.WriteAllBytes(Path.Combine(directory, name), bytes);
    }

    private string WriteManifest(string json)
    {
        string path = Path.Combine(directory, "golden.json");
        File.WriteAllText(path, json);
        return path;
    }
}
