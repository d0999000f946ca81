using ColorizeBridge.Imaging.Geometry;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.LineArt;

/// <summary>
/// The request path's copy-free forms (layer made in the decoded image,
/// composite written over the colour, grey written straight into the model's
/// input) give exactly what the allocating forms give.
/// </summary>
public sealed class InPlaceLineArtTests
{
    private static readonly SizeRules ModelRules = new(multipleOf: 32, minSide: 64, maxSide: 2048, preferredSide: 512);

    public static TheoryData<string> Inputs() => ["line art", "coloured ink", "inverted", "noise", "transparent layer"];

    private static RgbaImage Input(string name) => name switch
    {
        "line art" => TestImages.LineArt(97, 61, seed: 3),
        "coloured ink" => TestImages.LineArt(64, 80, seed: 4, inkR: 200, inkG: 30, inkB: 90),
        "inverted" => Inverted(TestImages.LineArt(80, 64, seed: 5)),
        "noise" => TestImages.Noise(70, 50, seed: 6, opaque: true),
        "transparent layer" => TestImages.Noise(40, 30, seed: 7),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static RgbaImage Inverted(RgbaImage image)
    {
        for (int i = 0; i < image.Pixels.Length; i += 4)
        {
            image.Pixels[i] ^= 255;
            image.Pixels[i + 1] ^= 255;
            image.Pixels[i + 2] ^= 255;
        }

        return image;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void FromImageInPlace_GivesTheSameLayerAsFromImage_InTheInputsOwnBuffer(string input)
    {
        RgbaImage expectedSource = Input(input);
        LineArtLayer expected = LineArtLayer.FromImage(expectedSource);
        RgbaImage image = Input(input);

        LineArtLayer inPlace = LineArtLayer.FromImageInPlace(image);

        Assert.Same(image, inPlace.Layer);
        Assert.Equal(expected.Layer.Pixels, inPlace.Layer.Pixels);
        Assert.Equal((expected.WasInverted, expected.HadTransparency), (inPlace.WasInverted, inPlace.HadTransparency));
        Assert.Equal(expected.Ink.Values, inPlace.Ink.Values);
        Assert.Equal(expected.ModelGrey.Values, inPlace.ModelGrey.Values);
        if (input is "inverted" or "line art")
        {
            Assert.Equal(input == "inverted", inPlace.WasInverted);
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void FromImage_LeavesTheInputAsItWas(string input)
    {
        RgbaImage image = Input(input);
        byte[] before = (byte[])image.Pixels.Clone();

        LineArtLayer layer = LineArtLayer.FromImage(image);

        Assert.NotSame(image, layer.Layer);
        Assert.Equal(before, image.Pixels);
    }

    [Theory]
    [InlineData("line art")]
    [InlineData("coloured ink")]
    [InlineData("noise")]
    public void ModelGrey_OfOpaqueInput_IsTheInputsOwnBt601Grey(string input)
    {
        // The grey is now read back from the layer over white: it must be the
        // grey of the input itself, as when it was computed from the input.
        RgbaImage image = Input(input);

        LineArtLayer layer = LineArtLayer.FromImage(image, InvertedArtHandling.Never);

        for (int i = 0, p = 0; i < image.Pixels.Length; i += 4, p++)
        {
            int luma = ((image.Pixels[i] * 19595) + (image.Pixels[i + 1] * 38470) + (image.Pixels[i + 2] * 7471) + 32768) >> 16;
            Assert.Equal((luma / 127.5f) - 1f, layer.ModelGrey.Values[p]);
        }
    }

    [Theory]
    [InlineData(97, 61, null)] // content 512 wide: resized
    [InlineData(512, 384, null)] // content is the source size: written straight into the work rows
    [InlineData(200, 100, 200)] // the same, with padding to 224x128
    [InlineData(40, 30, 64)] // enlarged
    public void FitLine_IntoABuffer_EqualsFitLineOfTheGreyPlane(int width, int height, int? side)
    {
        LineArtLayer layer = LineArtLayer.FromImage(TestImages.LineArt(width, height, seed: 8));
        FitPlan plan = FitPlan.Create(width, height, ModelRules, side);
        float[] expected = plan.FitLine(layer.ModelGrey).Values;
        float[] work = new float[plan.WorkWidth * plan.WorkHeight];
        Array.Fill(work, float.NaN); // whatever a pooled buffer held before

        plan.FitLine(layer, work);

        Assert.Equal(expected, work);
    }

    [Fact]
    public void FitLine_IntoABufferOfTheWrongSize_SaysWhatItNeeds()
    {
        LineArtLayer layer = LineArtLayer.FromImage(TestImages.LineArt(64, 64, seed: 9));
        FitPlan plan = FitPlan.Create(64, 64, ModelRules, 64);

        var error = Assert.Throws<ArgumentException>(() => plan.FitLine(layer, new float[100]));

        Assert.Contains("64x64 needs 4096", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void CompositeInPlace_EqualsCompositeByteForByte(string input)
    {
        RgbaImage art = Input(input);
        LineArtLayer layer = LineArtLayer.FromImage(art);
        RgbaImage colour = TestImages.Noise(art.Width, art.Height, seed: 10, opaque: true);
        CompositeResult expected = LineArtCompositor.Composite(colour, layer);

        RgbaImage target = colour.Clone();
        LineArtCompositor.CompositeInPlace(target, layer);

        Assert.Equal(expected.Image.Pixels, target.Pixels);
        Assert.NotEqual(colour.Pixels, target.Pixels);
    }

    [Fact]
    public void CompositeInPlace_SizesDiffer_Throws()
    {
        LineArtLayer layer = LineArtLayer.FromImage(TestImages.LineArt(20, 10, seed: 11));

        Assert.Throws<ArgumentException>(() => LineArtCompositor.CompositeInPlace(new RgbaImage(10, 10), layer));
    }
}
