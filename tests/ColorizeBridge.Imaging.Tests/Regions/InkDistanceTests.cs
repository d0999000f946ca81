using ColorizeBridge.Imaging.Regions;
using Xunit;

namespace ColorizeBridge.Imaging.Tests.Regions;

public sealed class InkDistanceTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(2.5)]
    [InlineData(5.0)]
    [InlineData(7.3)]
    [InlineData(32.5)]
    public void FartherThan_MatchesTheDistanceToEveryInkPixel(double distance)
    {
        var random = new Random(17);
        foreach ((int width, int height, double density) in new[] { (37, 23, 0.01), (64, 48, 0.002), (19, 41, 0.05), (50, 50, 0.0) })
        {
            var ink = new byte[width * height];
            for (int p = 0; p < ink.Length; p++)
            {
                ink[p] = random.NextDouble() < density ? (byte)1 : (byte)0;
            }

            ink[random.Next(ink.Length)] = density > 0 ? (byte)1 : (byte)0;
            byte[] farther = InkDistance.FartherThan(ink, width, height, distance);
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    double nearest = double.PositiveInfinity;
                    for (int q = 0; q < ink.Length; q++)
                    {
                        if (ink[q] != 0)
                        {
                            nearest = Math.Min(nearest, Math.Sqrt(((q % width) - x) * ((q % width) - x) + ((q / width) - y) * ((q / width) - y)));
                        }
                    }

                    Assert.True((farther[(y * width) + x] == 1) == (nearest > distance), $"{width}x{height} at ({x}, {y}): nearest ink {nearest:F3}, distance {distance}");
                }
            }
        }
    }
}
