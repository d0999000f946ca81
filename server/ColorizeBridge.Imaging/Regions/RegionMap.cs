namespace ColorizeBridge.Imaging.Regions;

/// <summary>
/// Line art cut into regions at full canvas resolution: every pixel, ink
/// included, carries the index (0 to Count - 1) of one region, and a role
/// saying whether it is interior, near a line or line.
/// </summary>
public sealed class RegionMap
{
    internal RegionMap(int width, int height, int[] labels, PixelRole[] roles, RegionStats[] stats)
    {
        Width = width;
        Height = height;
        Labels = labels;
        Roles = roles;
        Stats = stats;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The region index of each pixel, rows top to bottom.</summary>
    public int[] Labels { get; }

    public PixelRole[] Roles { get; }

    /// <summary>Per region, by index.</summary>
    public IReadOnlyList<RegionStats> Stats { get; }

    public int Count => Stats.Count;

    public int RegionAt(int x, int y) => Labels[(y * Width) + x];
}
