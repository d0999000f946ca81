using ColorizeBridge.PaintDotNet.Core.Imaging;

namespace ColorizeBridge.PaintDotNet.Tests.Imaging;

public sealed class TileBlenderTests
{
    [Fact]
    public void Add_TilesOfOneColour_GiveThatColourEverywhere()
    {
        TilePlan plan = TilePlan.For(new PixelRect(5, 5, 150, 120), maxTileSide: 100, overlap: 20);
        var blender = new TileBlender(plan);

        foreach (PixelRect tile in plan.Tiles)
        {
            blender.Add(Filled(tile.Width, tile.Height, 40));
        }

        Assert.True(blender.IsComplete);
        Assert.All(blender.Result.Pixels, value => Assert.Equal(40, value));
    }

    [Fact]
    public void Add_TwoTilesApart_CrossFadesLinearlyOverTheOverlap()
    {
        TilePlan plan = TilePlan.For(new PixelRect(0, 0, 180, 10), maxTileSide: 100, overlap: 20);
        var blender = new TileBlender(plan);

        blender.Add(Filled(100, 10, 0));
        blender.Add(Filled(100, 10, 210));

        byte[] row = RedOfRow(blender.Result, 0);
        Assert.All(row[..80], value => Assert.Equal(0, value));
        Assert.All(row[100..], value => Assert.Equal(210, value));
        byte[] fade = row[80..100];
        Assert.Equal(10, fade[0]);
        Assert.Equal(200, fade[^1]);
        Assert.True(fade.Zip(fade.Skip(1)).All(pair => pair.Second > pair.First), string.Join(",", fade));
    }

    [Fact]
    public void Add_MoreTilesThanPlanned_Throws()
    {
        TilePlan plan = TilePlan.For(new PixelRect(0, 0, 10, 10), maxTileSide: 100, overlap: 20);
        var blender = new TileBlender(plan);
        blender.Add(Filled(10, 10, 1));

        Assert.Throws<InvalidOperationException>(() => blender.Add(Filled(10, 10, 1)));
    }

    [Fact]
    public void Add_PixelsOfAnotherSize_Throws()
    {
        var blender = new TileBlender(TilePlan.For(new PixelRect(0, 0, 10, 10), maxTileSide: 100, overlap: 20));

        Assert.Throws<ArgumentException>(() => blender.Add(Filled(9, 10, 1)));
    }

    private static BgraBitmap Filled(int width, int height, byte value)
    {
        var bitmap = new BgraBitmap(width, height);
        Array.Fill(bitmap.Pixels, value);
        return bitmap;
    }

    private static byte[] RedOfRow(BgraBitmap bitmap, int y)
    {
        Span<byte> row = bitmap.GetRow(y);
        byte[] red = new byte[bitmap.Width];
        for (int x = 0; x < red.Length; x++)
        {
            red[x] = row[(x * BgraBitmap.BytesPerPixel) + 2];
        }

        return red;
    }
}
