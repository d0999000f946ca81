using ColorizeBridge.Tests.Shared;
using ColorizeBridge.Cli.Tests.Support;

namespace ColorizeBridge.Cli.Tests.Commands;

/// <summary>`models` with the engine in-process.</summary>
public sealed class ModelsCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Models_InstalledModel_PrintsATableRowThatIsReadyOnCpu()
    {
        string models = _temp.CreateFolder("models");
        FixtureModels.Install(models, TestModels.TinyModel, isDefault: true, preferredSide: 64);

        CliRun run = await CliRun.RunAsync("models", "--models", models, "--device", "cpu");

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "VERSION", "KIND", "STATE", "DEVICE", "TAGS", "ERROR"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["tiny", "0.1.0", "hints", "READY", "cpu", "-", "-"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("default model: tiny", run.Stderr);
    }

    [Fact]
    public async Task Models_EachKind_ShowsTheKindAndATagsModelsVocabulary()
    {
        string models = _temp.CreateFolder("models");
        foreach (string kind in FixtureModels.Kinds)
        {
            FixtureModels.InstallKind(models, kind);
        }

        CliRun run = await CliRun.RunAsync("models", "--models", models, "--device", "cpu");

        Assert.True(run.ExitCode == 0, run.ToString());
        string[][] rows = [.. run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
        Assert.Equal(
        [
            ["fixture-auto", "0.1.0", "auto", "READY", "cpu", "-", "-"],
            ["fixture-palette", "0.1.0", "palette", "READY", "cpu", "-", "-"],
            ["fixture-reference", "0.1.0", "reference", "READY", "cpu", "-", "-"],
            ["fixture-tags", "0.1.0", "tags", "READY", "cpu", "red,green,blue,yellow,white", "-"],
        ], rows.OrderBy(row => row[0], StringComparer.Ordinal));
    }

    [Fact]
    public async Task Models_CorruptModelFile_ListsItAsFailedWithTheReason()
    {
        string models = _temp.CreateFolder("models");
        FixtureModels.Install(models, TestModels.TinyModel, isDefault: true, preferredSide: 64);
        FixtureModels.Install(models, "broken", preferredSide: 64);
        File.AppendAllText(Path.Combine(models, "broken", "model.onnx"), "corrupt");

        CliRun run = await CliRun.RunAsync("models", "--models", models);

        Assert.True(run.ExitCode == 0, run.ToString());
        string broken = run.Stdout.Split('\n').Single(line => line.StartsWith("broken", StringComparison.Ordinal));
        Assert.Contains("FAILED", broken);
        Assert.Contains("sha256", broken);
    }

    [Fact]
    public async Task Models_NoModelInstalled_PrintsOnlyTheHeaderAndSaysSo()
    {
        string empty = _temp.CreateFolder("models");

        CliRun run = await CliRun.RunAsync("models", "--models", empty);

        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("no models installed", run.Stderr);
    }
}
