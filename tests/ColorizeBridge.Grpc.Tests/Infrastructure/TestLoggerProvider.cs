using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Grpc.Tests.Infrastructure;

/// <summary>Keeps every log entry so tests can check what the server logged, and at which level.</summary>
public sealed class TestLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>What the gRPC server side logged (other components reuse the same EventId numbers).</summary>
    public IReadOnlyList<LogEntry> GrpcServerEntries => [.. _entries.Where(e => e.Category == "ColorizeBridge.Grpc.Server")];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
