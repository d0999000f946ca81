using ColorizeBridge.Imaging.Colour;
using ColorizeBridge.Imaging.Flats;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Flats;

public sealed class FlatPainterTests
{
    private static readonly Rgb Teal = new(20, 150, 140);
    private static readonly Rgb Red = new(210, 30, 40);

    [Fact]
    public void Paint_HintInsideARegion_WinsOverTheModelColour()
    {
        // Arrange
        RegionMap regions = TwoBoxes();
        RgbaImage model = TestImages.Solid(200, 120, Teal.R, Teal.G, Teal.B);
        var hints = new RgbaImage(200, 120);
        Drawing.Fill(hints, 40, 40, 44, 44, Red.R, Red.G, Red.B);

        // Act
        FlatsResult result = FlatPainter.Paint(regions, hints, model);

        // Assert
        Assert.Equal(new RegionColour(Red, RegionColourSource.Hint), result.Colours[regions.RegionAt(50, 50)]);
        Assert.Equal(new RegionColour(Teal, RegionColourSource.Model), result.Colours[regions.RegionAt(150, 50)]);
        Assert.Equal(Red, PixelOf(result.Flats, 80, 90));
    }

    [Fact]
    public void Paint_SteeredColours_BeatTheModelButNotHints()
    {
        // Arrange: a reference page gives both boxes a colour; a hint falls in the left one.
        RegionMap regions = TwoBoxes();
        RgbaImage model = TestImages.Solid(200, 120, Teal.R, Teal.G, Teal.B);
        var hints = new RgbaImage(200, 120);
        Drawing.Fill(hints, 40, 40, 44, 44, Red.R, Red.G, Red.B);
        var fromReference = new RegionColour(new Rgb(230, 180, 20), RegionColourSource.Reference);
        var steered = new RegionColour?[regions.Count];
        steered[regions.RegionAt(50, 50)] = fromReference;
        steered[regions.RegionAt(150, 50)] = fromReference;

        // Act
        FlatsResult result = FlatPainter.Paint(regions, hints, model, steered: steered);

        // Assert
        Assert.Equal(new RegionColour(Red, RegionColourSource.Hint), result.Colours[regions.RegionAt(50, 50)]);
        Assert.Equal(fromReference, result.Colours[regions.RegionAt(150, 50)]);
        Assert.Equal(fromReference.Colour, PixelOf(result.Flats, 150, 50));
    }

    [Fact]
    public void Paint_SteeredColoursOfAnotherCount_Throws()
    {
        RegionMap regions = TwoBoxes();

        Assert.Throws<ArgumentException>(() => FlatPainter.Paint(regions, null, new RgbaImage(200, 120), steered: new RegionColour?[regions.Count + 1]));
    }

    [Fact]
    public void Paint_NoisyModelColour_GivesEveryRegionExactlyOneColour()
    {
        // Arrange
        RegionMap regions = TwoBoxes();
        RgbaImage model = TestImages.Noise(200, 120, seed: 16, opaque: true);

        // Act
        FlatsResult result = FlatPainter.Paint(regions, null, model);

        // Assert: every pixel carries its region's colour, and only that (the regions
        // the flats were painted by: the paper around the boxes may be cut by the model's colour).
        RegionMap painted = result.Regions;
        var seen = new Dictionary<int, (byte, byte, byte, byte)>();
        for (int p = 0; p < painted.Labels.Length; p++)
        {
            byte[] f = result.Flats.Pixels;
            var colour = (f[p * 4], f[(p * 4) + 1], f[(p * 4) + 2], f[(p * 4) + 3]);
            Assert.Equal(seen.GetValueOrDefault(painted.Labels[p], colour), colour);
            seen[painted.Labels[p]] = colour;
        }

        Assert.Equal(painted.Count, seen.Count);
        int box = regions.RegionAt(50, 50);
        Assert.Single(painted.Labels.Where((_, p) => regions.Labels[p] == box).Distinct());  // a closed box is never cut
    }

    [Fact]
    public void Paint_ModelColourWithBlotches_TakesTheMedian()
    {
        // Arrange: the left box is teal with a red blotch covering a third of it.
        RegionMap regions = TwoBoxes();
        RgbaImage model = TestImages.Solid(200, 120, Teal.R, Teal.G, Teal.B);
        Drawing.Fill(model, 12, 12, 38, 98, Red.R, Red.G, Red.B);

        // Act
        FlatsResult result = FlatPainter.Paint(regions, null, model);

        // Assert
        Assert.Equal(Teal, result.Colours[regions.RegionAt(50, 50)].Colour);
    }

    [Fact]
    public void Paint_BorderRegionNoHintClaims_StaysTransparentPaper()
    {
        RegionMap regions = TwoBoxes();
        RgbaImage model = TestImages.Solid(200, 120, 180, 190, 230);

        FlatsResult result = FlatPainter.Paint(regions, null, model);

        Assert.True(result.Colours[regions.RegionAt(2, 2)].IsPaper);
        Assert.Equal(0, result.Flats.Pixels[((2 * 200) + 2) * 4 + 3]);
        Assert.Equal(0, result.Shading.Pixels[((2 * 200) + 2) * 4 + 3]);
    }

    [Fact]
    public void Paint_RegionOnlyGrazingTheBorder_TakesTheModelColour()
    {
        // Arrange: a cup open at the top edge, 30 of the 636 border pixels.
        RgbaImage art = Drawing.Paper(200, 120);
        Drawing.Fill(art, 40, 0, 41, 31, 0, 0, 0);
        Drawing.Fill(art, 70, 0, 71, 31, 0, 0, 0);
        Drawing.Fill(art, 40, 30, 71, 31, 0, 0, 0);
        RegionMap regions = RegionFinder.Find(LineArtLayer.FromImage(art));
        RgbaImage model = TestImages.Solid(200, 120, Teal.R, Teal.G, Teal.B);

        // Act
        FlatsResult result = FlatPainter.Paint(regions, null, model);

        // Assert
        Assert.True(regions.Stats[regions.RegionAt(55, 10)].TouchesBorder);
        Assert.Equal(new RegionColour(Teal, RegionColourSource.Model), result.Colours[regions.RegionAt(55, 10)]);
        Assert.True(result.Colours[regions.RegionAt(150, 100)].IsPaper);
    }

    [Fact]
    public void Paint_BorderRegionWithAHint_IsColoured()
    {
        RegionMap regions = TwoBoxes();
        RgbaImage model = TestImages.Solid(200, 120, 255, 255, 255);
        var hints = new RgbaImage(200, 120);
        Drawing.Fill(hints, 2, 2, 4, 4, Teal.R, Teal.G, Teal.B);

        FlatsResult result = FlatPainter.Paint(regions, hints, model);

        Assert.Equal(new RegionColour(Teal, RegionColourSource.Hint), result.Colours[regions.RegionAt(2, 2)]);
    }

    [Fact]
    public void Paint_UnhintedRegionTheModelLeavesNearWhite_StaysPaper()
    {
        RegionMap regions = TwoBoxes();
        RgbaImage model = TestImages.Solid(200, 120, Teal.R, Teal.G, Teal.B);
        Drawing.Fill(model, 110, 10, 190, 100, 252, 250, 251);

        FlatsResult result = FlatPainter.Paint(regions, null, model);

        Assert.True(result.Colours[regions.RegionAt(150, 50)].IsPaper);
        Assert.False(result.Colours[regions.RegionAt(50, 50)].IsPaper);
    }

    [Fact]
    public void Paint_LinePixels_TakeTheColourOfARegionTheyBorder()
    {
        // Arrange: two boxes sharing a wall, each hinted its own colour, on hinted paper.
        RgbaImage art = Drawing.Paper(120, 80);
        Drawing.Rectangle(art, 10, 10, 61, 70, thickness: 4);
        Drawing.Rectangle(art, 58, 10, 110, 70, thickness: 4);
        RegionMap regions = RegionFinder.Find(LineArtLayer.FromImage(art));
        var hints = new RgbaImage(120, 80);
        Drawing.Fill(hints, 30, 30, 32, 32, Red.R, Red.G, Red.B);
        Drawing.Fill(hints, 90, 30, 92, 32, Teal.R, Teal.G, Teal.B);
        RgbaImage model = TestImages.Solid(120, 80, 90, 90, 90);

        // Act
        FlatsResult result = FlatPainter.Paint(regions, hints, model);

        // Assert: no gap under the wall: every wall pixel is opaque red or teal.
        var wallColours = new HashSet<Rgb>();
        for (int y = 20; y <= 60; y++)
        {
            for (int x = 58; x <= 61; x++)
            {
                Assert.Equal(255, result.Flats.Pixels[(((y * 120) + x) * 4) + 3]);
                wallColours.Add(PixelOf(result.Flats, x, y));
            }
        }

        Assert.Equal(new HashSet<Rgb> { Red, Teal }, wallColours);
    }

    [Fact]
    public void Paint_FlatModelColour_GivesEmptyShading()
    {
        RegionMap regions = TwoBoxes();
        RgbaImage model = TestImages.Solid(200, 120, Teal.R, Teal.G, Teal.B);

        FlatsResult result = FlatPainter.Paint(regions, null, model);

        Assert.All(Alphas(result.Shading), alpha => Assert.Equal(0, alpha));
    }

    [Fact]
    public void Paint_ModelShadowInsideARegion_GoesToTheShadingLayer()
    {
        // Arrange: the model paints the lower part of the left box a darker teal (60 % of its luma).
        RegionMap regions = TwoBoxes();
        RgbaImage model = TestImages.Solid(200, 120, Teal.R, Teal.G, Teal.B);
        Drawing.Fill(model, 12, 70, 88, 98, 12, 90, 84);

        // Act
        FlatsResult result = FlatPainter.Paint(regions, null, model);

        // Assert: the flat stays one teal; the shadow is black with about 40 % alpha, nothing above it.
        Assert.Equal(Teal, PixelOf(result.Flats, 50, 85));
        byte shadow = result.Shading.Pixels[(((85 * 200) + 50) * 4) + 3];
        Assert.InRange(shadow, 95, 110);
        Assert.Equal(0, result.Shading.Pixels[(((30 * 200) + 50) * 4) + 3]);
        Assert.Equal(0, result.Shading.Pixels[((85 * 200) + 50) * 4]);
    }

    [Fact]
    public void Paint_TwoHintColoursInOneRegion_DivideItAndBothAreObeyed()
    {
        // Arrange: a teal and a red dot in the left box; the model paints it grey all over.
        RegionMap regions = TwoBoxes();
        RgbaImage model = TestImages.Solid(200, 120, 128, 128, 128);
        var hints = new RgbaImage(200, 120);
        Drawing.Fill(hints, 20, 20, 29, 29, Teal.R, Teal.G, Teal.B);
        Drawing.Fill(hints, 60, 60, 62, 62, Red.R, Red.G, Red.B);

        // Act
        FlatsResult result = FlatPainter.Paint(regions, hints, model);

        // Assert: each colour fills the part of the box nearer its dot; every hint is obeyed; the right box is the model's.
        Assert.Equal(Teal, PixelOf(result.Flats, 15, 15));
        Assert.Equal(Red, PixelOf(result.Flats, 80, 90));
        Assert.All(result.Hints, h => Assert.True(h.Obeyed));
        Assert.Equal(1.0, result.ObeyedShare);
        Assert.Equal(RegionColourSource.Hint, result.Colours[result.Regions.RegionAt(80, 90)].Source);
        Assert.Equal(RegionColourSource.Model, result.Colours[result.Regions.RegionAt(150, 50)].Source);
    }

    [Fact]
    public void Paint_TwoHintColoursInOneRegion_FollowTheModelsColourEdge()
    {
        // Arrange: the model saw the hints and paints the box teal above y 40 and red below: its edge, not midway, divides it.
        RegionMap regions = TwoBoxes();
        RgbaImage model = TestImages.Solid(200, 120, Red.R, Red.G, Red.B);
        Drawing.Fill(model, 0, 0, 199, 39, Teal.R, Teal.G, Teal.B);
        var hints = new RgbaImage(200, 120);
        Drawing.Fill(hints, 20, 20, 29, 29, Teal.R, Teal.G, Teal.B);
        Drawing.Fill(hints, 75, 85, 79, 89, Red.R, Red.G, Red.B);

        // Act
        FlatsResult result = FlatPainter.Paint(regions, hints, model);

        // Assert
        Assert.Equal(Teal, PixelOf(result.Flats, 80, 38));
        Assert.Equal(Red, PixelOf(result.Flats, 20, 42));
    }

    [Fact]
    public void Paint_TwoHintColoursInOneRegion_WithoutTheSplit_TheLargerWinsAndTheOtherIsNotObeyed()
    {
        // Arrange
        RegionMap regions = TwoBoxes();
        RgbaImage model = TestImages.Solid(200, 120, 128, 128, 128);
        var hints = new RgbaImage(200, 120);
        Drawing.Fill(hints, 20, 20, 29, 29, Teal.R, Teal.G, Teal.B);
        Drawing.Fill(hints, 60, 60, 62, 62, Red.R, Red.G, Red.B);

        // Act
        FlatsResult result = FlatPainter.Paint(regions, hints, model, FlatsOptions.Default with { SplitRivalHints = false });

        // Assert
        Assert.Equal(Teal, result.Colours[regions.RegionAt(50, 50)].Colour);
        HintFidelity teal = Assert.Single(result.Hints, h => h.Requested == Teal);
        HintFidelity red = Assert.Single(result.Hints, h => h.Requested == Red);
        Assert.True(teal.Obeyed);
        Assert.Equal(0.0, teal.DeltaE, 1e-9);
        Assert.Equal(100, teal.PixelCount);
        Assert.False(red.Obeyed);
        Assert.Equal(Teal, red.Delivered);
        Assert.True(red.DeltaE > 5);
        Assert.Equal((61, 61), (red.X, red.Y));
        Assert.Equal(0.5, result.ObeyedShare);
    }

    [Fact]
    public void Paint_StrokeAcrossALine_BelongsToTheRegionHoldingMostOfIt()
    {
        // Arrange: a stroke 30 px in the left box and 8 px into the paper.
        RegionMap regions = TwoBoxes();
        RgbaImage model = TestImages.Solid(200, 120, 128, 128, 128);
        var hints = new RgbaImage(200, 120);
        Drawing.Fill(hints, 2, 50, 39, 51, Red.R, Red.G, Red.B);

        // Act
        FlatsResult result = FlatPainter.Paint(regions, hints, model);

        // Assert
        HintFidelity hint = Assert.Single(result.Hints);
        Assert.Equal(regions.RegionAt(50, 50), hint.Region);
        Assert.True(hint.Obeyed);
        Assert.True(result.Colours[regions.RegionAt(2, 2)].IsPaper);
    }

    [Fact]
    public void Paint_AntiAliasedHintEdge_CountsAsTheSameHintWithItsColour()
    {
        RegionMap regions = TwoBoxes();
        RgbaImage model = TestImages.Solid(200, 120, 128, 128, 128);
        var hints = new RgbaImage(200, 120);
        Drawing.Fill(hints, 40, 40, 50, 50, Red.R, Red.G, Red.B, 40);
        Drawing.Fill(hints, 42, 42, 48, 48, Red.R, Red.G, Red.B);

        FlatsResult result = FlatPainter.Paint(regions, hints, model);

        HintFidelity hint = Assert.Single(result.Hints);
        Assert.Equal(Red, hint.Requested);
        Assert.Equal(121, hint.PixelCount);
    }

    [Fact]
    public void Paint_FigureOpenToThePaper_TheHintColoursTheFigureAndThePaperStaysPaper()
    {
        // Arrange: the box's outline has a gap far over the gap size, so box and paper are one region;
        // the model paints the box teal and the paper white with a light haze beside the box.
        RegionMap regions = Regions.ModelColourSplitTests.OpenBox();
        RgbaImage model = TestImages.Solid(200, 120, 255, 255, 255);
        Drawing.Fill(model, 10, 10, 90, 100, Teal.R, Teal.G, Teal.B);
        Drawing.Fill(model, 100, 30, 130, 70, 240, 225, 200);
        var hints = new RgbaImage(200, 120);
        Drawing.Fill(hints, 40, 40, 44, 44, Red.R, Red.G, Red.B);

        // Act
        FlatsResult result = FlatPainter.Paint(regions, hints, model);

        // Assert
        Assert.Equal(Red, PixelOf(result.Flats, 50, 80));
        Assert.Equal(0, result.Flats.Pixels[(((60 * 200) + 150) * 4) + 3]);
        Assert.Equal(0, result.Flats.Pixels[(((50 * 200) + 115) * 4) + 3]);
        Assert.True(Assert.Single(result.Hints).Obeyed);
    }

    [Fact]
    public void Paint_DarkHazeInsideALightHaloOnThePage_StaysPaper()
    {
        // Arrange: beside the open box, the model paints a light halo (40x40) with a dark core (24x24) on the page.
        RegionMap regions = Regions.ModelColourSplitTests.OpenBox();
        RgbaImage model = TestImages.Solid(200, 120, 255, 255, 255);
        Drawing.Fill(model, 10, 10, 90, 100, Teal.R, Teal.G, Teal.B);
        Drawing.Fill(model, 120, 30, 159, 69, 240, 225, 200);
        Drawing.Fill(model, 128, 38, 151, 61, 120, 60, 40);

        // Act
        FlatsResult result = FlatPainter.Paint(regions, null, model);

        // Assert: the core is cut as a part of its own, and it is paper with its halo; the box keeps its colour.
        Assert.NotEqual(result.Regions.RegionAt(140, 50), result.Regions.RegionAt(123, 33));
        Assert.Equal(0, result.Flats.Pixels[(((50 * 200) + 140) * 4) + 3]);
        Assert.Equal(0, result.Flats.Pixels[(((33 * 200) + 123) * 4) + 3]);
        Assert.Equal(Teal, PixelOf(result.Flats, 50, 80));
    }

    [Fact]
    public void Paint_TwoHintColoursInARegionTheModelPaintsApart_BothAreObeyed()
    {
        // Arrange: the left box cut by a line with a gap (14 px) in the middle; the model paints its halves teal and red.
        RgbaImage art = Drawing.Paper(200, 120);
        Drawing.Rectangle(art, 10, 10, 90, 100);
        Drawing.Fill(art, 49, 10, 50, 45, 0, 0, 0);
        Drawing.Fill(art, 49, 60, 50, 100, 0, 0, 0);
        RegionMap regions = RegionFinder.Find(LineArtLayer.FromImage(art));
        Assert.Equal(regions.RegionAt(30, 50), regions.RegionAt(70, 50));
        RgbaImage model = TestImages.Solid(200, 120, 255, 255, 255);
        Drawing.Fill(model, 10, 10, 49, 100, Teal.R, Teal.G, Teal.B);
        Drawing.Fill(model, 50, 10, 90, 100, Red.R, Red.G, Red.B);
        var hints = new RgbaImage(200, 120);
        Drawing.Fill(hints, 28, 28, 32, 32, Teal.R, Teal.G, Teal.B);
        Drawing.Fill(hints, 68, 68, 70, 70, Red.R, Red.G, Red.B);

        // Act
        FlatsResult result = FlatPainter.Paint(regions, hints, model);

        // Assert
        Assert.All(result.Hints, h => Assert.True(h.Obeyed));
        Assert.Equal(Teal, PixelOf(result.Flats, 30, 80));
        Assert.Equal(Red, PixelOf(result.Flats, 70, 20));
    }

    [Fact]
    public void Paint_ModelColourCloseToAHintColour_TakesTheHintColourExactly()
    {
        // Arrange: the right box's model colour is a slightly bled red; the left box has a red hint.
        RegionMap regions = TwoBoxes();
        RgbaImage model = TestImages.Solid(200, 120, Teal.R, Teal.G, Teal.B);
        Drawing.Fill(model, 110, 10, 190, 100, 200, 45, 50);
        var hints = new RgbaImage(200, 120);
        Drawing.Fill(hints, 40, 40, 44, 44, Red.R, Red.G, Red.B);

        // Act
        FlatsResult snapped = FlatPainter.Paint(regions, hints, model);
        FlatsResult unsnapped = FlatPainter.Paint(regions, hints, model, FlatsOptions.Default with { SnapToHintDeltaE = 0 });

        // Assert
        Assert.Equal(new RegionColour(Red, RegionColourSource.Model), snapped.Colours[regions.RegionAt(150, 50)]);
        Assert.Equal(new Rgb(200, 45, 50), unsnapped.Colours[regions.RegionAt(150, 50)].Colour);
    }

    [Fact]
    public void Paint_FigureOpenByAGapOverTheGapSizeAndAModelThatSeesNoFigure_TheHintStaysInTheFigure()
    {
        // Arrange: a 6 px gap joins the box to the page, and the model (as with few hints) paints both the same pale colour,
        // so its colour cannot tell them apart: only the neck can.
        RegionMap regions = Regions.WideGapSplitTests.BoxWithGap(6);
        RgbaImage model = TestImages.Solid(200, 120, 250, 246, 236);
        var hints = new RgbaImage(200, 120);
        Drawing.Fill(hints, 40, 40, 44, 44, Red.R, Red.G, Red.B);

        // Act
        FlatsResult cut = FlatPainter.Paint(regions, hints, model);
        FlatsResult uncut = FlatPainter.Paint(regions, hints, model, FlatsOptions.Default with { WideGapSize = 0 });

        // Assert: the box takes the hint and the page stays paper; without the cut the hint floods the page.
        Assert.Equal(Red, PixelOf(cut.Flats, 50, 80));
        Assert.Equal(0, cut.Flats.Pixels[(((60 * 200) + 150) * 4) + 3]);
        Assert.Equal(Red, PixelOf(uncut.Flats, 150, 60));
    }

    [Fact]
    public void Paint_SplitTurnedOff_KeepsTheLinesRegions()
    {
        RegionMap regions = Regions.ModelColourSplitTests.OpenBox();
        RgbaImage model = TestImages.Solid(200, 120, 255, 255, 255);
        Drawing.Fill(model, 10, 10, 90, 100, Teal.R, Teal.G, Teal.B);
        var hints = new RgbaImage(200, 120);
        Drawing.Fill(hints, 40, 40, 44, 44, Red.R, Red.G, Red.B);

        FlatsResult result = FlatPainter.Paint(regions, hints, model, FlatsOptions.Default with { SplitByModelColour = false });

        Assert.Same(regions, result.Regions);
        Assert.Equal(Red, PixelOf(result.Flats, 150, 60));
    }

    [Fact]
    public void Paint_ModelColourOfAnotherSize_ThrowsNamingBothSizes()
    {
        RegionMap regions = TwoBoxes();

        var error = Assert.Throws<ArgumentException>(() => FlatPainter.Paint(regions, null, new RgbaImage(20, 10)));

        Assert.Contains("20x10", error.Message);
        Assert.Contains("200x120", error.Message);
    }

    /// <summary>Paper with two closed boxes: (10,10)-(90,100) and (110,10)-(190,100).</summary>
    internal static RegionMap TwoBoxes()
    {
        RgbaImage art = Drawing.Paper(200, 120);
        Drawing.Rectangle(art, 10, 10, 90, 100);
        Drawing.Rectangle(art, 110, 10, 190, 100);
        return RegionFinder.Find(LineArtLayer.FromImage(art));
    }

    private static Rgb PixelOf(RgbaImage image, int x, int y)
    {
        int o = ((y * image.Width) + x) * 4;
        return new Rgb(image.Pixels[o], image.Pixels[o + 1], image.Pixels[o + 2]);
    }

    private static IEnumerable<byte> Alphas(RgbaImage image)
    {
        for (int i = 3; i < image.Pixels.Length; i += 4)
        {
            yield return image.Pixels[i];
        }
    }
}
