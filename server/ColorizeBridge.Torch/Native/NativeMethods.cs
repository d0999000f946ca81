using System.Runtime.InteropServices;

namespace ColorizeBridge.Torch.Native;

/// <summary>
/// P/Invoke entry points of the native bridge (server/native), one partial file
/// per native source file. Every call that can fail is followed by
/// <see cref="CheckForErrors"/>, on the same thread, because the bridge reports
/// failures through a thread-local last error instead of exceptions.
/// </summary>
internal static partial class NativeMethods
{
    public const string LibraryName = "colorizebridge_native";

    // Registered before the first P/Invoke of this class runs (an explicit
    // static constructor runs before any static method is called).
    static NativeMethods()
    {
        NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, NativeLibraryLocator.Resolve);
    }

    /// <summary>Throws the bridge's last error on this thread, if the last call failed.</summary>
    /// <exception cref="TorchException">The last native call on this thread failed.</exception>
    public static void CheckForErrors()
    {
        nint message = CBT_lastError();
        if (message != 0)
        {
            throw new TorchException(Marshal.PtrToStringUTF8(message) ?? "unknown native error");
        }
    }

    /// <summary>Passes through a native call's result after <see cref="CheckForErrors"/>: <c>Checked(CBTx(...))</c>.</summary>
    /// <exception cref="TorchException">The native call failed.</exception>
    public static T Checked<T>(T result)
    {
        CheckForErrors();
        return result;
    }
}
