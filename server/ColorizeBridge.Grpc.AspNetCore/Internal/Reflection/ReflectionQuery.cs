namespace ColorizeBridge.Grpc.AspNetCore.Internal.Reflection;

/// <summary>The questions of the reflection protocol, the same in v1 and v1alpha.</summary>
internal enum ReflectionQuery
{
    FileByFilename,
    FileContainingSymbol,
    FileContainingExtension,
    AllExtensionNumbersOfType,
    ListServices,
}
