using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace ColorizeBridge.Inference.OnnxRuntime;

/// <summary>
/// One ONNX Runtime session on one device. Inputs are OrtValues over the
/// caller's memory (pinned for the call, not copied); a single output whose
/// shape follows from the inputs is written straight into the caller's buffer.
/// </summary>
internal sealed class OnnxRuntimeModel : IInferenceModel
{
    private readonly InferenceSession _session;
    private readonly ModelSignature _signature;
    private int _disposed;
    private int _inFlight;

    private OnnxRuntimeModel(InferenceSession session, ModelSignature signature, string device)
    {
        _session = session;
        _signature = signature;
        Device = device;
    }

    public string Device { get; }

    /// <param name="device">"cpu" or "cuda:N".</param>
    /// <exception cref="InferenceException">The file cannot be loaded onto the device, or its inputs are not the ones asked for.</exception>
    public static OnnxRuntimeModel Load(string path, string device, int intraOpThreads, InferenceModelOptions options)
    {
        if (!File.Exists(path))
        {
            throw new InferenceException($"cannot load ONNX model '{path}': the file does not exist");
        }

        InferenceSession session;
        using (SessionOptions sessionOptions = SessionOptionsFactory.Create(device, intraOpThreads))
        {
            try
            {
                session = new InferenceSession(path, sessionOptions);
            }
            catch (OnnxRuntimeException error)
            {
                throw new InferenceException($"cannot load ONNX model '{path}' on {device}: {error.Message}", error);
            }
        }

        try
        {
            return new OnnxRuntimeModel(session, ModelSignature.Of(session, options.InputNames, path), device);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public IReadOnlyList<TensorData> ForwardAllOutputs(IReadOnlyList<TensorData> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        using InFlight inFlight = Enter();
        _signature.Check(inputs);
        using OrtValueList inputValues = Wrap(inputs);
        using RunOptions runOptions = new();
        using IDisposableReadOnlyCollection<OrtValue> outputs = Run(runOptions, () =>
            _session.Run(runOptions, _signature.InputNames, inputValues, _signature.OutputNames), cancellationToken);
        return [.. outputs.Select(output => Copy(output, length => GC.AllocateUninitializedArray<float>(length)))];
    }

    public TensorData Forward(IReadOnlyList<TensorData> inputs, CancellationToken cancellationToken = default) =>
        Forward(inputs, length => GC.AllocateUninitializedArray<float>(length), cancellationToken);

    public TensorData Forward(IReadOnlyList<TensorData> inputs, Func<int, float[]> outputBuffer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputBuffer);
        using InFlight inFlight = Enter();
        if (_signature.OutputNames.Count != 1)
        {
            throw new InvalidOperationException(
                $"The model has {_signature.OutputNames.Count} outputs; call {nameof(ForwardAllOutputs)} for models with several outputs.");
        }

        _signature.Check(inputs);
        using OrtValueList inputValues = Wrap(inputs);
        using RunOptions runOptions = new();
        if (_signature.OutputShape(0, inputs) is not { } shape)
        {
            // The output's size is known only once the model ran: ONNX Runtime allocates it, and it is copied once.
            using IDisposableReadOnlyCollection<OrtValue> outputs = Run(runOptions, () =>
                _session.Run(runOptions, _signature.InputNames, inputValues, _signature.OutputNames), cancellationToken);
            return Copy(outputs.First(), outputBuffer);
        }

        long elementCount = shape.Aggregate(1L, (product, dimension) => checked(product * dimension));
        float[] buffer = OutputBuffers.Get(outputBuffer, elementCount);
        Memory<float> destination = buffer.AsMemory(0, (int)elementCount);
        using OrtValue output = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, destination, shape);
        Run(runOptions, () =>
        {
            _session.Run(runOptions, _signature.InputNames, inputValues, _signature.OutputNames, [output]);
            return true;
        }, cancellationToken);
        return new TensorData(destination, shape);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // A forward may still be running on another thread (a cancelled request's work is completed at
            // once while its terminated forward unwinds): freeing the session under it crashes the process.
            SpinWait.SpinUntil(() => Volatile.Read(ref _inFlight) == 0);
            _session.Dispose();
        }
    }

    /// <summary>Counts a forward in flight so <see cref="Dispose"/> waits for it; throws when already disposed.</summary>
    private InFlight Enter()
    {
        Interlocked.Increment(ref _inFlight);
        if (Volatile.Read(ref _disposed) != 0)
        {
            Interlocked.Decrement(ref _inFlight);
            throw new ObjectDisposedException(GetType().FullName);
        }

        return new InFlight(this);
    }

    private readonly struct InFlight(OnnxRuntimeModel model) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref model._inFlight);
    }

    /// <summary>OrtValues over the inputs' own memory: ONNX Runtime reads, never writes, them.</summary>
    private static OrtValueList Wrap(IReadOnlyList<TensorData> inputs)
    {
        var values = new OrtValueList(inputs.Count);
        try
        {
            foreach (TensorData input in inputs)
            {
                values.Add(OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, MemoryMarshal.AsMemory(input.Data), [.. input.Shape]));
            }

            return values;
        }
        catch
        {
            values.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="run"/>; cancelling the token stops it (RunOptions.Terminate) and throws OperationCanceledException.</summary>
    private static T Run<T>(RunOptions runOptions, Func<T> run, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using CancellationTokenRegistration registration = cancellationToken.Register(() => runOptions.Terminate = true);
        try
        {
            return run();
        }
        catch (OnnxRuntimeException error)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new InferenceException($"The model failed: {error.Message}", error);
        }
    }

    private static TensorData Copy(OrtValue output, Func<int, float[]> outputBuffer)
    {
        long[] shape = output.GetTensorTypeAndShape().Shape;
        ReadOnlySpan<float> data = output.GetTensorDataAsSpan<float>();
        float[] buffer = OutputBuffers.Get(outputBuffer, data.Length);
        data.CopyTo(buffer);
        return new TensorData(buffer.AsMemory(0, data.Length), shape);
    }
}
