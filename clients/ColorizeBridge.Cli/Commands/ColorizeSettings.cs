using ColorizeBridge.Api.V1;
using Google.Protobuf;

namespace ColorizeBridge.Cli.Commands;

/// <summary>What `colorize` asks of every file it colours.</summary>
/// <param name="Model">Model name; null = the server's default.</param>
/// <param name="WorkSide">Longest side the model works at; 0 = the model's preferred size.</param>
/// <param name="Layers">Also write the colour and line-art layers beside each output.</param>
/// <param name="Raw">The model's output as it is, without the line art multiplied back on top.</param>
internal sealed record ColorizeSettings(string? Model, uint WorkSide, bool Layers, bool Raw)
{
    public ColorizeRequest CreateRequest(byte[] lineArtPng, byte[]? hintsPng)
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
                ReturnLayers = Layers,
            },
        };
        if (hintsPng is not null)
        {
            request.Hints = new Hints { HintLayer = new Image { Png = UnsafeByteOperations.UnsafeWrap(hintsPng) } };
        }

        return request;
    }
}
