using System.CommandLine;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Cli.Backends;
using ColorizeBridge.Cli.Files;
using ColorizeBridge.Cli.Output;
using Google.Protobuf;
using Grpc.Core;

namespace ColorizeBridge.Cli.Commands;

/// <summary><c>extract-lineart</c>: a drawing or scan in, black-on-white line art out.</summary>
internal static class ExtractLineArtCommand
{
    private const string Xdog = "xdog";
    private const string Threshold = "threshold";

    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var input = new Argument<string>("IN.png") { Description = "Colour or greyscale drawing, or a scanned sketch (PNG, JPEG or WebP)" };
        var output = new Option<string>("--output", "-o") { HelpName = "OUT.png", Description = "Where to write the line art (PNG)", Required = true };
        var method = new Option<string>("--method")
        {
            Description = "xdog (difference of Gaussians, for drawings) or threshold (adaptive threshold, for pencil scans)",
            DefaultValueFactory = _ => Xdog,
        };
        method.AcceptOnlyFromAmong(Xdog, Threshold);
        var sigma = new Option<float?>("--sigma") { HelpName = "S", Description = "xdog only: blur radius in pixels (default 0.4); larger = bolder, fewer lines" };
        var threshold = new Option<float?>("--threshold") { HelpName = "T", Description = "threshold only: how much darker than its surroundings ink is, 0..1 (default 0.15)" };

        var command = new Command("extract-lineart", "Turn a drawing or scan into clean line art") { input, output, method, sigma, threshold };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new ExtractLineArtRequest
            {
                Method = parse.GetValue(method) == Threshold ? LineArtMethod.Threshold : LineArtMethod.Xdog,
                OutputFormat = OutputFormat.Png,
            };
            if (parse.GetValue(sigma) is { } sigmaValue)
            {
                RequireMethod(request.Method, LineArtMethod.Xdog, "--sigma");
                request.Sigma = sigmaValue > 0 ? sigmaValue : throw new CliUsageException($"--sigma must be above 0, got {sigmaValue}");
            }

            if (parse.GetValue(threshold) is { } thresholdValue)
            {
                RequireMethod(request.Method, LineArtMethod.Threshold, "--threshold");
                request.Threshold = thresholdValue is > 0 and < 1
                    ? thresholdValue
                    : throw new CliUsageException($"--threshold must be between 0 and 1, got {thresholdValue}");
            }

            string outputPath = parse.GetValue(output)!;
            LocalFiles.CheckWritableFile(outputPath);
            string inputPath = parse.GetValue(input)!;
            request.Image = new Image { Png = UnsafeByteOperations.UnsafeWrap(LocalFiles.Read(inputPath, "input")) };

            using IColorizerBackend backend = globals.CreateBackend(parse);
            ExtractLineArtResponse response;
            try
            {
                response = await backend.ExtractLineArtAsync(request, cancellationToken);
            }
            catch (RpcException e)
            {
                throw new RequestFiles().With("image", inputPath).InUsersWords(e);
            }

            LocalFiles.Write(outputPath, ResultImages.PngBytes(response.LineArt, "line_art"));
            console.Out.WriteLine(outputPath);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Each tuning flag belongs to one method; silently ignoring it would hide a mistake.</summary>
    private static void RequireMethod(LineArtMethod chosen, LineArtMethod needed, string flag)
    {
        if (chosen != needed)
        {
            throw new CliUsageException($"{flag} applies to --method {(needed == LineArtMethod.Xdog ? Xdog : Threshold)}");
        }
    }
}
