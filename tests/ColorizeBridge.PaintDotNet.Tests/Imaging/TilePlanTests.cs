using ColorizeBridge.PaintDotNet.Core.Imaging;

namespace ColorizeBridge.PaintDotNet.Tests.Imaging;

public sealed class TilePlanTests
{
    [Fact]
    public void For_AreaWithinTheLimit_IsOneTileOfTheArea()
    {
        var area = new PixelRect(10, 20, 300, 200);

        TilePlan plan = TilePlan.For(area, maxTileSide: 512, overlap: 32);

        Assert.Equal([area], plan.Tiles);
    }

    [Theory]
    [InlineData(5000, 2048, 64)]
    [InlineData(2049, 2048, 64)]
    [InlineData(4096, 1024, 100)]
    [InlineData(777, 100, 10)]
    public void For_LargeArea_TilesCoverItWithinTheLimitAndOverlapEnough(int side, int maxTileSide, int overlap)
    {
        var area = new PixelRect(7, 3, side, side / 2);

        TilePlan plan = TilePlan.For(area, maxTileSide, overlap);

        Assert.All(plan.Tiles, tile => Assert.Equal(tile, tile.Intersect(area)));
        Assert.All(plan.Tiles, tile => Assert.True(tile.Width <= maxTileSide && tile.Height <= maxTileSide, tile.ToString()));
        int[] lefts = [.. plan.Tiles.Select(t => t.X).Distinct().Order()];
        int width = plan.Tiles[0].Width;
        Assert.Equal(area.X, lefts[0]);
        Assert.Equal(area.Right, lefts[^1] + width);
        Assert.All(lefts.Zip(lefts.Skip(1)), pair => Assert.True(pair.First + width - pair.Second >= overlap, $"{pair} overlap less than {overlap}"));
    }

    [Fact]
    public void For_TwoByTwo_ListsTilesRowByRow()
    {
        TilePlan plan = TilePlan.For(new PixelRect(0, 0, 150, 150), maxTileSide: 100, overlap: 20);

        Assert.Equal(
            [new PixelRect(0, 0, 85, 85), new PixelRect(65, 0, 85, 85), new PixelRect(0, 65, 85, 85), new PixelRect(65, 65, 85, 85)],
            plan.Tiles);
    }

    [Fact]
    public void For_LimitNotAboveTwiceTheOverlap_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TilePlan.For(new PixelRect(0, 0, 500, 500), maxTileSide: 128, overlap: 64));
    }
}
