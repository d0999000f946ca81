using System.Diagnostics;
using ColorizeBridge.Imaging.Colour;
using ColorizeBridge.Imaging.Flats;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Matching;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;
using ColorizeBridge.Tests.Shared;

namespace ColorizeBridge.Imaging.Tests.Matching;

public sealed class RegionMatcherTests
{
    private const double Sure = 0.5;
    private static readonly FigurePose ReferencePose = new(150, 160);

    private static readonly Dictionary<string, FigurePose> Poses = new()
    {
        ["same place"] = new FigurePose(150, 160),
        ["moved"] = new FigurePose(190, 135),
        ["scaled up and moved"] = new FigurePose(170, 170, Scale: 1.4),
        ["scaled down"] = new FigurePose(120, 150, Scale: 0.75),
        ["turned 20 degrees"] = new FigurePose(160, 160, TurnDegrees: 20),
        ["turned -35 degrees and scaled"] = new FigurePose(160, 165, Scale: 1.15, TurnDegrees: -35),
        ["bent"] = new FigurePose(155, 160, Warp: 0.35),
        ["bent, turned and scaled"] = new FigurePose(165, 160, Scale: 1.2, TurnDegrees: 12, Warp: 0.25),
    };

    [Theory]
    [InlineData("same place")]
    [InlineData("moved")]
    [InlineData("scaled up and moved")]
    [InlineData("scaled down")]
    [InlineData("turned 20 degrees")]
    [InlineData("turned -35 degrees and scaled")]
    [InlineData("bent")]
    [InlineData("bent, turned and scaled")]
    public void Match_FigurePosedAnew_FindsEveryPartsCounterpart(string pose)
    {
        // Arrange
        FigurePose newPose = Poses[pose];
        ReferenceRegions reference = Reference();
        RegionMap page = Regions(FigurePages.LineArt(320, 320, newPose));

        // Act
        RegionMatches matches = RegionMatcher.Match(reference, page);

        // Assert
        foreach (FigurePart part in FigurePages.Parts)
        {
            int region = RegionOf(page, part, newPose);
            Assert.True(ReferenceRegionOf(reference, part) == matches.Counterparts[region],
                $"{pose}: the {part.Name} matched reference region {matches.Counterparts[region]}, not {ReferenceRegionOf(reference, part)}");
            Assert.True(matches.Confidence[region] >= Sure, $"{pose}: the {part.Name} matched with confidence {matches.Confidence[region]:F2} only");
        }
    }

    [Fact]
    public void Match_PartRemoved_StillMatchesTheRest()
    {
        var pose = new FigurePose(170, 150, Scale: 1.1);
        ReferenceRegions reference = Reference();
        RegionMap page = Regions(FigurePages.LineArt(320, 320, pose, FigureEdits.RightEyeRemoved));

        RegionMatches matches = RegionMatcher.Match(reference, page);

        foreach (FigurePart part in FigurePages.Parts.Where(p => p.Name != "right eye"))
        {
            int region = RegionOf(page, part, pose);
            Assert.True(ReferenceRegionOf(reference, part) == matches.Counterparts[region], $"the {part.Name} is matched wrongly");
        }

        // The right eye's place is now face: it is the head.
        Assert.Equal(RegionOf(page, FigurePages.Part("head"), pose), RegionOf(page, FigurePages.Part("right eye"), pose));
    }

    [Fact]
    public void Match_RegionSplitInTwo_BothHalvesMatchTheWhole()
    {
        var pose = new FigurePose(160, 165, TurnDegrees: 10);
        ReferenceRegions reference = Reference();
        RegionMap page = Regions(FigurePages.LineArt(320, 320, pose, FigureEdits.TorsoSplit));

        RegionMatches matches = RegionMatcher.Match(reference, page);

        int upper = RegionOf(page, FigurePages.Part("torso"), pose), lower = RegionOf(page, FigurePages.LowerTorso, pose);
        Assert.NotEqual(upper, lower);
        int torso = ReferenceRegionOf(reference, FigurePages.Part("torso"));
        Assert.Equal(torso, matches.Counterparts[upper]);
        Assert.Equal(torso, matches.Counterparts[lower]);
        Assert.True(matches.Confidence[lower] >= Sure, $"the lower torso matched with confidence {matches.Confidence[lower]:F2} only");
    }

    [Fact]
    public void Match_PartTheReferenceLacks_IsNotSure()
    {
        var pose = new FigurePose(150, 170);
        ReferenceRegions reference = Reference();
        RegionMap page = Regions(FigurePages.LineArt(320, 320, pose, FigureEdits.HatAdded));

        RegionMatches matches = RegionMatcher.Match(reference, page);

        int hat = RegionOf(page, FigurePages.Hat, pose);
        Assert.True(matches.Confidence[hat] < Sure, $"the hat, new on this page, matched reference region {matches.Counterparts[hat]} with confidence {matches.Confidence[hat]:F2}");
        Assert.Equal(ReferenceRegionOf(reference, FigurePages.Part("hair")), matches.Counterparts[RegionOf(page, FigurePages.Part("hair"), pose)]);
    }

    [Fact]
    public void Match_Background_StaysUnmatched()
    {
        ReferenceRegions reference = Reference();
        RegionMap page = Regions(FigurePages.LineArt(320, 320, new FigurePose(140, 150)));

        RegionMatches matches = RegionMatcher.Match(reference, page);

        int background = page.RegionAt(2, 2);
        Assert.Equal(-1, matches.Counterparts[background]);
        Assert.Equal(0, matches.Confidence[background]);
        Assert.Equal(0, matches.ConfidenceLayer().Pixels[((2 * 320) + 2) * 4]);
    }

    [Fact]
    public void ColoursAtLeast_SureMatches_CarryTheReferenceColours()
    {
        var pose = new FigurePose(170, 160, Scale: 1.2);
        ReferenceRegions reference = Reference();
        RegionMap page = Regions(FigurePages.LineArt(320, 320, pose));

        RegionColour?[] colours = RegionMatcher.Match(reference, page).ColoursAtLeast(Sure);

        FigurePart skirt = FigurePages.Part("skirt");
        Assert.Equal(new RegionColour(new Rgb(skirt.R, skirt.G, skirt.B), RegionColourSource.Reference), colours[RegionOf(page, skirt, pose)]);
        Assert.Null(colours[page.RegionAt(2, 2)]);
    }

    [Fact]
    public void ConfidenceLayer_IsTheConfidenceOfEachPixelsRegion()
    {
        var pose = new FigurePose(150, 160, Scale: 0.9);
        ReferenceRegions reference = Reference();
        RegionMap page = Regions(FigurePages.LineArt(320, 320, pose));
        RegionMatches matches = RegionMatcher.Match(reference, page);

        RgbaImage layer = matches.ConfidenceLayer();

        (int x, int y) = FigurePages.Pixel(FigurePages.Part("belt"), pose);
        int o = ((y * 320) + x) * 4;
        Assert.Equal((byte)Math.Round(matches.Confidence[page.RegionAt(x, y)] * 255), layer.Pixels[o]);
        Assert.Equal(layer.Pixels[o], layer.Pixels[o + 2]);
        Assert.Equal(255, layer.Pixels[o + 3]);
    }

    [Fact]
    public void Match_LargePage_TakesWellUnderASecond()
    {
        var referencePose = new FigurePose(1000, 1000, Scale: 9);
        var pose = new FigurePose(1100, 1020, Scale: 10, TurnDegrees: 15);
        RgbaImage referenceLines = FigurePages.LineArt(2048, 2048, referencePose);
        ReferenceRegions reference = ReferenceRegions.Create(Regions(referenceLines),
            FigurePages.Coloured(referenceLines, referencePose, FigurePages.Parts));
        RegionMap page = Regions(FigurePages.LineArt(2048, 2048, pose));

        var watch = Stopwatch.StartNew();
        RegionMatches matches = RegionMatcher.Match(reference, page);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"matching a 2048x2048 page took {watch.Elapsed.TotalMilliseconds:F0} ms");
        FigurePart skirt = FigurePages.Part("skirt");
        Assert.Equal(ReferenceRegionOf(reference, skirt, referencePose), matches.Counterparts[RegionOf(page, skirt, pose)]);
    }

    [Fact]
    public void Create_FlatsLayerWithTransparentPaper_ReadsPaperAsWhite()
    {
        RgbaImage lines = FigurePages.LineArt(320, 320, ReferencePose);
        RgbaImage flats = FigurePages.Coloured(lines, ReferencePose, FigurePages.Parts);
        RegionMap regions = Regions(lines);
        int background = regions.RegionAt(2, 2);
        for (int p = 0; p < regions.Labels.Length; p++)
        {
            if (regions.Labels[p] == background)
            {
                flats.Pixels[(p * 4) + 3] = 0;
                flats.Pixels[p * 4] = 0;
            }
        }

        ReferenceRegions reference = ReferenceRegions.Create(regions, flats);

        Assert.True(reference.Paper[background]);
        Assert.Equal(Rgb.White, reference.Colours[background]);
        Assert.False(reference.Paper[ReferenceRegionOf(reference, FigurePages.Part("torso"))]);
    }

    [Fact]
    public void Create_ColoursOfAnotherSize_Throws()
    {
        RegionMap regions = Regions(FigurePages.LineArt(320, 320, ReferencePose));

        ArgumentException error = Assert.Throws<ArgumentException>(() => ReferenceRegions.Create(regions, new RgbaImage(300, 320)));

        Assert.Contains("300x320", error.Message, StringComparison.Ordinal);
    }

    private static ReferenceRegions Reference()
    {
        RgbaImage lines = FigurePages.LineArt(320, 320, ReferencePose);
        return ReferenceRegions.Create(Regions(lines), FigurePages.Coloured(lines, ReferencePose, FigurePages.Parts));
    }

    private static RegionMap Regions(RgbaImage lines) => RegionFinder.Find(LineArtLayer.FromImage(lines));

    private static int RegionOf(RegionMap page, FigurePart part, FigurePose pose)
    {
        (int x, int y) = FigurePages.Pixel(part, pose);
        return page.RegionAt(x, y);
    }

    private static int ReferenceRegionOf(ReferenceRegions reference, FigurePart part, FigurePose? pose = null) =>
        RegionOf(reference.Regions, part, pose ?? ReferencePose);
}
