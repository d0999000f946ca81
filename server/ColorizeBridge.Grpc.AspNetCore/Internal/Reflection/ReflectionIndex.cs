using Google.Protobuf.Reflection;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.Reflection;

/// <summary>
/// The files and symbols reachable from the mapped services' descriptors,
/// indexed for the reflection protocol.
/// </summary>
internal sealed class ReflectionIndex
{
    private readonly IReadOnlyList<string> _serviceNames;
    private readonly Dictionary<string, FileDescriptor> _filesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _filesBySymbol = new(StringComparer.Ordinal);
    private readonly HashSet<string> _messageTypes = new(StringComparer.Ordinal);

    public ReflectionIndex(IReadOnlyList<ServiceDescriptor> services)
    {
        _serviceNames = [.. services.Select(s => s.FullName)];
        foreach (var service in services)
        {
            AddFile(service.File);
        }
    }

    public ReflectionAnswer Answer(ReflectionQuery query, string argument) => query switch
    {
        ReflectionQuery.ListServices => new ReflectionAnswer.ServiceNames(_serviceNames),
        ReflectionQuery.FileByFilename => _filesByName.TryGetValue(argument, out var file)
            ? WithDependencies(file)
            : new ReflectionAnswer.Error(StatusCode.NotFound, $"File '{argument}' not found."),
        ReflectionQuery.FileContainingSymbol => _filesBySymbol.TryGetValue(argument, out var file)
            ? WithDependencies(file)
            : new ReflectionAnswer.Error(StatusCode.NotFound, $"Symbol '{argument}' not found."),
        // Our contracts declare no extensions, so every message has none.
        ReflectionQuery.AllExtensionNumbersOfType => _messageTypes.Contains(argument)
            ? new ReflectionAnswer.ExtensionNumbers(argument, [])
            : new ReflectionAnswer.Error(StatusCode.NotFound, $"Type '{argument}' not found."),
        ReflectionQuery.FileContainingExtension => new ReflectionAnswer.Error(StatusCode.NotFound, "Extensions are not supported."),
        _ => new ReflectionAnswer.Error(StatusCode.Unimplemented, $"Reflection query {query} is not supported."),
    };

    private static ReflectionAnswer.Files WithDependencies(FileDescriptor file)
    {
        var ordered = new List<FileDescriptor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<FileDescriptor>([file]);
        while (pending.TryDequeue(out var next))
        {
            if (seen.Add(next.Name))
            {
                ordered.Add(next);
                foreach (var dependency in next.Dependencies)
                {
                    pending.Enqueue(dependency);
                }
            }
        }

        return new ReflectionAnswer.Files([.. ordered.Select(f => f.SerializedData)]);
    }

    private void AddFile(FileDescriptor file)
    {
        if (!_filesByName.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }

        foreach (var service in file.Services)
        {
            _filesBySymbol[service.FullName] = file;
            foreach (var method in service.Methods)
            {
                _filesBySymbol[method.FullName] = file;
            }
        }

        foreach (var message in file.MessageTypes)
        {
            AddMessage(file, message);
        }

        foreach (var enumType in file.EnumTypes)
        {
            _filesBySymbol[enumType.FullName] = file;
        }
    }

    private void AddMessage(FileDescriptor file, MessageDescriptor message)
    {
        _filesBySymbol[message.FullName] = file;
        _messageTypes.Add(message.FullName);
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            _filesBySymbol[field.FullName] = file;
        }

        foreach (var nested in message.NestedTypes)
        {
            AddMessage(file, nested);
        }

        foreach (var enumType in message.EnumTypes)
        {
            _filesBySymbol[enumType.FullName] = file;
        }
    }
}
