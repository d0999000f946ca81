using ColorizeBridge.Api.V1;
using ColorizeBridge.PaintDotNet.Core.Imaging;
using ColorizeBridge.PaintDotNet.Core.Requests;

namespace ColorizeBridge.PaintDotNet.Tests.Requests;

public sealed class ColorizeRequestBuilderTests
{
    private static readonly BgraBitmap LineArt = new(40, 20);

    [Fact]
    public void Build_LineArt_TravelsAsGrayOnWhiteAtItsSize()
    {
        ColorizeRequest request = ColorizeRequestBuilder.Build(new ColorizeSettings { HintSource = HintSource.None }, LineArt, hints: null);

        RawImage raw = request.LineArt.Raw;
        Assert.Equal((40u, 20u, PixelFormat.Gray8), (raw.Width, raw.Height, raw.Format));
        Assert.All(raw.Pixels, value => Assert.Equal(255, value));
    }

    [Fact]
    public void Build_Options_AskForRawRgbaAndTheChosenLineComposite()
    {
        ColorizeRequest keep = ColorizeRequestBuilder.Build(new ColorizeSettings { HintSource = HintSource.None, KeepLines = true }, LineArt, null);
        ColorizeRequest raw = ColorizeRequestBuilder.Build(new ColorizeSettings { HintSource = HintSource.None, KeepLines = false }, LineArt, null);

        Assert.Equal(OutputFormat.RawRgba8, keep.Options.OutputFormat);
        Assert.Equal(LineComposite.Multiply, keep.Options.LineComposite);
        Assert.Equal(LineComposite.None, raw.Options.LineComposite);
    }

    [Fact]
    public void Build_Model_IsTrimmedAndEmptyMeansTheDefault()
    {
        ColorizeRequest named = ColorizeRequestBuilder.Build(new ColorizeSettings { HintSource = HintSource.None, Model = " anime " }, LineArt, null);
        ColorizeRequest unnamed = ColorizeRequestBuilder.Build(new ColorizeSettings { HintSource = HintSource.None }, LineArt, null);

        Assert.Equal(("anime", ""), (named.Model, unnamed.Model));
    }

    [Fact]
    public void Build_HintsFromTheLayerBelow_SendItAsBgra8HintLayer()
    {
        var hints = new BgraBitmap(40, 20);
        hints.Pixels[0] = 9;
        hints.Pixels[3] = 255;

        ColorizeRequest request = ColorizeRequestBuilder.Build(new ColorizeSettings { HintSource = HintSource.LayerBelow }, LineArt, hints);

        RawImage layer = request.Hints.HintLayer.Raw;
        Assert.Equal((40u, 20u, PixelFormat.Bgra8), (layer.Width, layer.Height, layer.Format));
        Assert.Equal(hints.Pixels, layer.Pixels.ToByteArray());
        Assert.Empty(request.Hints.Strokes);
    }

    [Fact]
    public void Build_HintsFromTheLayerBelowWithoutOne_ThrowsSayingWhatToDo()
    {
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(
            () => ColorizeRequestBuilder.Build(new ColorizeSettings { HintSource = HintSource.LayerBelow }, LineArt, hints: null));

        Assert.Contains("add a layer of colour hints under it", error.Message);
    }

    [Fact]
    public void Build_HintLayerOfAnotherSize_Throws()
    {
        Assert.Throws<ArgumentException>(
            () => ColorizeRequestBuilder.Build(new ColorizeSettings { HintSource = HintSource.LayerBelow }, LineArt, new BgraBitmap(20, 20)));
    }

    [Fact]
    public void Build_ColourHint_IsOneDotOfThatColourInTheMiddle()
    {
        var settings = new ColorizeSettings { HintSource = HintSource.Color, HintColor = new HintColor(1, 2, 3) };

        ColorizeRequest request = ColorizeRequestBuilder.Build(settings, LineArt, hints: null);

        Stroke dot = Assert.Single(request.Hints.Strokes);
        Assert.Equal((20f, 10f), (Assert.Single(dot.Points).X, dot.Points[0].Y));
        Assert.Equal((1u, 2u, 3u), (dot.Color.R, dot.Color.G, dot.Color.B));
        Assert.Equal(3f, dot.Width);
        Assert.Null(request.Hints.HintLayer);
    }

    [Fact]
    public void Build_NoHints_SendsEmptyHints()
    {
        ColorizeRequest request = ColorizeRequestBuilder.Build(new ColorizeSettings { HintSource = HintSource.None }, LineArt, new BgraBitmap(40, 20));

        Assert.Null(request.Hints.HintLayer);
        Assert.Empty(request.Hints.Strokes);
    }
}
