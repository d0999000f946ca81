namespace ColorizeBridge.Grpc;

/// <summary>Per-message write flags.</summary>
[Flags]
public enum WriteFlags
{
    None = 0,
    /// <summary>Send this message uncompressed even when the call compresses messages.</summary>
    NoCompress = 0x2,
}

/// <summary>Options for the messages a writer sends; see <see cref="WriteFlags"/>.</summary>
public sealed record WriteOptions(WriteFlags Flags = WriteFlags.None)
{
    public static readonly WriteOptions Default = new();
}
