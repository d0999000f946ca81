using ColorizeBridge.Api.V1;
using ColorizeBridge.Client;
using ColorizeBridge.PaintDotNet.Core.Imaging;
using ColorizeBridge.PaintDotNet.Core.Requests;

namespace ColorizeBridge.PaintDotNet.Core;

/// <summary>
/// Colorizes the selected part of a line art layer on a ColorizeBridge
/// server: crops to the selection, masks what lies outside a non-rectangular
/// one, sends the area tile by tile when it is large, and puts the tiles back
/// together.
/// </summary>
public sealed class LayerColorizer(ColorizeSettings settings)
{
    /// <param name="lineArt">The whole line art layer.</param>
    /// <param name="hintLayer">The whole layer below it, or null when there is none.</param>
    /// <param name="selection">The selection; <see cref="SelectionMask.Everything"/> when nothing is selected.</param>
    /// <param name="progress">0..1 over the whole area.</param>
    /// <exception cref="Grpc.Core.RpcException">A call failed (see <see cref="ErrorMessages"/>).</exception>
    public async Task<ColorizedArea> ColorizeAsync(BgraBitmap lineArt, BgraBitmap? hintLayer, SelectionMask selection,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lineArt);
        ArgumentNullException.ThrowIfNull(selection);
        if (selection.Bounds.Intersect(lineArt.Bounds) != selection.Bounds)
        {
            throw new ArgumentException($"the selection {selection.Bounds} reaches outside the {lineArt.Width}x{lineArt.Height} layer", nameof(selection));
        }

        PixelRect bounds = selection.Bounds;
        BgraBitmap area = lineArt.Crop(bounds);
        BgraBitmap? hints = hintLayer?.Crop(bounds);
        if (!selection.IsRectangle)
        {
            selection.ClearOutside(area);
            if (hints is not null)
            {
                selection.ClearOutside(hints);
            }
        }

        TilePlan plan = TilePlan.For(area.Bounds, settings.MaxTileSide, settings.TileOverlap);
        var blender = new TileBlender(plan);
        using ColorizerClient client = ColorizerClient.Create(settings.ServerAddress, new ColorizerClientOptions
        {
            AccessToken = string.IsNullOrWhiteSpace(settings.AccessToken) ? null : settings.AccessToken.Trim(),
            CallTimeout = settings.CallTimeout,
        });

        for (int i = 0; i < plan.Tiles.Count; i++)
        {
            PixelRect tile = plan.Tiles[i];
            ColorizeRequest request = ColorizeRequestBuilder.Build(settings, area.Crop(tile), hints?.Crop(tile));
            ColorizeResult? result = null;
            await foreach (ColorizeUpdate update in client.ColorizeAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (update.UpdateCase == ColorizeUpdate.UpdateOneofCase.Progress)
                {
                    progress?.Report((i + Math.Clamp(update.Progress.Fraction, 0f, 1f)) / plan.Tiles.Count);
                }
                else if (update.UpdateCase == ColorizeUpdate.UpdateOneofCase.Result)
                {
                    result = update.Result;
                }
            }

            if (result is null)
            {
                throw new InvalidDataException("the server ended the call without a result");
            }

            blender.Add(ColorizeResultReader.Read(result, tile.Width, tile.Height));
            progress?.Report((i + 1.0) / plan.Tiles.Count);
        }

        return new ColorizedArea(bounds, blender.Result);
    }
}
