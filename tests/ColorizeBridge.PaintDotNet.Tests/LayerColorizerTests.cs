using ColorizeBridge.PaintDotNet.Core;
using ColorizeBridge.PaintDotNet.Core.Imaging;
using ColorizeBridge.PaintDotNet.Core.Requests;
using ColorizeBridge.PaintDotNet.Tests.Support;
using Grpc.Core;

namespace ColorizeBridge.PaintDotNet.Tests;

/// <summary>The whole path against a real server: crop, mask, tiles, request, result.</summary>
public sealed class LayerColorizerTests(ColorizeServerFixture server) : IClassFixture<ColorizeServerFixture>
{
    [Fact]
    public async Task ColorizeAsync_WholeLayerWithHintsBelow_ReturnsOpaqueColourOfTheLayersSize()
    {
        BgraBitmap lineArt = Circle(160, 120);
        BgraBitmap hints = HintDot(160, 120, 80, 60, red: 230, green: 40, blue: 40);
        var colorizer = new LayerColorizer(Settings(HintSource.LayerBelow));

        ColorizedArea area = await colorizer.ColorizeAsync(lineArt, hints, SelectionMask.Everything(160, 120));

        Assert.Equal(new PixelRect(0, 0, 160, 120), area.Bounds);
        Assert.Equal((160, 120), (area.Pixels.Width, area.Pixels.Height));
        Assert.All(Alphas(area.Pixels), alpha => Assert.Equal(255, alpha));
        Assert.True(Chroma(area.Pixels) > 0, "the result has no colour at all");
    }

    [Fact]
    public async Task ColorizeAsync_Selection_ReturnsJustItsBounds()
    {
        var selection = new SelectionMask(new PixelRect(20, 10, 64, 48), Enumerable.Repeat((byte)255, 64 * 48).ToArray());
        var colorizer = new LayerColorizer(Settings(HintSource.Color));

        ColorizedArea area = await colorizer.ColorizeAsync(Circle(160, 120), hintLayer: null, selection);

        Assert.Equal(selection.Bounds, area.Bounds);
        Assert.Equal((64, 48), (area.Pixels.Width, area.Pixels.Height));
    }

    [Fact]
    public async Task ColorizeAsync_AreaOverTheTileLimit_GoesTileByTileAndReportsProgressToTheEnd()
    {
        var colorizer = new LayerColorizer(Settings(HintSource.None) with { MaxTileSide = 100, TileOverlap = 16 });
        var reports = new List<double>();

        ColorizedArea area = await colorizer.ColorizeAsync(Circle(180, 90), hintLayer: null, SelectionMask.Everything(180, 90),
            new Progress<double>(reports.Add));

        Assert.Equal((180, 90), (area.Pixels.Width, area.Pixels.Height));
        Assert.All(Alphas(area.Pixels), alpha => Assert.Equal(255, alpha));
        await Task.Delay(100); // Progress<T> reports on the thread pool.
        Assert.Equal(1.0, reports.Max(), precision: 6);
    }

    [Fact]
    public async Task ColorizeAsync_UnknownModel_ThrowsNotFound()
    {
        var colorizer = new LayerColorizer(Settings(HintSource.None) with { Model = "no-such-model" });

        RpcException error = await Assert.ThrowsAsync<RpcException>(
            () => colorizer.ColorizeAsync(Circle(64, 64), null, SelectionMask.Everything(64, 64)));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task ColorizeAsync_NoServerThere_ThrowsUnavailable()
    {
        var colorizer = new LayerColorizer(Settings(HintSource.None) with { ServerAddress = "127.0.0.1:1" });

        RpcException error = await Assert.ThrowsAsync<RpcException>(
            () => colorizer.ColorizeAsync(Circle(64, 64), null, SelectionMask.Everything(64, 64)));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task ColorizeAsync_SelectionOutsideTheLayer_Throws()
    {
        var selection = new SelectionMask(new PixelRect(50, 50, 20, 20), new byte[400]);
        var colorizer = new LayerColorizer(Settings(HintSource.None));

        await Assert.ThrowsAsync<ArgumentException>(() => colorizer.ColorizeAsync(Circle(64, 64), null, selection));
    }

    private ColorizeSettings Settings(HintSource hints) => new() { ServerAddress = server.Address, HintSource = hints };

    /// <summary>A black ring on a transparent layer, as line art often is in Paint.NET.</summary>
    private static BgraBitmap Circle(int width, int height)
    {
        var bitmap = new BgraBitmap(width, height);
        double radius = Math.Min(width, height) * 0.35;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                double distance = Math.Abs(Math.Sqrt(Math.Pow(x - (width / 2.0), 2) + Math.Pow(y - (height / 2.0), 2)) - radius);
                bitmap.Pixels[(((y * width) + x) * BgraBitmap.BytesPerPixel) + 3] = distance < 1.5 ? (byte)255 : (byte)0;
            }
        }

        return bitmap;
    }

    private static BgraBitmap HintDot(int width, int height, int centreX, int centreY, byte red, byte green, byte blue)
    {
        var bitmap = new BgraBitmap(width, height);
        for (int y = centreY - 4; y <= centreY + 4; y++)
        {
            for (int x = centreX - 4; x <= centreX + 4; x++)
            {
                int p = ((y * width) + x) * BgraBitmap.BytesPerPixel;
                (bitmap.Pixels[p], bitmap.Pixels[p + 1], bitmap.Pixels[p + 2], bitmap.Pixels[p + 3]) = (blue, green, red, 255);
            }
        }

        return bitmap;
    }

    private static IEnumerable<byte> Alphas(BgraBitmap bitmap) => bitmap.Pixels.Where((_, i) => i % BgraBitmap.BytesPerPixel == 3);

    /// <summary>The largest difference between the channels of any pixel; 0 for a grey image.</summary>
    private static int Chroma(BgraBitmap bitmap)
    {
        int most = 0;
        for (int p = 0; p < bitmap.Pixels.Length; p += BgraBitmap.BytesPerPixel)
        {
            int b = bitmap.Pixels[p], g = bitmap.Pixels[p + 1], r = bitmap.Pixels[p + 2];
            most = Math.Max(most, Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)));
        }

        return most;
    }
}
