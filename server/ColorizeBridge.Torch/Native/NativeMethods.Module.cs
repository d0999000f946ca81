using System.Runtime.InteropServices;

namespace ColorizeBridge.Torch.Native;

// server/native/src/module.cpp
internal static partial class NativeMethods
{
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial TorchModuleHandle CBTModule_load(string path, string device, int halfPrecision);

    [LibraryImport(LibraryName)]
    public static partial int CBTModule_isHalfPrecision(TorchModuleHandle module);

    [LibraryImport(LibraryName)]
    public static partial void CBTModule_dispose(nint module);

    /// <param name="data">One pointer per input to its float32 data, pinned for the call.</param>
    /// <param name="ranks">The rank of each input.</param>
    /// <param name="dims">Every input's dimensions, concatenated.</param>
    [LibraryImport(LibraryName)]
    public static partial TensorListHandle CBTModule_forward(
        TorchModuleHandle module, int inputCount, ReadOnlySpan<nint> data, ReadOnlySpan<int> ranks, ReadOnlySpan<long> dims);

    [LibraryImport(LibraryName)]
    public static partial int CBTTensorList_count(TensorListHandle list);

    [LibraryImport(LibraryName)]
    public static partial int CBTTensorList_rank(TensorListHandle list, int index);

    [LibraryImport(LibraryName)]
    public static partial int CBTTensorList_shape(TensorListHandle list, int index, Span<long> dims, int capacity);

    [LibraryImport(LibraryName)]
    public static partial int CBTTensorList_copyData(TensorListHandle list, int index, Span<float> destination, long length);

    [LibraryImport(LibraryName)]
    public static partial void CBTTensorList_dispose(nint list);
}
