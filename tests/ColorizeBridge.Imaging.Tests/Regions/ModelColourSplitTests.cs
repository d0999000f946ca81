using ColorizeBridge.Imaging.Flats;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Regions;

public sealed class ModelColourSplitTests
{
    [Fact]
    public void Split_RegionTheModelPaintsInTwoColours_CutsItWhereTheColourChanges()
    {
        // Arrange: a box whose outline is open on the right (a 20 px gap, far over the gap size), so the box and the paper are one region;
        // the model paints the box teal and leaves the paper white.
        RegionMap regions = OpenBox();
        Assert.Equal(1, regions.Count);
        RgbaImage model = TestImages.Solid(200, 120, 255, 255, 255);
        Drawing.Fill(model, 10, 10, 90, 100, 20, 150, 140);

        // Act
        RegionMap split = ModelColourSplit.Split(regions, model, [true]);

        // Assert
        Assert.Equal(2, split.Count);
        Assert.NotEqual(split.RegionAt(50, 50), split.RegionAt(150, 60));
        Assert.Equal(split.RegionAt(50, 50), split.RegionAt(12, 12));  // the box's ink and band go with the box
        Assert.Equal(split.RegionAt(150, 60), split.RegionAt(195, 115));
        Assert.Equal(split.Labels.Length, split.Stats.Sum(s => s.Area));
    }

    [Fact]
    public void Split_RegionNotACandidate_StaysWhole()
    {
        RegionMap regions = OpenBox();
        RgbaImage model = TestImages.Solid(200, 120, 255, 255, 255);
        Drawing.Fill(model, 10, 10, 90, 100, 20, 150, 140);

        RegionMap split = ModelColourSplit.Split(regions, model, [false]);

        Assert.Same(regions, split);
    }

    [Fact]
    public void Split_ModelShadingOfOneColour_IsNotCut()
    {
        // Arrange: the box teal, its lower half a darker teal (the model's shade): lightness counts at half weight.
        RegionMap regions = OpenBox();
        RgbaImage model = TestImages.Solid(200, 120, 255, 255, 255);
        Drawing.Fill(model, 10, 10, 90, 55, 20, 150, 140);
        Drawing.Fill(model, 10, 56, 90, 100, 14, 128, 120);

        RegionMap split = ModelColourSplit.Split(regions, model, [true]);

        Assert.Equal(split.RegionAt(50, 30), split.RegionAt(50, 80));
    }

    [Fact]
    public void Split_ModelSpecksSmallerThanAPart_JoinTheirSurroundings()
    {
        // Arrange: red specks of 3x3 px scattered over the white paper.
        RegionMap regions = OpenBox();
        RgbaImage model = TestImages.Solid(200, 120, 255, 255, 255);
        Drawing.Fill(model, 10, 10, 90, 100, 20, 150, 140);
        for (int x = 120; x < 190; x += 12)
        {
            Drawing.Fill(model, x, 30, x + 2, 32, 210, 30, 40);
        }

        RegionMap split = ModelColourSplit.Split(regions, model, [true]);

        Assert.Equal(2, split.Count);
    }

    [Fact]
    public void Split_SmallClosedRegionNextToACutOne_IsKept()
    {
        // Arrange: a closed 7x7 box (under the part size, over the speck size) on the open box's paper.
        RgbaImage art = Drawing.Paper(200, 120);
        Drawing.Rectangle(art, 10, 10, 90, 100);
        Drawing.Fill(art, 88, 40, 91, 60, 255, 255, 255);
        Drawing.Rectangle(art, 140, 30, 146, 36, thickness: 1);
        RegionMap regions = RegionFinder.Find(LineArtLayer.FromImage(art));
        int small = regions.RegionAt(143, 33);
        Assert.InRange(regions.Stats[small].Area, 24, 47);
        RgbaImage model = TestImages.Solid(200, 120, 255, 255, 255);
        Drawing.Fill(model, 10, 10, 90, 100, 20, 150, 140);
        bool[] candidates = [.. Enumerable.Range(0, regions.Count).Select(r => r != small)];

        // Act
        RegionMap split = ModelColourSplit.Split(regions, model, candidates);

        // Assert
        Assert.Equal(3, split.Count);
        Assert.NotEqual(split.RegionAt(143, 33), split.RegionAt(120, 34));
    }

    [Fact]
    public void Split_CandidatesNotOnePerRegion_ThrowsSayingSo()
    {
        RegionMap regions = OpenBox();
        var model = new RgbaImage(200, 120);

        var error = Assert.Throws<ArgumentException>(() => ModelColourSplit.Split(regions, model, [true, false]));

        Assert.Contains("2 candidate flags for 1 regions", error.Message);
    }

    [Fact]
    public void Split_PatchUnderThePartSizeHoldingAPinnedPixel_IsKept()
    {
        // Arrange: on the page beside the open box the model paints a 6x6 orange patch (36 px, under the 48 px part size).
        RegionMap regions = OpenBox();
        RgbaImage model = TestImages.Solid(200, 120, 255, 255, 255);
        Drawing.Fill(model, 10, 10, 90, 100, 20, 150, 140);
        Drawing.Fill(model, 150, 60, 155, 65, 240, 120, 20);
        var pinned = new bool[200 * 120];
        pinned[(62 * 200) + 152] = true;

        // Act
        RegionMap merged = ModelColourSplit.Split(regions, model, [true]);
        RegionMap kept = ModelColourSplit.Split(regions, model, [true], pinned: pinned);

        // Assert
        Assert.Equal(merged.RegionAt(170, 100), merged.RegionAt(152, 62));
        Assert.NotEqual(kept.RegionAt(170, 100), kept.RegionAt(152, 62));
        Assert.Equal(merged.Count + 1, kept.Count);
    }

    /// <summary>Paper with a box (10,10)-(90,100) whose right side is open from y = 40 to 60.</summary>
    internal static RegionMap OpenBox()
    {
        RgbaImage art = Drawing.Paper(200, 120);
        Drawing.Rectangle(art, 10, 10, 90, 100);
        Drawing.Fill(art, 88, 40, 91, 60, 255, 255, 255);
        return RegionFinder.Find(LineArtLayer.FromImage(art));
    }
}
