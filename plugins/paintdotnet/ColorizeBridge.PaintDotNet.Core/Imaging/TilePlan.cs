namespace ColorizeBridge.PaintDotNet.Core.Imaging;

/// <summary>
/// Overlapping tiles, none longer than a side limit, that cover an area. A
/// layer too large for one request (the message limit, or a size at which the
/// model's work size would lose the detail) goes to the server tile by tile;
/// the overlaps are cross-faded by <see cref="TileBlender"/> so no seam shows.
/// </summary>
public sealed class TilePlan
{
    private TilePlan(PixelRect area, int overlap, IReadOnlyList<PixelRect> tiles)
    {
        Area = area;
        Overlap = overlap;
        Tiles = tiles;
    }

    public PixelRect Area { get; }

    /// <summary>The least number of pixels two neighbouring tiles share.</summary>
    public int Overlap { get; }

    /// <summary>Row by row, left to right; each inside <see cref="Area"/>.</summary>
    public IReadOnlyList<PixelRect> Tiles { get; }

    public static TilePlan For(PixelRect area, int maxTileSide, int overlap)
    {
        if (area.IsEmpty)
        {
            throw new ArgumentException("the area is empty", nameof(area));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(overlap);
        if (maxTileSide <= 2 * overlap)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTileSide), maxTileSide, $"must be more than twice the overlap ({overlap})");
        }

        (int Start, int Length)[] columns = Split(area.Width, maxTileSide, overlap);
        (int Start, int Length)[] rows = Split(area.Height, maxTileSide, overlap);
        var tiles = new List<PixelRect>(columns.Length * rows.Length);
        foreach ((int top, int height) in rows)
        {
            foreach ((int left, int width) in columns)
            {
                tiles.Add(new PixelRect(area.X + left, area.Y + top, width, height));
            }
        }

        return new TilePlan(area, overlap, tiles);
    }

    /// <summary>Equal spans spread evenly over <paramref name="length"/>, neighbours sharing at least <paramref name="overlap"/>.</summary>
    private static (int Start, int Length)[] Split(int length, int maxSpan, int overlap)
    {
        if (length <= maxSpan)
        {
            return [(0, length)];
        }

        int count = (int)Math.Ceiling((length - overlap) / (double)(maxSpan - overlap));
        int span = (int)Math.Ceiling((length + ((count - 1) * (double)overlap)) / count);
        var spans = new (int, int)[count];
        for (int i = 0; i < count; i++)
        {
            // The last span ends exactly at the end; the others are spread evenly before it.
            int start = (int)Math.Floor(i * (length - span) / (double)(count - 1));
            spans[i] = (start, span);
        }

        return spans;
    }
}
