using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using ColorizeBridge.Inference;

namespace ColorizeBridge.Tests.Shared;

/// <summary>
/// Inputs and the outputs PyTorch computed for them, for tests that compare a
/// backend with PyTorch. Format: raw little-endian float32 files described by
/// a JSON file <c>{"inputs":[{"file":"in0.f32","shape":[1,1,64,64]},…],"outputs":[…]}</c>,
/// file names relative to the JSON file (see tests/fixtures/onnx/make_fixtures.py).
/// </summary>
public sealed class GoldenTensors
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private GoldenTensors(IReadOnlyList<TensorData> inputs, IReadOnlyList<TensorData> outputs)
    {
        Inputs = inputs;
        Outputs = outputs;
    }

    public IReadOnlyList<TensorData> Inputs { get; }

    public IReadOnlyList<TensorData> Outputs { get; }

    /// <exception cref="InvalidDataException">The JSON is malformed or a data file's size does not match its shape.</exception>
    public static GoldenTensors Load(string jsonPath)
    {
        Manifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(jsonPath), JsonOptions)
                ?? throw new InvalidDataException($"{jsonPath} is empty.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{jsonPath} is not a golden tensor manifest: {error.Message}", error);
        }

        string directory = Path.GetDirectoryName(Path.GetFullPath(jsonPath))!;
        return new GoldenTensors(ReadAll(manifest.Inputs, directory, jsonPath), ReadAll(manifest.Outputs, directory, jsonPath));
    }

    private static TensorData[] ReadAll(IReadOnlyList<Entry>? entries, string directory, string jsonPath) =>
        entries is null
            ? throw new InvalidDataException($"{jsonPath} lacks its \"inputs\" or \"outputs\" list.")
            : [.. entries.Select(entry => Read(entry, directory, jsonPath))];

    private static TensorData Read(Entry entry, string directory, string jsonPath)
    {
        if (entry.File is null || entry.Shape is null)
        {
            throw new InvalidDataException($"{jsonPath}: every tensor needs a \"file\" and a \"shape\".");
        }

        string path = Path.Combine(directory, entry.File);
        byte[] bytes = File.ReadAllBytes(path);
        float[] data = new float[bytes.Length / sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(bytes).CopyTo(data);
        }
        else
        {
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
            }
        }

        try
        {
            return bytes.Length % sizeof(float) == 0
                ? new TensorData(data, entry.Shape)
                : throw new ArgumentException($"{bytes.Length} bytes is not a whole number of float32 values.");
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"{path} does not match shape [{string.Join(", ", entry.Shape)}]: {error.Message}", error);
        }
    }

    private sealed record Manifest(IReadOnlyList<Entry>? Inputs, IReadOnlyList<Entry>? Outputs);

    private sealed record Entry(string? File, long[]? Shape);
}
