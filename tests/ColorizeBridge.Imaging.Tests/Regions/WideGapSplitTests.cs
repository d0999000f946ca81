using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Regions;

public sealed class WideGapSplitTests
{
    [Fact]
    public void Split_BoxOpenByAGapWiderThanTheGapSize_CutsTheBoxFromThePage()
    {
        // Arrange: a 6 px gap in the box's right side, over the region finder's 3 px: box and page are one region.
        RegionMap regions = BoxWithGap(6);
        Assert.Equal(1, regions.Count);

        // Act
        RegionMap split = WideGapSplit.Split(regions, [true]);

        // Assert: the box (its band and ink with it) is a part, the page another; every pixel is in one of them.
        Assert.Equal(2, split.Count);
        Assert.NotEqual(split.RegionAt(50, 50), split.RegionAt(150, 60));
        Assert.Equal(split.RegionAt(50, 50), split.RegionAt(12, 12));
        Assert.Equal(split.RegionAt(150, 60), split.RegionAt(195, 115));
        Assert.Equal(split.Labels.Length, split.Stats.Sum(s => s.Area));
    }

    [Fact]
    public void Split_GapWiderThanTheWideGapSize_LeavesTheRegionWhole()
    {
        RegionMap regions = BoxWithGap(20);

        RegionMap split = WideGapSplit.Split(regions, [true]);

        Assert.Same(regions, split);
    }

    [Fact]
    public void Split_RegionNotACandidate_StaysWhole()
    {
        RegionMap regions = BoxWithGap(6);

        Assert.Same(regions, WideGapSplit.Split(regions, [false]));
    }

    [Fact]
    public void Split_NarrowBayOfThePage_IsNotCutIntoCrumbs()
    {
        // Arrange: two boxes 7 px apart on the page: the alley between them is a neck, but its part is
        // under the minimum part size only if it is tiny; here it is a thin strip and joins the page.
        RgbaImage art = Drawing.Paper(200, 120);
        Drawing.Rectangle(art, 10, 10, 90, 100);
        Drawing.Rectangle(art, 99, 10, 180, 100);
        RegionMap regions = RegionFinder.Find(LineArtLayer.FromImage(art));
        int page = regions.RegionAt(2, 2);
        bool[] candidates = [.. Enumerable.Range(0, regions.Count).Select(i => i == page)];

        RegionMap split = WideGapSplit.Split(regions, candidates);

        Assert.Equal(split.RegionAt(2, 2), split.RegionAt(94, 50));
    }

    [Fact]
    public void Split_WithPinnedPixels_CutsOffOnlyThePartsHoldingThem()
    {
        // Arrange: two boxes, each open to the page by a 6 px gap; a hint (pinned pixel) only in the left one.
        RgbaImage art = Drawing.Paper(300, 120);
        Drawing.Rectangle(art, 10, 10, 90, 100);
        Drawing.Fill(art, 88, 47, 91, 52, 255, 255, 255);
        Drawing.Rectangle(art, 150, 10, 230, 100);
        Drawing.Fill(art, 228, 47, 231, 52, 255, 255, 255);
        RegionMap regions = RegionFinder.Find(LineArtLayer.FromImage(art));
        Assert.Equal(1, regions.Count);
        var pinned = new bool[300 * 120];
        pinned[(50 * 300) + 50] = true;

        // Act
        RegionMap all = WideGapSplit.Split(regions, [true]);
        RegionMap hinted = WideGapSplit.Split(regions, [true], pinned: pinned);

        // Assert: unpinned, both boxes are cut off; pinned, only the hinted box, the other stays with the page.
        Assert.Equal(3, all.Count);
        Assert.Equal(2, hinted.Count);
        Assert.NotEqual(hinted.RegionAt(50, 50), hinted.RegionAt(260, 60));
        Assert.Equal(hinted.RegionAt(190, 50), hinted.RegionAt(260, 60));
    }

    [Fact]
    public void Split_CandidatesOfAnotherCount_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => WideGapSplit.Split(BoxWithGap(6), [true, false]));

        Assert.Contains("2 candidate flags for 1 regions", error.Message);
    }

    [Fact]
    public void Split_GapSizeOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WideGapSplit.Split(BoxWithGap(6), [true], wideGapSize: 0));
    }

    /// <summary>Paper with a box (10,10)-(90,100) whose right side is open over <paramref name="gap"/> pixels around y = 50.</summary>
    internal static RegionMap BoxWithGap(int gap)
    {
        RgbaImage art = Drawing.Paper(200, 120);
        Drawing.Rectangle(art, 10, 10, 90, 100);
        Drawing.Fill(art, 88, 50 - (gap / 2), 91, 50 - (gap / 2) + gap - 1, 255, 255, 255);
        return RegionFinder.Find(LineArtLayer.FromImage(art));
    }
}
