namespace ColorizeBridge.Imaging.Regions;

/// <summary>
/// One region's size and place: its area in pixels (lines it took included),
/// its interior area (pixels away from the lines), its bounding box (inclusive)
/// and how many of its pixels lie on the canvas border.
/// </summary>
public readonly record struct RegionStats(int Area, int InteriorArea, int Left, int Top, int Right, int Bottom, int BorderPixels)
{
    public bool TouchesBorder => BorderPixels > 0;
}
