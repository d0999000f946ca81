using System.CommandLine;
using ColorizeBridge.Cli.Backends;
using ColorizeBridge.Cli.Files;

namespace ColorizeBridge.Cli.Commands;

/// <summary><c>colorize</c>: one line art to one image, or a folder of line art to a folder.</summary>
internal static class ColorizeCommand
{
    /// <summary>The widest gap the server closes (options.gap_size).</summary>
    private const int MaxGapSize = ColorizeBridge.Imaging.Regions.RegionOptions.MaxGapSize;

    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var input = new Argument<string>("LINEART") { Description = "Line art PNG, JPEG or WebP (black lines on white or on transparency), or a folder of them (results are PNG)" };
        var output = new Option<string>("--output", "-o") { HelpName = "OUT", Description = "Output PNG, or the output folder when LINEART is a folder", Required = true };
        var hints = new Option<string?>("--hints") { HelpName = "HINTS.png", Description = "Hint layer PNG the size of the line art: opaque pixels ask for their colour there" };
        var hintsDir = new Option<string?>("--hints-dir") { HelpName = "DIR", Description = "Folder input: hint layers by file name (HINTS_DIR/NAME.png for NAME.png), where present" };
        var model = new Option<string?>("--model") { HelpName = "NAME", Description = "Model to use (default: the server's default model; see `models`)" };
        var workSide = new Option<int?>("--work-side") { HelpName = "N", Description = "Longest side, in pixels, the model works at (default: the model's preferred size)" };
        var layers = new Option<bool>("--layers") { Description = "Also write the layers OUT.lines.png, OUT.shading.png, OUT.flats.png and OUT.regions.png (docs/LAYERS.md)" };
        var gapSize = new Option<int?>("--gap-size")
        {
            HelpName = "PX",
            Description = "Gaps in the lines up to about this many pixels are closed when the line art is cut into regions for the flats, as Krita's Colorize Mask closes them (1 to 64; default 3)",
        };
        var raw = new Option<bool>("--raw") { Description = "Write the model's output as it is: its own colour instead of flats, without the line art on top" };
        var palette = new Option<string?>("--palette")
        {
            HelpName = "COLOURS",
            Description = "Models of kind palette: comma-separated #rrggbb colours, each with an optional :weight (\"#aabbcc,#ddeeff:2\"); no weights = equal shares",
        };
        var reference = new Option<string?>("--reference") { HelpName = "REF.png", Description = "Models of kind reference: a colour illustration whose colours to follow (PNG, JPEG or WebP)" };
        var tags = new Option<string?>("--tags") { HelpName = "TAGS", Description = "Models of kind tags: comma-separated colour tags of the model (red,blue; `models` lists them)" };
        var referenceLines = new Option<string?>("--reference-lines")
        {
            HelpName = "LINES.png",
            Description = "A finished page's line art whose colours to follow region by region (any model kind; with --reference-colours)",
        };
        var referenceColours = new Option<string?>("--reference-colours")
        {
            HelpName = "COLOURED.png",
            Description = "That page coloured (its composite or flats layer, the size of --reference-lines)",
        };
        var sequence = new Option<bool>("--sequence")
        {
            Description = "Folder input: pages in natural name order (page2 before page10); the named reference, or else the first page's result, steers every later page",
        };
        var chain = new Option<bool>("--chain")
        {
            Description = "Folder input: like --sequence, but each page is steered by the previous page's result (its line art and flats)",
        };
        var resume = new Option<bool>("--resume")
        {
            Description = "Folder input: skip pages whose output exists (in a sequence they still steer the next ones)",
        };

        var command = new Command("colorize", "Colour line art, guided by an optional hint layer, palette, reference or tags (as the model's kind takes)")
        {
            input, output, hints, hintsDir, model, workSide, gapSize, layers, raw, palette, reference, tags, referenceLines, referenceColours, sequence, chain, resume,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            int side = parse.GetValue(workSide) ?? 0;
            if (parse.GetValue(workSide) is <= 0)
            {
                throw new CliUsageException($"--work-side must be a positive number of pixels, got {side}");
            }

            if (parse.GetValue(gapSize) is int gap && gap is < 1 or > MaxGapSize)
            {
                throw new CliUsageException($"--gap-size must be 1 to {MaxGapSize} pixels, got {gap}");
            }

            if (parse.GetValue(gapSize) is not null && parse.GetValue(raw))
            {
                throw new CliUsageException("--gap-size closes gaps for the flats, and --raw returns the model's own colour without them: use one or the other");
            }

            string inputPath = parse.GetValue(input)!;
            string outputPath = parse.GetValue(output)!;
            bool isFolder = Directory.Exists(inputPath);
            SequenceMode mode = parse.GetValue(chain) ? SequenceMode.Chain : parse.GetValue(sequence) ? SequenceMode.Sequence : SequenceMode.None;
            PageReference? page = ReadReference(parse.GetValue(referenceLines), parse.GetValue(referenceColours));
            if (!isFolder && (mode != SequenceMode.None || parse.GetValue(resume)))
            {
                string flag = parse.GetValue(chain) ? "--chain" : parse.GetValue(sequence) ? "--sequence" : "--resume";
                throw new CliUsageException($"{flag} goes with a folder of line art; '{inputPath}' is one file");
            }

            if (parse.GetValue(raw) && (page is not null || mode != SequenceMode.None))
            {
                throw new CliUsageException("--raw returns the model's own colour, and a reference page (--reference-lines, --sequence, --chain) steers the flats: use one or the other");
            }

            var settings = new ColorizeSettings(parse.GetValue(model), (uint)side, parse.GetValue(layers), parse.GetValue(raw))
            {
                Reference = page,
                KeepFlats = mode != SequenceMode.None,
                Palette = parse.GetValue(palette) is { } colours ? ConditionArguments.ParsePalette(colours) : [],
                ReferencePng = parse.GetValue(reference) is { } referencePath ? LocalFiles.Read(referencePath, "reference") : null,
                ReferenceFile = parse.GetValue(reference),
                Tags = parse.GetValue(tags) is { } tagList ? ConditionArguments.ParseTags(tagList) : [],
                GapSize = (uint)(parse.GetValue(gapSize) ?? 0),
            };
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
                ? await job.RunFolderAsync(inputPath, parse.GetValue(hintsDir), outputPath, cancellationToken, mode, parse.GetValue(resume))
                : await job.RunFileAsync(inputPath, parse.GetValue(hints), outputPath, cancellationToken);
        });
        return command;
    }

    /// <summary>The page named by --reference-lines and --reference-colours: both or neither.</summary>
    private static PageReference? ReadReference(string? lines, string? colours)
    {
        if ((lines is null) != (colours is null))
        {
            throw new CliUsageException(lines is null
                ? "--reference-colours needs --reference-lines: the coloured page's line art, cut into the regions its colours are read from"
                : "--reference-lines needs --reference-colours: the same page coloured (its composite or flats layer)");
        }

        if (lines is null || colours is null)
        {
            return null;
        }

        foreach ((string path, string flag) in new[] { (lines, "--reference-lines"), (colours, "--reference-colours") })
        {
            if (!File.Exists(path))
            {
                throw new CliUsageException($"{flag}: the file '{path}' does not exist");
            }
        }

        return new PageReference(lines, colours);
    }
}
