using ColorizeBridge.Tests.Shared;
using ColorizeBridge.Cli.Tests.Support;

namespace ColorizeBridge.Cli.Tests.Commands;

/// <summary>`health` with the engine in-process: the same answers the server's health service gives.</summary>
public sealed class HealthCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _models;

    public HealthCommandTests()
    {
        _models = _temp.CreateFolder("models");
        FixtureModels.Install(_models, TestModels.TinyModel, isDefault: true, preferredSide: 64);
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("colorizebridge.v1.Colorizer")]
    [InlineData("colorizebridge.v1.Colorizer/tiny")]
    public async Task Health_ReadyModel_PrintsServingAndExitsZero(string service)
    {
        CliRun run = await CliRun.RunAsync("health", "--models", _models, "--service", service);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("SERVING", run.Stdout.Trim());
    }

    [Fact]
    public async Task Health_NoModelInstalled_PrintsNotServingAndExitsOne()
    {
        string empty = _temp.CreateFolder("empty");

        CliRun run = await CliRun.RunAsync("health", "--models", empty, "--service", "colorizebridge.v1.Colorizer");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("NOT_SERVING", run.Stdout.Trim());
    }

    [Fact]
    public async Task Health_UnknownService_ExitsOneWithNotFound()
    {
        CliRun run = await CliRun.RunAsync("health", "--models", _models, "--service", "colorizebridge.v1.Colorizer/nope");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: NOT_FOUND: Unknown service 'colorizebridge.v1.Colorizer/nope'.", run.Stderr);
    }
}
