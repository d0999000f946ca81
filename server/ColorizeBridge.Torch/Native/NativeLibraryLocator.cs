using System.Reflection;
using System.Runtime.InteropServices;

namespace ColorizeBridge.Torch.Native;

/// <summary>
/// Finds libcolorizebridge_native: at $COLORIZEBRIDGE_NATIVE_LIB when set (a
/// bridge built elsewhere, e.g. against a CUDA libtorch), else next to this
/// assembly, where the build copies it; else the system's default search.
/// </summary>
internal static class NativeLibraryLocator
{
    public const string OverrideVariable = "COLORIZEBRIDGE_NATIVE_LIB";

    public static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != NativeMethods.LibraryName)
        {
            return 0;
        }

        string? path = LibraryPath(Environment.GetEnvironmentVariable(OverrideVariable), AssemblyDirectory(assembly), File.Exists);
        // Load, not TryLoad: when the file is there but libtorch is missing, its error says so.
        return path is null ? 0 : NativeLibrary.Load(path);
    }

    /// <returns>The file to load, or null to fall back to the default search.</returns>
    public static string? LibraryPath(string? overridePath, string assemblyDirectory, Func<string, bool> fileExists)
    {
        if (!string.IsNullOrEmpty(overridePath))
        {
            return overridePath;
        }

        string besideAssembly = Path.Combine(assemblyDirectory, PlatformFileName());
        return fileExists(besideAssembly) ? besideAssembly : null;
    }

    private static string PlatformFileName() =>
        OperatingSystem.IsWindows() ? $"{NativeMethods.LibraryName}.dll"
        : OperatingSystem.IsMacOS() ? $"lib{NativeMethods.LibraryName}.dylib"
        : $"lib{NativeMethods.LibraryName}.so";

    // Location is empty for single-file apps; their native files sit in the app's directory.
    private static string AssemblyDirectory(Assembly assembly) =>
        string.IsNullOrEmpty(assembly.Location) ? AppContext.BaseDirectory : Path.GetDirectoryName(assembly.Location)!;
}
