using System.Buffers;
using ColorizeBridge.Torch.Native;
using static ColorizeBridge.Torch.Native.NativeMethods;

namespace ColorizeBridge.Torch.LibTorch;

/// <summary>A TorchScript module held by the native bridge. Thread-safety: see <see cref="LibTorchBackend"/>.</summary>
internal sealed class LibTorchModel : IInferenceModel
{
    private readonly TorchModuleHandle module;

    private LibTorchModel(TorchModuleHandle module, string device, bool halfPrecision)
    {
        this.module = module;
        Device = device;
        HalfPrecision = halfPrecision;
    }

    public string Device { get; }

    public bool HalfPrecision { get; }

    /// <param name="device">A concrete device name (see <see cref="DeviceNames.Resolve"/>).</param>
    /// <exception cref="TorchException">The bridge could not load the file onto the device.</exception>
    public static LibTorchModel Load(string path, string device, bool preferHalfPrecision)
    {
        TorchModuleHandle module = CBTModule_load(path, device, preferHalfPrecision ? 1 : 0);
        try
        {
            CheckForErrors();
            bool halfPrecision = Checked(CBTModule_isHalfPrecision(module)) == 1;
            return new LibTorchModel(module, device, halfPrecision);
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }

    public IReadOnlyList<TensorData> ForwardAllOutputs(IReadOnlyList<TensorData> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ObjectDisposedException.ThrowIf(module.IsClosed, this);
        cancellationToken.ThrowIfCancellationRequested();
        using TensorListHandle outputs = RunForward(inputs);
        return ReadOutputs(outputs);
    }

    /// <summary>One output copied straight from the native tensor into the caller's buffer: no managed array per call.</summary>
    public TensorData Forward(IReadOnlyList<TensorData> inputs, Func<int, float[]> outputBuffer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputBuffer);
        ObjectDisposedException.ThrowIf(module.IsClosed, this);
        cancellationToken.ThrowIfCancellationRequested();
        using TensorListHandle outputs = RunForward(inputs);
        int count = Checked(CBTTensorList_count(outputs));
        if (count != 1)
        {
            throw new InvalidOperationException(
                $"The model returned {count} tensors; call {nameof(ForwardAllOutputs)} for models with several outputs.");
        }

        long[] shape = ReadShape(outputs, 0);
        long elementCount = shape.Aggregate(1L, (product, dimension) => checked(product * dimension));
        float[] buffer = OutputBuffers.Get(outputBuffer, elementCount);
        Checked(CBTTensorList_copyData(outputs, 0, buffer.AsSpan(0, (int)elementCount), elementCount));
        return new TensorData(buffer.AsMemory(0, (int)elementCount), shape);
    }

    public void Dispose() => module.Dispose();

    // The bridge reads the inputs straight from the pinned managed memory (no
    // copy on the CPU) and copies any output that would alias them, so the pins
    // only need to last for the call.
    private unsafe TensorListHandle RunForward(IReadOnlyList<TensorData> inputs)
    {
        var pins = new MemoryHandle[inputs.Count];
        var data = new nint[inputs.Count];
        var ranks = new int[inputs.Count];
        var dims = new long[inputs.Sum(input => input?.Rank ?? 0)];
        try
        {
            int nextDim = 0;
            for (int i = 0; i < inputs.Count; i++)
            {
                TensorData input = inputs[i] ?? throw new ArgumentException($"Input {i} is null.", nameof(inputs));
                pins[i] = input.Data.Pin();
                data[i] = (nint)pins[i].Pointer;
                ranks[i] = input.Rank;
                input.Dimensions.CopyTo(dims.AsSpan(nextDim));
                nextDim += input.Rank;
            }

            return Checked(CBTModule_forward(module, inputs.Count, data, ranks, dims));
        }
        finally
        {
            foreach (MemoryHandle pin in pins)
            {
                pin.Dispose();
            }
        }
    }

    private static TensorData[] ReadOutputs(TensorListHandle outputs)
    {
        var tensors = new TensorData[Checked(CBTTensorList_count(outputs))];
        for (int i = 0; i < tensors.Length; i++)
        {
            tensors[i] = ReadOutput(outputs, i);
        }

        return tensors;
    }

    private static long[] ReadShape(TensorListHandle outputs, int index)
    {
        int rank = Checked(CBTTensorList_rank(outputs, index));
        var shape = new long[rank];
        Checked(CBTTensorList_shape(outputs, index, shape, rank));
        return shape;
    }

    // The one copy per output: native tensor -> a fresh managed array.
    private static TensorData ReadOutput(TensorListHandle outputs, int index)
    {
        long[] shape = ReadShape(outputs, index);
        long elementCount = shape.Aggregate(1L, (product, dimension) => checked(product * dimension));
        if (elementCount > Array.MaxLength)
        {
            throw new TorchException($"Output {index} has {elementCount} elements, more than a .NET array holds.");
        }

        float[] data = GC.AllocateUninitializedArray<float>((int)elementCount);
        Checked(CBTTensorList_copyData(outputs, index, data, data.Length));
        return new TensorData(data, shape);
    }
}
