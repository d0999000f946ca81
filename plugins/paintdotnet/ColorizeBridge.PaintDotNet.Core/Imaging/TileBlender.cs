namespace ColorizeBridge.PaintDotNet.Core.Imaging;

/// <summary>
/// Puts colorized tiles of a <see cref="TilePlan"/> back together. Where a
/// tile overlaps pixels an earlier tile wrote, it fades in linearly across the
/// overlap, so two tiles that coloured the same region a little differently
/// meet without a seam. Holds one byte a pixel besides the result, so large
/// layers stay affordable.
/// </summary>
public sealed class TileBlender
{
    private readonly TilePlan _plan;
    private readonly bool[] _written;
    private int _next;

    public TileBlender(TilePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plan = plan;
        Result = new BgraBitmap(plan.Area.Width, plan.Area.Height);
        _written = new bool[plan.Area.Width * plan.Area.Height];
    }

    /// <summary>The area so far, in area coordinates (0,0 is the area's top left).</summary>
    public BgraBitmap Result { get; }

    public bool IsComplete => _next == _plan.Tiles.Count;

    /// <summary>Adds the pixels of the next tile of the plan; tiles come in the plan's order.</summary>
    public void Add(BgraBitmap pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (IsComplete)
        {
            throw new InvalidOperationException($"all {_plan.Tiles.Count} tiles have been added");
        }

        PixelRect tile = _plan.Tiles[_next].RelativeTo(_plan.Area);
        if (pixels.Width != tile.Width || pixels.Height != tile.Height)
        {
            throw new ArgumentException($"tile {_next} is {tile.Width}x{tile.Height}, the pixels {pixels.Width}x{pixels.Height}", nameof(pixels));
        }

        // The fade runs over the overlap plus one pixel so its first pixel already counts a little.
        float ramp = _plan.Overlap + 1;
        for (int y = 0; y < tile.Height; y++)
        {
            Span<byte> target = Result.GetRow(tile.Y + y);
            ReadOnlySpan<byte> source = pixels.GetRow(y);
            float fromTop = tile.Y > 0 ? Math.Min(1f, (y + 1) / ramp) : 1f;
            for (int x = 0; x < tile.Width; x++)
            {
                int index = ((tile.Y + y) * Result.Width) + tile.X + x;
                int s = x * BgraBitmap.BytesPerPixel;
                int t = (tile.X + x) * BgraBitmap.BytesPerPixel;
                if (!_written[index])
                {
                    source.Slice(s, BgraBitmap.BytesPerPixel).CopyTo(target.Slice(t, BgraBitmap.BytesPerPixel));
                    _written[index] = true;
                    continue;
                }

                float fromLeft = tile.X > 0 ? Math.Min(1f, (x + 1) / ramp) : 1f;
                float weight = Math.Min(fromLeft, fromTop);
                for (int c = 0; c < BgraBitmap.BytesPerPixel; c++)
                {
                    target[t + c] = (byte)MathF.Round(target[t + c] + ((source[s + c] - target[t + c]) * weight));
                }
            }
        }

        _next++;
    }
}
