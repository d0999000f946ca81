using System.Runtime.InteropServices;

namespace ColorizeBridge.Torch.Native;

/// <summary>Owns the native CBTTensorList one forward call returned.</summary>
internal sealed class TensorListHandle : SafeHandle
{
    // Created by the P/Invoke marshaller for CBTModule_forward's result.
    public TensorListHandle()
        : base(invalidHandleValue: 0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        NativeMethods.CBTTensorList_dispose(handle);
        return true;
    }
}
