using System.Runtime.InteropServices;
using ColorizeBridge.Torch.Native;
using ColorizeBridge.Torch.Tests.Support;
using static ColorizeBridge.Torch.Native.NativeMethods;

namespace ColorizeBridge.Torch.Tests.Native;

/// <summary>The bridge's C contract, below what <see cref="LibTorch.LibTorchModelTests"/> can observe.</summary>
public sealed class NativeMethodsTests
{
    [Fact]
    public void ModuleForward_OutputAliasingTheInput_KeepsNoReferenceToCallerMemory()
    {
        using TorchModuleHandle module = Checked(CBTModule_load(Fixtures.Model(Fixtures.Identity), "cpu", 0));
        float[] input = [1f, 2f, 3f];
        TensorListHandle outputs;
        var pin = GCHandle.Alloc(input, GCHandleType.Pinned);
        try
        {
            outputs = Checked(CBTModule_forward(module, 1, [pin.AddrOfPinnedObject()], [1], [3L]));
        }
        finally
        {
            pin.Free();
        }

        input[0] = 100f;
        float[] copied = new float[3];
        using (outputs)
        {
            Checked(CBTTensorList_copyData(outputs, 0, copied, copied.Length));
        }

        Assert.Equal([1f, 2f, 3f], copied);
    }

    [Fact]
    public void CheckForErrors_AfterFailureThenSuccess_DoesNotThrowTheStaleError()
    {
        using TorchModuleHandle failed = CBTModule_load("/nonexistent/model.pt", "cpu", 0);
        Assert.Throws<TorchException>(CheckForErrors);

        Assert.True(CBT_getNumThreads() >= 1);
        var error = Record.Exception(CheckForErrors);

        Assert.Null(error);
    }

    [Fact]
    public void TensorListShape_BufferTooSmall_FailsWithLastError()
    {
        using TorchModuleHandle module = Checked(CBTModule_load(Fixtures.Model(Fixtures.Identity), "cpu", 0));
        using TensorListHandle outputs = Checked(CBTModule_forward(module, 1, [0], [2], [0L, 0L]));

        int rank = CBTTensorList_shape(outputs, 0, new long[1], 1);

        Assert.Equal(-1, rank);
        Assert.Throws<TorchException>(CheckForErrors);
    }
}
