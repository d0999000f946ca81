using ColorizeBridge.Torch.Native;

namespace ColorizeBridge.Torch.Tests.Native;

public sealed class NativeLibraryLocatorTests
{
    private static readonly string AssemblyDirectory = Path.Combine(Path.GetTempPath(), "app");

    [Fact]
    public void LibraryPath_OverrideSet_ReturnsOverrideEvenIfBundledExists()
    {
        string? path = NativeLibraryLocator.LibraryPath("/opt/cuda-bridge/libcolorizebridge_native.so", AssemblyDirectory, _ => true);

        Assert.Equal("/opt/cuda-bridge/libcolorizebridge_native.so", path);
    }

    [Fact]
    public void LibraryPath_NoOverrideAndLibraryBesideAssembly_ReturnsThatFile()
    {
        string expected = Path.Combine(AssemblyDirectory, "libcolorizebridge_native.so");

        string? path = NativeLibraryLocator.LibraryPath(overridePath: "", AssemblyDirectory, file => file == expected);

        Assert.Equal(expected, path);
    }

    [Fact]
    public void LibraryPath_NoOverrideAndNoBundledLibrary_FallsBackToDefaultSearch()
    {
        Assert.Null(NativeLibraryLocator.LibraryPath(overridePath: null, AssemblyDirectory, _ => false));
    }

    [Fact]
    public void Resolve_TestRun_LoadsTheLibraryCopiedBesideTheAssembly()
    {
        nint library = NativeLibraryLocator.Resolve(NativeMethods.LibraryName, typeof(NativeMethods).Assembly, searchPath: null);

        Assert.NotEqual(0, library);
    }

    [Fact]
    public void Resolve_OtherLibrary_LeavesItToTheRuntime()
    {
        Assert.Equal(0, NativeLibraryLocator.Resolve("libc", typeof(NativeMethods).Assembly, searchPath: null));
    }
}
