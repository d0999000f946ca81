using ColorizeBridge.Api.V1;
using ColorizeBridge.Cli.Output;

namespace ColorizeBridge.Cli.Tests.Output;

public sealed class PlainProgressReporterTests
{
    [Fact]
    public void Report_RepeatedStage_WritesOneLinePerStageChange()
    {
        using var error = new StringWriter();
        var reporter = new PlainProgressReporter(error);

        reporter.Report("a.png", Progress(0.2f, "model"));
        reporter.Report("a.png", Progress(0.5f, "model"));
        reporter.Report("a.png", new ColorizeUpdate { Queued = new Queued { Position = 3 } });
        reporter.Report("a.png", Progress(0.9f, "encode"));
        reporter.Report("a.png", new ColorizeUpdate { Preview = new Image() });

        Assert.Equal(["a.png: model", "a.png: queued at position 3", "a.png: encode"],
            error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    private static ColorizeUpdate Progress(float fraction, string stage) =>
        new() { Progress = new ColorizeBridge.Api.V1.Progress { Fraction = fraction, Stage = stage } };
}
