using BenchmarkDotNet.Running;
using ColorizeBridge.Benchmarks;
using ColorizeBridge.Benchmarks.EndToEnd;
using ColorizeBridge.Benchmarks.ImagePath;
using ColorizeBridge.Benchmarks.Regions;

// Verbs: `e2e [--models DIR] [--model NAME] [--iterations N] [--device D] [--out FILE] [--smoke]`
// (the harness; --smoke exits 1 when the 512² overhead ratio passes the CI limit),
// `load [--side N] [--seconds S]` (Colorize calls back to back, for scripts/profile.sh),
// `forward [--side N] [--count N]` (bare forwards only, no server: the bridge's own cost)
// `regions [--side N] [--count N]` (regions and flats on the sample page, ms per megapixel)
// and `micro [BenchmarkDotNet args]` (the image-path micro-benchmarks).
if (args.Length > 0 && args[0] == "micro")
{
    BenchmarkRunner.Run<ImagePathBenchmarks>(args: args[1..]);
    return 0;
}

if (args.Length == 0 || args[0] is not ("e2e" or "load" or "forward" or "regions"))
{
    Console.Error.WriteLine("usage: ColorizeBridge.Benchmarks e2e [--models DIR] [--model NAME] [--iterations N] [--device D] [--out FILE] [--smoke]"
        + " | load [--models DIR] [--model NAME] [--device D] [--side N] [--seconds S]"
        + " | forward [--models DIR] [--model NAME] [--device D] [--side N] [--count N] | regions [--side N] [--count N] | micro [BenchmarkDotNet args]");
    return 2;
}

string Option(string name, string fallback)
{
    int index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

if (args[0] == "regions")
{
    if (!int.TryParse(Option("--side", "2048"), out int side) || side < 64 || !int.TryParse(Option("--count", "10"), out int count) || count < 1)
    {
        Console.Error.WriteLine("error: --side must be a number of pixels >= 64 and --count a positive number");
        return 2;
    }

    RegionsBenchmark.Run(side, count, Console.Out);
    return 0;
}

string modelsDirectory = Path.GetFullPath(Option("--models", Path.Combine(Paths.RepoRoot, "models")));
string? model = args.Contains("--model") ? Option("--model", "") : null;
if (args[0] == "load")
{
    // `load`: Colorize calls back to back for a sampling profiler (scripts/profile.sh).
    if (!int.TryParse(Option("--side", "1024"), out int side) || side < 64 || !double.TryParse(Option("--seconds", "30"),
        System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double seconds) || seconds <= 0)
    {
        Console.Error.WriteLine("error: --side must be a number of pixels >= 64 and --seconds a positive number");
        return 2;
    }

    var loadOptions = new HarnessOptions(modelsDirectory, model, Iterations: 1, Sizes: [side], Device: Option("--device", "auto"), Smoke: false);
    try
    {
        await new EndToEndHarness(loadOptions, Console.Error).RunLoadAsync(side, seconds);
        return 0;
    }
    catch (InvalidOperationException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
}

if (args[0] == "forward")
{
    if (!int.TryParse(Option("--side", "512"), out int side) || side < 64 || !int.TryParse(Option("--count", "20"), out int count) || count < 1)
    {
        Console.Error.WriteLine("error: --side must be a number of pixels >= 64 and --count a positive number");
        return 2;
    }

    try
    {
        new EndToEndHarness(new HarnessOptions(modelsDirectory, model, Iterations: count, Sizes: [side], Device: Option("--device", "auto"), Smoke: false),
            Console.Error).RunForwards(side, count);
        return 0;
    }
    catch (InvalidOperationException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
}

bool smoke = args.Contains("--smoke");
if (!int.TryParse(Option("--iterations", smoke ? "5" : "10"), out int iterations) || iterations < 1)
{
    Console.Error.WriteLine("error: --iterations must be a positive number");
    return 2;
}

var options = new HarnessOptions(
    ModelsDirectory: modelsDirectory,
    Model: model,
    Iterations: iterations,
    Sizes: [512, 1024],
    Device: Option("--device", "auto"),
    Smoke: smoke);
try
{
    EndToEndReport report = await new EndToEndHarness(options, Console.Error).RunAsync();
    string markdown = report.ToMarkdown();
    Console.WriteLine(markdown);
    if (!smoke)
    {
        string output = Option("--out", Path.Combine(Paths.RepoRoot, "docs", "BENCHMARKS.md"));
        File.WriteAllText(output, markdown + EndToEndReport.HandWrittenPart(output));
        Console.Error.WriteLine($"wrote {output}");
    }

    if (smoke && !report.MeetsOverheadTarget(512, EndToEndHarness.SmokeOverheadLimit))
    {
        Console.Error.WriteLine($"error: Colorize at 512² costs more than {EndToEndHarness.SmokeOverheadLimit:F2}x a bare forward");
        return 1;
    }

    if (smoke && !report.MeetsInCallLimit(512, EndToEndHarness.SmokeInCallLimit))
    {
        Console.Error.WriteLine($"error: Colorize at 512² costs more than {EndToEndHarness.SmokeInCallLimit:F2}x the server's own forward in the same call");
        return 1;
    }

    return 0;
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
