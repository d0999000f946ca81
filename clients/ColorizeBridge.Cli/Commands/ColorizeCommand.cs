using System.CommandLine;
using ColorizeBridge.Cli.Backends;
using ColorizeBridge.Cli.Files;

namespace ColorizeBridge.Cli.Commands;

/// <summary><c>colorize</c>: one line art to one image, or a folder of line art to a folder.</summary>
internal static class ColorizeCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var input = new Argument<string>("LINEART") { Description = "Line art PNG, JPEG or WebP (black lines on white or on transparency), or a folder of them (results are PNG)" };
        var output = new Option<string>("--output", "-o") { HelpName = "OUT", Description = "Output PNG, or the output folder when LINEART is a folder", Required = true };
        var hints = new Option<string?>("--hints") { HelpName = "HINTS.png", Description = "Hint layer PNG the size of the line art: opaque pixels ask for their colour there" };
        var hintsDir = new Option<string?>("--hints-dir") { HelpName = "DIR", Description = "Folder input: hint layers by file name (HINTS_DIR/NAME.png for NAME.png), where present" };
        var model = new Option<string?>("--model") { HelpName = "NAME", Description = "Model to use (default: the server's default model; see `models`)" };
        var workSide = new Option<int?>("--work-side") { HelpName = "N", Description = "Longest side, in pixels, the model works at (default: the model's preferred size)" };
        var layers = new Option<bool>("--layers") { Description = "Also write the layers OUT.lines.png, OUT.shading.png, OUT.flats.png and OUT.regions.png (docs/LAYERS.md)" };
        var raw = new Option<bool>("--raw") { Description = "Write the model's output as it is: its own colour instead of flats, without the line art on top" };
        var palette = new Option<string?>("--palette")
        {
            HelpName = "COLOURS",
            Description = "Models of kind palette: comma-separated #rrggbb colours, each with an optional :weight (\"#aabbcc,#ddeeff:2\"); no weights = equal shares",
        };
        var reference = new Option<string?>("--reference") { HelpName = "REF.png", Description = "Models of kind reference: a colour illustration whose colours to follow (PNG, JPEG or WebP)" };
        var tags = new Option<string?>("--tags") { HelpName = "TAGS", Description = "Models of kind tags: comma-separated colour tags of the model (red,blue; `models` lists them)" };

        var command = new Command("colorize", "Colour line art, guided by an optional hint layer, palette, reference or tags (as the model's kind takes)")
        {
            input, output, hints, hintsDir, model, workSide, layers, raw, palette, reference, tags,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            int side = parse.GetValue(workSide) ?? 0;
            if (parse.GetValue(workSide) is <= 0)
            {
                throw new CliUsageException($"--work-side must be a positive number of pixels, got {side}");
            }

            var settings = new ColorizeSettings(parse.GetValue(model), (uint)side, parse.GetValue(layers), parse.GetValue(raw))
            {
                Palette = parse.GetValue(palette) is { } colours ? ConditionArguments.ParsePalette(colours) : [],
                ReferencePng = parse.GetValue(reference) is { } referencePath ? LocalFiles.Read(referencePath, "reference") : null,
                ReferenceFile = parse.GetValue(reference),
                Tags = parse.GetValue(tags) is { } tagList ? ConditionArguments.ParseTags(tagList) : [],
            };
            string inputPath = parse.GetValue(input)!;
            string outputPath = parse.GetValue(output)!;
            bool isFolder = Directory.Exists(inputPath);
            if (isFolder && parse.GetValue(hints) is not null)
            {
                throw new CliUsageException("--hints takes one file; for a folder of line art use --hints-dir");
            }

            if (!isFolder && parse.GetValue(hintsDir) is not null)
            {
                throw new CliUsageException("--hints-dir goes with a folder of line art; for one file use --hints");
            }

            using IColorizerBackend backend = globals.CreateBackend(parse);
            var job = new ColorizeJob(backend, settings, console);
            return isFolder
                ? await job.RunFolderAsync(inputPath, parse.GetValue(hintsDir), outputPath, cancellationToken)
                : await job.RunFileAsync(inputPath, parse.GetValue(hints), outputPath, cancellationToken);
        });
        return command;
    }
}
