using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Regions;

public sealed class RegionFinderTests
{
    [Fact]
    public void Find_TwoClosedRectangles_GiveOneRegionEachBesidesThePaper()
    {
        // Arrange
        RgbaImage art = Drawing.Paper(200, 120);
        Drawing.Rectangle(art, 10, 10, 90, 100);
        Drawing.Rectangle(art, 110, 10, 190, 100);

        // Act
        RegionMap regions = Find(art);

        // Assert
        Assert.Equal(3, regions.Count);
        int paper = regions.RegionAt(2, 2), left = regions.RegionAt(50, 50), right = regions.RegionAt(150, 50);
        Assert.Equal(3, new[] { paper, left, right }.Distinct().Count());
        Assert.All(Inside(12, 12, 88, 98), p => Assert.Equal(left, regions.RegionAt(p.X, p.Y)));
        Assert.All(Inside(112, 12, 188, 98), p => Assert.Equal(right, regions.RegionAt(p.X, p.Y)));
    }

    [Fact]
    public void Find_TwoPixelGapAtTheDefaultGapSize_IsClosed()
    {
        RgbaImage art = Drawing.Paper(120, 120);
        Drawing.Rectangle(art, 20, 20, 100, 100);
        Drawing.Fill(art, 59, 20, 60, 21, 255, 255, 255);

        RegionMap regions = Find(art);

        Assert.NotEqual(regions.RegionAt(2, 2), regions.RegionAt(60, 60));
    }

    [Fact]
    public void Find_TenPixelGapAtTheDefaultGapSize_StaysOpen()
    {
        RgbaImage art = Drawing.Paper(120, 120);
        Drawing.Rectangle(art, 20, 20, 100, 100);
        Drawing.Fill(art, 55, 20, 64, 21, 255, 255, 255);

        RegionMap regions = Find(art);

        Assert.Equal(regions.RegionAt(2, 2), regions.RegionAt(60, 60));
    }

    [Fact]
    public void Find_TenPixelGapWithALargeGapSize_IsClosed()
    {
        RgbaImage art = Drawing.Paper(120, 120);
        Drawing.Rectangle(art, 20, 20, 100, 100);
        Drawing.Fill(art, 55, 20, 64, 21, 255, 255, 255);

        RegionMap regions = Find(art, new RegionOptions { GapSize = 12 });

        Assert.NotEqual(regions.RegionAt(2, 2), regions.RegionAt(60, 60));
    }

    [Fact]
    public void Find_TwoPixelGapWithGapSizeZero_StaysOpen()
    {
        RgbaImage art = Drawing.Paper(120, 120);
        Drawing.Rectangle(art, 20, 20, 100, 100);
        Drawing.Fill(art, 59, 20, 60, 21, 255, 255, 255);

        RegionMap regions = Find(art, new RegionOptions { GapSize = 0 });

        Assert.Equal(regions.RegionAt(2, 2), regions.RegionAt(60, 60));
    }

    [Fact]
    public void Find_ThinAntiAliasedDiagonalLines_EncloseARegion()
    {
        // Arrange: a diamond of one-pixel anti-aliased strokes: no pixel is full ink.
        RgbaImage art = Drawing.Paper(120, 120);
        (double X, double Y)[] corners = [(60, 10), (110, 60), (60, 110), (10, 60)];
        for (int i = 0; i < corners.Length; i++)
        {
            (double x0, double y0) = corners[i];
            (double x1, double y1) = corners[(i + 1) % corners.Length];
            Drawing.Stroke(art, x0, y0, x1, y1, 1.0, 0, 0, 0);
        }

        // Act
        RegionMap regions = Find(art);

        // Assert
        Assert.NotEqual(regions.RegionAt(2, 2), regions.RegionAt(60, 60));
        Assert.Equal(2, regions.Count);
    }

    [Theory]
    [InlineData(255, 200)]
    [InlineData(215, 170)]
    public void Find_FaintPencilLine_IsFoundAgainstItsPaper(byte paper, byte pencil)
    {
        RgbaImage art = Drawing.Paper(120, 120, paper);
        Drawing.Rectangle(art, 20, 20, 100, 100, thickness: 2, grey: pencil);

        RegionMap regions = Find(art);

        Assert.NotEqual(regions.RegionAt(2, 2), regions.RegionAt(60, 60));
        Assert.Equal(PixelRole.Line, regions.Roles[(20 * 120) + 60]);
        Assert.Equal(PixelRole.Interior, regions.Roles[(60 * 120) + 60]);
    }

    [Fact]
    public void Find_PaperShadeSlightlyDarkerThanAround_IsNotInk()
    {
        // A smudge 8 % darker than the paper is below the ink contrast: no line, one region.
        RgbaImage art = Drawing.Paper(120, 120, 230);
        Drawing.Fill(art, 40, 40, 80, 80, 212, 212, 212);

        RegionMap regions = Find(art);

        Assert.Equal(1, regions.Count);
        Assert.DoesNotContain(PixelRole.Line, regions.Roles);
    }

    [Fact]
    public void Find_LightColouredLine_IsFound()
    {
        RgbaImage art = Drawing.Paper(120, 120);
        Drawing.Stroke(art, 20, 20, 100, 20, 2, 140, 190, 255);
        Drawing.Stroke(art, 100, 20, 100, 100, 2, 140, 190, 255);
        Drawing.Stroke(art, 100, 100, 20, 100, 2, 140, 190, 255);
        Drawing.Stroke(art, 20, 100, 20, 20, 2, 140, 190, 255);

        RegionMap regions = Find(art);

        Assert.NotEqual(regions.RegionAt(2, 2), regions.RegionAt(60, 60));
    }

    [Fact]
    public void Find_LinesOnATransparentLayer_AreFoundByTheirAlpha()
    {
        var layer = new RgbaImage(120, 120);
        Drawing.Rectangle(layer, 20, 20, 100, 100);

        RegionMap regions = Find(layer);

        Assert.NotEqual(regions.RegionAt(2, 2), regions.RegionAt(60, 60));
    }

    [Fact]
    public void Find_TinyLoopBelowTheMinimumArea_JoinsItsNeighbour()
    {
        // Arrange: a 4x4 loop (interior 2x2 pixels) inside a large rectangle.
        RgbaImage art = Drawing.Paper(120, 120);
        Drawing.Rectangle(art, 10, 10, 110, 110);
        Drawing.Rectangle(art, 58, 58, 61, 61, thickness: 1);

        // Act
        RegionMap regions = Find(art);

        // Assert
        Assert.Equal(2, regions.Count);
        Assert.Equal(regions.RegionAt(40, 40), regions.RegionAt(59, 59));
    }

    [Fact]
    public void Find_SmallLoopWithAMinimumAreaOfOne_IsKept()
    {
        RgbaImage art = Drawing.Paper(120, 120);
        Drawing.Rectangle(art, 10, 10, 110, 110);
        Drawing.Rectangle(art, 58, 58, 61, 61, thickness: 1);

        RegionMap regions = Find(art, new RegionOptions { MinRegionArea = 1 });

        Assert.Equal(3, regions.Count);
        Assert.NotEqual(regions.RegionAt(40, 40), regions.RegionAt(59, 59));
    }

    [Fact]
    public void Find_InkSpeckOnPaper_BelongsToThePaper()
    {
        RgbaImage art = Drawing.Paper(80, 80);
        Drawing.Fill(art, 40, 40, 41, 41, 0, 0, 0);

        RegionMap regions = Find(art);

        Assert.Equal(1, regions.Count);
        Assert.Equal(PixelRole.Line, regions.Roles[(40 * 80) + 40]);
    }

    [Fact]
    public void Find_ThickWallBetweenTwoRegions_IsSharedBetweenThem()
    {
        // Arrange: two boxes sharing a 4-pixel wall at x = 58..61.
        RgbaImage art = Drawing.Paper(120, 80);
        Drawing.Rectangle(art, 10, 10, 61, 70, thickness: 4);
        Drawing.Rectangle(art, 58, 10, 110, 70, thickness: 4);

        // Act
        RegionMap regions = Find(art);

        // Assert: every wall pixel takes one of the two boxes it borders, and both take some.
        int left = regions.RegionAt(30, 40), right = regions.RegionAt(90, 40);
        var wall = new HashSet<int>();
        for (int y = 20; y <= 60; y++)
        {
            for (int x = 58; x <= 61; x++)
            {
                Assert.Equal(PixelRole.Line, regions.Roles[(y * 120) + x]);
                wall.Add(regions.RegionAt(x, y));
            }
        }

        Assert.Equal(new HashSet<int> { left, right }, wall);
    }

    [Fact]
    public void Find_Stats_GiveAreaBoundingBoxAndBorderContact()
    {
        // Arrange
        RgbaImage art = Drawing.Paper(100, 80);
        Drawing.Rectangle(art, 20, 10, 79, 69);

        // Act
        RegionMap regions = Find(art);

        // Assert
        RegionStats paper = regions.Stats[regions.RegionAt(0, 0)];
        RegionStats box = regions.Stats[regions.RegionAt(50, 40)];
        Assert.Equal(100 * 80, paper.Area + box.Area);
        Assert.True(paper.TouchesBorder);
        Assert.False(box.TouchesBorder);
        Assert.InRange(box.Left, 20, 22);
        Assert.InRange(box.Top, 10, 12);
        Assert.InRange(box.Right, 77, 79);
        Assert.InRange(box.Bottom, 67, 69);
        Assert.True(box.InteriorArea > 0 && box.InteriorArea < box.Area);
    }

    [Fact]
    public void Find_AllInk_IsOneRegion()
    {
        RgbaImage art = TestImages.Solid(30, 20, 0, 0, 0);

        RegionMap regions = Find(art);

        Assert.Equal(1, regions.Count);
        Assert.Equal(600, regions.Stats[0].Area);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(RegionOptions.MaxGapSize + 1)]
    public void Find_GapSizeOutOfRange_ThrowsNamingTheOption(int gapSize)
    {
        LineArtLayer lineArt = LineArtLayer.FromImage(Drawing.Paper(10, 10));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RegionFinder.Find(lineArt, new RegionOptions { GapSize = gapSize }));

        Assert.Equal("GapSize", error.ParamName);
    }

    private static RegionMap Find(RgbaImage art, RegionOptions? options = null) => RegionFinder.Find(LineArtLayer.FromImage(art), options);

    private static IEnumerable<(int X, int Y)> Inside(int left, int top, int right, int bottom)
    {
        for (int y = top; y <= bottom; y += 7)
        {
            for (int x = left; x <= right; x += 7)
            {
                yield return (x, y);
            }
        }
    }
}
