using ColorizeBridge.Grpc.Tests.Probe;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ColorizeBridge.Grpc.Tests.Infrastructure;

/// <summary>Client-side methods of colorizebridge.testing.Probe, made from its descriptor.</summary>
public static class ProbeMethods
{
    private static readonly ServiceDescriptor Service = ProbeReflection.Descriptor.Services[0];

    public static readonly Method<ProbeRequest, ProbeReply> Throw = Find("Throw");
    public static readonly Method<ProbeRequest, ProbeReply> Sleep = Find("Sleep");
    public static readonly Method<ProbeRequest, ProbeReply> Blob = Find("Blob");
    public static readonly Method<ProbeRequest, ProbeReply> Count = Find("Count");
    public static readonly Method<ProbeRequest, ProbeReply> Drip = Find("Drip");
    public static readonly Method<ProbeRequest, ProbeReply> Collect = Find("Collect");
    public static readonly Method<ProbeRequest, ProbeReply> Chat = Find("Chat");

    /// <summary>A unary request body as it goes on the wire: one length-prefixed message.</summary>
    public static byte[] Frame(IMessage message)
    {
        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    private static Method<ProbeRequest, ProbeReply> Find(string name) =>
        Method<ProbeRequest, ProbeReply>.FromDescriptor(Service.FindMethodByName(name));
}
