using ColorizeBridge.Api.V1;

namespace ColorizeBridge.Cli.Output;

/// <summary>One line per stage change ("cat.png: model"), for stderr that is not a terminal.</summary>
internal sealed class PlainProgressReporter(TextWriter error) : ProgressReporter
{
    private readonly Dictionary<string, string> _lastStage = new(StringComparer.Ordinal);

    public override void Report(string item, ColorizeUpdate update)
    {
        string? stage = update.UpdateCase switch
        {
            ColorizeUpdate.UpdateOneofCase.Queued => $"queued at position {update.Queued.Position}",
            ColorizeUpdate.UpdateOneofCase.Progress => update.Progress.Stage,
            _ => null,
        };
        if (stage is not null && _lastStage.GetValueOrDefault(item) != stage)
        {
            _lastStage[item] = stage;
            error.WriteLine($"{item}: {stage}");
        }
    }

    public override void Finish(string item, bool succeeded) => _lastStage.Remove(item);
}
