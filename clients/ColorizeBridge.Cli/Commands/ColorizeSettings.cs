using ColorizeBridge.Api.V1;
using ColorizeBridge.Cli.Files;
using Google.Protobuf;

namespace ColorizeBridge.Cli.Commands;

/// <summary>What `colorize` asks of every file it colours.</summary>
/// <param name="Model">Model name; null = the server's default.</param>
/// <param name="WorkSide">Longest side the model works at; 0 = the model's preferred size.</param>
/// <param name="Layers">Also write the layers (lines, shading, flats, regions: docs/LAYERS.md) beside each output.</param>
/// <param name="Raw">The model's output as it is: its own colour rather than flats, without the line art put back on top.</param>
internal sealed record ColorizeSettings(string? Model, uint WorkSide, bool Layers, bool Raw)
{
    /// <summary>The palette for a model of kind "palette"; empty = none.</summary>
    public IReadOnlyList<PaletteEntry> Palette { get; init; } = [];

    /// <summary>The reference image for a model of kind "reference"; null = none.</summary>
    public byte[]? ReferencePng { get; init; }

    /// <summary>The path the reference image was read from, for error messages; null = none.</summary>
    public string? ReferenceFile { get; init; }

    /// <summary>The tags for a model of kind "tags"; empty = none.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The page named by --reference-lines and --reference-colours; null = none.</summary>
    public PageReference? Reference { get; init; }

    /// <summary>Gaps in the lines up to about this many pixels are closed when cutting the regions; 0 = the server's default.</summary>
    public uint GapSize { get; init; }

    /// <summary>Ask for the layers even without <see cref="Layers"/>: a sequence run keeps each page's flats for the next (issue 17).</summary>
    public bool KeepFlats { get; init; }

    /// <summary>Whether the layer <paramref name="name"/> of a result is written beside it.</summary>
    public bool Writes(string name) => Layers || (KeepFlats && name == "flats");

    /// <param name="reference">The page steering this one, or null.</param>
    public ColorizeRequest CreateRequest(byte[] lineArtPng, byte[]? hintsPng, PageReference? reference = null)
    {
        var request = new ColorizeRequest
        {
            Model = Model ?? "",
            LineArt = new Image { Png = UnsafeByteOperations.UnsafeWrap(lineArtPng) },
            Options = new ColorizeOptions
            {
                OutputFormat = OutputFormat.Png,
                LineComposite = Raw ? LineComposite.None : LineComposite.Multiply,
                WorkSide = WorkSide,
                ReturnLayers = Layers || KeepFlats,
                ModelColourOnly = Raw,
                GapSize = GapSize,
            },
        };
        if (reference is not null)
        {
            request.ReferencePage = new ReferencePage
            {
                LineArt = new Image { Png = UnsafeByteOperations.UnsafeWrap(LocalFiles.Read(reference.LinesFile, "reference lines")) },
                Colours = new Image { Png = UnsafeByteOperations.UnsafeWrap(LocalFiles.Read(reference.ColoursFile, "reference colours")) },
            };
        }

        // Only what the user gave: the server refuses a field the model cannot use.
        if (hintsPng is not null || Palette.Count > 0 || ReferencePng is not null || Tags.Count > 0)
        {
            var hints = new Hints();
            if (hintsPng is not null)
            {
                hints.HintLayer = new Image { Png = UnsafeByteOperations.UnsafeWrap(hintsPng) };
            }

            if (ReferencePng is not null)
            {
                hints.Reference = new Image { Png = UnsafeByteOperations.UnsafeWrap(ReferencePng) };
            }

            hints.Palette.AddRange(Palette);
            hints.Tags.AddRange(Tags);
            request.Hints = hints;
        }

        return request;
    }
}
