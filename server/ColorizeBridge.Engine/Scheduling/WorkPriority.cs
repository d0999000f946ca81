namespace ColorizeBridge.Engine.Scheduling;

public enum WorkPriority
{
    /// <summary>Live previews: someone is painting and waiting; runs before batch work.</summary>
    Interactive,

    /// <summary>Colorize calls: full-size results, can wait behind previews.</summary>
    Batch,
}
