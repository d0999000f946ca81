using ColorizeBridge.Api.V1;
using ColorizeBridge.Cli.Backends;
using ColorizeBridge.Cli.Files;
using ColorizeBridge.Cli.Output;
using Grpc.Core;

namespace ColorizeBridge.Cli.Commands;

/// <summary>
/// Colours one file or a folder of files through a backend, writes the
/// results and prints each written path on stdout.
/// </summary>
internal sealed class ColorizeJob(IColorizerBackend backend, ColorizeSettings settings, CliConsole console)
{
    private const string PngExtension = ".png";

    /// <summary>What a folder's line art may be: the formats the server decodes (results are always PNG).</summary>
    private static readonly string[] InputExtensions = [PngExtension, ".jpg", ".jpeg", ".webp"];

    /// <summary>One line art (and optional hint layer) to one output file.</summary>
    public async Task<int> RunFileAsync(string input, string? hints, string output, CancellationToken cancellationToken)
    {
        RefuseToOverwrite(input, output);
        LocalFiles.CheckWritableFile(output);
        ColorizeRequest request = settings.CreateRequest(LocalFiles.Read(input, "line art"), hints is null ? null : LocalFiles.Read(hints, "hints"), settings.Reference);
        string item = Path.GetFileName(input);
        ColorizeResult result = await ProgressReporter.RunAsync(console,
            progress => ColorizeAsync(request, item, Files(input, hints, settings.Reference), progress, cancellationToken));
        WriteOutputs(result, output);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Every NAME.png (or .jpg, .jpeg, .webp) of <paramref name="inputFolder"/>
    /// to OUTPUT/NAME.png, with the file of the same name in HINTS as its hint
    /// layer where present. A file the server
    /// rejects is reported and skipped; a failure that would hit every file
    /// (server down, unknown model) stops the batch.
    /// </summary>
    /// <param name="sequence">How colours pass from page to page (issue 17); a sequence goes in natural name order.</param>
    /// <param name="resume">Skip pages whose output exists; in a sequence they still steer the pages after them.</param>
    public async Task<int> RunFolderAsync(string inputFolder, string? hintsFolder, string outputFolder, CancellationToken cancellationToken,
        SequenceMode sequence = SequenceMode.None, bool resume = false)
    {
        string[] inputs = [.. Directory.EnumerateFiles(inputFolder)
            .Where(path => InputExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            .Order(sequence == SequenceMode.None ? StringComparer.Ordinal : NaturalNameOrder.Instance)];
        if (inputs.Length == 0)
        {
            throw new CliUsageException($"the folder '{inputFolder}' holds no .png, .jpg, .jpeg or .webp files");
        }

        if (inputs.GroupBy(OutputName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1) is { } clash)
        {
            throw new CliUsageException($"{string.Join(" and ", clash.Select(Path.GetFileName))} would both be written to {clash.Key}; rename one");
        }

        if (hintsFolder is not null && !Directory.Exists(hintsFolder))
        {
            throw new CliUsageException($"--hints-dir: the folder '{hintsFolder}' does not exist");
        }

        RefuseToOverwrite(inputFolder, outputFolder);
        LocalFiles.CreateOutputFolder(outputFolder);
        var failures = new List<string>();
        int succeeded = 0, skipped = 0;
        PageReference? reference = settings.Reference;
        await ProgressReporter.RunAsync(console, async progress =>
        {
            foreach (string input in inputs)
            {
                string name = Path.GetFileName(input);
                string output = Path.Combine(outputFolder, OutputName(input));
                if (resume && File.Exists(output))
                {
                    console.Error.WriteLine($"{name}: skipped, {output} exists (--resume)");
                    skipped++;
                    reference = Next(sequence, reference, input, output);
                    continue;
                }

                ColorizeResult result;
                try
                {
                    string? hints = hintsFolder is null ? null : Path.Combine(hintsFolder, name);
                    bool hasHints = hints is not null && File.Exists(hints);
                    ColorizeRequest request = settings.CreateRequest(LocalFiles.Read(input, "line art"), hasHints ? LocalFiles.Read(hints!, "hints") : null, reference);
                    result = await ColorizeAsync(request, name, Files(input, hasHints ? hints : null, reference), progress, cancellationToken);
                }
                catch (RpcException e) when (!FailsEveryFile(e.StatusCode))
                {
                    failures.Add($"{name}: {ErrorText.Of(e)}");
                    continue;
                }
                catch (CliUsageException e)
                {
                    failures.Add($"{name}: {e.Message}");
                    continue;
                }
                catch (RpcException)
                {
                    console.Error.WriteLine($"stopped at {name} after {succeeded} of {inputs.Length} files: the error below applies to every file");
                    throw;
                }

                WriteOutputs(result, output);
                succeeded++;
                reference = Next(sequence, reference, input, output);
            }

            return succeeded;
        });

        foreach (string failure in failures)
        {
            console.Error.WriteLine($"error: {failure}");
        }

        console.Error.WriteLine($"colorized {succeeded} of {inputs.Length} files into {outputFolder}"
            + (skipped > 0 ? $"; {skipped} already there" : "") + (failures.Count > 0 ? $"; {failures.Count} failed" : ""));
        return failures.Count == 0 ? ExitCodes.Success : ExitCodes.CallFailed;
    }

    /// <summary>
    /// The page steering the one after <paramref name="input"/>, whose result is
    /// <paramref name="output"/>: in a chain that result; in a sequence the first
    /// result when no page was named; otherwise the same as before. A result is
    /// its line art with its flats layer (the composite where the flats are missing).
    /// </summary>
    private static PageReference? Next(SequenceMode sequence, PageReference? current, string input, string output)
    {
        if (sequence == SequenceMode.Chain || (sequence == SequenceMode.Sequence && current is null))
        {
            string flats = LayerPath(output, "flats");
            return new PageReference(input, File.Exists(flats) ? flats : output);
        }

        return current;
    }

    /// <summary>NAME.png for NAME.png, NAME.jpg, NAME.jpeg or NAME.webp: the result is a PNG whatever came in.</summary>
    private static string OutputName(string input) => Path.ChangeExtension(Path.GetFileName(input), PngExtension);

    /// <summary>Statuses about the server, the model or the options rather than the file: retrying the next file cannot help.</summary>
    private static bool FailsEveryFile(StatusCode code) => code is StatusCode.Unavailable or StatusCode.Unauthenticated
        or StatusCode.PermissionDenied or StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.Unimplemented
        or StatusCode.Cancelled or StatusCode.DeadlineExceeded;

    /// <summary>Writing the result over its own line art would destroy the user's drawing.</summary>
    private static void RefuseToOverwrite(string input, string output)
    {
        if (string.Equals(Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar),
                StringComparison.Ordinal))
        {
            throw new CliUsageException($"-o '{output}' is the input itself; the line art would be overwritten");
        }
    }

    /// <summary>The layer file beside <paramref name="output"/>: out.png + "lines" = out.lines.png.</summary>
    private static string LayerPath(string output, string layerName)
    {
        string suffix = string.Concat(layerName.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();
        string extension = Path.GetExtension(output) is { Length: > 0 } given ? given : PngExtension;
        return Path.Combine(Path.GetDirectoryName(output) ?? "", $"{Path.GetFileNameWithoutExtension(output)}.{suffix}{extension}");
    }

    /// <summary>The user's files behind the request's image fields, so errors name them.</summary>
    private RequestFiles Files(string input, string? hints, PageReference? reference) =>
        new RequestFiles().With("line_art", input).With("hints.hint_layer", hints).With("hints.reference", settings.ReferenceFile)
            .With("reference_page.line_art", reference?.LinesFile).With("reference_page.colours", reference?.ColoursFile);

    private async Task<ColorizeResult> ColorizeAsync(
        ColorizeRequest request, string item, RequestFiles files, ProgressReporter progress, CancellationToken cancellationToken)
    {
        ColorizeResult? result = null;
        try
        {
            await foreach (ColorizeUpdate update in backend.ColorizeAsync(request, cancellationToken))
            {
                if (update.UpdateCase == ColorizeUpdate.UpdateOneofCase.Result)
                {
                    result = update.Result;
                }
                else
                {
                    progress.Report(item, update);
                }
            }
        }
        catch (RpcException e)
        {
            throw files.InUsersWords(e);
        }
        finally
        {
            progress.Finish(item, result is not null);
        }

        return result ?? throw new RpcException(new Status(StatusCode.Internal, "the Colorize stream ended without a result"));
    }

    private void WriteOutputs(ColorizeResult result, string output)
    {
        LocalFiles.Write(output, ResultImages.PngBytes(result.Image, "result.image"));
        console.Out.WriteLine(output);
        foreach (Layer layer in result.Layers.Where(l => settings.Writes(l.Name)))
        {
            string path = LayerPath(output, layer.Name);
            LocalFiles.Write(path, ResultImages.PngBytes(layer.Image, $"layer '{layer.Name}'"));
            console.Out.WriteLine(path);
        }
    }
}
