using System.Diagnostics;
using ColorizeBridge.Api.V1;

namespace ColorizeBridge.Server.Observability;

/// <summary>
/// Times the stages of one Colorize call from the progress updates the engine
/// streams anyway: a stage lasts from its progress update to the next one, and
/// the result ends the last ("encode"). "model" includes the wait in the queue.
/// </summary>
internal sealed class ColorizeStageTimer(ServerMetrics metrics)
{
    private string? _stage;
    private long _stageStarted;

    public void Observe(ColorizeUpdate update)
    {
        if (update.UpdateCase is not (ColorizeUpdate.UpdateOneofCase.Progress or ColorizeUpdate.UpdateOneofCase.Result))
        {
            return;
        }

        if (_stage is not null)
        {
            metrics.StageTimed(_stage, Stopwatch.GetElapsedTime(_stageStarted));
        }

        _stage = update.UpdateCase == ColorizeUpdate.UpdateOneofCase.Progress ? update.Progress.Stage : null;
        _stageStarted = Stopwatch.GetTimestamp();
    }
}
