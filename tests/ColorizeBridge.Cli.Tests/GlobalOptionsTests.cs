using ColorizeBridge.Cli.Tests.Support;

namespace ColorizeBridge.Cli.Tests;

/// <summary>The options every command takes, and the usage errors they raise.</summary>
public sealed class GlobalOptionsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Device_UnknownName_ExitsTwo()
    {
        CliRun run = await CliRun.RunAsync("models", "--models", _temp.Root, "--device", "tpu");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--device must be auto, cpu, cuda or cuda:N, got 'tpu'", run.Stderr);
    }

    [Fact]
    public async Task Models_FolderDoesNotExist_ExitsTwo()
    {
        CliRun run = await CliRun.RunAsync("models", "--models", _temp.PathOf("nowhere"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--models: the folder", run.Stderr);
    }

    [Fact]
    public async Task Token_WithoutServer_ExitsTwo()
    {
        CliRun run = await CliRun.RunAsync("models", "--models", _temp.Root, "--token", "secret");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--token is sent to a server", run.Stderr);
    }

    [Fact]
    public async Task Server_NotHostAndPort_ExitsTwo()
    {
        CliRun run = await CliRun.RunAsync("models", "--server", "just-a-host");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--server: server address 'just-a-host' must be HOST:PORT", run.Stderr);
    }

    [Fact]
    public async Task UnknownFlag_ExitsTwo()
    {
        CliRun run = await CliRun.RunAsync("models", "--colour", "red");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--colour", run.Stderr);
    }
}
