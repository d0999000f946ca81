using System.Collections.Concurrent;

namespace ColorizeBridge.Benchmarks.EndToEnd;

/// <summary>
/// One long-lived thread that runs the harness's bare forwards, as the
/// server's inference queue runs its forwards on one thread of its own.
/// Calling the model from one thread, as the server does, keeps the comparison
/// fair: a forward called from whichever thread-pool thread an await resumed on
/// would share the cores with the server's differently than the server's own
/// forward does.
/// </summary>
internal sealed class ForwardThread : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();
    private readonly Thread _thread;

    public ForwardThread()
    {
        _thread = new Thread(() =>
        {
            foreach (Action action in _work.GetConsumingEnumerable())
            {
                action();
            }
        }) { IsBackground = true, Name = "bare forward" };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="call"/> on the thread and waits for it (the caller has nothing else to do meanwhile).</summary>
    public T Run<T>(Func<T> call)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                done.SetResult(call());
            }
            catch (Exception error)
            {
                done.SetException(error);
            }
        });
        return done.Task.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join();
        _work.Dispose();
    }
}
