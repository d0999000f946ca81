using System.Runtime.InteropServices;

namespace ColorizeBridge.Torch.Native;

// server/native/src/runtime.cpp
internal static partial class NativeMethods
{
    /// <returns>A UTF-8 string owned by the bridge (valid until the next call on this thread), or 0.</returns>
    [LibraryImport(LibraryName)]
    public static partial nint CBT_lastError();

    [LibraryImport(LibraryName)]
    public static partial int CBT_setNumThreads(int count);

    [LibraryImport(LibraryName)]
    public static partial int CBT_getNumThreads();

    [LibraryImport(LibraryName)]
    public static partial int CBTDevice_cudaAvailable();

    [LibraryImport(LibraryName)]
    public static partial int CBTDevice_cudaCount();
}
