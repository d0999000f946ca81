using ColorizeBridge.Imaging.Colour;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Regions;

public sealed class RivalHintSplitTests
{
    /// <summary>Groups 0 to 3: teal, red, yellow, blue.</summary>
    private static readonly Rgb[] Colours = [new(20, 150, 140), new(210, 30, 40), new(230, 200, 30), new(40, 60, 200)];

    [Fact]
    public void Split_FlatModelColour_DividesTheBoxMidwayBetweenTheHints()
    {
        // Arrange: one box (x 10-190), hints of two groups at x 30 and x 150 on its middle row.
        RegionMap regions = Box();
        int[] seeds = Seeds(regions, (30, 55, 0), (150, 55, 1));

        // Act
        RegionMap split = RivalHintSplit.Split(regions, TestImages.Solid(200, 120, 128, 128, 128), seeds, Colours);

        // Assert: the box is two parts, the border halfway (x 90) on the hints' row; the page is untouched.
        Assert.Equal(regions.Count + 1, split.Count);
        int left = split.RegionAt(30, 55), right = split.RegionAt(150, 55);
        Assert.NotEqual(left, right);
        Assert.Equal(left, split.RegionAt(88, 55));
        Assert.Equal(right, split.RegionAt(92, 55));
        Assert.Equal(split.RegionAt(2, 2), split.RegionAt(197, 117));
        Assert.Equal(split.Labels.Length, split.Stats.Sum(s => s.Area));
    }

    [Fact]
    public void Split_ModelColourEdge_IsWhereTheBorderRuns()
    {
        // Arrange: the same hints; the model paints teal left of x 50 and red from x 50 on, far from midway.
        RegionMap regions = Box();
        int[] seeds = Seeds(regions, (30, 55, 0), (150, 55, 1));
        RgbaImage model = TestImages.Solid(200, 120, 210, 30, 40);
        Drawing.Fill(model, 0, 0, 49, 119, 20, 150, 140);

        // Act
        RegionMap split = RivalHintSplit.Split(regions, model, seeds, Colours);

        // Assert: on every row of the box the border runs within a few pixels past the model's edge
        // (the nearer hint pays for each step into the rival's colour), far from the midpoint at x 90.
        int left = split.RegionAt(30, 55), right = split.RegionAt(150, 55);
        for (int y = 15; y <= 95; y += 10)
        {
            Assert.Equal(left, split.RegionAt(49, y));
            Assert.Equal(right, split.RegionAt(56, y));
        }
    }

    [Fact]
    public void Split_EveryPixelOfTheBoxGoesToOneOfItsParts()
    {
        RegionMap regions = Box();
        int[] seeds = Seeds(regions, (30, 55, 0), (150, 55, 1));

        RegionMap split = RivalHintSplit.Split(regions, TestImages.Solid(200, 120, 128, 128, 128), seeds, Colours);

        int box = regions.RegionAt(30, 55);
        int[] parts = [split.RegionAt(30, 55), split.RegionAt(150, 55)];
        for (int p = 0; p < regions.Labels.Length; p++)
        {
            Assert.Equal(regions.Labels[p] == box, parts.Contains(split.Labels[p]));
        }
    }

    [Fact]
    public void Split_OneGroupOnly_LeavesTheMapAlone()
    {
        RegionMap regions = Box();
        int[] seeds = Seeds(regions, (30, 55, 3), (150, 55, 3));

        Assert.Same(regions, RivalHintSplit.Split(regions, TestImages.Solid(200, 120, 128, 128, 128), seeds, Colours));
    }

    [Fact]
    public void Split_ThreeGroups_GiveThreeParts()
    {
        RegionMap regions = Box();
        int[] seeds = Seeds(regions, (30, 30, 0), (150, 30, 1), (90, 90, 2));

        RegionMap split = RivalHintSplit.Split(regions, TestImages.Solid(200, 120, 128, 128, 128), seeds, Colours);

        Assert.Equal(3, new[] { split.RegionAt(30, 30), split.RegionAt(150, 30), split.RegionAt(90, 90) }.Distinct().Count());
        Assert.Equal(regions.Count + 2, split.Count);
    }

    [Fact]
    public void Split_WrongSizes_Throw()
    {
        RegionMap regions = Box();

        Assert.Throws<ArgumentException>(() => RivalHintSplit.Split(regions, new RgbaImage(10, 10), new int[regions.Labels.Length], Colours));
        Assert.Throws<ArgumentException>(() => RivalHintSplit.Split(regions, new RgbaImage(200, 120), new int[5], Colours));
        Assert.Throws<ArgumentException>(() => RivalHintSplit.Split(regions, new RgbaImage(200, 120), Seeds(regions, (30, 55, 0), (150, 55, 7)), Colours));
    }

    private static RegionMap Box()
    {
        RgbaImage art = Drawing.Paper(200, 120);
        Drawing.Rectangle(art, 10, 10, 190, 100);
        return RegionFinder.Find(LineArtLayer.FromImage(art));
    }

    /// <summary>3x3 hint dots: (x, y, group) each.</summary>
    private static int[] Seeds(RegionMap regions, params (int X, int Y, int Group)[] dots)
    {
        var seeds = new int[regions.Labels.Length];
        Array.Fill(seeds, -1);
        foreach ((int x, int y, int group) in dots)
        {
            for (int dy = -1; dy <= 1; dy++)
            {
                for (int dx = -1; dx <= 1; dx++)
                {
                    seeds[((y + dy) * regions.Width) + x + dx] = group;
                }
            }
        }

        return seeds;
    }
}
