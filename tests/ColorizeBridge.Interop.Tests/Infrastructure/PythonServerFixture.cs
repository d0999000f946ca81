using System.Diagnostics;

namespace ColorizeBridge.Interop.Tests.Infrastructure;

/// <summary>The grpcio TestService (Interop/interop_server.py) on a free port, for as long as a test class runs.</summary>
public sealed class PythonServerFixture : IAsyncLifetime
{
    private Process? _process;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        _process = PythonScript.Start("interop_server.py", ["--port", "0"]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"interop_server.py did not start: {line} {await _process.StandardError.ReadToEndAsync(timeout.Token)}");
        }

        Address = new Uri($"http://127.0.0.1:{line["PORT ".Length..]}");
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
