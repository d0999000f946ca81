using ColorizeBridge.Api.V1;
using Spectre.Console;

namespace ColorizeBridge.Cli.Output;

/// <summary>Live progress bars, one per file, drawn by Spectre.Console on the terminal behind stderr.</summary>
internal sealed class SpectreProgressReporter : ProgressReporter
{
    private readonly ProgressContext _context;
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

    private SpectreProgressReporter(ProgressContext context) => _context = context;

    public static Task<T> RunAsync<T>(TextWriter error, Func<ProgressReporter, Task<T>> work)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(context => work(new SpectreProgressReporter(context)));
    }

    public override void Report(string item, ColorizeUpdate update)
    {
        ProgressTask task = TaskFor(item);
        switch (update.UpdateCase)
        {
            case ColorizeUpdate.UpdateOneofCase.Queued:
                task.Description = $"{Markup.Escape(item)} [grey]queued ({update.Queued.Position})[/]";
                break;
            case ColorizeUpdate.UpdateOneofCase.Progress:
                task.Description = $"{Markup.Escape(item)} [grey]{Markup.Escape(update.Progress.Stage)}[/]";
                task.Value = update.Progress.Fraction * task.MaxValue;
                break;
        }
    }

    public override void Finish(string item, bool succeeded)
    {
        ProgressTask task = TaskFor(item);
        task.Description = succeeded ? $"{Markup.Escape(item)} [green]done[/]" : $"{Markup.Escape(item)} [red]failed[/]";
        if (succeeded)
        {
            task.Value = task.MaxValue;
        }

        task.StopTask();
    }

    private ProgressTask TaskFor(string item)
    {
        if (!_tasks.TryGetValue(item, out ProgressTask? task))
        {
            task = _context.AddTask(Markup.Escape(item));
            _tasks[item] = task;
        }

        return task;
    }
}
