using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Grpc.Net.Client;

namespace ColorizeBridge.Server.Tests.Support;

/// <summary>
/// The server as a real process (<c>dotnet ColorizeBridge.Server.dll</c>, as
/// deployed) on free loopback ports: for what only a process shows, such as
/// SIGTERM handling, resident memory, or a proxy in front of several instances.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const int SigTerm = 15;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process) => _process = process;

    /// <summary>The cleartext HTTP/2 gRPC endpoint.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The HTTP/1.1 endpoint (gRPC-Web, /metrics).</summary>
    public Uri WebAddress { get; private set; } = null!;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a server on <paramref name="modelsDirectory"/> and waits until its models are loaded.</summary>
    public static Task<ServerProcess> StartAsync(string modelsDirectory, params string[] extraArguments) =>
        StartWithLogLevelAsync(modelsDirectory, "Warning", extraArguments);

    /// <summary>
    /// As <see cref="StartAsync"/>, with the server's default log level set to
    /// <paramref name="logLevel"/> (StartAsync keeps Warning: per-call log lines
    /// would flood the pipe under load; warnings are what a failing test needs).
    /// </summary>
    public static async Task<ServerProcess> StartWithLogLevelAsync(string modelsDirectory, string logLevel, params string[] extraArguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ColorizeBridge.Server.dll"));
        foreach (string argument in (string[])["--listen", "127.0.0.1:0", "--web-listen", "127.0.0.1:0", "--models", modelsDirectory, "--device", "cpu", .. extraArguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Logging__LogLevel__Default"] = logLevel;
        var server = new ServerProcess(Process.Start(start)!);
        var addresses = new List<Uri>();
        var bothListening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server._process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            server._output.Enqueue(line.Data);
            if (line.Data.StartsWith("listening on ", StringComparison.Ordinal))
            {
                lock (addresses)
                {
                    addresses.Add(new Uri(line.Data["listening on ".Length..]));
                    if (addresses.Count == 2)
                    {
                        bothListening.TrySetResult();
                    }
                }
            }
        };
        server._process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                server._output.Enqueue(line.Data);
            }
        };
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        Task exited = server._process.WaitForExitAsync();
        if (await Task.WhenAny(bothListening.Task, exited, Task.Delay(TimeSpan.FromSeconds(30))) != bothListening.Task)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException("The server process did not start listening:\n" + server.Output);
        }

        server.Address = addresses[0];
        server.WebAddress = addresses[1];
        using (GrpcChannel channel = GrpcChannel.ForAddress(server.Address))
        {
            await ServerFixture.WaitForModelsAsync(channel.CreateCallInvoker());
        }

        return server;
    }

    /// <summary>What the process wrote to stdout and stderr, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The lines the process has written to stdout and stderr so far.</summary>
    public IReadOnlyList<string> OutputLines => [.. _output];

    /// <summary>Sends a POSIX signal, e.g. <see cref="SigTerm"/> as systemd or Kubernetes do to stop a service.</summary>
    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits for the process to end; null when it did not within <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Resident memory (VmRSS of /proc/PID/status), in bytes.</summary>
    public long ResidentBytes()
    {
        string line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    // DllImport rather than LibraryImport: its generated code would need AllowUnsafeBlocks.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
