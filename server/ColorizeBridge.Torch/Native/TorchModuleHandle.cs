using System.Runtime.InteropServices;

namespace ColorizeBridge.Torch.Native;

/// <summary>
/// Owns a native CBTModule. P/Invoke add-refs the handle for the length of
/// each call, so disposing while another thread is in forward is safe: the
/// module is freed when that call returns.
/// </summary>
internal sealed class TorchModuleHandle : SafeHandle
{
    // Created by the P/Invoke marshaller for CBTModule_load's result.
    public TorchModuleHandle()
        : base(invalidHandleValue: 0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        NativeMethods.CBTModule_dispose(handle);
        return true;
    }
}
