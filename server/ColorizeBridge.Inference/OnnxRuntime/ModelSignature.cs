using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ColorizeBridge.Inference.OnnxRuntime;

/// <summary>
/// A session's inputs in the caller's order and its outputs, with their
/// declared shapes: checks a call's tensors before ONNX Runtime sees them (so
/// a wrong rank or channel count is named in our words) and works out the
/// output's shape from the inputs' named dimensions ("batch", "height", …),
/// so the output can be written straight into the caller's buffer.
/// </summary>
internal sealed class ModelSignature
{
    private readonly NodeMetadata[] _inputs;
    private readonly NodeMetadata[] _outputs;

    private ModelSignature(string[] inputNames, NodeMetadata[] inputs, string[] outputNames, NodeMetadata[] outputs)
    {
        InputNames = inputNames;
        _inputs = inputs;
        OutputNames = outputNames;
        _outputs = outputs;
    }

    public IReadOnlyList<string> InputNames { get; }

    public IReadOnlyList<string> OutputNames { get; }

    /// <param name="wantedInputs">The input names in the caller's order; null = the file's order.</param>
    /// <exception cref="InferenceException">The names differ from the file's, or an input or output is not a float32 tensor.</exception>
    public static ModelSignature Of(InferenceSession session, IReadOnlyList<string>? wantedInputs, string path)
    {
        string[] fileInputs = [.. session.InputMetadata.Keys];
        string[] inputNames = wantedInputs is null ? fileInputs : [.. wantedInputs];
        if (inputNames.Length != fileInputs.Length || inputNames.Except(fileInputs, StringComparer.Ordinal).Any())
        {
            throw new InferenceException(
                $"{path} has inputs [{string.Join(", ", fileInputs)}]; model.json names [{string.Join(", ", inputNames)}].");
        }

        string[] outputNames = [.. session.OutputMetadata.Keys];
        NodeMetadata[] inputs = [.. inputNames.Select(name => FloatTensor(session.InputMetadata[name], name, path))];
        NodeMetadata[] outputs = [.. outputNames.Select(name => FloatTensor(session.OutputMetadata[name], name, path))];
        return new ModelSignature(inputNames, inputs, outputNames, outputs);
    }

    /// <summary>Checks count, rank and every fixed dimension of <paramref name="inputs"/>.</summary>
    /// <exception cref="InferenceException">An input does not fit the model.</exception>
    public void Check(IReadOnlyList<TensorData> inputs)
    {
        if (inputs.Count != _inputs.Length)
        {
            throw new InferenceException(
                $"The model takes {_inputs.Length} inputs ({string.Join(", ", InputNames)}); {inputs.Count} were given.");
        }

        for (int i = 0; i < inputs.Count; i++)
        {
            TensorData input = inputs[i] ?? throw new ArgumentException($"Input {i} is null.", nameof(inputs));
            int[] declared = _inputs[i].Dimensions;
            bool fits = input.Rank == declared.Length;
            for (int d = 0; fits && d < declared.Length; d++)
            {
                fits = declared[d] < 0 || declared[d] == input.Shape[d];
            }

            if (!fits)
            {
                throw new InferenceException(
                    $"Input '{InputNames[i]}' must have shape [{Describe(_inputs[i])}]; got {input}.");
            }
        }
    }

    /// <summary>Output <paramref name="index"/>'s shape for these inputs, or null when a dimension of it is named by no input.</summary>
    public long[]? OutputShape(int index, IReadOnlyList<TensorData> inputs)
    {
        var named = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int i = 0; i < _inputs.Length; i++)
        {
            string[] symbols = _inputs[i].SymbolicDimensions;
            for (int d = 0; d < symbols.Length; d++)
            {
                if (symbols[d].Length > 0)
                {
                    named.TryAdd(symbols[d], inputs[i].Shape[d]);
                }
            }
        }

        NodeMetadata output = _outputs[index];
        var shape = new long[output.Dimensions.Length];
        for (int d = 0; d < shape.Length; d++)
        {
            if (output.Dimensions[d] >= 0)
            {
                shape[d] = output.Dimensions[d];
            }
            else if (named.TryGetValue(output.SymbolicDimensions[d], out long size))
            {
                shape[d] = size;
            }
            else
            {
                return null;
            }
        }

        return shape;
    }

    private static NodeMetadata FloatTensor(NodeMetadata node, string name, string path) =>
        node.IsTensor && node.ElementDataType == TensorElementType.Float
            ? node
            : throw new InferenceException($"{path}: '{name}' is a {node.OnnxValueType} of {node.ElementDataType}; only float32 tensors are supported.");

    private static string Describe(NodeMetadata node) =>
        string.Join(", ", node.Dimensions.Select((size, d) => size >= 0 ? size.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : node.SymbolicDimensions[d] is { Length: > 0 } symbol ? symbol : "?"));
}
