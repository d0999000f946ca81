using Google.Protobuf;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.Reflection;

/// <summary>An answer to a <see cref="ReflectionQuery"/>, before it is put into a v1 or v1alpha message.</summary>
internal abstract record ReflectionAnswer
{
    /// <summary>Serialized FileDescriptorProtos: the file asked for first, then its transitive dependencies.</summary>
    public sealed record Files(IReadOnlyList<ByteString> FileDescriptorProtos) : ReflectionAnswer;

    public sealed record ServiceNames(IReadOnlyList<string> Names) : ReflectionAnswer;

    public sealed record ExtensionNumbers(string BaseTypeName, IReadOnlyList<int> Numbers) : ReflectionAnswer;

    public sealed record Error(StatusCode Code, string Message) : ReflectionAnswer;
}
