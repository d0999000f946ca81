namespace ColorizeBridge.Imaging.Regions;

/// <summary>
/// One region's size and place: its area in pixels (lines it took included),
/// its interior area (pixels away from the lines), its bounding box (inclusive)
/// and whether it reaches the canvas border.
/// </summary>
public readonly record struct RegionStats(int Area, int InteriorArea, int Left, int Top, int Right, int Bottom, bool TouchesBorder);
