using ColorizeBridge.Tests.Shared;
using System.Net;
using System.Net.Sockets;
using ColorizeBridge.Cli.Tests.Support;

namespace ColorizeBridge.Cli.Tests.Backends;

/// <summary>The CLI with --server: the commands against a real server, and what happens when none answers.</summary>
[Collection(ServerCollection.Name)]
public sealed class RemoteColorizerBackendTests(ServerFixture server) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Colorize_OnTheServer_WritesTheSameImageAsInProcess()
    {
        string models = _temp.CreateFolder("models");
        FixtureModels.Install(models, TestModels.TinyModel, isDefault: true, preferredSide: 64);
        string lineArt = TestImages.WriteLineArt(_temp.PathOf("a.png"), 80, 56);
        string hints = TestImages.WriteHints(_temp.PathOf("h.png"), 80, 56);

        CliRun remote = await CliRun.RunAsync("colorize", "--server", server.Address, lineArt, "--hints", hints, "--layers", "-o", _temp.PathOf("remote.png"));
        CliRun local = await CliRun.RunAsync("colorize", "--models", models, "--device", "cpu", lineArt, "--hints", hints, "--layers", "-o", _temp.PathOf("local.png"));

        Assert.True(remote.ExitCode == 0, remote.ToString());
        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.Equal(TestImages.Read(_temp.PathOf("local.png")).Pixels, TestImages.Read(_temp.PathOf("remote.png")).Pixels);
        Assert.True(File.Exists(_temp.PathOf("remote.lines.png")));
    }

    [Fact]
    public async Task Models_OnTheServer_PrintsTheServersModels()
    {
        CliRun run = await CliRun.RunAsync("models", "--server", server.Address);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(run.Stdout.Split('\n'), line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["tiny", "0.1.0", "hints", "READY", "cpu", "-", "-"]);
    }

    [Fact]
    public async Task Health_OnTheServer_PrintsServing()
    {
        CliRun run = await CliRun.RunAsync("health", "--server", server.Address, "--service", "colorizebridge.v1.Colorizer/tiny");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("SERVING", run.Stdout.Trim());
    }

    [Fact]
    public async Task Colorize_UnknownModelOnTheServer_ExitsOneWithNotFound()
    {
        string lineArt = TestImages.WriteLineArt(_temp.PathOf("a.png"), 32, 32);

        CliRun run = await CliRun.RunAsync("colorize", "--server", server.Address, "--model", "nope", lineArt, "-o", _temp.PathOf("out.png"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: NOT_FOUND: Unknown model 'nope'. Available: ", run.Stderr);
        Assert.Contains("tiny", run.Stderr);
    }

    [Fact]
    public async Task ExtractLineArt_OnTheServer_WritesLineArt()
    {
        string input = TestImages.WriteLineArt(_temp.PathOf("drawing.png"), 40, 30);

        CliRun run = await CliRun.RunAsync("extract-lineart", "--server", server.Address, input, "-o", _temp.PathOf("lines.png"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(40, TestImages.Read(_temp.PathOf("lines.png")).Width);
    }

    [Fact]
    public async Task AnyCommand_NoServerListening_ExitsOneWithUnavailableNamingTheAddress()
    {
        string address = $"127.0.0.1:{ClosedPort()}";

        CliRun run = await CliRun.RunAsync("models", "--server", address);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: UNAVAILABLE: ", run.Stderr);
        Assert.Contains($"is a ColorizeBridge server listening at {address}?", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task ColorizeFolder_NoServerListening_StopsAtTheFirstFile()
    {
        string input = _temp.CreateFolder("in");
        TestImages.WriteLineArt(Path.Combine(input, "a.png"), 32, 32);
        TestImages.WriteLineArt(Path.Combine(input, "b.png"), 32, 32);

        CliRun run = await CliRun.RunAsync("colorize", "--server", $"127.0.0.1:{ClosedPort()}", input, "-o", _temp.PathOf("out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("stopped at a.png after 0 of 2 files", run.Stderr);
        Assert.Single(run.Stderr.Split('\n'), line => line.StartsWith("error: UNAVAILABLE", StringComparison.Ordinal));
    }

    /// <summary>A loopback port nobody listens on: bound once to get a free number, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
