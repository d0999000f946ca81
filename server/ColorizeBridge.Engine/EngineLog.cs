using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Engine;

/// <summary>The engine's log messages, source-generated, with stable event ids (1xxx).</summary>
internal static partial class EngineLog
{
    [LoggerMessage(1001, LogLevel.Information, "Model {Model} {Version} ready on {Device} in {ElapsedMs} ms")]
    public static partial void ModelReady(ILogger logger, string model, string version, string device, long elapsedMs);

    [LoggerMessage(1002, LogLevel.Error, "Model {Model} failed to load: {Reason}")]
    public static partial void ModelFailed(ILogger logger, string model, string reason);

    [LoggerMessage(1003, LogLevel.Warning, "Models directory {Directory} does not exist; no models are served")]
    public static partial void ModelsDirectoryMissing(ILogger logger, string directory);

    [LoggerMessage(1010, LogLevel.Information, "Colorized {Width}x{Height} with {Model} at {WorkWidth}x{WorkHeight} in {ElapsedMs} ms (queue + model {ModelMs} ms)")]
    public static partial void Colorized(ILogger logger, int width, int height, string model, int workWidth, int workHeight, long elapsedMs, long modelMs);
}
